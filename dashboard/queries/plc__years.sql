-- One PLC's measures in every academic year it is active in ($plc_id), oldest
-- first: member schools, members (suppressed under 5), activities and attendance,
-- the enquiry-cycle stages reached, the nine review scores, the health score and
-- the shallow flag with its reasons (net_plc_metrics, docs/measures.md).
-- Attendance (member-meetings) from 1 to 4 is suppressed, and so is any attendance
-- when the members are, since attendance over activities would tell how many
-- members there are (secondary suppression, as official statistics do).
-- Nothing for a PLC outside the user's scope (visible_plcs).
with

plc_years as (
    select
        n.year,
        n.n_schools,
        suppress_count(n.n_members) as members,
        is_suppressed(n.n_members) as members_suppressed,
        n.n_las,
        n.n_consortia,
        n.n_activities,
        case
            when is_suppressed(n.n_members) or (n.attendance > 0 and is_suppressed(n.attendance))
                then null
            else n.attendance
        end as attendance,
        is_suppressed(n.n_members)
        or (n.attendance > 0 and is_suppressed(n.attendance)) as attendance_suppressed,
        n.activity_per_member,
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
        n.health_score,
        n.is_shallow,
        n.shallow_reasons
    from net_plc_metrics as n
    inner join academic_years as y on y.year = n.year
    where n.plc_id = $plc_id
      and n.plc_id in (select plc_id from visible_plcs())
    order by y.start_date
)

select * from plc_years
