-- Gould-Fernandez brokerage roles per school and academic year, with the LA as
-- the group (Gould and Fernandez 1989). A working table of compute_network
-- (etl/network), read by net_school_metrics; reads net_memberships, plcs, schools.
--
-- Ties are directed from a PLC's lead school to each of its other member
-- schools: a -> b when a leads a PLC active in the year in which both a and b
-- have a counting membership. A school b brokers the ordered pair (a, c) when
-- a -> b -> c, a <> c, and not a -> c (an open two-path, as sna's brokerage()).
-- The role follows the LAs of a, b and c. Only schools that broker something
-- have a row.
with school_plcs as (
    select distinct year, plc_id, school_id
    from net_memberships
),

lead_ties as (
    select distinct
        m.year,
        p.lead_school_id as source_id,
        m.school_id as target_id
    from school_plcs as m
    inner join plcs as p on p.plc_id = m.plc_id
    inner join school_plcs as lead
        on lead.year = m.year
        and lead.plc_id = m.plc_id
        and lead.school_id = p.lead_school_id
    where m.school_id <> p.lead_school_id
),

-- The ties with the LAs of their two schools, looked up once.
la_ties as (
    select t.year, t.source_id, t.target_id, s.la_code as source_la, r.la_code as target_la
    from lead_ties as t
    inner join schools as s on s.school_id = t.source_id
    inner join schools as r on r.school_id = t.target_id
),

two_paths as (
    select
        i.year,
        i.source_id as school_a,
        i.target_id as broker_id,
        o.target_id as school_c,
        i.source_la as la_a,
        i.target_la as la_b,
        o.target_la as la_c
    from la_ties as i
    inner join la_ties as o on o.year = i.year and o.source_id = i.target_id
    where i.source_id <> o.target_id
),

-- a -> c present means a reaches c without the broker: not brokerage.
open_two_paths as (
    select t.*
    from two_paths as t
    anti join lead_ties as direct
        on direct.year = t.year
        and direct.source_id = t.school_a
        and direct.target_id = t.school_c
),

-- Each role is a pattern of the three LAs (a, the broker b, c).
net_brokerage as (
    select
        year,
        broker_id as school_id,
        count_if(la_a = la_b and la_b = la_c) as broker_coordinator,
        count_if(la_a <> la_b and la_b = la_c) as broker_gatekeeper,
        count_if(la_a = la_b and la_b <> la_c) as broker_representative,
        count_if(la_a = la_c and la_a <> la_b) as broker_itinerant,
        count_if(la_a <> la_b and la_b <> la_c and la_a <> la_c) as broker_liaison,
        count(*) as broker_total
    from open_two_paths
    group by year, broker_id
)

select * from net_brokerage
