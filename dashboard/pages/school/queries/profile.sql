-- One school's details for its profile ($school_id): name, LA and consortium in
-- both languages, sector, language medium, pupils. No row for an unknown number,
-- nor for a school outside the user's scope (visible_schools).
with

profile as (
    select
        s.school_id,
        s.name,
        s.la_code,
        la.name_en as la_name_en,
        la.name_cy as la_name_cy,
        la.consortium_code,
        la.consortium_name_en,
        la.consortium_name_cy,
        s.sector,
        s.language_medium,
        s.pupils
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
    where s.school_id = $school_id
      and s.school_id in (select school_id from visible_schools())
)

select * from profile
