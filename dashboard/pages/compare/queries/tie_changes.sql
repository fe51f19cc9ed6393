-- The ties gained and lost between $earlier and $later (see changes.sql) that the
-- user may see (with a PLC focus area $focus, the ties through its PLCs): both schools in the user's scope (visible_schools). One row per
-- pair of schools, the school chosen first (school_a, a school of the selection) and
-- its partner (school_b) second, with their names and LAs, by school (its gains and
-- losses together); change is 'gained' or
-- 'lost'. Ties with a school outside the scope are counted by changes.sql only.
with

region_schools as (
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
),

earlier_ties as (select * from chosen_ties($earlier, $consortium, $la, $sector, $medium, $focus)),
later_ties as (select * from chosen_ties($later, $consortium, $la, $sector, $medium, $focus)),

changed as (
    select 'gained' as change, * from (select * from later_ties except select * from earlier_ties)
    union all
    select 'lost' as change, * from (select * from earlier_ties except select * from later_ties)
),

-- A tie leaving the selection names the school of the selection first.
oriented as (
    select
        change,
        case when school_a in (select school_id from region_schools) then school_a
            else school_b end as school_a,
        case when school_a in (select school_id from region_schools) then school_b
            else school_a end as school_b
    from changed
),

listed as (
    select
        c.change,
        c.school_a,
        a.name as name_a,
        a.la_code as la_a,
        c.school_b,
        b.name as name_b,
        b.la_code as la_b
    from oriented as c
    inner join schools as a on a.school_id = c.school_a
    inner join schools as b on b.school_id = c.school_b
    where c.school_a in (select school_id from visible_schools())
      and c.school_b in (select school_id from visible_schools())
    order by a.name, c.school_a, c.change, b.name, c.school_b
)

select * from listed
