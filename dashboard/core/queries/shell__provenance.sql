-- Where the data shown come from: whether any outcome is simulated by the demo
-- generator, and the latest successful refresh.
with

latest_run as (
    select run_id, finished_at
    from etl_runs
    where status = 'success'
    order by finished_at desc
    limit 1
),

provenance as (
    select
        exists (select 1 from school_outcomes where source = 'demo') as is_demo,
        (select run_id from latest_run) as run_id,
        (select finished_at from latest_run) as finished_at
)

select * from provenance
