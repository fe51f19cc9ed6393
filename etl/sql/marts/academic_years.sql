-- The academic years the data cover (1 September to 31 August): from the first
-- PLC start to the latest date or year anywhere in the data, so a PLC still
-- running (no end date) counts up to the last year with data.
with dated as (
    select start_date as d from plcs
    union all select end_date from plcs where end_date is not null
    union all select activity_date from plc_activities
    union all select make_date(cast(left(year, 4) as integer), 9, 1) from plc_reviews
    union all select make_date(cast(left(year, 4) as integer), 9, 1) from school_outcomes
),

first_and_last as (
    select
        min(case when month(d) >= 9 then year(d) else year(d) - 1 end) as first_start,
        max(case when month(d) >= 9 then year(d) else year(d) - 1 end) as last_start
    from dated
),

years as (
    select unnest(range(first_start, last_start + 1)) as start_year
    from first_and_last
    where first_start is not null
),

academic_years as (
    select
        format('{}/{:02d}', start_year, (start_year + 1) % 100) as year,
        make_date(start_year, 9, 1) as start_date,
        make_date(start_year + 1, 8, 31) as end_date
    from years
)

select * from academic_years order by year
