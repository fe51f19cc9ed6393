-- The PLCs one school ($school_id) takes part in during a year ($year): focus,
-- scope, how members came, whether the school leads it, its member schools and
-- members that year and its health score (suppressed by the rules of _macros.sql),
-- its shallow flag with reasons (net_plc_metrics). By name.
-- Nothing for a school outside the user's scope (visible_schools); a PLC of a
-- school in scope is in scope.
with

school_plcs as (
    select distinct plc_id
    from memberships_in($year)
    where school_id = $school_id
      and school_id in (select school_id from visible_schools())
),

plcs_of_school as (
    select
        n.plc_id,
        n.name,
        n.focus_area,
        n.scope,
        n.membership_type,
        coalesce(n.lead_school_id = $school_id, false) as is_lead,
        n.n_schools,
        unless_suppressed(n.n_members, members_suppressed(n.n_members, n.n_schools)) as members,
        members_suppressed(n.n_members, n.n_schools) as members_suppressed,
        unless_suppressed(
            n.health_score, per_member_suppressed(n.attendance, n.n_members, n.n_schools)
        ) as health_score,
        per_member_suppressed(n.attendance, n.n_members, n.n_schools) as health_suppressed,
        n.is_shallow,
        n.shallow_reasons
    from school_plcs as sp
    inner join net_plc_metrics as n on n.plc_id = sp.plc_id and n.year = $year
    order by n.name, n.plc_id
)

select * from plcs_of_school
