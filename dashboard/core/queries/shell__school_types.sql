-- What the filters offer beyond years and regions: the schools' sectors and
-- language media, and the PLCs' focus areas.
select distinct 'sector' as field, sector as value
from schools
union all
select distinct 'language_medium' as field, language_medium as value
from schools
union all
select distinct 'focus_area' as field, focus_area as value
from plcs
order by field, value
