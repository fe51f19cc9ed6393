-- Tables loaded from the contract files (docs/data-contract.md). Columns follow
-- etl/contract.py; tests/etl/test_contract.py checks that they agree.
-- Keys and references are enforced by validation (etl/validate.py), which sets
-- offending rows aside with a reason; an index would only repeat that check at a
-- high cost per row, and tests/etl/test_refresh.py checks the keys hold.

-- Key (plc_id): unique, kept so by the refresh rather than by an index.
CREATE TABLE plcs (
    plc_id           VARCHAR NOT NULL,
    name             VARCHAR NOT NULL,
    focus_area       VARCHAR,           -- NULL for a group of a system without focus areas (England)
    scope            VARCHAR NOT NULL,
    membership_type  VARCHAR NOT NULL,
    start_date       DATE NOT NULL,
    end_date         DATE,
    lead_school_id   INTEGER,           -- NULL for a group with no lead school (GIAS's groups)
    group_kind       VARCHAR NOT NULL DEFAULT 'plc'   -- the kind of group, one of the system's: plc (Wales), multi_academy_trust ...
);
COMMENT ON TABLE plcs IS 'Groups of schools: professional learning communities (kind plc) and, for other systems, their kinds of group (trusts, federations...): focus, scope (within, between, across schools), self-selected or assigned, dates, lead school and kind of group.';

-- Key (plc_id, member_id): unique, kept so by the refresh rather than by an index.
CREATE TABLE plc_memberships (
    plc_id     VARCHAR NOT NULL,
    school_id  INTEGER NOT NULL,
    member_id  VARCHAR NOT NULL,   -- pseudonymous; never shown
    role       VARCHAR NOT NULL,
    joined     DATE NOT NULL,
    "left"     DATE
);
COMMENT ON TABLE plc_memberships IS 'Members of PLCs by pseudonymous member id, with their school and role.';

-- Key (activity_id): unique, kept so by the refresh rather than by an index.
CREATE TABLE plc_activities (
    activity_id    VARCHAR NOT NULL,
    plc_id         VARCHAR NOT NULL,
    activity_date  DATE NOT NULL,
    stage          VARCHAR NOT NULL,
    attendance     INTEGER NOT NULL
);
COMMENT ON TABLE plc_activities IS 'Dated PLC activities with their enquiry-cycle stage and attendance.';

-- Key (plc_id, year): unique, kept so by the refresh rather than by an index.
CREATE TABLE plc_reviews (
    plc_id                     VARCHAR NOT NULL,
    year                       VARCHAR NOT NULL,
    learner_focus              TINYINT NOT NULL,
    trust                      TINYINT NOT NULL,
    data_informed              TINYINT NOT NULL,
    innovation                 TINYINT NOT NULL,
    distributed_leadership     TINYINT NOT NULL,
    broad_involvement          TINYINT NOT NULL,
    critical_enquiry           TINYINT NOT NULL,
    reciprocal_accountability  TINYINT NOT NULL,
    dissemination              TINYINT NOT NULL
);
COMMENT ON TABLE plc_reviews IS 'The PLC review: the nine features of effective PLCs (Harris and Jones), 1 to 5, per PLC per year.';

-- Key (school_id, year, measure): unique, kept so by the refresh rather than by an index.
CREATE TABLE school_outcomes (
    school_id  INTEGER NOT NULL,
    year       VARCHAR NOT NULL,
    measure    VARCHAR NOT NULL,
    value      VARCHAR NOT NULL,
    source     VARCHAR NOT NULL
);
COMMENT ON TABLE school_outcomes IS 'Yearly school outcomes in long form; measure support_category (green, yellow, amber, red) or attainment (a number). source says published, demo or local.';
