-- Per academic year, ties between each pair of LAs and each pair of consortia:
-- the E-I matrix of the regions page. Every pair of groups that net_group_metrics
-- lists is here, with 0 when no tie joins them; a group paired with itself holds
-- its internal ties. Reads net_edges, net_group_metrics and the working table
-- net_school_groups.
with group_years as (
    select year, level, group_id
    from net_group_metrics
    where level in ('la', 'consortium')
),

group_pairs as (
    select a.year, a.level, a.group_id as group_a, b.group_id as group_b
    from group_years as a
    inner join group_years as b
        on b.year = a.year
        and b.level = a.level
        and a.group_id <= b.group_id
),

tie_groups as (
    select
        e.year,
        ga.level,
        least(ga.group_id, gb.group_id) as group_a,
        greatest(ga.group_id, gb.group_id) as group_b
    from net_edges as e
    inner join net_school_groups as ga on ga.school_id = e.school_a
    inner join net_school_groups as gb
        on gb.school_id = e.school_b
        and gb.level = ga.level
    where ga.level in ('la', 'consortium')
),

tie_counts as (
    select year, level, group_a, group_b, count(*) as ties
    from tie_groups
    group by all
),

net_group_pairs as (
    select
        p.year,
        p.level,
        p.group_a,
        p.group_b,
        coalesce(t.ties, 0) as ties
    from group_pairs as p
    left join tie_counts as t
        on t.year = p.year
        and t.level = p.level
        and t.group_a = p.group_a
        and t.group_b = p.group_b
)

select * from net_group_pairs
