-- Reference tables: the 22 local authorities and the schools of Wales, read from
-- the published Welsh Government files in data/reference/ (see its README).

CREATE TABLE local_authorities (
    la_code            INTEGER PRIMARY KEY,   -- 660 to 681
    ons_code           VARCHAR NOT NULL,      -- W06000001 to W06000024
    name_en            VARCHAR NOT NULL,
    name_cy            VARCHAR NOT NULL,
    consortium_code    VARCHAR NOT NULL,      -- GWE, ERW, CSC, EAS
    consortium_name_en VARCHAR NOT NULL,
    consortium_name_cy VARCHAR NOT NULL
);
COMMENT ON TABLE local_authorities IS 'The 22 local authorities of Wales, each in one of four regional consortia (as in 2019).';

CREATE TABLE schools (
    school_id         INTEGER PRIMARY KEY,    -- seven digits: LA code and four more
    name              VARCHAR NOT NULL,
    la_code           INTEGER NOT NULL REFERENCES local_authorities (la_code),
    sector            VARCHAR NOT NULL,       -- primary, secondary, middle, special, nursery
    language_medium   VARCHAR NOT NULL,       -- english, welsh, bilingual, dual_stream, english_significant_welsh, transitional, not_applicable
    school_type       VARCHAR,
    postcode          VARCHAR,
    pupils            INTEGER,
    latitude          DOUBLE,
    longitude         DOUBLE,
    source_file       VARCHAR NOT NULL
);
COMMENT ON TABLE schools IS 'Maintained schools of Wales from the Welsh Government address list of schools, with their locations.';

CREATE TABLE la_boundaries (
    ons_code     VARCHAR PRIMARY KEY,   -- joins local_authorities.ons_code
    geometry     JSON NOT NULL,         -- GeoJSON geometry (Polygon or MultiPolygon), WGS84
    source_file  VARCHAR NOT NULL
);
COMMENT ON TABLE la_boundaries IS 'Local-authority boundaries as GeoJSON geometries, for maps; from the reference GeoJSON or TopoJSON.';
