-- Every school's groups: its LA, its consortium and Wales, one row each. A working
-- table of compute_network (etl/network), made once and read by the net_group_*
-- models and the assortativity; dropped at the end.
with la_groups as (
    select school_id, 'la' as level, cast(la_code as varchar) as group_id
    from schools
),

consortium_groups as (
    select s.school_id, 'consortium' as level, la.consortium_code as group_id
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
),

wales_groups as (
    select school_id, 'wales' as level, 'W92000004' as group_id
    from schools
),

net_school_groups as (
    select * from la_groups
    union all
    select * from consortium_groups
    union all
    select * from wales_groups
)

select * from net_school_groups
