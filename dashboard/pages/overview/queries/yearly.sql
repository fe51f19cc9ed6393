-- The overview's four headline figures for every academic year, for the schools
-- of the region chosen: $consortium (a consortium code) and $la (an LA code),
-- $sector and $medium (the schools' sector and language medium), NULL meaning all. Years without network measures give NULLs.
with

region_schools as (
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
),

school_counts as (
    select
        m.year,
        count(*) as schools,
        count(*) filter (where m.is_isolate) as isolated_schools
    from net_school_metrics as m
    inner join region_schools as r on r.school_id = m.school_id
    group by m.year
),

-- A group is active in a year when its dates overlap the year and at least one
-- school of the region has a membership counting in it (net_memberships.sql);
-- only groups that tie that year count, as for the ties (tying_groups: not
-- England's single-academy trusts and sponsors), and so do the schools in them.
region_memberships as (
    select
        y.year,
        pm.plc_id,
        pm.school_id
    from academic_years as y
    inner join plcs as p
        on p.start_date <= y.end_date
        and (p.end_date is null or p.end_date >= y.start_date)
    inner join plc_memberships as pm
        on pm.plc_id = p.plc_id
        and pm.joined <= y.end_date
        and (p.end_date is null or pm.joined <= p.end_date)
        and (pm."left" is null or (pm."left" >= y.start_date and pm."left" >= p.start_date))
    inner join region_schools as r on r.school_id = pm.school_id
    where y.has_plc_data
      and not exists (
            select 1 from group_kinds as k where k.kind = p.group_kind and not k.ties
        )
      and not exists (
            select 1 from group_status as g
            where g.year = y.year and g.plc_id = p.plc_id and g.status <> 'open'
        )
),

active_plcs as (
    select
        year,
        count(distinct plc_id) as active_plcs,
        count(distinct school_id) as schools_in_plcs
    from region_memberships
    group by year
),

-- Ties with at least one end in the region: those inside it and those leaving it.
region_ties as (
    select
        e.year,
        count(*) as ties,
        count(*) filter (where e.cross_la) as cross_la_ties
    from net_edges as e
    where e.school_a in (select school_id from region_schools)
       or e.school_b in (select school_id from region_schools)
    group by e.year
),

yearly as (
    select
        y.year,
        sc.schools,
        coalesce(ap.schools_in_plcs, 0) as schools_in_plcs,
        coalesce(ap.active_plcs, 0) as active_plcs,
        coalesce(rt.ties, 0) as ties,
        rt.cross_la_ties / rt.ties as cross_la_share,
        sc.isolated_schools
    from academic_years as y
    left join school_counts as sc on sc.year = y.year
    left join active_plcs as ap on ap.year = y.year
    left join region_ties as rt on rt.year = y.year
    -- The years of the network only: a year without PLC data is not a year of no ties.
    where y.has_plc_data
    order by y.start_date
)

select * from yearly
