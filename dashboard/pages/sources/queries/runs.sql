-- The refresh history, newest first (the latest $limit runs): when each ran, how it
-- was started, the files it read and how many of them were new or changed since the
-- run before (a checksum that run did not read), the rows in them and the rows set
-- aside.
-- etl_runs holds the successful runs (failed ones never publish a database, and the
-- run log <db>.runs.jsonl records them); a row of another status is left out.
with

runs as (
    select
        run_id,
        started_at,
        finished_at,
        status,
        trigger,
        message,
        coalesce(
            list_transform(
                cast(input_files as json[]), lambda f: json_extract_string(f, '$.sha256')
            ),
            []
        ) as files,
        cast(
            coalesce(
                list_sum(
                    list_transform(
                        cast(input_files as json[]),
                        lambda f: cast(json_extract(f, '$.rows') as bigint)
                    )
                ),
                0
            ) as bigint
        ) as rows_read,
        cast(
            coalesce(list_sum(map_values(cast(rejected_counts as map(varchar, bigint)))), 0)
            as bigint
        ) as rows_set_aside,
        lag(run_id) over (order by started_at) as previous_run
    from etl_runs
    where status = 'success'
),

checksums as (
    select run_id, unnest(files) as sha256
    from runs
),

changed as (
    select r.run_id, count(distinct c.sha256) as files_changed
    from runs as r
    inner join checksums as c on c.run_id = r.run_id
    where r.previous_run is not null
      and c.sha256 not in (select p.sha256 from checksums as p where p.run_id = r.previous_run)
    group by r.run_id
),

history as (
    select
        r.run_id,
        r.started_at,
        r.finished_at,
        date_diff('millisecond', r.started_at, r.finished_at) / 1000.0 as seconds,
        r.status,
        r.trigger,
        len(r.files) as files_read,
        case
            when r.previous_run is null then null
            else coalesce(c.files_changed, 0)
        end as files_changed,
        r.rows_read,
        r.rows_set_aside,
        r.message
    from runs as r
    left join changed as c on c.run_id = r.run_id
    order by r.started_at desc
    limit $limit
)

select * from history
