-- The E-I matrix of one academic year ($year) from net_group_pairs: ties between each
-- pair of groups at one level ($level: 'la' or 'consortium'), both ways round, a group
-- with itself holding its internal ties. Rows are the groups of the consortium chosen
-- ($consortium, NULL for all; for the consortium level, every consortium); columns
-- are every group, so that each row holds all of its group's ties. net_group_pairs
-- lists every pair once (group_a <= group_b), with 0 where no tie joins them.
with

groups as (
    select distinct
        case when $level = 'la' then cast(la_code as varchar) else consortium_code end
            as group_id,
        consortium_code
    from local_authorities
),

row_groups as (
    select group_id
    from groups
    where $level = 'consortium' or $consortium is null or consortium_code = $consortium
),

pairs as (
    select group_a, group_b, ties
    from net_group_pairs
    where year = $year and level = $level
),

both_ways as (
    select group_a as row_group, group_b as column_group, ties from pairs
    union all
    select group_b as row_group, group_a as column_group, ties from pairs
    where group_a <> group_b
),

matrix as (
    select row_group, column_group, ties
    from both_ways
    where row_group in (select group_id from row_groups)
    order by row_group, column_group
)

select * from matrix
