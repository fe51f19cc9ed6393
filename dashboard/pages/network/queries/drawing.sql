-- How the ties of $year are drawn (net_drawing_rules), so that the page can say it.
select
    rule,
    ties_total,
    ties_drawn,
    max_ties_drawn,
    min_weight_drawn
from net_drawing_rules
where year = $year
