-- Schools in each support category (green, yellow, amber, red) per year, with the
-- share of the year's categorised schools, for the schools chosen ($consortium,
-- $la, $sector, $medium; NULL meaning all).
with

region_schools as (
    select s.school_id
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
    where ($consortium is null or la.consortium_code = $consortium)
      and ($la is null or s.la_code = $la)
      and ($sector is null or s.sector = $sector)
      and ($medium is null or s.language_medium = $medium)
),

categories as (
    select
        o.year,
        o.value as category,
        count(*) as schools
    from school_outcomes as o
    inner join region_schools as r on r.school_id = o.school_id
    where o.measure = 'support_category'
    group by o.year, o.value
),

shares as (
    select
        year,
        category,
        schools,
        schools / sum(schools) over (partition by year) as share
    from categories
    order by year, category
)

select * from shares
