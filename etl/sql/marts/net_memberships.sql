-- Memberships counted per academic year: a working table of compute_network
-- (etl/network), made first and dropped at the end, that the net_* models read.
-- A PLC is active in a year when it starts by the year's end and has not ended
-- before the year's start; a membership counts when its PLC is active in the
-- year and the member joined by the year's end and had not left before its start.
with active_plcs as (
    select
        y.year,
        y.start_date as year_start,
        y.end_date as year_end,
        p.plc_id
    from plcs as p
    inner join academic_years as y
        on p.start_date <= y.end_date
        and (p.end_date is null or p.end_date >= y.start_date)
),

net_memberships as (
    select
        a.year,
        m.plc_id,
        m.school_id,
        m.member_id
    from active_plcs as a
    inner join plc_memberships as m on m.plc_id = a.plc_id
    where m.joined <= a.year_end
        and (m."left" is null or m."left" >= a.year_start)
)

select * from net_memberships
