-- Ties between schools per academic year, projected from PLC membership: two
-- schools are tied in a year when they share a PLC active in it. Reads the
-- working table net_memberships (memberships counted per year).
with school_plcs as (
    select distinct year, plc_id, school_id
    from net_memberships
),

-- The bipartite school-PLC graph projected onto schools: one row per pair of
-- schools per PLC they share, each pair once (school_a < school_b).
shared_plcs as (
    select
        a.year,
        a.plc_id,
        a.school_id as school_a,
        b.school_id as school_b
    from school_plcs as a
    inner join school_plcs as b
        on a.year = b.year
        and a.plc_id = b.plc_id
        and a.school_id < b.school_id
),

-- The members either school brings to each PLC the two share.
shared_members as (
    select s.year, s.school_a, s.school_b, s.plc_id, m.member_id
    from shared_plcs as s
    inner join net_memberships as m
        on m.year = s.year and m.plc_id = s.plc_id and m.school_id = s.school_a
    union all
    select s.year, s.school_a, s.school_b, s.plc_id, m.member_id
    from shared_plcs as s
    inner join net_memberships as m
        on m.year = s.year and m.plc_id = s.plc_id and m.school_id = s.school_b
),

-- Every shared PLC has members from both schools, so counting its distinct
-- plc_ids here gives the weight; a member in several shared PLCs counts once.
ties as (
    select
        year,
        school_a,
        school_b,
        count(distinct plc_id) as weight,
        count(distinct member_id) as shared_members
    from shared_members
    group by year, school_a, school_b
),

school_boundaries as (
    select s.school_id, s.la_code, la.consortium_code
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
),

net_edges as (
    select
        t.year,
        t.school_a,
        t.school_b,
        t.weight,
        t.shared_members,
        a.la_code <> b.la_code as cross_la,
        a.consortium_code <> b.consortium_code as cross_consortium
    from ties as t
    inner join school_boundaries as a on a.school_id = t.school_a
    inner join school_boundaries as b on b.school_id = t.school_b
)

select * from net_edges
