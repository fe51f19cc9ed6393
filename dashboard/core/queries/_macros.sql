-- Macros every dashboard query may use; db.py creates them (as temporary macros,
-- the database being read-only) on each connection before the query runs.
--
-- Small-number suppression. A count of people (PLC members, teachers) below 5
-- could let someone be identified, so it never leaves the database: the query
-- returns NULL in its place, with a flag saying that the NULL is a suppression
-- and not missing data. The page and the CSV show the flagged NULL as "c", the
-- convention of official statistics (labels.format_count). Counts of schools
-- and of PLCs are not counts of people and are shown as they are.
--
--     select plc_id,
--            suppress_count(count(distinct member_id)) as members,
--            is_suppressed(count(distinct member_id)) as members_suppressed
--     from plc_memberships group by plc_id
create or replace temp macro suppress_count(n) as
    case when n < 5 then null else n end;

create or replace temp macro is_suppressed(n) as
    coalesce(n < 5, false);

-- Secondary suppression (docs/measures.md, "Disclosure control"): a figure from
-- which a suppressed count could be worked out is suppressed too. One rule each,
-- here, for every query that shows a PLC-year (net_plc_metrics).
--
-- Members. Each member school has at least one member, so the number of member
-- schools, shown and listed everywhere, is a lower bound: 4 schools beside "c"
-- would mean 4 members. So 5 members with 4 schools is "c" too, and "c" beside 4
-- schools leaves 4 or 5.
create or replace temp macro members_suppressed(n_members, n_schools) as
    is_suppressed(n_members) or coalesce(n_members = 5 and n_schools = 4, false);

-- Attendance (member-meetings) from 1 to 4 is a small count itself; with the
-- members suppressed, attendance over activities or per member would tell them.
create or replace temp macro attendance_suppressed(attendance, n_members, n_schools) as
    members_suppressed(n_members, n_schools)
    or coalesce(attendance > 0 and is_suppressed(attendance), false);

-- Attendance per member and the health score (whose attendance part is
-- min(per member / 6, 1), beside a review and a cycle that are shown) divide
-- attendance by members: suppressed whenever either is.
create or replace temp macro per_member_suppressed(attendance, n_members, n_schools) as
    attendance_suppressed(attendance, n_members, n_schools);

-- A value in place, NULL where its flag says it is suppressed.
create or replace temp macro unless_suppressed(value, suppressed) as
    case when suppressed then null else value end;

-- The schools a page's filters choose: consortium code, LA code, sector and
-- language medium, NULL meaning all. One definition for every query.
create or replace temp macro chosen_schools(consortium, la_code, sector, medium) as table
    select s.school_id
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
    where (consortium is null or la.consortium_code = consortium)
      and (la_code is null or s.la_code = la_code)
      and (sector is null or s.sector = sector)
      and (medium is null or s.language_medium = medium);

-- The memberships that count in an academic year, as the network measures count
-- them (etl/sql/marts/net_memberships.sql): a year of the network, and the PLC's
-- dates, the member's and the year share a day. One row per membership; member
-- ids stay in the database.
create or replace temp macro memberships_in(for_year) as table
    select m.plc_id, m.school_id, m.member_id, m.role
    from plc_memberships as m
    inner join plcs as p on p.plc_id = m.plc_id
    inner join academic_years as y on y.year = for_year
    where y.has_plc_data
      and p.start_date <= y.end_date
      and (p.end_date is null or p.end_date >= y.start_date)
      and m.joined <= y.end_date
      and (p.end_date is null or m.joined <= p.end_date)
      and (m."left" is null or (m."left" >= y.start_date and m."left" >= p.start_date));

