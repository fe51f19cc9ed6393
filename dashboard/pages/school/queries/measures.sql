-- One school's network measures for every year ($school_id), beside the mean of
-- the schools of its LA and of all schools (isolated schools included, as in
-- net_school_metrics). One row per year and scope: school, la, wales. Nothing for a
-- school outside the user's scope (visible_schools).
with

the_school as (
    select school_id, la_code
    from schools
    where school_id = $school_id
      and school_id in (select school_id from visible_schools())
),

school_rows as (
    select
        m.year,
        'school' as scope,
        m.degree::double as degree,
        m.weighted_degree::double as weighted_degree,
        m.betweenness,
        m.clustering,
        m.n_plcs::double as n_plcs,
        m.cross_la_ties::double as cross_la_ties
    from net_school_metrics as m
    inner join the_school as t on t.school_id = m.school_id
),

la_rows as (
    select
        m.year,
        'la' as scope,
        avg(m.degree) as degree,
        avg(m.weighted_degree) as weighted_degree,
        avg(m.betweenness) as betweenness,
        avg(m.clustering) as clustering,
        avg(m.n_plcs) as n_plcs,
        avg(m.cross_la_ties) as cross_la_ties
    from net_school_metrics as m
    inner join schools as s on s.school_id = m.school_id
    where s.la_code = (select la_code from the_school)
    group by m.year
),

wales_rows as (
    select
        m.year,
        'wales' as scope,
        avg(m.degree) as degree,
        avg(m.weighted_degree) as weighted_degree,
        avg(m.betweenness) as betweenness,
        avg(m.clustering) as clustering,
        avg(m.n_plcs) as n_plcs,
        avg(m.cross_la_ties) as cross_la_ties
    from net_school_metrics as m
    where exists (select 1 from the_school)
    group by m.year
),

measures as (
    select * from school_rows
    union all
    select * from la_rows
    union all
    select * from wales_rows
),

ordered as (
    select m.*
    from measures as m
    inner join academic_years as y on y.year = m.year
    order by y.start_date, case m.scope when 'school' then 1 when 'la' then 2 else 3 end
)

select * from ordered
