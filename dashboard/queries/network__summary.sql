-- The network page's summary for $year and the schools the filters choose
-- ($consortium, $la, $sector, $medium; NULL meaning all): their ties with each
-- other, those among them that cross LA lines, and their ties to other schools.
with

region_schools as (
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
),

year_ties as (
    select
        e.cross_la,
        e.school_a in (select school_id from region_schools) as a_chosen,
        e.school_b in (select school_id from region_schools) as b_chosen
    from net_edges as e
    where e.year = $year
),

summary as (
    select
        count(*) filter (where a_chosen and b_chosen) as ties,
        count(*) filter (where a_chosen and b_chosen and cross_la) as cross_la_ties,
        count(*) filter (where a_chosen != b_chosen) as outside_ties
    from year_ties
)

select * from summary
