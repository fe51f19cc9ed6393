-- Per year, how the network explorer draws, so the page can state it: ties in
-- all and drawn, the cap $max_ties, the weakest weight drawn, the rule (all
-- ties, or the strongest), and the layout's method and seed. Reads
-- academic_years, net_edges and net_edges_drawn.
with totals as (
    select y.year, count(e.year) as ties_total
    from academic_years as y
    left join net_edges as e on e.year = y.year
    where y.has_plc_data
    group by y.year
),

drawn as (
    select year, count(*) as ties_drawn, min(weight) as min_weight_drawn
    from net_edges_drawn
    group by year
),

net_drawing_rules as (
    select
        t.year,
        t.ties_total,
        coalesce(d.ties_drawn, 0) as ties_drawn,
        cast($max_ties as integer) as max_ties_drawn,
        d.min_weight_drawn,
        case when t.ties_total <= $max_ties then 'all' else 'strongest' end as rule,
        cast($layout_method as varchar) as layout_method,
        cast($layout_seed as integer) as layout_seed
    from totals as t
    left join drawn as d on d.year = t.year
)

select * from net_drawing_rules
