-- The ties the network explorer draws each year: every tie when the year has at
-- most $max_ties, else the $max_ties strongest. Strongest is by weight (shared
-- PLCs); among equal weights, more shared members first, then in the order of
-- the MD5 digest of the two school numbers ("6601234-6605678"): fixed from run
-- to run, yet spread evenly over the country, where the lowest school numbers
-- would favour the first LAs. Reads net_edges.
with ranked as (
    select
        year,
        school_a,
        school_b,
        weight,
        row_number() over (
            partition by year
            order by
                weight desc,
                shared_members desc,
                md5(concat(school_a, '-', school_b))
        ) as strength_rank
    from net_edges
),

net_edges_drawn as (
    select year, school_a, school_b, weight
    from ranked
    where strength_rank <= $max_ties
)

select * from net_edges_drawn
