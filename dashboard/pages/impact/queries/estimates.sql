-- Every panel estimate of the association between exposure to collaboration and
-- the yearly change in attainment (impact_estimates): the main model first, then
-- the other models of the same exposure (year effects only, one sector each),
-- then the other exposures. Pooled over all years and all schools: the table has
-- no breakdown by region.
with

estimates as (
    select
        model,
        exposure,
        subgroup,
        estimate,
        std_error,
        ci_low,
        ci_high,
        p_value,
        n_schools,
        n_observations,
        n_years
    from impact_estimates
),

ordered as (
    select *
    from estimates
    order by
        model <> 'main',
        exposure <> (select exposure from estimates where model = 'main'),
        model like 'sector_%',
        model
)

select * from ordered
