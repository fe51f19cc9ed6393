-- The ties of $year for the network page, for the schools the filters choose
-- ($consortium, $la, $sector, $medium; NULL meaning all), in one query (each query
-- opens the database afresh):
--   ties, cross_la_ties, outside_ties: the year's ties (net_edges) between two
--     schools chosen, those of them crossing LA lines, and those leaving the choice;
--   touching_cross_la_ties: of the ties with at least one school chosen (ties +
--     outside_ties), those crossing LA lines: the overview's cross-LA share counts these;
--   school_a, school_b, weight: the ties drawn between two schools chosen, from the
--     year's drawn set (net_edges_drawn: all ties, or the strongest when there are
--     too many for a browser; net_drawing_rules says which).
-- The counts repeat on every row; with no tie drawn there is one row, its tie NULL.
with

region_schools as (
    -- Only the schools in the user's scope (visible_schools) are shown or drawn.
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
    where school_id in (select school_id from visible_schools())
),

year_ties as (
    select
        e.cross_la,
        e.school_a in (select school_id from region_schools) as a_chosen,
        e.school_b in (select school_id from region_schools) as b_chosen
    from net_edges as e
    where e.year = $year
),

counts as (
    select
        count(*) filter (where a_chosen and b_chosen) as ties,
        count(*) filter (where a_chosen and b_chosen and cross_la) as cross_la_ties,
        count(*) filter (where a_chosen != b_chosen) as outside_ties,
        count(*) filter (where (a_chosen or b_chosen) and cross_la) as touching_cross_la_ties
    from year_ties
),

drawn as (
    select
        d.school_a,
        d.school_b,
        d.weight
    from net_edges_drawn as d
    where d.year = $year
      and d.school_a in (select school_id from region_schools)
      and d.school_b in (select school_id from region_schools)
),

ties as (
    select
        c.ties,
        c.cross_la_ties,
        c.outside_ties,
        c.touching_cross_la_ties,
        d.school_a,
        d.school_b,
        d.weight
    from counts as c
    left join drawn as d on true
    order by d.school_a, d.school_b
)

select * from ties
