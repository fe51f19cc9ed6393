-- The drawing of the network explorer, computed at ETL time (etl/drawing/layout.py;
-- see docs/measures.md): a force layout per year and the ties a browser can draw.

-- Key (year, school_id): unique, kept so by the refresh rather than by an index.
CREATE TABLE net_layout (
    year       VARCHAR NOT NULL,
    school_id  INTEGER NOT NULL,
    x          DOUBLE NOT NULL,   -- in [-1, 1]; tied schools within 0.85 of the origin
    y          DOUBLE NOT NULL    -- isolated schools on rings from 0.92 to 1.0
);
COMMENT ON TABLE net_layout IS 'Per school and year: position in the force layout of that year''s network (communities placed by Fruchterman-Reingold, schools in each by PivotMDS and Fruchterman-Reingold), within [-1, 1]; isolated schools on rings around the drawing.';

-- Key (year, school_a, school_b): unique, kept so by the refresh rather than by an index.
CREATE TABLE net_edges_drawn (
    year      VARCHAR NOT NULL,
    school_a  INTEGER NOT NULL,
    school_b  INTEGER NOT NULL,
    weight    INTEGER NOT NULL,   -- PLCs the two schools share in the year
    CHECK (school_a < school_b)
);
COMMENT ON TABLE net_edges_drawn IS 'Per year, the ties the network explorer draws: every tie when there are at most 20,000, else the 20,000 strongest by weight (net_drawing_rules says which).';

-- Key (year).
CREATE TABLE net_drawing_rules (
    year              VARCHAR NOT NULL,
    ties_total        INTEGER NOT NULL,   -- ties in net_edges that year
    ties_drawn        INTEGER NOT NULL,   -- ties in net_edges_drawn that year
    max_ties_drawn    INTEGER NOT NULL,   -- the cap: 20,000
    min_weight_drawn  INTEGER,            -- weight of the weakest tie drawn; NULL when none is
    rule              VARCHAR NOT NULL,   -- all, strongest
    layout_method     VARCHAR NOT NULL,   -- communities_fr_pivotmds
    layout_seed       INTEGER NOT NULL
);
COMMENT ON TABLE net_drawing_rules IS 'Per year, how the network explorer draws: ties in all and drawn, the cap, the weakest weight drawn, the rule (all or strongest), and the layout method and seed.';
