-- The academic years the data cover, oldest first.
select year, start_date, end_date
from academic_years
order by start_date
