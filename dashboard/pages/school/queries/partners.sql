-- The schools tied to one school ($school_id) in a year ($year): shared PLCs, the
-- partner's LA, sector and support category that year, whether the tie crosses
-- an LA or consortium line. Most shared PLCs first, then by name. Only partners in the
-- user's scope (visible_schools), and only for a school in scope; the partners
-- outside it are counted by school__partners_outside.sql.
with

ties as (
    select
        case when e.school_a = $school_id then e.school_b else e.school_a end as partner_id,
        e.weight as shared_plcs,
        e.cross_la,
        e.cross_consortium
    from net_edges as e
    where e.year = $year
      and (e.school_a = $school_id or e.school_b = $school_id)
      and $school_id in (select school_id from visible_schools())
),

categories as (
    select school_id, value as category
    from school_outcomes
    where year = $year and measure = 'support_category'
),

partners as (
    select
        t.partner_id as school_id,
        s.name,
        la.name_en as la_name_en,
        la.name_cy as la_name_cy,
        s.sector,
        c.category,
        t.shared_plcs,
        t.cross_la,
        t.cross_consortium
    from ties as t
    inner join schools as s on s.school_id = t.partner_id
    inner join local_authorities as la on la.la_code = s.la_code
    left join categories as c on c.school_id = t.partner_id
    where t.partner_id in (select school_id from visible_schools())
    order by t.shared_plcs desc, s.name, s.school_id
)

select * from partners
