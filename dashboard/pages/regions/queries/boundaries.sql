-- The local authorities' boundaries (GeoJSON geometries as text), keyed by ONS code.
select ons_code, cast(geometry as varchar) as geometry
from la_boundaries
order by ons_code
