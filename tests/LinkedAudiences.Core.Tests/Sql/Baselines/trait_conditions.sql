-- duckdb: members
-- #1 = 'Paris' (string)
-- #2 = 100 (decimal)
-- #3 = true (bool)
-- #4 = 2026-10-01T00:00:00 (DateTime Unspecified)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (CASE WHEN json_type(p."traits", '$."address"."city"') = 'VARCHAR' THEN json_extract_string(p."traits", '$."address"."city"') END = $1
   OR CASE WHEN json_type(p."traits", '$."loyalty"."points"') IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'HUGEINT') THEN CAST(json_extract_string(p."traits", '$."loyalty"."points"') AS DECIMAL(38, 10)) END > CAST($2 AS DECIMAL(38, 10))
   OR p."is_vip" = $3
   OR CASE WHEN json_type(p."traits", '$."last_seen_at"') = 'VARCHAR' THEN TRY_CAST(json_extract_string(p."traits", '$."last_seen_at"') AS TIMESTAMP) END >= $4
   OR p."credit_limit" < p."lifetime_value"
   OR NOT COALESCE(CASE WHEN json_type(p."traits", '$."favorite_color"') = 'VARCHAR' THEN json_extract_string(p."traits", '$."favorite_color"') END IS NOT NULL, FALSE))

-- postgres: members
-- #1 = 'Paris' (string)
-- #2 = 100 (decimal)
-- #3 = true (bool)
-- #4 = 2026-10-01T00:00:00 (DateTime Unspecified)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'address', 'city')) = 'string' THEN jsonb_extract_path_text(p."traits", 'address', 'city') END = $1
   OR CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'loyalty', 'points')) = 'number' THEN CAST(jsonb_extract_path_text(p."traits", 'loyalty', 'points') AS NUMERIC) END > CAST($2 AS NUMERIC)
   OR p."is_vip" = $3
   OR CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'last_seen_at')) = 'string' AND jsonb_extract_path_text(p."traits", 'last_seen_at') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$' THEN CAST(jsonb_extract_path_text(p."traits", 'last_seen_at') AS TIMESTAMP) END >= $4
   OR p."credit_limit" < p."lifetime_value"
   OR NOT COALESCE(CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'favorite_color')) = 'string' THEN jsonb_extract_path_text(p."traits", 'favorite_color') END IS NOT NULL, FALSE))

-- snowflake: members
-- #1 = 'Paris' (string)
-- #2 = 100 (decimal)
-- #3 = true (bool)
-- #4 = 2026-10-01T00:00:00 (DateTime Unspecified)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (AS_VARCHAR(p."traits":"address":"city") = ?
   OR CASE WHEN TYPEOF(p."traits":"loyalty":"points") IN ('INTEGER', 'DECIMAL', 'DOUBLE') THEN CAST(p."traits":"loyalty":"points" AS NUMBER(38, 10)) END > CAST(? AS NUMBER(38, 10))
   OR p."is_vip" = ?
   OR TRY_TO_TIMESTAMP_NTZ(AS_VARCHAR(p."traits":"last_seen_at")) >= ?
   OR p."credit_limit" < p."lifetime_value"
   OR NOT COALESCE(AS_VARCHAR(p."traits":"favorite_color") IS NOT NULL, FALSE))

-- duckdb: matched entities
-- #1 = 'Paris' (string)
-- #2 = 100 (decimal)
-- #3 = true (bool)
-- #4 = 2026-10-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (CASE WHEN json_type(p."traits", '$."address"."city"') = 'VARCHAR' THEN json_extract_string(p."traits", '$."address"."city"') END = $1
     OR CASE WHEN json_type(p."traits", '$."loyalty"."points"') IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'HUGEINT') THEN CAST(json_extract_string(p."traits", '$."loyalty"."points"') AS DECIMAL(38, 10)) END > CAST($2 AS DECIMAL(38, 10))
     OR p."is_vip" = $3
     OR CASE WHEN json_type(p."traits", '$."last_seen_at"') = 'VARCHAR' THEN TRY_CAST(json_extract_string(p."traits", '$."last_seen_at"') AS TIMESTAMP) END >= $4
     OR p."credit_limit" < p."lifetime_value"
     OR NOT COALESCE(CASE WHEN json_type(p."traits", '$."favorite_color"') = 'VARCHAR' THEN json_extract_string(p."traits", '$."favorite_color"') END IS NOT NULL, FALSE))
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

-- postgres: matched entities
-- #1 = 'Paris' (string)
-- #2 = 100 (decimal)
-- #3 = true (bool)
-- #4 = 2026-10-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'address', 'city')) = 'string' THEN jsonb_extract_path_text(p."traits", 'address', 'city') END = $1
     OR CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'loyalty', 'points')) = 'number' THEN CAST(jsonb_extract_path_text(p."traits", 'loyalty', 'points') AS NUMERIC) END > CAST($2 AS NUMERIC)
     OR p."is_vip" = $3
     OR CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'last_seen_at')) = 'string' AND jsonb_extract_path_text(p."traits", 'last_seen_at') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$' THEN CAST(jsonb_extract_path_text(p."traits", 'last_seen_at') AS TIMESTAMP) END >= $4
     OR p."credit_limit" < p."lifetime_value"
     OR NOT COALESCE(CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'favorite_color')) = 'string' THEN jsonb_extract_path_text(p."traits", 'favorite_color') END IS NOT NULL, FALSE))
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

-- snowflake: matched entities
-- #1 = 'Paris' (string)
-- #2 = 100 (decimal)
-- #3 = true (bool)
-- #4 = 2026-10-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (AS_VARCHAR(p."traits":"address":"city") = ?
     OR CASE WHEN TYPEOF(p."traits":"loyalty":"points") IN ('INTEGER', 'DECIMAL', 'DOUBLE') THEN CAST(p."traits":"loyalty":"points" AS NUMBER(38, 10)) END > CAST(? AS NUMBER(38, 10))
     OR p."is_vip" = ?
     OR TRY_TO_TIMESTAMP_NTZ(AS_VARCHAR(p."traits":"last_seen_at")) >= ?
     OR p."credit_limit" < p."lifetime_value"
     OR NOT COALESCE(AS_VARCHAR(p."traits":"favorite_color") IS NOT NULL, FALSE))
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

