-- The refresh's own record: every run, and every row set aside with its reason.

CREATE TABLE etl_runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL,      -- success, failed
    trigger         VARCHAR NOT NULL,      -- manual, schedule, make
    input_files     JSON,                  -- [{path, sha256, rows}]
    row_counts      JSON,                  -- {table: rows}
    rejected_counts JSON,                  -- {table: rows set aside}
    message         VARCHAR
);
COMMENT ON TABLE etl_runs IS 'One row per refresh: when, how it was started, its input files with checksums, rows loaded and set aside, and its outcome.';

CREATE TABLE rejected_rows (
    run_id       VARCHAR NOT NULL,
    table_name   VARCHAR NOT NULL,
    source_file  VARCHAR NOT NULL,
    line         INTEGER,          -- line in the source file (the header is line 1)
    column_name  VARCHAR,
    value        VARCHAR,
    reason       VARCHAR NOT NULL
);
COMMENT ON TABLE rejected_rows IS 'Input rows set aside by validation, with source file, line, column, value and reason.';
