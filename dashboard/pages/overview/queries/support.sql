-- Schools in each support category (green, yellow, amber, red) per year, with the
-- share of the year's categorised schools, for the schools chosen ($consortium,
-- $la, $sector, $medium; NULL meaning all), and whether the year has PLC data (a
-- year of outcomes only is labelled so on the chart).
with

region_schools as (
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
),

categories as (
    select
        o.year,
        o.value as category,
        y.has_plc_data,
        count(*) as schools
    from school_outcomes as o
    inner join region_schools as r on r.school_id = o.school_id
    inner join academic_years as y on y.year = o.year
    where o.measure = 'support_category'
    group by o.year, o.value, y.has_plc_data
),

shares as (
    select
        year,
        category,
        has_plc_data,
        schools,
        schools / sum(schools) over (partition by year) as share
    from categories
    order by year, category
)

select * from shares
