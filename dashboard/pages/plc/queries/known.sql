-- Whether a PLC id ($plc_id) exists, and nothing else of it: the page of a PLC
-- outside the user's scope says so rather than "not found" (dashboard/access/scope.py lists
-- this query as aggregate-only).
select exists (select 1 from plcs where plc_id = $plc_id) as known
