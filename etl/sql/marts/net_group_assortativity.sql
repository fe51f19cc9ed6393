-- Attribute assortativity of each group's induced subgraph (the group's schools
-- and the ties among them) per academic year, by LA, language medium, sector
-- and support category (Newman 2003; networkx attribute_assortativity_coefficient).
-- A working table of compute_network (etl/network), read by net_group_metrics;
-- reads net_edges, schools, local_authorities and net_school_metrics (for the
-- support category: schools without one that year are left out of its
-- subgraph, with their ties).
--
-- With m ties, s of them joining two schools of the same value, and d_i the
-- tie ends at schools of value i (each tie counted from both ends, 2m in all),
-- networkx's r = (sum_i e_ii - sum_i a_i^2) / (1 - sum_i a_i^2), e_ii = s / m and
-- a_i = d_i / 2m, is r = (4 m s - sum_i d_i^2) / (4 m^2 - sum_i d_i^2), exact in
-- integers. NULL when undefined: no ties, or every end of one value.
with school_values as (
    select
        m.year,
        m.school_id,
        cast(s.la_code as varchar) as la,
        l.consortium_code as consortium,
        s.language_medium as medium,
        s.sector,
        m.support_category as category
    from net_school_metrics as m
    inner join schools as s on s.school_id = m.school_id
    inner join local_authorities as l on l.la_code = s.la_code
),

-- Each tie once, with what the assortativities need of its two schools.
valued_ties as (
    select
        e.year,
        e.school_a,
        e.school_b,
        e.cross_la,
        e.cross_consortium,
        a.la,
        a.consortium,
        a.la = b.la as same_la,
        a.medium = b.medium as same_medium,
        a.sector = b.sector as same_sector,
        a.category is not null and b.category is not null as both_categorised,
        coalesce(a.category = b.category, false) as same_category,
        a.category is not null as a_categorised,
        b.category is not null as b_categorised
    from net_edges as e
    inner join school_values as a on a.year = e.year and a.school_id = e.school_a
    inner join school_values as b on b.year = e.year and b.school_id = e.school_b
),

-- The ties inside each group: a tie not crossing an LA line is inside school_a's
-- LA, one not crossing a consortium line inside its consortium, every tie inside
-- Wales (the group ids of net_school_groups).
group_ties as (
    select year, 'la' as level, la as group_id, * exclude (year, la, consortium)
    from valued_ties
    where not cross_la
    union all
    select year, 'consortium' as level, consortium, * exclude (year, la, consortium)
    from valued_ties
    where not cross_consortium
    union all
    select year, 'wales' as level, 'W92000004', * exclude (year, la, consortium)
    from valued_ties
),

tie_counts as (
    select
        year,
        level,
        group_id,
        count(*) as n_ties,
        count_if(same_la) as same_la,
        count_if(same_medium) as same_medium,
        count_if(same_sector) as same_sector,
        count_if(both_categorised) as n_categorised_ties,
        count_if(same_category) as same_category
    from group_ties
    group by year, level, group_id
),

-- Each school's degree inside its LA, its consortium and Wales, and the same
-- counting only categorised partners.
tie_ends as (
    select year, school_a as school_id, cross_la, cross_consortium, b_categorised as partner_categorised
    from valued_ties
    union all
    select year, school_b as school_id, cross_la, cross_consortium, a_categorised
    from valued_ties
),

degrees as (
    select
        year,
        school_id,
        count_if(not cross_la) as la_degree,
        count_if(not cross_la and partner_categorised) as la_categorised,
        count_if(not cross_consortium) as consortium_degree,
        count_if(not cross_consortium and partner_categorised) as consortium_categorised,
        count(*) as wales_degree,
        count_if(partner_categorised) as wales_categorised
    from tie_ends
    group by year, school_id
),

-- The degree within the group's subgraph, and within the subgraph of its
-- categorised schools (0 when the school itself has no category).
school_degrees as (
    select
        v.year,
        lv.level,
        lv.group_id,
        v.la,
        v.medium,
        v.sector,
        v.category,
        lv.degree,
        case when v.category is not null then lv.categorised_degree else 0 end
            as categorised_degree
    from degrees as d
    inner join school_values as v on v.year = d.year and v.school_id = d.school_id
    cross join lateral (
        select 'la' as level, v.la as group_id, d.la_degree as degree,
            d.la_categorised as categorised_degree
        union all
        select 'consortium', v.consortium, d.consortium_degree, d.consortium_categorised
        union all
        select 'wales', 'W92000004', d.wales_degree, d.wales_categorised
    ) as lv
),

-- d_i for each value i of each attribute, then the sum of their squares.
value_ends as (
    select year, level, group_id, 'la' as attribute, la as value, sum(degree) as ends
    from school_degrees
    group by all
    union all
    select year, level, group_id, 'medium' as attribute, medium, sum(degree)
    from school_degrees
    group by all
    union all
    select year, level, group_id, 'sector' as attribute, sector, sum(degree)
    from school_degrees
    group by all
    union all
    select year, level, group_id, 'category' as attribute, category, sum(categorised_degree)
    from school_degrees
    where category is not null
    group by all
),

square_sums as (
    select
        year,
        level,
        group_id,
        sum(ends * ends) filter (where attribute = 'la') as la,
        sum(ends * ends) filter (where attribute = 'medium') as medium,
        sum(ends * ends) filter (where attribute = 'sector') as sector,
        sum(ends * ends) filter (where attribute = 'category') as category
    from value_ends
    group by year, level, group_id
),

net_group_assortativity as (
    select
        t.year,
        t.level,
        t.group_id,
        (4 * t.n_ties * t.same_la - q.la) / nullif(4 * t.n_ties * t.n_ties - q.la, 0)::double
            as assort_la,
        (4 * t.n_ties * t.same_medium - q.medium)
        / nullif(4 * t.n_ties * t.n_ties - q.medium, 0)::double as assort_medium,
        (4 * t.n_ties * t.same_sector - q.sector)
        / nullif(4 * t.n_ties * t.n_ties - q.sector, 0)::double as assort_sector,
        (4 * t.n_categorised_ties * t.same_category - q.category)
        / nullif(4 * t.n_categorised_ties * t.n_categorised_ties - q.category, 0)::double
            as assort_category
    from tie_counts as t
    inner join square_sums as q
        on q.year = t.year and q.level = t.level and q.group_id = t.group_id
)

select * from net_group_assortativity
