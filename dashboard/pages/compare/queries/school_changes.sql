-- The schools chosen ($consortium, $la, $sector, $medium; NULL meaning all) that
-- joined PLCs between $earlier and $later (no PLC in $earlier, at least one in
-- $later: net_school_metrics.n_plcs) or left them (the reverse), of the user's scope
-- only (visible_schools); with a PLC focus area ($focus), PLCs of that area only
-- (school_plcs). change is 'joined' or 'left'; with the PLCs of each year.
with

region_schools as (
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
    where school_id in (select school_id from visible_schools())
),

plcs_by_year as (
    select
        m.school_id,
        coalesce(max(m.n_plcs) filter (where m.year = $earlier), 0) as plcs_earlier,
        coalesce(max(m.n_plcs) filter (where m.year = $later), 0) as plcs_later
    from (
        select * from school_plcs($earlier, $focus) union select * from school_plcs($later, $focus)
    ) as m
    inner join region_schools as r on r.school_id = m.school_id
    group by m.school_id
),

changed as (
    select
        case when p.plcs_earlier = 0 then 'joined' else 'left' end as change,
        s.school_id,
        s.name,
        s.la_code,
        s.sector,
        p.plcs_earlier,
        p.plcs_later
    from plcs_by_year as p
    inner join schools as s on s.school_id = p.school_id
    where (p.plcs_earlier = 0) != (p.plcs_later = 0)
    order by s.name, s.school_id
)

select * from changed
