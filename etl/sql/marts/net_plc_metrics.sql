-- Per PLC and academic year it is active in: membership, activity, the
-- enquiry cycle, the review, a health score and the shallow flag with its
-- reasons (docs/measures.md). Reads plcs, plc_activities, plc_reviews, schools,
-- local_authorities, academic_years and the working table net_memberships
-- (memberships counted per year, etl/network/build.py). The stage and feature
-- names are the contract's (etl/contract.py); a test checks they agree.
with plc_years as (
    select
        y.year,
        y.start_date as year_start,
        y.end_date as year_end,
        p.plc_id,
        p.name,
        p.focus_area,
        p.scope,
        p.membership_type,
        p.lead_school_id,
        -- Days of the year within the PLC's dates: a PLC that starts or ends
        -- mid-year is expected to do less in it (low_activity).
        date_diff(
            'day',
            greatest(p.start_date, y.start_date),
            least(coalesce(p.end_date, y.end_date), y.end_date)
        ) + 1 as active_days,
        date_diff('day', y.start_date, y.end_date) + 1 as year_days
    from plcs as p
    inner join academic_years as y
        on p.start_date <= y.end_date
        and (p.end_date is null or p.end_date >= y.start_date)
    where y.has_plc_data
),

school_places as (
    select s.school_id, s.la_code, la.consortium_code
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
),

membership_counts as (
    select
        m.year,
        m.plc_id,
        count(distinct m.member_id) as n_members,
        count(distinct m.school_id) as n_schools,
        count(distinct sp.la_code) as n_las,
        count(distinct sp.consortium_code) as n_consortia
    from net_memberships as m
    inner join school_places as sp on sp.school_id = m.school_id
    group by m.year, m.plc_id
),

activity_counts as (
    select
        py.year,
        py.plc_id,
        count(*) as n_activities,
        sum(a.attendance) as attendance,
        -- A stage is reached by an activity someone took part in: one with attendance 0
        -- is counted among the activities, but an enquiry step nobody attended did not
        -- take place.
        bool_or(a.stage = 'analyse_data' and a.attendance > 0) as reached_analyse_data,
        bool_or(a.stage = 'set_goals' and a.attendance > 0) as reached_set_goals,
        bool_or(a.stage = 'research' and a.attendance > 0) as reached_research,
        bool_or(a.stage = 'plan' and a.attendance > 0) as reached_plan,
        bool_or(a.stage = 'act' and a.attendance > 0) as reached_act,
        bool_or(a.stage = 'review' and a.attendance > 0) as reached_review
    from plc_years as py
    inner join plc_activities as a
        on a.plc_id = py.plc_id
        and a.activity_date between py.year_start and py.year_end
    group by py.year, py.plc_id
),

counted as (
    select
        py.*,
        coalesce(m.n_schools, 0) as n_schools,
        coalesce(m.n_members, 0) as n_members,
        coalesce(m.n_las, 0) as n_las,
        coalesce(m.n_consortia, 0) as n_consortia,
        coalesce(a.n_activities, 0) as n_activities,
        coalesce(a.attendance, 0) as attendance,
        coalesce(a.reached_analyse_data, false) as reached_analyse_data,
        coalesce(a.reached_set_goals, false) as reached_set_goals,
        coalesce(a.reached_research, false) as reached_research,
        coalesce(a.reached_plan, false) as reached_plan,
        coalesce(a.reached_act, false) as reached_act,
        coalesce(a.reached_review, false) as reached_review,
        r.learner_focus,
        r.trust,
        r.data_informed,
        r.innovation,
        r.distributed_leadership,
        r.broad_involvement,
        r.critical_enquiry,
        r.reciprocal_accountability,
        r.dissemination
    from plc_years as py
    left join membership_counts as m on m.year = py.year and m.plc_id = py.plc_id
    left join activity_counts as a on a.year = py.year and a.plc_id = py.plc_id
    left join plc_reviews as r on r.year = py.year and r.plc_id = py.plc_id
),

-- The stages in the contract's cycle order (DuFour's cycle of collective enquiry).
cycle as (
    select
        *,
        list_filter(
            [
                case when reached_analyse_data then 'analyse_data' end,
                case when reached_set_goals then 'set_goals' end,
                case when reached_research then 'research' end,
                case when reached_plan then 'plan' end,
                case when reached_act then 'act' end,
                case when reached_review then 'review' end
            ],
            lambda stage: stage is not null
        ) as stages_reached,
        attendance / nullif(n_activities, 0)::double as mean_attendance,
        attendance / nullif(n_members, 0)::double as activity_per_member,
        (
            learner_focus + trust + data_informed + innovation + distributed_leadership
            + broad_involvement + critical_enquiry + reciprocal_accountability + dissemination
        ) / 9.0 as review_mean
    from counted
),

-- The three parts of the health score, each on 0 to 1: the review (1 to 5 mapped
-- to 0 to 1), the share of the cycle reached, and meetings attended per member
-- against one full cycle of six (capped at 1). Missing parts are left out.
health_parts as (
    select
        *,
        len(stages_reached) / 6.0 as cycle_completeness,
        (review_mean - 1) / 4.0 as review_part,
        -- least() skips NULLs, so a PLC without members needs the case.
        case when activity_per_member is not null then least(activity_per_member / 6.0, 1.0) end
            as activity_part
    from cycle
),

scored as (
    select
        *,
        100.0 * (
            coalesce(review_part, 0) + cycle_completeness + coalesce(activity_part, 0)
        ) / (1 + (review_part is not null)::int + (activity_part is not null)::int)
            as health_score,
        list_filter(
            [
                -- Meetings, but never analysing data nor reviewing: no enquiry judged by results.
                case
                    when n_activities > 0 and not reached_analyse_data and not reached_review
                        then 'no_analysis_or_review'
                end,
                case when learner_focus <= 2 then 'low_learner_focus' end,
                -- A PLC meant to join schools whose members come from one school.
                case
                    when scope <> 'within_school' and n_schools = 1 then 'between_one_school'
                end,
                case when n_members > 0 and n_activities = 0 then 'no_activity' end,
                -- Fewer than one activity a term (three terms a year) of the time it ran.
                case
                    when n_activities > 0 and n_activities < 3.0 * active_days / year_days
                        then 'low_activity'
                end
            ],
            lambda reason: reason is not null
        ) as shallow_reasons
    from health_parts
),

net_plc_metrics as (
    select
        year,
        plc_id,
        name,
        focus_area,
        scope,
        membership_type,
        lead_school_id,
        active_days,
        n_schools,
        n_members,
        n_las,
        n_consortia,
        n_activities,
        attendance,
        mean_attendance,
        activity_per_member,
        stages_reached,
        reached_analyse_data,
        reached_set_goals,
        reached_research,
        reached_plan,
        reached_act,
        reached_review,
        cycle_completeness,
        learner_focus,
        trust,
        data_informed,
        innovation,
        distributed_leadership,
        broad_involvement,
        critical_enquiry,
        reciprocal_accountability,
        dissemination,
        review_mean,
        health_score,
        len(shallow_reasons) > 0 as is_shallow,
        shallow_reasons
    from scored
)

select * from net_plc_metrics
