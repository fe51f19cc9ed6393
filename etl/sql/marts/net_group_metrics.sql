-- Per academic year and per group of schools: every LA, every consortium and
-- Wales as a whole. Reads net_edges, net_school_metrics, the working table
-- net_school_groups (each school's LA, consortium and Wales), and
-- net_group_structure: components, assortativity, and communities of consortia
-- and Wales, of each group's induced subgraph, computed with igraph and numpy by
-- etl/network/groups.py and registered for the run. A tie is internal to a group when both its schools are in it and external
-- when exactly one is; E-I index (Krackhardt and Stern 1988) =
-- (external - internal) / (external + internal).
-- Every LA and consortium of the reference table, even one without schools.
with groups as (
    select 'la' as level, cast(la_code as varchar) as group_id
    from local_authorities
    union
    select 'consortium' as level, consortium_code as group_id
    from local_authorities
    union
    select 'wales' as level, 'W92000004' as group_id
),

group_years as (
    select y.year, g.level, g.group_id
    from academic_years as y
    cross join groups as g
    where y.has_plc_data
),

school_counts as (
    select
        m.year,
        g.level,
        g.group_id,
        count(*) as n_schools,
        count_if(m.is_isolate) as n_isolates,
        -- Summed in school order: a parallel sum adds in whatever order its threads
        -- finish, and the last digit would change from run to run.
        avg(m.clustering order by m.school_id) as mean_clustering,
        count_if(m.support_category in ('amber', 'red')) as support_schools,
        count_if(m.support_category in ('amber', 'red') and m.partners_green > 0)
            as n_support_tied
    from net_school_metrics as m
    inner join net_school_groups as g on g.school_id = m.school_id
    group by m.year, g.level, g.group_id
),

tie_groups as (
    select
        e.year,
        a.level,
        a.group_id as group_a,
        b.group_id as group_b
    from net_edges as e
    inner join net_school_groups as a on a.school_id = e.school_a
    inner join net_school_groups as b on b.school_id = e.school_b and b.level = a.level
),

-- A tie inside a group counts once for it; a tie across two groups counts once
-- as external for each.
group_tie_ends as (
    select year, level, group_a as group_id, group_a = group_b as is_internal
    from tie_groups
    union all
    select year, level, group_b as group_id, false as is_internal
    from tie_groups
    where group_a <> group_b
),

tie_counts as (
    select
        year,
        level,
        group_id,
        count_if(is_internal) as internal_ties,
        count_if(not is_internal) as external_ties
    from group_tie_ends
    group by year, level, group_id
),

counted as (
    select
        gy.year,
        gy.level,
        gy.group_id,
        coalesce(s.n_schools, 0) as n_schools,
        coalesce(s.n_isolates, 0) as n_isolates,
        coalesce(t.internal_ties, 0) as internal_ties,
        coalesce(t.external_ties, 0) as external_ties,
        s.mean_clustering,
        coalesce(s.support_schools, 0) as support_schools,
        coalesce(s.n_support_tied, 0) as n_support_tied,
        coalesce(c.n_components, 0) as n_components,
        c.giant_component_size,
        c.modularity_communities,
        c.modularity_la,
        c.nmi_communities_la,
        c.assort_la,
        c.assort_medium,
        c.assort_sector,
        c.assort_category
    from group_years as gy
    left join school_counts as s
        on s.year = gy.year and s.level = gy.level and s.group_id = gy.group_id
    left join tie_counts as t
        on t.year = gy.year and t.level = gy.level and t.group_id = gy.group_id
    left join net_group_structure as c
        on c.year = gy.year and c.level = gy.level and c.group_id = gy.group_id
),

net_group_metrics as (
    select
        year,
        level,
        group_id,
        n_schools,
        internal_ties as n_ties,
        case
            when n_schools >= 2
                then internal_ties / (n_schools * (n_schools - 1) / 2.0)
        end as density,
        internal_ties,
        external_ties,
        (external_ties - internal_ties) / nullif(external_ties + internal_ties, 0)::double
            as ei_index,
        n_isolates / nullif(n_schools, 0)::double as isolate_share,
        n_components,
        giant_component_size / nullif(n_schools, 0)::double as giant_component_share,
        mean_clustering,
        modularity_communities,
        modularity_la,
        nmi_communities_la,
        assort_la,
        assort_medium,
        assort_sector,
        assort_category,
        support_schools,
        n_support_tied,
        n_support_tied / nullif(support_schools, 0)::double as support_tied_share
    from counted
)

select * from net_group_metrics
