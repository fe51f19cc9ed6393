-- The academic years the data cover, oldest first; has_plc_data marks the years of
-- the network (the others carry outcomes only: docs/measures.md).
select year, start_date, end_date, has_plc_data
from academic_years
order by start_date
