"""plcnet ETL: published files and contract files in, one DuckDB file out."""
