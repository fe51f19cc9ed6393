-- Per school and academic year, every school in `schools` (isolates included).
-- Reads net_edges, school_outcomes, the working tables net_memberships and
-- net_brokerage (Gould-Fernandez roles, net_brokerage.sql), and net_centrality:
-- betweenness, clustering, eigenvector centrality and Louvain community per
-- school and year, computed with igraph by etl/network/metrics.py and
-- registered for the run (one row per school and year).
with school_years as (
    select y.year, s.school_id
    from academic_years as y
    cross join schools as s
    where y.has_plc_data
),

-- Each year of the network and the one before it (none for the first).
year_steps as (
    select year, lag(year) over (order by year) as previous_year
    from academic_years
    where has_plc_data
),

-- Each tie seen from both of its ends.
tie_ends as (
    select year, school_a as school_id, school_b as partner_id, weight, cross_la, cross_consortium
    from net_edges
    union all
    select year, school_b as school_id, school_a as partner_id, weight, cross_la, cross_consortium
    from net_edges
),

ties as (
    select
        year,
        school_id,
        count(*) as degree,
        sum(weight) as weighted_degree,
        count_if(cross_la) as cross_la_ties,
        count_if(cross_consortium) as cross_consortium_ties
    from tie_ends
    group by year, school_id
),

plcs_per_school as (
    select year, school_id, count(distinct plc_id) as n_plcs
    from net_memberships
    group by year, school_id
),

-- school_outcomes.year is already the academic year a category belongs to: the
-- list of schools open in January 2020 is 2019/20 (etl/sources/categorisation.py).
categories as (
    select year, school_id, value as support_category
    from school_outcomes
    where measure = 'support_category'
),

partner_categories as (
    select
        t.year,
        t.school_id,
        count_if(c.support_category = 'green') as partners_green,
        count_if(c.support_category = 'yellow') as partners_yellow,
        count_if(c.support_category = 'amber') as partners_amber,
        count_if(c.support_category = 'red') as partners_red
    from tie_ends as t
    inner join categories as c on c.year = t.year and c.school_id = t.partner_id
    group by t.year, t.school_id
),

-- Each school's partners of the year before, carried to this year to compare.
previous_partners as (
    select ys.year, t.school_id, t.partner_id
    from tie_ends as t
    inner join year_steps as ys on ys.previous_year = t.year
),

partner_changes as (
    select
        coalesce(now.year, before.year) as year,
        coalesce(now.school_id, before.school_id) as school_id,
        count_if(before.partner_id is null) as ties_gained,
        count_if(now.partner_id is null) as ties_lost
    from tie_ends as now
    full outer join previous_partners as before
        on before.year = now.year
        and before.school_id = now.school_id
        and before.partner_id = now.partner_id
    group by all
),

net_school_metrics as (
    select
        sy.year,
        sy.school_id,
        coalesce(t.degree, 0) as degree,
        coalesce(t.weighted_degree, 0) as weighted_degree,
        c.betweenness,
        c.clustering,
        coalesce(p.n_plcs, 0) as n_plcs,
        coalesce(t.cross_la_ties, 0) as cross_la_ties,
        coalesce(t.cross_consortium_ties, 0) as cross_consortium_ties,
        t.degree is null as is_isolate,
        c.eigenvector,
        c.community_id,
        cat.support_category,
        coalesce(b.broker_coordinator, 0) as broker_coordinator,
        coalesce(b.broker_gatekeeper, 0) as broker_gatekeeper,
        coalesce(b.broker_representative, 0) as broker_representative,
        coalesce(b.broker_itinerant, 0) as broker_itinerant,
        coalesce(b.broker_liaison, 0) as broker_liaison,
        coalesce(b.broker_total, 0) as broker_total,
        coalesce(pc.partners_green, 0) as partners_green,
        coalesce(pc.partners_yellow, 0) as partners_yellow,
        coalesce(pc.partners_amber, 0) as partners_amber,
        coalesce(pc.partners_red, 0) as partners_red,
        case when ys.previous_year is not null then coalesce(ch.ties_gained, 0) end
            as ties_gained,
        case when ys.previous_year is not null then coalesce(ch.ties_lost, 0) end
            as ties_lost
    from school_years as sy
    inner join year_steps as ys on ys.year = sy.year
    inner join net_centrality as c
        on c.year = sy.year and c.school_id = sy.school_id
    left join ties as t
        on t.year = sy.year and t.school_id = sy.school_id
    left join plcs_per_school as p
        on p.year = sy.year and p.school_id = sy.school_id
    left join categories as cat
        on cat.year = sy.year and cat.school_id = sy.school_id
    left join net_brokerage as b
        on b.year = sy.year and b.school_id = sy.school_id
    left join partner_categories as pc
        on pc.year = sy.year and pc.school_id = sy.school_id
    left join partner_changes as ch
        on ch.year = sy.year and ch.school_id = sy.school_id
)

select * from net_school_metrics
