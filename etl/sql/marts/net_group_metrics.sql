-- Per academic year and per group of schools: every LA, every consortium and
-- Wales as a whole. Reads net_edges and net_school_metrics. A tie is internal
-- to a group when both its schools are in it and external when exactly one is;
-- E-I index (Krackhardt and Stern 1988) = (external - internal) / (external + internal).
with school_groups as (
    select school_id, 'la' as level, cast(la_code as varchar) as group_id
    from schools
    union all
    select s.school_id, 'consortium' as level, la.consortium_code as group_id
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
    union all
    select school_id, 'wales' as level, 'W92000004' as group_id
    from schools
),

-- Every LA and consortium of the reference table, even one without schools.
groups as (
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
),

school_counts as (
    select
        m.year,
        g.level,
        g.group_id,
        count(*) as n_schools,
        count_if(m.is_isolate) as n_isolates
    from net_school_metrics as m
    inner join school_groups as g on g.school_id = m.school_id
    group by m.year, g.level, g.group_id
),

tie_groups as (
    select
        e.year,
        a.level,
        a.group_id as group_a,
        b.group_id as group_b
    from net_edges as e
    inner join school_groups as a on a.school_id = e.school_a
    inner join school_groups as b on b.school_id = e.school_b and b.level = a.level
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
        coalesce(t.external_ties, 0) as external_ties
    from group_years as gy
    left join school_counts as s
        on s.year = gy.year and s.level = gy.level and s.group_id = gy.group_id
    left join tie_counts as t
        on t.year = gy.year and t.level = gy.level and t.group_id = gy.group_id
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
        n_isolates / nullif(n_schools, 0)::double as isolate_share
    from counted
)

select * from net_group_metrics
