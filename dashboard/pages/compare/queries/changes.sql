-- What changed between two academic years, $earlier and $later, for the schools
-- chosen ($consortium, $la, $sector, $medium; NULL meaning all), as counts only,
-- with a PLC focus area ($focus) counting only its PLCs (focus_ties, school_plcs):
--   ties_gained, ties_lost, ties_kept: ties (net_edges) with at least one end among
--     the schools chosen, as the overview counts a region's ties, tied in $later and
--     not in $earlier, the reverse, and tied in both (weights do not matter);
--   schools_joined, schools_left, schools_stayed: schools chosen with a PLC that
--     year (net_school_metrics.n_plcs > 0, the overview's "schools in PLCs") in
--     $later and not in $earlier, the reverse, and in both.
-- So ties($later) - ties($earlier) = gained - lost, and the same for schools in PLCs.
with

region_schools as (
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
),

earlier_ties as (select * from chosen_ties($earlier, $consortium, $la, $sector, $medium, $focus)),
later_ties as (select * from chosen_ties($later, $consortium, $la, $sector, $medium, $focus)),

tie_counts as (
    select
        (select count(*) from (select * from later_ties except select * from earlier_ties))
            as ties_gained,
        (select count(*) from (select * from earlier_ties except select * from later_ties))
            as ties_lost,
        (select count(*) from (select * from earlier_ties intersect select * from later_ties))
            as ties_kept
),

in_plcs as (
    select
        m.school_id,
        coalesce(bool_or(m.year = $earlier and m.n_plcs > 0), false) as in_earlier,
        coalesce(bool_or(m.year = $later and m.n_plcs > 0), false) as in_later
    from (
        select * from school_plcs($earlier, $focus) union select * from school_plcs($later, $focus)
    ) as m
    inner join region_schools as r on r.school_id = m.school_id
    group by m.school_id
),

school_counts as (
    select
        count(*) filter (where in_later and not in_earlier) as schools_joined,
        count(*) filter (where in_earlier and not in_later) as schools_left,
        count(*) filter (where in_earlier and in_later) as schools_stayed
    from in_plcs
)

select t.*, s.* from tie_counts as t cross join school_counts as s
