-- The kinds of group of the system (systems/<name>.toml [[group_kinds]]) and, for a
-- system whose groups come from dated snapshots (England, from GIAS), each group's
-- status at each snapshot. plcs.group_kind names a kind; a group ties its schools in a year
-- when its kind ties (group_kinds.ties) and it is not recorded as other than open that
-- year (etl/sql/marts/net_edges.sql).

-- Key (kind).
CREATE TABLE group_kinds (
    kind      VARCHAR NOT NULL,   -- plc; multi_academy_trust, federation ...
    name      VARCHAR NOT NULL,   -- in the system's first language, as the system names it
    short     VARCHAR,            -- a short name (PLC, MAT), NULL when it has none
    ties      BOOLEAN NOT NULL,   -- groups of this kind tie their schools ([ties] of the system)
    position  INTEGER NOT NULL    -- its place in the system's list, from 1
);
COMMENT ON TABLE group_kinds IS 'The kinds of group of the system, in its order, with their names and whether groups of the kind tie their schools.';

-- Key (year, plc_id).
CREATE TABLE group_status (
    year       VARCHAR NOT NULL,   -- the academic year of the snapshot
    plc_id     VARCHAR NOT NULL,   -- the group (plcs.plc_id: GIAS's Group UID)
    status     VARCHAR NOT NULL,   -- open, closed, proposed_to_open ... (GIAS's group status)
    snapshot   DATE NOT NULL       -- the date of the snapshot read
);
COMMENT ON TABLE group_status IS 'Each group''s status at the snapshot of each academic year (England, from GIAS); empty for a system whose groups have dates only (Wales). Only an open group ties its schools.';
