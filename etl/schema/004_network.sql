-- Network measures. Nodes are schools; two schools are tied in a year when they
-- share a PLC active in that year (see docs/measures.md).

-- Key (year).
CREATE TABLE academic_years (
    year        VARCHAR NOT NULL,   -- 2018/19
    start_date  DATE NOT NULL,         -- 1 September
    end_date    DATE NOT NULL,         -- 31 August
    -- The year lies within the PLC data (docs/measures.md "The years of the network"):
    -- only these years have a network. Others carry outcomes only.
    has_plc_data BOOLEAN NOT NULL DEFAULT true
);
COMMENT ON TABLE academic_years IS 'The academic years the data cover, 1 September to 31 August; has_plc_data marks the years of the network.';

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
    community_id           INTEGER,            -- Louvain community, 1 the largest, NULL for isolates
    support_category       VARCHAR,            -- green, yellow, amber, red; NULL when not categorised that year
    -- Gould-Fernandez brokerage, LA as the group, on ties directed from a PLC's lead
    -- school to its other member schools: open two-paths a -> school -> c (no a -> c).
    broker_coordinator     INTEGER NOT NULL,   -- a, school, c all in one LA
    broker_gatekeeper      INTEGER NOT NULL,   -- a from another LA, c in the school's LA
    broker_representative  INTEGER NOT NULL,   -- a in the school's LA, c in another
    broker_itinerant       INTEGER NOT NULL,   -- a and c in one LA, the school in another
    broker_liaison         INTEGER NOT NULL,   -- a, school, c in three different LAs
    broker_total           INTEGER NOT NULL,   -- all brokered pairs: the sum of the five roles
    partners_green         INTEGER NOT NULL,   -- schools tied to it that are green that year
    partners_yellow        INTEGER NOT NULL,
    partners_amber         INTEGER NOT NULL,
    partners_red           INTEGER NOT NULL,
    ties_gained            INTEGER,            -- partners not tied the year before; NULL in the first year
    ties_lost              INTEGER             -- partners of the year before no longer tied; NULL in the first year
);
COMMENT ON TABLE net_school_metrics IS 'Per school and year: degree, weighted degree, betweenness and clustering (unweighted, normalised as networkx does; betweenness sampled above a size, see net_system_metrics), PLCs, cross-boundary ties, isolate flag, eigenvector centrality, Louvain community, support category, Gould-Fernandez brokerage roles with LAs as groups, partners by support category, ties gained and lost since the year before.';

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
    isolate_share   DOUBLE,
    -- Of the group's induced subgraph: its schools and the ties among them.
    n_components            INTEGER NOT NULL,   -- isolated schools count as components
    giant_component_share   DOUBLE,             -- largest component / n_schools
    mean_clustering         DOUBLE,             -- mean of the schools' clustering in the whole graph
    modularity_communities  DOUBLE,             -- consortium and Wales only: Louvain on the induced subgraph
    modularity_la           DOUBLE,             -- consortium and Wales only
    nmi_communities_la      DOUBLE,             -- consortium and Wales only
    assort_la               DOUBLE,             -- attribute assortativity of the induced subgraph, by LA
    assort_medium           DOUBLE,             -- ... by language medium
    assort_sector           DOUBLE,             -- ... by sector
    assort_category         DOUBLE,             -- ... by support category, over categorised schools
    support_schools         INTEGER NOT NULL,   -- schools amber or red that year
    n_support_tied          INTEGER NOT NULL,   -- of them, tied to at least one green school anywhere
    support_tied_share      DOUBLE              -- n_support_tied / support_schools
);
COMMENT ON TABLE net_group_metrics IS 'Per year and per LA, consortium and Wales: schools, ties, density, internal and external ties, E-I index, share of isolated schools, components and giant-component share of the group''s subgraph, mean clustering, modularity and NMI of communities and LAs, assortativity by LA, language medium, sector and support category, and support ties (amber and red schools tied to a green one).';

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
