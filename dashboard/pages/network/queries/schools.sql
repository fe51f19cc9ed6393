-- The schools the network page shows for $year: those the filters choose
-- ($consortium, $la, $sector, $medium; NULL meaning all), with where they are
-- (on the map, and in the year's force layout),
-- their measures that year, their support category (NULL when not categorised),
-- the pairs they broker in each brokerage role and their main role.
-- LA and consortium names are joined in Python from shell__regions: 24,000 rows of
-- names cost more to fetch than to look up.
with

region_schools as (
    -- Only the schools in the user's scope (visible_schools) are shown or drawn.
    select school_id from chosen_schools($consortium, $la, $sector, $medium)
    where school_id in (select school_id from visible_schools())
),

categories as (
    select
        school_id,
        any_value(value) as support_category
    from school_outcomes
    where year = $year and measure = 'support_category'
    group by school_id
),

metrics as (
    select
        *,
        greatest(
            broker_coordinator, broker_gatekeeper, broker_representative,
            broker_itinerant, broker_liaison
        ) as most_brokered
    from net_school_metrics
    where year = $year
),

-- The role in which a school brokers the most pairs (Gould-Fernandez, LAs as the
-- groups; see docs/measures.md), a tie going to the role listed first.
roles as (
    select
        school_id,
        case
            when broker_total = 0 then 'none'
            when broker_coordinator = most_brokered then 'coordinator'
            when broker_gatekeeper = most_brokered then 'gatekeeper'
            when broker_representative = most_brokered then 'representative'
            when broker_itinerant = most_brokered then 'itinerant'
            else 'liaison'
        end as broker_role
    from metrics
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
        l.x as layout_x,
        l.y as layout_y,
        m.degree,
        m.weighted_degree,
        m.betweenness,
        m.n_plcs,
        m.community_id,
        c.support_category,
        m.broker_coordinator,
        m.broker_gatekeeper,
        m.broker_representative,
        m.broker_itinerant,
        m.broker_liaison,
        m.broker_total,
        r.broker_role
    from schools as s
    inner join region_schools as rs on rs.school_id = s.school_id
    inner join local_authorities as la on la.la_code = s.la_code
    inner join metrics as m on m.school_id = s.school_id
    inner join roles as r on r.school_id = s.school_id
    left join categories as c on c.school_id = s.school_id
    left join net_layout as l on l.school_id = s.school_id and l.year = $year
    order by s.school_id
)

select * from shown
