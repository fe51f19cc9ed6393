-- Ties between schools per academic year, projected from PLC membership: two
-- schools are tied in a year when they share a PLC active in it. Reads the
-- working table net_memberships (memberships counted per year).
-- Each school's members in each PLC that year: within one PLC a member_id is
-- one membership (the contract's key is plc_id, member_id), so of one school.
-- Only groups that tie count (tables group_kinds and group_status): not those of a
-- kind that does not tie (England's single-academy trusts and sponsors by default),
-- nor one recorded as other than open at the year's snapshot. Wales's PLCs all tie.
with not_tying as (
    select plc_id from plcs
    where group_kind in (select kind from group_kinds where not ties)
),

closed_in_year as (
    select year, plc_id from group_status where status <> 'open'
),

school_plcs as (
    select m.year, m.plc_id, m.school_id, count(*) as members
    from net_memberships as m
    anti join not_tying as n on n.plc_id = m.plc_id
    anti join closed_in_year as c on c.year = m.year and c.plc_id = m.plc_id
    group by m.year, m.plc_id, m.school_id
),

-- The bipartite school-PLC graph projected onto schools: one row per pair of
-- schools per PLC they share, each pair once (school_a < school_b), with the
-- members the two bring to that PLC (disjoint, as above).
shared_plcs as (
    select
        a.year,
        a.plc_id,
        a.school_id as school_a,
        b.school_id as school_b,
        a.members + b.members as members
    from school_plcs as a
    inner join school_plcs as b
        on a.year = b.year
        and a.plc_id = b.plc_id
        and a.school_id < b.school_id
),

-- Each pair once per PLC, so the weight (distinct PLCs shared) is a count. With
-- one shared PLC the shared members are that PLC's members of the two schools;
-- with several, a member in more than one of them must count once, so those
-- pairs alone are counted member by member below.
pairs as (
    select
        year,
        school_a,
        school_b,
        count(*) as weight,
        cast(sum(members) as bigint) as members_if_one
    from shared_plcs
    group by year, school_a, school_b
),

several as (
    select s.year, s.school_a, s.school_b, s.plc_id
    from shared_plcs as s
    semi join (select year, school_a, school_b from pairs where weight > 1) as p
        on p.year = s.year and p.school_a = s.school_a and p.school_b = s.school_b
),

several_members as (
    select year, school_a, school_b, count(distinct member_id) as shared_members
    from (
        select s.year, s.school_a, s.school_b, m.member_id
        from several as s
        inner join net_memberships as m
            on m.year = s.year and m.plc_id = s.plc_id and m.school_id = s.school_a
        union all
        select s.year, s.school_a, s.school_b, m.member_id
        from several as s
        inner join net_memberships as m
            on m.year = s.year and m.plc_id = s.plc_id and m.school_id = s.school_b
    )
    group by year, school_a, school_b
),

ties as (
    select
        p.year,
        p.school_a,
        p.school_b,
        p.weight,
        coalesce(m.shared_members, p.members_if_one) as shared_members
    from pairs as p
    left join several_members as m
        on m.year = p.year and m.school_a = p.school_a and m.school_b = p.school_b
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
