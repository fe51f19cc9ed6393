-- The schools the network page shows for $year: those the filters choose
-- ($consortium, $la, $sector, $medium; NULL meaning all), with where they are,
-- their measures that year and their support category (NULL when not categorised).
-- LA and consortium names are joined in Python from shell__regions: 24,000 rows of
-- names cost more to fetch than to look up.
with

region_schools as (
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
),

categories as (
    select
        school_id,
        any_value(value) as support_category
    from school_outcomes
    where year = $year and measure = 'support_category'
    group by school_id
),

shown as (
    select
        s.school_id,
        s.name,
        s.la_code,
        la.consortium_code,
        s.sector,
        s.language_medium,
        s.latitude,
        s.longitude,
        m.degree,
        m.weighted_degree,
        m.betweenness,
        m.n_plcs,
        m.community_id,
        c.support_category
    from schools as s
    inner join region_schools as r on r.school_id = s.school_id
    inner join local_authorities as la on la.la_code = s.la_code
    inner join net_school_metrics as m on m.school_id = s.school_id and m.year = $year
    left join categories as c on c.school_id = s.school_id
    order by s.school_id
)

select * from shown
