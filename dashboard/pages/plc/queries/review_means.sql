-- The mean score of each of the nine review features over every PLC reviewed in a
-- year ($year), and how many PLCs that is: what one PLC's review is set against.
with

reviewed as (
    select *
    from net_plc_metrics
    where year = $year and learner_focus is not null
),

means as (
    select
        count(*) as n_plcs,
        avg(learner_focus) as learner_focus,
        avg(trust) as trust,
        avg(data_informed) as data_informed,
        avg(innovation) as innovation,
        avg(distributed_leadership) as distributed_leadership,
        avg(broad_involvement) as broad_involvement,
        avg(critical_enquiry) as critical_enquiry,
        avg(reciprocal_accountability) as reciprocal_accountability,
        avg(dissemination) as dissemination
    from reviewed
)

select * from means
