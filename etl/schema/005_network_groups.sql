-- Network measures across groups and years: the E-I matrix of ties between LAs
-- and between consortia, and the change of the main measures from year to year
-- (see docs/measures.md).

-- Key (year, level, group_a, group_b): unique, kept so by the refresh rather than by an index.
CREATE TABLE net_group_pairs (
    year     VARCHAR NOT NULL,
    level    VARCHAR NOT NULL,   -- la, consortium
    group_a  VARCHAR NOT NULL,   -- LA code or consortium code
    group_b  VARCHAR NOT NULL,   -- group_a <= group_b; equal for ties inside one group
    ties     INTEGER NOT NULL,   -- ties with one school in each group (both in it when equal)
    CHECK (group_a <= group_b)
);
COMMENT ON TABLE net_group_pairs IS 'Per year, ties between each pair of LAs and each pair of consortia, every pair listed (0 when none), a group with itself for its internal ties: the E-I matrix.';

-- Key (year, level, entity_id, measure): unique, kept so by the refresh rather than by an index.
CREATE TABLE net_changes (
    year       VARCHAR NOT NULL,
    level      VARCHAR NOT NULL,   -- school, plc, la, consortium, wales
    entity_id  VARCHAR NOT NULL,   -- school number, PLC id, LA code, consortium code or W92000004
    measure    VARCHAR NOT NULL,   -- a column of net_school_metrics, net_plc_metrics or net_group_metrics
    value      DOUBLE,             -- this year
    previous   DOUBLE,             -- the academic year before; NULL in the first year
    change     DOUBLE              -- value - previous; NULL when either is NULL
);
COMMENT ON TABLE net_changes IS 'Year-on-year change of the main measures of every school, PLC, LA, consortium and Wales: value, the year before, and the difference.';
