-- network__group_ties' rows (read it first) when no sector, medium or focus area is
-- chosen: the ties per pair of groups read from the refresh's E-I matrix
-- (net_group_pairs, the pairs joined by a tie), not counted afresh from the year's
-- ties: the same counts, but 1.7 million ties a year at United States scale took
-- most of a second of CPU to count. Every region, as network__group_ties.
with

school_groups as (
    select
        case when $level = 'la' then cast(s.la_code as varchar) else la.consortium_code end
            as group_id
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
),

tie_pairs as (
    select
        group_a,
        group_b,
        ties
    from net_group_pairs
    where year = $year and level = $level and ties > 0
),

group_sizes as (
    select group_id as group_a, null as group_b, count(*) as ties
    from school_groups
    group by all
),

counts as (
    select * from tie_pairs
    union all
    select * from group_sizes
    order by group_a, group_b nulls first
)

select * from counts
