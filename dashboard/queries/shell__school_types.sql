-- The sectors and language media the schools have, for the filters.
select distinct 'sector' as field, sector as value
from schools
union all
select distinct 'language_medium' as field, language_medium as value
from schools
order by field, value
