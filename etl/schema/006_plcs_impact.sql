-- PLC measures, exposure to deep cross-school collaboration, and the panel
-- analysis of improvement against it (see docs/measures.md).

-- Key (year, plc_id): unique, kept so by the refresh rather than by an index.
-- One row per PLC per academic year it is active in (by its dates).
CREATE TABLE net_plc_metrics (
    year                       VARCHAR NOT NULL,
    plc_id                     VARCHAR NOT NULL,
    name                       VARCHAR NOT NULL,
    focus_area                 VARCHAR,            -- NULL without focus areas (England)
    scope                      VARCHAR NOT NULL,   -- within_school, between_schools, across_las, across_consortia
    membership_type            VARCHAR NOT NULL,   -- self_selected, assigned
    lead_school_id             INTEGER,            -- NULL for a group with no lead school
    active_days                INTEGER NOT NULL,   -- days of the year within the PLC's dates
    n_schools                  INTEGER NOT NULL,   -- member schools with a membership counting that year
    n_members                  INTEGER NOT NULL,   -- distinct pseudonymous members counting that year (raw; the dashboard suppresses)
    n_las                      INTEGER NOT NULL,
    n_consortia                INTEGER NOT NULL,
    n_activities               INTEGER NOT NULL,   -- activities dated in the year
    attendance                 INTEGER NOT NULL,   -- sum of the activities' attendance: member-meetings
    mean_attendance            DOUBLE,             -- attendance / n_activities; NULL without activities
    activity_per_member        DOUBLE,             -- attendance / n_members; NULL without members
    stages_reached             VARCHAR[] NOT NULL, -- enquiry-cycle stages with an activity that year, in cycle order
    reached_analyse_data       BOOLEAN NOT NULL,
    reached_set_goals          BOOLEAN NOT NULL,
    reached_research           BOOLEAN NOT NULL,
    reached_plan               BOOLEAN NOT NULL,
    reached_act                BOOLEAN NOT NULL,
    reached_review             BOOLEAN NOT NULL,
    cycle_completeness         DOUBLE NOT NULL,    -- stages reached / 6
    learner_focus              TINYINT,            -- the year's review, 1 to 5; NULL without a review
    trust                      TINYINT,
    data_informed              TINYINT,
    innovation                 TINYINT,
    distributed_leadership     TINYINT,
    broad_involvement          TINYINT,
    critical_enquiry           TINYINT,
    reciprocal_accountability  TINYINT,
    dissemination              TINYINT,
    review_mean                DOUBLE,             -- mean of the nine scores
    health_score               DOUBLE,             -- 0 to 100, see docs/measures.md
    is_shallow                 BOOLEAN NOT NULL,   -- at least one shallow reason
    shallow_reasons            VARCHAR[] NOT NULL  -- stable codes: no_analysis_or_review, low_learner_focus, between_one_school, no_activity, low_activity
);
COMMENT ON TABLE net_plc_metrics IS 'Per PLC and academic year it is active in: member schools, members, LAs and consortia spanned, activities and attendance, enquiry-cycle stages reached and completeness, the nine review scores and their mean, a health score (0 to 100), and a shallow flag with its reasons.';

-- Key (year, school_id): every school every year, as net_school_metrics.
CREATE TABLE net_school_exposure (
    year               VARCHAR NOT NULL,
    school_id          INTEGER NOT NULL,
    deep_cross_plcs    INTEGER NOT NULL,   -- cross-school PLCs, not shallow that year, the school is in (the main exposure)
    deep_cross_ties    INTEGER NOT NULL,   -- other schools it shares at least one such PLC with
    green_ties         INTEGER NOT NULL,   -- schools it is tied to (net_edges) whose support category that year is green
    any_cross_plcs     INTEGER NOT NULL,   -- cross-school PLCs it is in, shallow or not
    attainment         DOUBLE,             -- the year's attainment (school_outcomes); NULL when missing
    attainment_change  DOUBLE,             -- attainment minus the previous year's; NULL in the first year or when either is missing
    support_category   VARCHAR             -- green, yellow, amber, red; NULL when missing
);
COMMENT ON TABLE net_school_exposure IS 'Per school and academic year: exposure to collaboration (deep cross-school PLCs and ties through them, ties to green schools, all cross-school PLCs) and the outcomes the impact analysis uses (attainment, its change from the previous year, support category).';

-- Key (model).
CREATE TABLE impact_estimates (
    model           VARCHAR NOT NULL,   -- main, deep_cross_ties, green_ties, any_cross_plcs, year_effects_only, sector_<sector>
    outcome         VARCHAR NOT NULL,   -- attainment_change
    exposure        VARCHAR NOT NULL,   -- a column of net_school_exposure
    subgroup        VARCHAR NOT NULL,   -- all, or sector = <sector>
    estimate        DOUBLE NOT NULL,    -- change in attainment points per unit of exposure
    std_error       DOUBLE NOT NULL,    -- cluster-robust by school
    ci_low          DOUBLE NOT NULL,    -- 95% confidence interval
    ci_high         DOUBLE NOT NULL,
    p_value         DOUBLE NOT NULL,    -- two-sided, for estimate = 0
    n_schools       INTEGER NOT NULL,
    n_observations  INTEGER NOT NULL,   -- school-years
    n_years         INTEGER NOT NULL,
    method          VARCHAR NOT NULL    -- the estimator in words
);
COMMENT ON TABLE impact_estimates IS 'Panel estimates of the association between exposure to collaboration and the yearly change in attainment: school and year fixed effects, standard errors clustered by school, 95% confidence intervals, and the schools and school-years behind each.';

-- Key (exposure, year, band).
CREATE TABLE impact_bins (
    exposure          VARCHAR NOT NULL,   -- a column of net_school_exposure
    band              VARCHAR NOT NULL,   -- 0, 1, 2, ... or 5+
    band_order        INTEGER NOT NULL,   -- 1 the lowest band
    band_low          INTEGER NOT NULL,   -- lowest exposure in the band
    band_high         INTEGER,            -- highest exposure in the band; NULL when open
    year              VARCHAR NOT NULL,   -- an academic year, or all
    n_schools         INTEGER NOT NULL,
    n_observations    INTEGER NOT NULL,   -- school-years
    mean_improvement  DOUBLE NOT NULL,    -- mean attainment change
    ci_low            DOUBLE,             -- 95% confidence interval of the mean; NULL below two schools
    ci_high           DOUBLE
);
COMMENT ON TABLE impact_bins IS 'Mean yearly change in attainment by band of exposure, per year and over all years, with 95% confidence intervals (clustered by school) and the schools behind each.';
