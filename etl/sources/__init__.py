"""Readers of input files, one module per format.

Published files (the Welsh Government address list of schools, the National
School Categorisation lists, school locations, the local authorities) are read
as they are published; the contract files are read by :mod:`etl.load` through
DuckDB. Every reader returns the rows it could read and, separately, the rows it
set aside with their reasons: nothing is dropped silently.
"""
