-- The LA boundaries (GeoJSON geometries) for the network page's map, by LA code.
select
    la.la_code,
    b.geometry::varchar as geometry
from la_boundaries as b
inner join local_authorities as la on la.ons_code = b.ons_code
order by la.la_code
