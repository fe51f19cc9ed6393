-- The PLC directory: the PLCs active in a year ($year) with at least one member
-- from a school chosen by the filters ($consortium, $la, $sector, $medium; NULL
-- meaning all), of a focus area ($focus, NULL for all), whose name holds $search
-- (or whose id is $search; '' for all), shallow or not ($shallow: all, shallow,
-- not_shallow). Sorted by $sort (name, las, schools, members, activities, health),
-- $descending or not, then by name; one page of $limit rows from $offset ($limit
-- NULL for all). Every row carries the number of rows in all pages and of the
-- shallow ones; a page past the end is one row of NULLs but these two.
-- Members and health scores are suppressed by the rules of _macros.sql, and sorting
-- by either sorts the values shown, so that the order tells nothing the page does not.
-- Only PLCs in the user's scope (visible_plcs) are listed or counted.
with

year_memberships as (
    select plc_id, school_id from memberships_in($year)
),

region_plcs as (
    select distinct m.plc_id
    from year_memberships as m
    inner join chosen_schools($consortium, $la, $sector, $medium) as c
        on c.school_id = m.school_id
    where m.plc_id in (select plc_id from visible_plcs())
),

listed as (
    select n.*
    from net_plc_metrics as n
    inner join region_plcs as r on r.plc_id = n.plc_id
    where n.year = $year
      and ($focus is null or n.focus_area = $focus)
      and (
          $search = ''
          or strpos(lower(n.name), lower($search)) > 0
          or lower(n.plc_id) = lower($search)
      )
      and (
          $shallow = 'all'
          or ($shallow = 'shallow' and n.is_shallow)
          or ($shallow = 'not_shallow' and not n.is_shallow)
      )
),

flagged as (
    select
        *,
        members_suppressed(n_members, n_schools) as members_hidden,
        per_member_suppressed(attendance, n_members, n_schools) as health_hidden
    from listed
),

sortable as (
    select
        * exclude (health_score),
        unless_suppressed(n_members, members_hidden) as members,
        members_hidden as members_suppressed,
        unless_suppressed(health_score, health_hidden) as health_score,
        health_hidden as health_suppressed,
        case $sort
            when 'las' then n_las
            when 'schools' then n_schools
            when 'members' then unless_suppressed(n_members, members_hidden)
            when 'activities' then n_activities
            when 'health' then unless_suppressed(health_score, health_hidden)
        end::double as sort_value
    from flagged
),

totals as (
    select count(*) as total, count(*) filter (where is_shallow) as total_shallow
    from listed
),

page as (
    select *
    from sortable
    order by
        case when $sort = 'name' and not $descending then name end asc,
        case when $sort = 'name' and $descending then name end desc,
        case when not $descending then sort_value end asc nulls first,
        case when $descending then sort_value end desc nulls last,
        name,
        plc_id
    limit $limit
    offset $offset
),

-- The names of the LAs a PLC spans that year, for the page's rows only.
page_las as (
    select
        m.plc_id,
        string_agg(distinct la.name_en, ', ' order by la.name_en) as las_en,
        string_agg(distinct la.name_cy, ', ' order by la.name_cy) as las_cy
    from year_memberships as m
    inner join page as p on p.plc_id = m.plc_id
    inner join schools as s on s.school_id = m.school_id
    inner join local_authorities as la on la.la_code = s.la_code
    group by m.plc_id
),

directory as (
    select
        p.plc_id,
        p.name,
        p.focus_area,
        p.scope,
        p.n_las,
        l.las_en,
        l.las_cy,
        p.n_schools,
        p.members,
        p.members_suppressed,
        p.n_activities,
        p.health_score,
        p.health_suppressed,
        p.is_shallow,
        p.shallow_reasons,
        t.total,
        t.total_shallow
    -- From the totals, so that a page past the end still says how many there are.
    from totals as t
    left join page as p on true
    left join page_las as l on l.plc_id = p.plc_id
    order by
        case when $sort = 'name' and not $descending then p.name end asc,
        case when $sort = 'name' and $descending then p.name end desc,
        case when not $descending then p.sort_value end asc nulls first,
        case when $descending then p.sort_value end desc nulls last,
        p.name,
        p.plc_id
)

select * from directory
