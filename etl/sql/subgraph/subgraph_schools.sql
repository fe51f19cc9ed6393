-- The schools of a region for measure_subgraph (etl/network/subgraph.py): a
-- consortium code, an LA code, a sector and a language medium, NULL meaning all,
-- as the dashboard's chosen_schools macro chooses them.
with chosen as (
    select
        s.school_id,
        s.la_code
    from schools as s
    inner join local_authorities as la on la.la_code = s.la_code
    where ($consortium is null or la.consortium_code = $consortium)
        and ($la_code is null or s.la_code = $la_code)
        and ($sector is null or s.sector = $sector)
        and ($language_medium is null or s.language_medium = $language_medium)
)

select * from chosen
order by school_id
