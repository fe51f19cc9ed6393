-- With a PLC focus area ($focus), in $year, of the schools of an LA ($la), a
-- consortium ($consortium) or Wales (both NULL): those that need support (amber or
-- red that year, net_school_metrics) and, of them, those tied through the area's
-- PLCs (focus_ties) to at least one green school, in any LA: net_group_metrics'
-- support_schools and n_support_tied, counted in the focus area's network.
with

group_schools as (
    select m.school_id, m.support_category
    from net_school_metrics as m
    inner join chosen_schools($consortium, $la, null, null) as c on c.school_id = m.school_id
    where m.year = $year
),

green as (
    select school_id from net_school_metrics
    where year = $year and support_category = 'green'
),

ends as (
    select school_a as school_id, school_b as partner from focus_ties($focus) where year = $year
    union all
    select school_b as school_id, school_a as partner from focus_ties($focus) where year = $year
),

counts as (
    select
        count(*) filter (where g.support_category in ('amber', 'red')) as support_schools,
        count(*) filter (
            where g.support_category in ('amber', 'red')
              and exists (
                  select 1 from ends as e
                  where e.school_id = g.school_id and e.partner in (select school_id from green)
              )
        ) as n_support_tied
    from group_schools as g
)

select * from counts
