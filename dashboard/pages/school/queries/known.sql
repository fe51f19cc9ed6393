-- Whether a school number ($school_id) is in the published list of schools, and
-- nothing else of it: the page of a school outside the user's scope says so rather
-- than "not found" (dashboard/access/scope.py lists this query as aggregate-only).
select exists (select 1 from schools where school_id = $school_id) as known
