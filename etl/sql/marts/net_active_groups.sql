-- The overview's counts per academic year (dashboard/pages/overview/queries/yearly.sql):
-- active groups and schools in them, for every choice of its filters (a consortium or
-- an LA or neither, a sector or all, a language medium or all; NULL meaning all).
-- Reads the working table net_memberships (memberships counting each year, as the
-- network counts them). A group is active in a year when a school of the region has a
-- membership counting in it that year and it ties that year (tying_groups in
-- dashboard/core/queries/_macros.sql, the rule of net_edges.sql): not of a kind that
-- makes no ties, nor recorded as other than open at the year's snapshot.
with tying_memberships as (
    select distinct m.year, m.plc_id, m.school_id
    from net_memberships as m
    inner join plcs as p on p.plc_id = m.plc_id
    where not exists (
            select 1 from group_kinds as k where k.kind = p.group_kind and not k.ties
        )
      and not exists (
            select 1 from group_status as g
            where g.year = m.year and g.plc_id = m.plc_id and g.status <> 'open'
        )
),

-- The schools the overview can choose, as its chosen_schools macro has them.
choosable as (
    select s.school_id, la.consortium_code, s.la_code, s.sector, s.language_medium
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
),

counted as (
    select
        t.year,
        c.consortium_code,
        c.la_code,
        c.sector,
        c.language_medium,
        count(distinct t.plc_id) as active_groups,
        count(distinct t.school_id) as schools_in_groups
    from tying_memberships as t
    inner join choosable as c on c.school_id = t.school_id
    group by grouping sets (
        (t.year),
        (t.year, c.sector),
        (t.year, c.language_medium),
        (t.year, c.sector, c.language_medium),
        (t.year, c.consortium_code),
        (t.year, c.consortium_code, c.sector),
        (t.year, c.consortium_code, c.language_medium),
        (t.year, c.consortium_code, c.sector, c.language_medium),
        (t.year, c.la_code),
        (t.year, c.la_code, c.sector),
        (t.year, c.la_code, c.language_medium),
        (t.year, c.la_code, c.sector, c.language_medium)
    )
    -- A school without a sector (or medium) is in the "all" rows only: a NULL that is
    -- a value, not a roll-up, would be read as "all".
    having (grouping(c.sector) = 1 or c.sector is not null)
       and (grouping(c.language_medium) = 1 or c.language_medium is not null)
)

select * from counted
