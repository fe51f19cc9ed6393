-- Per academic year, the whole system of schools. Reads net_edges and
-- net_components: components, how betweenness was computed, and communities per
-- year, computed with igraph by etl/network/metrics.py and registered for the
-- run. Isolated schools count as components of one, as in networkx.
with school_count as (
    select count(*) as n_schools
    from schools
),

tie_counts as (
    select
        year,
        count(*) as n_ties,
        count_if(cross_la) as cross_la_ties,
        count_if(cross_consortium) as cross_consortium_ties
    from net_edges
    group by year
),

net_system_metrics as (
    select
        y.year,
        s.n_schools,
        coalesce(t.n_ties, 0) as n_ties,
        case
            when s.n_schools >= 2
                then coalesce(t.n_ties, 0) / (s.n_schools * (s.n_schools - 1) / 2.0)
        end as density,
        c.n_components,
        c.giant_component_size / nullif(s.n_schools, 0)::double as giant_component_share,
        t.cross_la_ties / t.n_ties::double as cross_la_share,
        t.cross_consortium_ties / t.n_ties::double as cross_consortium_share,
        c.betweenness_method,
        c.betweenness_sources,
        c.betweenness_error,
        c.n_communities,
        c.modularity_communities,
        c.modularity_la,
        c.nmi_communities_la
    from academic_years as y
    cross join school_count as s
    inner join net_components as c on c.year = y.year
    left join tie_counts as t on t.year = y.year
)

select * from net_system_metrics
