-- The ties of $year between two schools the filters choose ($consortium, $la,
-- $sector, $medium; NULL meaning all): the ties the network page draws.
with

region_schools as (
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
),

ties as (
    select
        e.school_a,
        e.school_b,
        e.weight
    from net_edges as e
    where e.year = $year
      and e.school_a in (select school_id from region_schools)
      and e.school_b in (select school_id from region_schools)
    order by e.school_a, e.school_b
)

select * from ties
