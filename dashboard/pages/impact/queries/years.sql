-- The first and last academic years with a change in attainment behind the
-- impact figures (impact_bins holds every year with one); NULLs without any.
with

years as (
    select
        min(year) as first_year,
        max(year) as last_year
    from impact_bins
    where year <> 'all'
)

select * from years
