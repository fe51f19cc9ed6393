-- The ties of year $year through PLCs of focus area $focus_area only, with at
-- least one school in $schools (the region); a_in and b_in say which ends are in
-- it. The same projection as net_memberships.sql and net_edges.sql, restricted to
-- the focus area's PLCs: a PLC is active in the year when it starts by the year's
-- end and has not ended before its start; a membership counts when the PLC's,
-- the member's and the year's dates share a day; two schools are tied when they
-- share such a PLC, weighted by the PLCs they share. A year without PLC data has
-- no ties.
with bounds as (
    select start_date, end_date
    from academic_years
    where year = $year and has_plc_data
),

focus_plcs as (
    select p.plc_id, p.start_date as plc_start, p.end_date as plc_end
    from plcs as p
    cross join bounds as y
    where p.focus_area = $focus_area
        and p.start_date <= y.end_date
        and (p.end_date is null or p.end_date >= y.start_date)
        -- Only groups that tie, as in net_edges.sql: of a kind that ties, and open
        -- at the year's snapshot.
        and not exists (
            select 1 from group_kinds as k where k.kind = p.group_kind and not k.ties
        )
        and not exists (
            select 1 from group_status as g
            where g.year = $year and g.plc_id = p.plc_id and g.status <> 'open'
        )
),

school_plcs as (
    select distinct
        m.plc_id,
        m.school_id
    from plc_memberships as m
    inner join focus_plcs as f on f.plc_id = m.plc_id
    cross join bounds as y
    where m.joined <= y.end_date
        and (f.plc_end is null or m.joined <= f.plc_end)
        and (m."left" is null or (m."left" >= y.start_date and m."left" >= f.plc_start))
),

ties as (
    select
        a.school_id as school_a,
        b.school_id as school_b,
        count(*) as weight
    from school_plcs as a
    inner join school_plcs as b
        on a.plc_id = b.plc_id and a.school_id < b.school_id
    group by a.school_id, b.school_id
),

region as (
    select unnest($schools) as school_id
),

touching as (
    select
        t.school_a,
        t.school_b,
        t.weight,
        sa.la_code <> sb.la_code as cross_la,
        a.school_id is not null as a_in,
        b.school_id is not null as b_in
    from ties as t
    inner join schools as sa on sa.school_id = t.school_a
    inner join schools as sb on sb.school_id = t.school_b
    left join region as a on a.school_id = t.school_a
    left join region as b on b.school_id = t.school_b
    where a.school_id is not null or b.school_id is not null
)

select * from touching
order by school_a, school_b
