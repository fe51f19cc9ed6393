-- One PLC's measures in every academic year it is active in ($plc_id), oldest
-- first: member schools, members (suppressed under 5), activities and attendance,
-- the enquiry-cycle stages reached, the nine review scores, the health score and
-- the shallow flag with its reasons (net_plc_metrics, docs/measures.md).
-- Members, attendance, attendance per member and the health score are suppressed
-- by the rules of _macros.sql (members_suppressed and the macros after it): NULL,
-- with a flag saying so.
-- Nothing for a PLC outside the user's scope (visible_plcs).
with

flagged as (
    select
        *,
        members_suppressed(n_members, n_schools) as members_hidden,
        attendance_suppressed(attendance, n_members, n_schools) as attendance_hidden,
        per_member_suppressed(attendance, n_members, n_schools) as per_member_hidden
    from net_plc_metrics
    where plc_id = $plc_id
),

plc_years as (
    select
        n.year,
        n.n_schools,
        unless_suppressed(n.n_members, n.members_hidden) as members,
        n.members_hidden as members_suppressed,
        n.n_las,
        n.n_consortia,
        n.n_activities,
        unless_suppressed(n.attendance, n.attendance_hidden) as attendance,
        n.attendance_hidden as attendance_suppressed,
        unless_suppressed(n.activity_per_member, n.per_member_hidden) as activity_per_member,
        n.per_member_hidden as per_member_suppressed,
        n.reached_analyse_data,
        n.reached_set_goals,
        n.reached_research,
        n.reached_plan,
        n.reached_act,
        n.reached_review,
        n.cycle_completeness,
        n.learner_focus,
        n.trust,
        n.data_informed,
        n.innovation,
        n.distributed_leadership,
        n.broad_involvement,
        n.critical_enquiry,
        n.reciprocal_accountability,
        n.dissemination,
        n.review_mean,
        unless_suppressed(n.health_score, n.per_member_hidden) as health_score,
        n.per_member_hidden as health_suppressed,
        n.is_shallow,
        n.shallow_reasons
    from flagged as n
    inner join academic_years as y on y.year = n.year
    where n.plc_id in (select plc_id from visible_plcs())
    order by y.start_date
)

select * from plc_years
