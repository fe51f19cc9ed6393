-- The ties of year $year with at least one school in $schools (the region), from
-- net_edges; a_in and b_in say which ends are in it.
with region as (
    select unnest($schools) as school_id
),

touching as (
    select
        e.school_a,
        e.school_b,
        e.weight,
        e.cross_la,
        a.school_id is not null as a_in,
        b.school_id is not null as b_in
    from net_edges as e
    left join region as a on a.school_id = e.school_a
    left join region as b on b.school_id = e.school_b
    where e.year = $year
        and (a.school_id is not null or b.school_id is not null)
)

select * from touching
order by school_a, school_b
