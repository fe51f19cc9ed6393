-- The network of each PLC focus area across the whole system, measured at ETL time
-- (etl/network/subgraph.py, compute_focus_networks): what measure_subgraph gives for
-- a year and a focus area with no region chosen, kept so the network explorer need
-- not compute it per request. A region and a focus area together are still measured
-- per request. See docs/measures.md.

-- Key (year, focus_area, school_id): every school, every year, every focus area.
CREATE TABLE net_focus_schools (
    year             VARCHAR NOT NULL,
    focus_area       VARCHAR NOT NULL,
    school_id        INTEGER NOT NULL,
    la_code          INTEGER NOT NULL,
    degree           INTEGER NOT NULL,   -- schools tied through PLCs of the focus area
    weighted_degree  INTEGER NOT NULL,   -- PLCs of the focus area shared, summed over ties
    external_ties    INTEGER NOT NULL,   -- always 0 here: no school is outside the system
    betweenness      DOUBLE NOT NULL,    -- normalised as networkx, on the focus area's network
    clustering       DOUBLE NOT NULL,
    community_id     INTEGER             -- Louvain on the focus area's network; NULL without a tie
);
COMMENT ON TABLE net_focus_schools IS 'Per school, year and PLC focus area: degree, weighted degree, betweenness, clustering and community in the network of ties through PLCs of that focus area only.';

-- Key (year, focus_area, school_a, school_b).
CREATE TABLE net_focus_ties (
    year        VARCHAR NOT NULL,
    focus_area  VARCHAR NOT NULL,
    school_a    INTEGER NOT NULL,
    school_b    INTEGER NOT NULL,
    weight      INTEGER NOT NULL,   -- PLCs of the focus area the two schools share that year
    cross_la    BOOLEAN NOT NULL,
    CHECK (school_a < school_b)
);
COMMENT ON TABLE net_focus_ties IS 'Per year and PLC focus area: the ties between schools through PLCs of that focus area, with how many they share.';

-- Key (year, focus_area).
CREATE TABLE net_focus_summary (
    year                    VARCHAR NOT NULL,
    focus_area              VARCHAR NOT NULL,
    n_schools               INTEGER NOT NULL,
    n_ties                  INTEGER NOT NULL,
    external_ties           INTEGER NOT NULL,   -- always 0 here
    density                 DOUBLE,
    n_components            INTEGER NOT NULL,
    giant_component_share   DOUBLE,
    isolate_share           DOUBLE,
    ties_within_la          INTEGER NOT NULL,
    ties_across_la          INTEGER NOT NULL,
    ei_index_la             DOUBLE,
    n_communities           INTEGER NOT NULL,
    modularity_communities  DOUBLE,
    modularity_la           DOUBLE,
    nmi_communities_la      DOUBLE,
    betweenness_method      VARCHAR NOT NULL,   -- exact, sampled
    betweenness_sources     INTEGER NOT NULL,
    betweenness_error       DOUBLE NOT NULL
);
COMMENT ON TABLE net_focus_summary IS 'Per year and PLC focus area: the figures of the network of ties through PLCs of that focus area (schools, ties, density, components, E-I index by LA, communities and modularity, how betweenness was computed).';
