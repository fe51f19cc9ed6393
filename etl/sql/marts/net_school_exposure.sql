-- Per school and year of the network, every school in `schools`: exposure to
-- collaboration and the outcomes the impact analysis uses (docs/measures.md).
-- Reads net_plc_metrics, net_edges, school_outcomes and the working table
-- net_memberships. A PLC is cross-school when its scope is not within_school,
-- and deep in a year when net_plc_metrics does not flag it shallow that year.
with school_years as (
    select y.year, s.school_id
    from academic_years as y
    cross join schools as s
),

school_plcs as (
    select distinct year, plc_id, school_id
    from net_memberships
),

cross_school_plcs as (
    select
        sp.year,
        sp.plc_id,
        sp.school_id,
        not p.is_shallow as is_deep
    from school_plcs as sp
    inner join net_plc_metrics as p on p.year = sp.year and p.plc_id = sp.plc_id
    where p.scope <> 'within_school'
),

plc_counts as (
    select
        year,
        school_id,
        count(*) as any_cross_plcs,
        count_if(is_deep) as deep_cross_plcs
    from cross_school_plcs
    group by year, school_id
),

-- Pairs of schools sharing at least one deep cross-school PLC, each pair seen
-- from both ends.
deep_partners as (
    select distinct
        a.year,
        a.school_id,
        b.school_id as partner_id
    from cross_school_plcs as a
    inner join cross_school_plcs as b
        on b.year = a.year
        and b.plc_id = a.plc_id
        and b.school_id <> a.school_id
    where a.is_deep and b.is_deep
),

deep_ties as (
    select year, school_id, count(*) as deep_cross_ties
    from deep_partners
    group by year, school_id
),

outcomes as (
    select
        school_id,
        year,
        max(try_cast(value as double)) filter (where measure = 'attainment') as attainment,
        max(value) filter (where measure = 'support_category') as support_category
    from school_outcomes
    group by school_id, year
),

tie_ends as (
    select year, school_a as school_id, school_b as partner_id
    from net_edges
    union all
    select year, school_b as school_id, school_a as partner_id
    from net_edges
),

-- Partners green in the same year: the category published for that year.
green_partners as (
    select t.year, t.school_id, count(*) as green_ties
    from tie_ends as t
    inner join outcomes as o
        on o.school_id = t.partner_id and o.year = t.year
    where o.support_category = 'green'
    group by t.year, t.school_id
),

net_school_exposure as (
    select
        sy.year,
        sy.school_id,
        coalesce(c.deep_cross_plcs, 0) as deep_cross_plcs,
        coalesce(d.deep_cross_ties, 0) as deep_cross_ties,
        coalesce(g.green_ties, 0) as green_ties,
        coalesce(c.any_cross_plcs, 0) as any_cross_plcs,
        o.attainment,
        -- Every school has a row every year and the years are consecutive, so the
        -- previous row is the previous academic year.
        o.attainment - lag(o.attainment) over (
            partition by sy.school_id order by sy.year
        ) as attainment_change,
        o.support_category
    from school_years as sy
    left join plc_counts as c on c.year = sy.year and c.school_id = sy.school_id
    left join deep_ties as d on d.year = sy.year and d.school_id = sy.school_id
    left join green_partners as g on g.year = sy.year and g.school_id = sy.school_id
    left join outcomes as o on o.year = sy.year and o.school_id = sy.school_id
)

-- Only the years of the network: in a year without PLC data exposure is unknown,
-- not 0. The change of the first of them is still from the year before when that
-- year has outcomes (the lag above runs over every academic year).
select e.*
from net_school_exposure as e
inner join academic_years as y on y.year = e.year
where y.has_plc_data
