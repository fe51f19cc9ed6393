-- The constants a refresh worked with that the dashboard must know to present its
-- tables (etl/settings_table.py): the dashboard reads them here instead of importing
-- the ETL's code, so a page describes the database it serves, not the code installed.

-- Key (setting).
CREATE TABLE refresh_settings (
    setting      VARCHAR NOT NULL,   -- max_ties_drawn, impact_min_schools, demo_planted_effect
    value        DOUBLE NOT NULL,
    description  VARCHAR NOT NULL
);
COMMENT ON TABLE refresh_settings IS 'The constants the refresh used that the dashboard presents: the cap on ties drawn, the fewest schools for an impact estimate, and, for a demo database only, the effect the demo planted.';
