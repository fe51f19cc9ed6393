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

-- Active groups and the schools in them, counted by the refresh for every choice of
-- the filters (etl/sql/marts/net_active_groups.sql: groups that tie that year with a
-- membership of a school of the region counting that year). Its rows have NULL for
-- "all"; an LA's rows have no consortium, so an LA outside the consortium chosen
-- counts nothing, as chosen_schools has it.
active_plcs as (
    select
        g.year,
        g.active_groups as active_plcs,
        g.schools_in_groups as schools_in_plcs
    from net_active_groups as g
    where g.sector is not distinct from $sector
      and g.language_medium is not distinct from $medium
      and (
            ($la is null and g.la_code is null
                and g.consortium_code is not distinct from $consortium)
            or (g.la_code = $la and g.consortium_code is null
                and ($consortium is null or exists (
                    select 1 from local_authorities as l
                    where l.la_code = $la and l.consortium_code = $consortium
                )))
        )
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
