-- The first $limit problems of the rows set aside, by file and line: the line, the
-- column, the value found and the reason. Member ids never leave the database, and
-- a value comes back NULL, flagged value_hidden with why in hidden_because, when:
-- - 'member_id': it is in a member_id column (for everyone);
-- - 'member_file': its file holds member ids (a table with a member_id column) and
--   $show_member_rows is false (everyone but the data team): a file with its columns
--   swapped has member ids in other columns;
-- - 'looks_like_member_id': the refresh hid it already (a member id or a person's
--   name or e-mail address in any column: etl/pseudonym.py, "[hidden: ...]"), or it has
--   the shape of one ($member_id_pattern), or is one of the pseudonyms published (for
--   everyone).
with

member_tables as (
    select distinct table_name
    from duckdb_columns()
    where column_name = 'member_id'
),

member_ids as (
    select distinct lower(trim(member_id)) as member_id
    from plc_memberships
),

problems as (
    select
        parse_filename(r.source_file) as file_name,
        r.table_name,
        r.line,
        r.column_name,
        r.value as found,
        case
            when r.column_name = 'member_id' then 'member_id'
            when r.table_name in (select m.table_name from member_tables as m)
                and not $show_member_rows then 'member_file'
            when starts_with(r.value, '[hidden: ')
                or regexp_full_match(trim(r.value), $member_id_pattern)
                or lower(trim(r.value)) in (select i.member_id from member_ids as i)
                then 'looks_like_member_id'
        end as hidden_because,
        r.reason
    from rejected_rows as r
    order by file_name, r.line, r.column_name, r.reason
    limit $limit
),

shown as (
    select
        file_name,
        table_name,
        line,
        column_name,
        case when hidden_because is null then found end as value,
        hidden_because is not null as value_hidden,
        hidden_because,
        reason
    from problems
)

select * from shown
