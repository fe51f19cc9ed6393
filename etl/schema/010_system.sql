-- The school system the refresh loaded (etl/systems.py, systems/<name>.toml): its name,
-- the file it was read from, that file's checksum and its whole text, so that the
-- dashboard presents the system of the database it serves (its levels' names, its
-- vocabularies, its languages) whatever code is installed. A database published before
-- systems were recorded has no such table: it is Wales, the only system there was.

-- One row.
CREATE TABLE refresh_system (
    system         VARCHAR NOT NULL,   -- its name: wales, england ...
    config_file    VARCHAR NOT NULL,   -- the configuration file read
    config_sha256  VARCHAR NOT NULL,
    config         VARCHAR NOT NULL    -- the file's text, TOML
);
COMMENT ON TABLE refresh_system IS 'The school system this database holds: its name and its configuration file (systems/<name>.toml) as the refresh read it.';
