-- The local authorities with their consortia, for the region filters.
select
    la_code,
    name_en,
    name_cy,
    consortium_code,
    consortium_name_en,
    consortium_name_cy
from local_authorities
order by consortium_code, name_en
