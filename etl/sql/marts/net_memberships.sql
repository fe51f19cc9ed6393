-- Memberships counted per academic year: a working table of compute_network
-- (etl/network), made first and dropped at the end, that the net_* models read.
-- Only the years of the network count (academic_years.has_plc_data): a year
-- without PLC data has no memberships, not memberships of nobody.
-- A PLC is active in a year when it starts by the year's end and has not ended
-- before the year's start. A membership counts in a year when the PLC's dates,
-- the member's dates and the year share at least one day: the PLC is active in
-- the year, the member joined by the year's end and by the PLC's end, and had not
-- left before the year's start or before the PLC's start. So a member who joined
-- after the PLC ended, in the same year, does not count (docs/measures.md).
with active_plcs as (
    select
        y.year,
        y.start_date as year_start,
        y.end_date as year_end,
        p.plc_id,
        p.start_date as plc_start,
        p.end_date as plc_end
    from plcs as p
    inner join academic_years as y
        on p.start_date <= y.end_date
        and (p.end_date is null or p.end_date >= y.start_date)
    where y.has_plc_data
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
        and (a.plc_end is null or m.joined <= a.plc_end)
        and (m."left" is null or (m."left" >= a.year_start and m."left" >= a.plc_start))
)

select * from net_memberships
