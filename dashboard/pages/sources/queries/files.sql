-- The files the latest successful refresh read, in the order it read them: name, the
-- folder it was in, what it was read as, its SHA-256 checksum, encoding and rows.
with

latest_run as (
    select run_id, input_files
    from etl_runs
    where status = 'success'
    order by finished_at desc
    limit 1
),

files as (
    select
        run_id,
        unnest(
            list_transform(
                coalesce(
                    cast(
                        input_files as struct(
                            path varchar, kind varchar, sha256 varchar, encoding varchar,
                            "rows" bigint
                        )[]
                    ),
                    []
                ),
                lambda f, i: {'position': i, 'file': f}
            )
        ) as item
    from latest_run
),

read_files as (
    select
        run_id,
        item.position,
        parse_filename(item.file.path) as file_name,
        item.file.path as path,
        item.file.kind as kind,
        item.file.sha256 as sha256,
        item.file.encoding as encoding,
        item.file."rows" as "rows"
    from files
    order by item.position
)

select * from read_files
