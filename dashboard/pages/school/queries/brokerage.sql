-- One school's Gould-Fernandez brokerage roles in every year ($school_id), oldest
-- first: the ordered pairs of schools not tied directly that it links, by role,
-- LAs as the groups (net_school_metrics; docs/measures.md, "Brokerage roles").
-- Nothing for a school outside the user's scope (visible_schools).
with

roles as (
    select
        m.year,
        m.broker_coordinator as coordinator,
        m.broker_gatekeeper as gatekeeper,
        m.broker_representative as representative,
        m.broker_itinerant as itinerant,
        m.broker_liaison as liaison,
        m.broker_total as total
    from net_school_metrics as m
    inner join academic_years as y on y.year = m.year
    where m.school_id = $school_id
      and m.school_id in (select school_id from visible_schools())
    order by y.start_date
)

select * from roles
