-- Year-on-year change of the main network measures of every school, LA,
-- consortium and Wales, in long form: each measure's value, its value in the
-- academic year before, and the difference. Reads net_school_metrics and
-- net_group_metrics. The first year has no year before: previous and change are
-- NULL, as is change when either value is NULL (a density of a group under two
-- schools, an assortativity left undefined).
with year_steps as (
    select year, lag(year) over (order by year) as previous_year
    from academic_years
    where has_plc_data
),

school_columns as (
    select
        year,
        'school' as level,
        cast(school_id as varchar) as entity_id,
        cast(degree as double) as degree,
        cast(weighted_degree as double) as weighted_degree,
        betweenness,
        clustering,
        eigenvector,
        cast(cross_la_ties as double) as cross_la_ties
    from net_school_metrics
),

school_values as (
    select year, level, entity_id, measure, value
    from school_columns
    unpivot include nulls (
        value for measure in (
            degree, weighted_degree, betweenness, clustering, eigenvector, cross_la_ties
        )
    )
),

group_columns as (
    select
        year,
        level,
        group_id as entity_id,
        cast(n_ties as double) as n_ties,
        density,
        ei_index,
        isolate_share,
        giant_component_share,
        mean_clustering,
        support_tied_share,
        assort_la,
        assort_medium,
        assort_sector,
        assort_category
    from net_group_metrics
),

group_values as (
    select year, level, entity_id, measure, value
    from group_columns
    unpivot include nulls (
        value for measure in (
            n_ties,
            density,
            ei_index,
            isolate_share,
            giant_component_share,
            mean_clustering,
            support_tied_share,
            assort_la,
            assort_medium,
            assort_sector,
            assort_category
        )
    )
),

measure_values as (
    select * from school_values
    union all
    select * from group_values
),

net_changes as (
    select
        v.year,
        v.level,
        v.entity_id,
        v.measure,
        v.value,
        p.value as previous,
        v.value - p.value as change
    from measure_values as v
    inner join year_steps as ys on ys.year = v.year
    left join measure_values as p
        on p.year = ys.previous_year
        and p.level = v.level
        and p.entity_id = v.entity_id
        and p.measure = v.measure
)

select * from net_changes
