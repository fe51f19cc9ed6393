-- Rows set aside by the refresh that made this database, per file, table and reason:
-- the rows (distinct lines) set aside for that reason, most first. One row can be
-- set aside for several reasons and then counts under each.
with

reasons as (
    select
        parse_filename(source_file) as file_name,
        table_name,
        reason,
        count(distinct line) as "rows"
    from rejected_rows
    group by all
    order by "rows" desc, file_name, reason
)

select * from reasons
