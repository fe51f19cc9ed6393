-- The PLC rows of net_changes: year-on-year change of a PLC's main measures. The
-- PLC step adds them once net_plc_metrics is filled (the school and group rows
-- come from marts/net_changes.sql in the network step, before PLCs are measured).
-- A PLC has a row in each year it is active; previous and change are NULL in its
-- first year, and in a year after one it was not active in. The count of members
-- is left out: it is a count of people, shown suppressed (activity per member,
-- a rate, is in).
with year_steps as (
    select year, lag(year) over (order by year) as previous_year
    from academic_years
    where has_plc_data
),

plc_columns as (
    select
        year,
        plc_id as entity_id,
        cast(n_schools as double) as n_schools,
        cast(n_las as double) as n_las,
        cast(n_consortia as double) as n_consortia,
        cast(n_activities as double) as n_activities,
        activity_per_member,
        cycle_completeness,
        review_mean,
        health_score
    from net_plc_metrics
),

plc_values as (
    select year, entity_id, measure, value
    from plc_columns
    unpivot include nulls (
        value for measure in (
            n_schools,
            n_las,
            n_consortia,
            n_activities,
            activity_per_member,
            cycle_completeness,
            review_mean,
            health_score
        )
    )
)

select
    v.year,
    'plc' as level,
    v.entity_id,
    v.measure,
    v.value,
    p.value as previous,
    v.value - p.value as change
from plc_values as v
inner join year_steps as ys on ys.year = v.year
left join plc_values as p
    on p.year = ys.previous_year
    and p.entity_id = v.entity_id
    and p.measure = v.measure
