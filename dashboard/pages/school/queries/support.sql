-- One school's support category in every year it has one ($school_id), and whether
-- the year has PLC data (a year of outcomes only is labelled so); nothing for a
-- school outside the user's scope (visible_schools).
with

categories as (
    select
        o.year,
        o.value as category,
        y.has_plc_data
    from school_outcomes as o
    inner join academic_years as y on y.year = o.year
    where o.school_id = $school_id
      and o.measure = 'support_category'
      and o.school_id in (select school_id from visible_schools())
    order by y.start_date
)

select * from categories
