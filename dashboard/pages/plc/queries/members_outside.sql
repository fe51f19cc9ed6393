-- How many of one PLC's member schools in a year ($plc_id, $year) are outside the
-- user's scope: the PLC's page lists its member schools in scope (plc__members.sql)
-- and only counts the others. 0 for a PLC outside the scope itself.
with

member_schools as (
    select distinct school_id
    from memberships_in($year)
    where plc_id = $plc_id
      and plc_id in (select plc_id from visible_plcs())
),

outside as (
    select count(*) as members_outside
    from member_schools
    where school_id not in (select school_id from visible_schools())
)

select * from outside
