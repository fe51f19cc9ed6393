-- The overview's counts of active groups and of the schools in them, made once by the
-- refresh (etl/sql/marts/net_active_groups.sql) so that a request reads a few rows
-- instead of joining every membership (issue 13: the United States' 4 million).

-- Key (year, consortium_code, la_code, sector, language_medium): one row per year
-- for every choice of the overview's filters that has a school in a group that year.
-- NULL in any of the four means "all" (no school has a NULL there: schools without a
-- sector or medium count only where that filter is not chosen); la_code is set only
-- with consortium_code NULL, as an LA is in one consortium.
CREATE TABLE net_active_groups (
    year               VARCHAR NOT NULL,
    consortium_code    VARCHAR,            -- the middle level; NULL: every one
    la_code            INTEGER,            -- the LA level; NULL: every one
    sector             VARCHAR,            -- schools of this sector; NULL: every sector
    language_medium    VARCHAR,            -- schools of this medium; NULL: every medium
    active_groups      INTEGER NOT NULL,   -- groups that tie that year with a membership of one of these schools counting that year
    schools_in_groups  INTEGER NOT NULL    -- these schools with a membership counting that year in such a group
);
COMMENT ON TABLE net_active_groups IS 'The overview''s active groups and schools in them per year, for each region and kind of school its filters can choose (NULL meaning all); groups that tie only, as net_edges.';
