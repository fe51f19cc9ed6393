-- The network of LAs or of consortia ($level: 'la' or 'consortium') in $year, as
-- counts only: per group, its schools of the sector and medium chosen ($sector,
-- $medium; NULL meaning all); per pair of groups (group_a <= group_b, a group with
-- itself holding its internal ties), the ties between two such schools: every tie
-- (net_edges), or with a focus area ($focus) the ties through its PLCs
-- (net_focus_ties). Every region is counted, whatever the user's scope: these are
-- LA-level aggregates, as the regions page's E-I matrix (net_group_pairs), which
-- they equal with no sector, medium or focus chosen. The rows of the schools have
-- group_b NULL and ties the number of schools.
with

school_groups as (
    select
        s.school_id,
        case when $level = 'la' then cast(s.la_code as varchar) else la.consortium_code end
            as group_id
    from chosen_schools(null, null, $sector, $medium) as c
    inner join schools as s on s.school_id = c.school_id
    inner join local_authorities as la on la.la_code = s.la_code
),

year_ties as (
    select school_a, school_b from net_edges
    where year = $year and $focus is null
    union all
    select school_a, school_b from net_focus_ties
    where year = $year and focus_area = $focus
),

tie_pairs as (
    select
        least(ga.group_id, gb.group_id) as group_a,
        greatest(ga.group_id, gb.group_id) as group_b,
        count(*) as ties
    from year_ties as t
    inner join school_groups as ga on ga.school_id = t.school_a
    inner join school_groups as gb on gb.school_id = t.school_b
    group by all
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
