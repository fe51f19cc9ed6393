-- Mean yearly change in attainment per band of one exposure ($exposure, a column
-- of net_school_exposure), over all years pooled ('all') and in the year $year,
-- with 95% confidence intervals and the schools behind each (impact_bins).
with

bands as (
    select
        band,
        band_order,
        band_low,
        band_high,
        year,
        n_schools,
        n_observations,
        mean_improvement,
        ci_low,
        ci_high
    from impact_bins
    where exposure = $exposure
      and year in ('all', $year)
),

ordered as (
    select *
    from bands
    order by band_order, year <> 'all'
)

select * from ordered