-- Region scope (dashboard/access/scope.py, docs/access.md "Scope"). db.py sets the variable
-- plcnet_scope on the connection before each query, from the signed-in user's roles:
-- {everything, detail, las, consortia}. The schools whose detail the user may see:
-- every school for national users; the schools of the user's LAs and consortia;
-- none when detail is off (public aggregates only, no role) or the variable is not
-- set at all (deny by default: the NULLs make every condition false).
-- Every query that returns a school's or a PLC's detail keeps to these.
create or replace temp macro visible_schools() as table
    select s.school_id
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
    where coalesce(getvariable('plcnet_scope').detail, false)
      and (
          coalesce(getvariable('plcnet_scope').everything, false)
          or list_contains(getvariable('plcnet_scope').las, s.la_code)
          or list_contains(getvariable('plcnet_scope').consortia, la.consortium_code)
      );

-- The PLCs whose page the user may see: those led by a school in scope, or with at
-- least one member (in any year) from a school in scope. Their members from schools
-- outside the scope are shown only as a count (plc__members_outside.sql).
create or replace temp macro visible_plcs() as table
    select p.plc_id
    from plcs as p
    where p.lead_school_id in (select school_id from visible_schools())
    union
    select m.plc_id
    from plc_memberships as m
    where m.school_id in (select school_id from visible_schools());

-- The ties of every year: all of them (net_edges) or, with a PLC focus area, only
-- those through its PLCs (net_focus_ties, the whole system's, as the refresh
-- measured it). The network page's group ties and the compare page read them so.
create or replace temp macro focus_ties(focus) as table
    select year, school_a, school_b, weight, cross_la
    from net_edges
    where focus is null
    union all
    select year, school_a, school_b, weight, cross_la
    from net_focus_ties
    where focus is not null and focus_area = focus;

-- The ties of an academic year (focus_ties: all, or a PLC focus area's) with at
-- least one end among the schools chosen, as the overview counts a region's ties:
-- those inside the selection and those leaving it. One row per pair of schools
-- (weights left out), for the comparison of two years (compare__changes,
-- compare__tie_changes).
create or replace temp macro chosen_ties(
    for_year, consortium, la_code, sector, medium, focus
) as table
    select e.school_a, e.school_b
    from focus_ties(focus) as e
    where e.year = for_year
      and (
          e.school_a in (select school_id from chosen_schools(consortium, la_code, sector, medium))
          or e.school_b in (select school_id from chosen_schools(consortium, la_code, sector, medium))
      );

-- The groups that tie in an academic year, by the rule of the refresh's ties
-- (etl/sql/marts/net_edges.sql): not those of a kind that makes no ties
-- (group_kinds.ties false: England's single-academy trusts and sponsors by
-- default), nor one recorded as other than open at the year's snapshot
-- (group_status). Every Welsh PLC ties. Counts of "schools in a group" and of
-- groups follow it, so that a school only in a single-academy trust counts as in
-- no group, as it has no tie.
create or replace temp macro tying_groups(for_year) as table
    select p.plc_id
    from plcs as p
    where not exists (
            select 1 from group_kinds as k where k.kind = p.group_kind and not k.ties
        )
      and not exists (
            select 1 from group_status as g
            where g.year = for_year and g.plc_id = p.plc_id and g.status <> 'open'
        );

-- The memberships of memberships_in(for_year) in groups that tie that year.
create or replace temp macro tying_memberships_in(for_year) as table
    select m.*
    from memberships_in(for_year) as m
    semi join tying_groups(for_year) as g on g.plc_id = m.plc_id;

-- Each school's groups that tie (tying_groups) in a year of the network, or, with a
-- PLC focus area, its PLCs of that area, whose memberships count in the year
-- (memberships_in). A school without a row has no such group that year.
-- (net_school_metrics.n_plcs counts a school's groups of every kind.)
create or replace temp macro school_plcs(for_year, focus) as table
    select m.school_id, for_year as year, count(distinct m.plc_id) as n_plcs
    from tying_memberships_in(for_year) as m
    inner join plcs as p on p.plc_id = m.plc_id
    where focus is null or p.focus_area = focus
    group by m.school_id;
