-- The school numbers of the user's scope (visible_schools), to keep to them what
-- is measured in Python on the whole network (etl.network.subgraph, through
-- Database.call): a focus area's subgraph.
select school_id from visible_schools() order by school_id
