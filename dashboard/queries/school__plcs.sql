-- The PLCs one school ($school_id) takes part in during a year ($year): focus,
-- scope, how members came, whether the school leads it, its member schools and
-- members that year (a count of people under 5 suppressed). By name.
with

year_memberships as (
    select * from memberships_in($year)
),

school_plcs as (
    select distinct plc_id
    from year_memberships
    where school_id = $school_id
),

plc_counts as (
    select
        m.plc_id,
        count(distinct m.school_id) as n_schools,
        count(distinct m.member_id) as n_members
    from year_memberships as m
    inner join school_plcs as sp on sp.plc_id = m.plc_id
    group by m.plc_id
),

plcs_of_school as (
    select
        p.plc_id,
        p.name,
        p.focus_area,
        p.scope,
        p.membership_type,
        p.lead_school_id = $school_id as is_lead,
        c.n_schools,
        suppress_count(c.n_members) as members,
        is_suppressed(c.n_members) as members_suppressed
    from school_plcs as sp
    inner join plcs as p on p.plc_id = sp.plc_id
    inner join plc_counts as c on c.plc_id = sp.plc_id
    order by p.name, p.plc_id
)

select * from plcs_of_school
