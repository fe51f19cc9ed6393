-- Every group measure (net_group_metrics) of one academic year ($year) for the LAs,
-- the consortia and Wales, with the groups' names, each LA's consortium and ONS code
-- (for the map). Wales has no name here: the page names it in its language.
with

la_names as (
    select
        'la' as level,
        cast(la_code as varchar) as group_id,
        name_en,
        name_cy,
        consortium_code,
        ons_code
    from local_authorities
),

consortium_names as (
    select distinct
        'consortium' as level,
        consortium_code as group_id,
        consortium_name_en as name_en,
        consortium_name_cy as name_cy,
        consortium_code,
        null as ons_code
    from local_authorities
),

group_names as (
    select * from la_names
    union all
    select * from consortium_names
),

groups as (
    select
        g.*,
        n.name_en,
        n.name_cy,
        n.consortium_code,
        n.ons_code
    from net_group_metrics as g
    left join group_names as n on n.level = g.level and n.group_id = g.group_id
    where g.year = $year
    order by
        case g.level when 'la' then 1 when 'consortium' then 2 else 3 end,
        n.name_en
)

select * from groups
