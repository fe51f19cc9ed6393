-- Network measures. Nodes are schools; two schools are tied in a year when they
-- share a PLC active in that year (see docs/measures.md).

-- Key (year).
CREATE TABLE academic_years (
    year        VARCHAR NOT NULL,   -- 2018/19
    start_date  DATE NOT NULL,         -- 1 September
    end_date    DATE NOT NULL          -- 31 August
);
COMMENT ON TABLE academic_years IS 'The academic years the data cover, 1 September to 31 August.';

-- Key (year, school_a, school_b): unique, kept so by the refresh rather than by an index.
CREATE TABLE net_edges (
    year              VARCHAR NOT NULL,
    school_a          INTEGER NOT NULL,
    school_b          INTEGER NOT NULL,
    weight            INTEGER NOT NULL,   -- PLCs the two schools share in the year
    shared_members    INTEGER NOT NULL,   -- distinct members of either school in those PLCs
    cross_la          BOOLEAN NOT NULL,
    cross_consortium  BOOLEAN NOT NULL,
    CHECK (school_a < school_b)
);
COMMENT ON TABLE net_edges IS 'Ties between schools per academic year, projected from PLC membership.';

-- Key (year, school_id): unique, kept so by the refresh rather than by an index.
CREATE TABLE net_school_metrics (
    year                   VARCHAR NOT NULL,
    school_id              INTEGER NOT NULL,
    degree                 INTEGER NOT NULL,
    weighted_degree        INTEGER NOT NULL,
    betweenness            DOUBLE NOT NULL,
    clustering             DOUBLE NOT NULL,
    n_plcs                 INTEGER NOT NULL,
    cross_la_ties          INTEGER NOT NULL,
    cross_consortium_ties  INTEGER NOT NULL,
    is_isolate             BOOLEAN NOT NULL,
    eigenvector            DOUBLE NOT NULL,    -- as networkx: norm 1 over all schools, 0 off the leading component
    community_id           INTEGER             -- Louvain community, 1 the largest, NULL for isolates
);
COMMENT ON TABLE net_school_metrics IS 'Per school and year: degree, weighted degree, betweenness and clustering (unweighted, normalised as networkx does; betweenness sampled above a size, see net_system_metrics), PLCs, cross-boundary ties, isolate flag, eigenvector centrality, Louvain community.';

-- Key (year, level, group_id): unique, kept so by the refresh rather than by an index.
CREATE TABLE net_group_metrics (
    year            VARCHAR NOT NULL,
    level           VARCHAR NOT NULL,   -- la, consortium, wales
    group_id        VARCHAR NOT NULL,   -- LA code, consortium code, or W92000004 for Wales
    n_schools       INTEGER NOT NULL,
    n_ties          INTEGER NOT NULL,   -- ties with both ends in the group
    density         DOUBLE,
    internal_ties   INTEGER NOT NULL,
    external_ties   INTEGER NOT NULL,
    ei_index        DOUBLE,             -- (external - internal) / (external + internal)
    isolate_share   DOUBLE
);
COMMENT ON TABLE net_group_metrics IS 'Per year and per LA, consortium and Wales: schools, ties, density, internal and external ties, E-I index, share of isolated schools.';

-- Key (year).
CREATE TABLE net_system_metrics (
    year                    VARCHAR NOT NULL,
    n_schools               INTEGER NOT NULL,
    n_ties                  INTEGER NOT NULL,
    density                 DOUBLE,
    n_components            INTEGER NOT NULL,   -- isolated schools count as components
    giant_component_share   DOUBLE,
    cross_la_share          DOUBLE,
    cross_consortium_share  DOUBLE,
    betweenness_method      VARCHAR NOT NULL,   -- exact, sampled
    betweenness_sources     INTEGER NOT NULL,   -- source schools used: all schools when exact
    betweenness_error       DOUBLE,             -- largest estimated standard error of a school's betweenness, 0 when exact
    n_communities           INTEGER NOT NULL,   -- Louvain communities with at least one tie
    modularity_communities  DOUBLE,             -- NULL when there are no ties
    modularity_la           DOUBLE,
    nmi_communities_la      DOUBLE
);
COMMENT ON TABLE net_system_metrics IS 'Per year, the whole system: schools, ties, density, components, giant-component share, shares of ties crossing LA and consortium lines, how betweenness was computed, Louvain communities and how far they follow LA lines.';
