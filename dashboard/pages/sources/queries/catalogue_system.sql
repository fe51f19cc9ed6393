-- The data catalogue's table of Wales (net_system_metrics): one row a year, the
-- whole system's network figures. No school, no PLC: every user may have it.
with

system as (
    select
        year,
        n_schools,
        n_ties,
        density,
        n_components,
        giant_component_share,
        cross_la_share,
        cross_consortium_share,
        n_communities,
        modularity_communities,
        modularity_la,
        nmi_communities_la
    from net_system_metrics
)

select * from system order by year
