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

-- Each school's cell (its consortium, LA, sector and medium) with its groups: a group
-- is counted once per cell, however many of the cell's schools it has.
group_cells as (
    select distinct
        t.year, t.plc_id, c.consortium_code, c.la_code, c.sector, c.language_medium
    from tying_memberships as t
    inner join choosable as c on c.school_id = t.school_id
),

school_cells as (
    select distinct
        t.year, t.school_id, c.consortium_code, c.la_code, c.sector, c.language_medium
    from tying_memberships as t
    inner join choosable as c on c.school_id = t.school_id
),

-- Every choice of the filters at once (NULL: all). A school without a sector (or
-- medium) is in the "all" rows only: a NULL that is a value, not a roll-up, would be
-- read as "all".
groups_counted as (
    select
        year, consortium_code, la_code, sector, language_medium,
        count(distinct plc_id) as active_groups
    from group_cells
    group by grouping sets (
        (year), (year, sector), (year, language_medium), (year, sector, language_medium),
        (year, consortium_code), (year, consortium_code, sector),
        (year, consortium_code, language_medium),
        (year, consortium_code, sector, language_medium),
        (year, la_code), (year, la_code, sector), (year, la_code, language_medium),
        (year, la_code, sector, language_medium)
    )
    having (grouping(sector) = 1 or sector is not null)
       and (grouping(language_medium) = 1 or language_medium is not null)
),

-- A school is in one cell: its count is a plain count.
schools_counted as (
    select
        year, consortium_code, la_code, sector, language_medium,
        count(*) as schools_in_groups
    from school_cells
    group by grouping sets (
        (year), (year, sector), (year, language_medium), (year, sector, language_medium),
        (year, consortium_code), (year, consortium_code, sector),
        (year, consortium_code, language_medium),
        (year, consortium_code, sector, language_medium),
        (year, la_code), (year, la_code, sector), (year, la_code, language_medium),
        (year, la_code, sector, language_medium)
    )
    having (grouping(sector) = 1 or sector is not null)
       and (grouping(language_medium) = 1 or language_medium is not null)
)

select g.*, s.schools_in_groups
from groups_counted as g
inner join schools_counted as s
    on s.year = g.year
    and s.consortium_code is not distinct from g.consortium_code
    and s.la_code is not distinct from g.la_code
    and s.sector is not distinct from g.sector
    and s.language_medium is not distinct from g.language_medium
