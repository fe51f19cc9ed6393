-- The ties the network page draws for $year: those of the year's drawn set
-- (net_edges_drawn: all ties, or the strongest when there are too many for a
-- browser; net_drawing_rules says which) between two schools the filters choose
-- ($consortium, $la, $sector, $medium; NULL meaning all).
with

region_schools as (
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
),

ties as (
    select
        e.school_a,
        e.school_b,
        e.weight
    from net_edges_drawn as e
    where e.year = $year
      and e.school_a in (select school_id from region_schools)
      and e.school_b in (select school_id from region_schools)
    order by e.school_a, e.school_b
)

select * from ties
