-- The first $limit problems of the rows set aside, by file and line: the line, the
-- column, the value found and the reason. Member ids are pseudonymous but still never
-- leave the database: a value found in a member_id column comes back NULL, flagged
-- value_hidden, and the page says it is hidden.
with

problems as (
    select
        parse_filename(source_file) as file_name,
        table_name,
        line,
        column_name,
        case when column_name = 'member_id' then null else value end as value,
        column_name = 'member_id' as value_hidden,
        reason
    from rejected_rows
    order by file_name, line, column_name, reason
    limit $limit
)

select * from problems
