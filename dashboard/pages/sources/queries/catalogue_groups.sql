-- The data catalogue's table of LAs, consortia and Wales (net_group_metrics): one
-- row a group and year, with the group's code and its name in both languages. Figures
-- over whole LAs: every user may have them, as every user has the regions page.
with

names as (
    select distinct cast(la_code as varchar) as group_id, 'la' as level, name_en, name_cy
    from local_authorities
    union all
    select distinct consortium_code, 'consortium', consortium_name_en, consortium_name_cy
    from local_authorities
    union all
    -- The whole system: sources/catalogue.py names it with the system's own title.
    select distinct group_id, 'wales', 'Wales', 'Cymru'
    from net_group_metrics
    where level = 'wales'
),

groups as (
    select
        g.year,
        g.level,
        g.group_id as group_code,
        n.name_en,
        n.name_cy,
        g.n_schools,
        g.n_ties,
        g.internal_ties,
        g.external_ties,
        g.ei_index,
        g.density,
        g.isolate_share,
        g.n_components,
        g.giant_component_share,
        g.mean_clustering,
        g.n_schools < 2 as density_not_applicable,
        coalesce(g.internal_ties + g.external_ties = 0, true) as ei_not_applicable
    from net_group_metrics as g
    left join names as n on n.group_id = g.group_id and n.level = g.level
)

select * from groups
order by year, case level when 'la' then 1 when 'consortium' then 2 else 3 end, group_code
