-- The overview's four headline figures (overview/queries/yearly.sql) in $earlier and
-- $later for the schools chosen ($consortium, $la, $sector, $medium; NULL meaning
-- all), counting only the PLCs of focus area $focus and the ties through them
-- (school_plcs, tying_memberships_in, focus_ties). With $focus NULL it gives the
-- overview's own figures (tests/dashboard/pages/test_compare_focus.py checks it):
--   schools_in_plcs: schools chosen with a PLC (of the area) that year;
--   active_plcs: PLCs (of the area) with a membership of a school chosen counting;
--   cross_la_share: of the ties (through the area's PLCs) with a school chosen at
--     either end, the share between schools of different LAs;
--   isolated_schools: schools chosen with no such tie at all that year.
with

region_schools as (
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
),

years as (
    select year from academic_years where year in ($earlier, $later) and has_plc_data
),

-- A school counts in a year of the network when it has measures that year.
year_schools as (
    select m.year, m.school_id
    from net_school_metrics as m
    inner join region_schools as r on r.school_id = m.school_id
    where m.year in (select year from years)
),

in_plcs as (
    select p.year, count(*) filter (where p.n_plcs > 0) as schools_in_plcs
    from (
        select * from school_plcs($earlier, $focus) union select * from school_plcs($later, $focus)
    ) as p
    inner join year_schools as s on s.year = p.year and s.school_id = p.school_id
    group by p.year
),

year_memberships as (
    select $earlier as year, plc_id, school_id from tying_memberships_in($earlier)
    union all
    select $later as year, plc_id, school_id from tying_memberships_in($later)
),

active as (
    select m.year, count(distinct m.plc_id) as active_plcs
    from year_memberships as m
    inner join plcs as p on p.plc_id = m.plc_id
    inner join region_schools as r on r.school_id = m.school_id
    where $focus is null or p.focus_area = $focus
    group by m.year
),

ties as (
    select * from focus_ties($focus) as e
    where e.year in (select year from years)
),

touching as (
    select
        e.year,
        count(*) as ties,
        count(*) filter (where e.cross_la) as cross_la_ties
    from ties as e
    where e.school_a in (select school_id from region_schools)
       or e.school_b in (select school_id from region_schools)
    group by e.year
),

tied as (
    select year, school_a as school_id from ties
    union
    select year, school_b as school_id from ties
),

isolated as (
    select s.year, count(*) as isolated_schools
    from year_schools as s
    anti join tied as t on t.year = s.year and t.school_id = s.school_id
    group by s.year
),

headlines as (
    select
        y.year,
        coalesce(i.schools_in_plcs, 0) as schools_in_plcs,
        coalesce(a.active_plcs, 0) as active_plcs,
        coalesce(t.ties, 0) as ties,
        t.cross_la_ties / t.ties as cross_la_share,
        coalesce(n.isolated_schools, 0) as isolated_schools
    from years as y
    left join in_plcs as i on i.year = y.year
    left join active as a on a.year = y.year
    left join touching as t on t.year = y.year
    left join isolated as n on n.year = y.year
)

select * from headlines
