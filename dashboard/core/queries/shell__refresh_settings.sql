-- The constants the refresh that built this database used (etl/settings_table.py):
-- one row per setting; demo_planted_effect only in a demo database.
select setting, value
from refresh_settings
order by setting
