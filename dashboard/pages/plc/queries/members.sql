-- The member schools of one PLC ($plc_id) in a year ($year): a school is a member
-- when one of its members' memberships counts that year. With the school's LA,
-- sector and support category that year, and whether it leads the PLC. By name.
-- Only for a PLC in the user's scope (visible_plcs), and only its member schools in
-- scope (visible_schools); plc__members_outside.sql counts the others.
with

member_schools as (
    select distinct school_id
    from memberships_in($year)
    where plc_id = $plc_id
      and plc_id in (select plc_id from visible_plcs())
      and school_id in (select school_id from visible_schools())
),

categories as (
    select school_id, value as category
    from school_outcomes
    where year = $year and measure = 'support_category'
),

members as (
    select
        s.school_id,
        s.name,
        la.name_en as la_name_en,
        la.name_cy as la_name_cy,
        s.sector,
        c.category,
        coalesce(s.school_id = p.lead_school_id, false) as is_lead
    from member_schools as m
    inner join schools as s on s.school_id = m.school_id
    inner join local_authorities as la on la.la_code = s.la_code
    inner join plcs as p on p.plc_id = $plc_id
    left join categories as c on c.school_id = m.school_id
    order by s.name, s.school_id
)

select * from members
