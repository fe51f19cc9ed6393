-- The data catalogue's table of PLCs (net_plc_metrics): one row a PLC and year it was
-- active. Only the PLCs of the user's scope (visible_plcs), as the PLC pages; counts
-- of people and the figures worked out from them suppressed by the rules of
-- _macros.sql (NULL with a flag, written "c"). No member id ever leaves.
with

flagged as (
    select
        *,
        members_suppressed(n_members, n_schools) as members_hidden,
        attendance_suppressed(attendance, n_members, n_schools) as attendance_hidden,
        per_member_suppressed(attendance, n_members, n_schools) as per_member_hidden
    from net_plc_metrics
    where plc_id in (select plc_id from visible_plcs())
),

plcs as (
    select
        year,
        plc_id,
        name as plc_name,
        focus_area,
        scope,
        membership_type,
        lead_school_id,
        n_schools as plc_schools,
        unless_suppressed(n_members, members_hidden) as n_members,
        members_hidden as n_members_suppressed,
        n_las,
        n_activities,
        unless_suppressed(attendance, attendance_hidden) as attendance,
        attendance_hidden as attendance_suppressed,
        unless_suppressed(activity_per_member, per_member_hidden) as activity_per_member,
        per_member_hidden as activity_per_member_suppressed,
        cycle_completeness,
        review_mean,
        unless_suppressed(health_score, per_member_hidden) as health_score,
        per_member_hidden as health_score_suppressed,
        is_shallow
    from flagged
)

select * from plcs order by year, plc_id
