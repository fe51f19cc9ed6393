"""plcnet's dashboard: a Dash app that reads the published DuckDB file, read-only."""
