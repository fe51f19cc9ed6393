-- The E-I matrix of one academic year ($year): ties between each pair of groups at
-- one level ($level: 'la' or 'consortium'), both ways round, a group with itself
-- holding its internal ties. Rows are the groups of the consortium chosen
-- ($consortium, NULL for all; for the consortium level, every consortium); columns
-- are every group, so that each row holds all of its group's ties. Pairs without
-- ties are listed with 0.
with

school_groups as (
    select
        s.school_id,
        case when $level = 'la' then cast(s.la_code as varchar) else la.consortium_code end
            as group_id
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
),

all_groups as (
    select distinct
        case when $level = 'la' then cast(la_code as varchar) else consortium_code end
            as group_id,
        consortium_code
    from local_authorities
),

row_groups as (
    select group_id
    from all_groups
    where $level = 'consortium' or $consortium is null or consortium_code = $consortium
),

tie_groups as (
    select
        ga.group_id as group_a,
        gb.group_id as group_b
    from net_edges as e
    inner join school_groups as ga on ga.school_id = e.school_a
    inner join school_groups as gb on gb.school_id = e.school_b
    where e.year = $year
),

both_ways as (
    select group_a as row_group, group_b as column_group from tie_groups
    union all
    select group_b as row_group, group_a as column_group from tie_groups
    where group_a <> group_b
),

tie_counts as (
    select row_group, column_group, count(*) as ties
    from both_ways
    where row_group in (select group_id from row_groups)
    group by row_group, column_group
),

matrix as (
    select
        r.group_id as row_group,
        c.group_id as column_group,
        coalesce(t.ties, 0) as ties
    from row_groups as r
    cross join all_groups as c
    left join tie_counts as t on t.row_group = r.group_id and t.column_group = c.group_id
    order by row_group, column_group
)

select * from matrix
