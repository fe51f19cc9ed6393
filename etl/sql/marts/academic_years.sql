-- The academic years the data cover (1 September to 31 August): from the earliest
-- to the latest date or year anywhere in the data. A year has PLC data when it lies
-- between the first and the last year in which the PLC files carry a date (a PLC's
-- start or end, an activity, a review): only those years have a network. A year
-- that only the outcome files reach (a categorisation list published after the PLC
-- data end) is kept, for its outcomes, with has_plc_data false; it is not a year of
-- no collaboration. A PLC still running (no end date) counts up to the last year
-- of PLC data.
with plc_dated as (
    select start_date as d from plcs
    union all select end_date from plcs where end_date is not null
    union all select activity_date from plc_activities
    union all select make_date(cast(left(year, 4) as integer), 9, 1) from plc_reviews
),

dated as (
    select d from plc_dated
    union all select make_date(cast(left(year, 4) as integer), 9, 1) from school_outcomes
),

first_and_last as (
    select
        min(case when month(d) >= 9 then year(d) else year(d) - 1 end) as first_start,
        max(case when month(d) >= 9 then year(d) else year(d) - 1 end) as last_start
    from dated
),

plc_first_and_last as (
    select
        min(case when month(d) >= 9 then year(d) else year(d) - 1 end) as first_start,
        max(case when month(d) >= 9 then year(d) else year(d) - 1 end) as last_start
    from plc_dated
),

years as (
    select unnest(range(first_start, last_start + 1)) as start_year
    from first_and_last
    where first_start is not null
),

academic_years as (
    select
        format('{}/{:02d}', y.start_year, (y.start_year + 1) % 100) as year,
        make_date(y.start_year, 9, 1) as start_date,
        make_date(y.start_year + 1, 8, 31) as end_date,
        coalesce(y.start_year between p.first_start and p.last_start, false) as has_plc_data
    from years as y
    cross join plc_first_and_last as p
)

select * from academic_years order by year
