-- The local authorities most like one LA ($la), by their number of schools and the
-- share of their schools that are Welsh medium. Each feature is standardised over
-- all LAs (less the mean, over the sample standard deviation); the distance is the
-- Euclidean distance of the standardised features (docs/measures.md). The LA
-- itself comes first (rank 0), then its $neighbours nearest, then Wales (rank
-- NULL) for comparison. No share of pupils on free school meals is held: neither
-- the address list of schools nor the data contract carries one.
with

la_features as (
    select
        la.la_code,
        count(s.school_id) as n_schools,
        count(s.school_id) filter (where s.language_medium = 'welsh')
            / nullif(count(s.school_id), 0) as welsh_medium_share
    from local_authorities as la
    left join schools as s on s.la_code = la.la_code
    group by la.la_code
),

scales as (
    select
        avg(n_schools) as mean_schools,
        stddev_samp(n_schools) as sd_schools,
        avg(welsh_medium_share) as mean_welsh,
        stddev_samp(welsh_medium_share) as sd_welsh
    from la_features
),

-- A feature that does not vary across LAs (sd 0) separates none of them: z = 0.
standardised as (
    select
        f.*,
        coalesce((f.n_schools - sc.mean_schools) / nullif(sc.sd_schools, 0), 0) as z_schools,
        coalesce((f.welsh_medium_share - sc.mean_welsh) / nullif(sc.sd_welsh, 0), 0)
            as z_welsh
    from la_features as f
    cross join scales as sc
),

distances as (
    select
        o.la_code,
        o.n_schools,
        o.welsh_medium_share,
        sqrt(power(o.z_schools - c.z_schools, 2) + power(o.z_welsh - c.z_welsh, 2))
            as distance
    from standardised as o
    cross join standardised as c
    where c.la_code = $la
),

ranked as (
    select
        *,
        row_number() over (order by la_code <> $la, distance, la_code) - 1 as rank
    from distances
),

nearest as (
    select * from ranked where rank <= $neighbours
),

wales as (
    select
        null::integer as la_code,
        count(*) as n_schools,
        count(*) filter (where language_medium = 'welsh') / nullif(count(*), 0)
            as welsh_medium_share,
        null::double as distance,
        null::bigint as rank
    from schools
),

comparison as (
    select * from nearest
    union all
    select * from wales
    order by rank nulls last
)

select * from comparison
