-- One PLC for its page ($plc_id): what the contract says of it, its lead school
-- and the first and last academic years it is active in. No row for an unknown id,
-- nor for a PLC outside the user's scope (visible_plcs); the lead school only when it
-- is in scope itself (visible_schools).
with

active_years as (
    select
        min(y.year) as first_year,
        max(y.year) as last_year
    from net_plc_metrics as n
    inner join academic_years as y on y.year = n.year
    where n.plc_id = $plc_id
),

profile as (
    select
        p.plc_id,
        p.name,
        p.focus_area,
        p.group_kind,
        p.scope,
        p.membership_type,
        p.start_date,
        p.end_date,
        v.school_id as lead_school_id,
        case when v.school_id is not null then s.name end as lead_school_name,
        a.first_year,
        a.last_year
    from plcs as p
    left join schools as s on s.school_id = p.lead_school_id
    left join visible_schools() as v on v.school_id = p.lead_school_id
    cross join active_years as a
    where p.plc_id = $plc_id
      and p.plc_id in (select plc_id from visible_plcs())
)

select * from profile
