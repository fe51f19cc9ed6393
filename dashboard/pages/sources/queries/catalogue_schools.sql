-- The data catalogue's table of schools (net_school_metrics): one row a school and
-- year, with its codes, kinds and network figures. School detail: only the schools
-- of the user's scope (visible_schools), none for a user without detail.
with

schools_in_scope as (
    select
        m.year,
        s.school_id,
        s.name as school_name,
        s.la_code,
        la.name_en as la_name_en,
        la.name_cy as la_name_cy,
        la.consortium_code,
        s.sector,
        s.language_medium,
        m.support_category,
        m.degree,
        m.weighted_degree,
        m.betweenness,
        m.clustering,
        m.n_plcs,
        m.cross_la_ties,
        m.is_isolate,
        m.community_id,
        m.broker_total,
        m.degree < 2 as clustering_not_applicable,
        m.is_isolate as community_not_applicable
    from net_school_metrics as m
    inner join schools as s on s.school_id = m.school_id
    inner join local_authorities as la on la.la_code = s.la_code
    where m.school_id in (select school_id from visible_schools())
)

select * from schools_in_scope order by year, school_id
