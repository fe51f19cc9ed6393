-- How many of one school's partners in a year ($school_id, $year) are outside the
-- user's scope: the profile lists the partners in scope (school__partners.sql) and
-- only counts the others. 0 for a school outside the scope itself.
with

partners as (
    select case when e.school_a = $school_id then e.school_b else e.school_a end as partner_id
    from net_edges as e
    where e.year = $year
      and (e.school_a = $school_id or e.school_b = $school_id)
      and $school_id in (select school_id from visible_schools())
),

outside as (
    select count(*) as partners_outside
    from partners
    where partner_id not in (select school_id from visible_schools())
)

select * from outside
