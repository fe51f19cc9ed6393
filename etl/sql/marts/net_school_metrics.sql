-- Per school and academic year, every school in `schools` (isolates included).
-- Reads net_edges, the working table net_memberships, and net_centrality:
-- betweenness, clustering, eigenvector centrality and Louvain community per
-- school and year, computed with igraph by etl/network/metrics.py and
-- registered for the run (one row per school and year).
with school_years as (
    select y.year, s.school_id
    from academic_years as y
    cross join schools as s
),

-- Each tie seen from both of its ends.
tie_ends as (
    select year, school_a as school_id, weight, cross_la, cross_consortium
    from net_edges
    union all
    select year, school_b as school_id, weight, cross_la, cross_consortium
    from net_edges
),

ties as (
    select
        year,
        school_id,
        count(*) as degree,
        sum(weight) as weighted_degree,
        count_if(cross_la) as cross_la_ties,
        count_if(cross_consortium) as cross_consortium_ties
    from tie_ends
    group by year, school_id
),

plcs_per_school as (
    select year, school_id, count(distinct plc_id) as n_plcs
    from net_memberships
    group by year, school_id
),

net_school_metrics as (
    select
        sy.year,
        sy.school_id,
        coalesce(t.degree, 0) as degree,
        coalesce(t.weighted_degree, 0) as weighted_degree,
        c.betweenness,
        c.clustering,
        coalesce(p.n_plcs, 0) as n_plcs,
        coalesce(t.cross_la_ties, 0) as cross_la_ties,
        coalesce(t.cross_consortium_ties, 0) as cross_consortium_ties,
        t.degree is null as is_isolate,
        c.eigenvector,
        c.community_id
    from school_years as sy
    inner join net_centrality as c
        on c.year = sy.year and c.school_id = sy.school_id
    left join ties as t
        on t.year = sy.year and t.school_id = sy.school_id
    left join plcs_per_school as p
        on p.year = sy.year and p.school_id = sy.school_id
)

select * from net_school_metrics
