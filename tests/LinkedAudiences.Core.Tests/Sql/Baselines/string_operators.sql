-- duckdb: members
-- #1 = '@example' (string)
-- #2 = 'x' (string)
-- #3 = 'pl' (string)
-- #4 = 'old' (string)
-- #5 = 'broker' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (strpos(p."email", $1) > 0
   AND NOT (strpos(p."first_name", $2) > 0)
   AND starts_with(p."plan", $3)
   AND ends_with(CASE WHEN json_type(p."traits", '$."loyalty"."tier"') = 'VARCHAR' THEN json_extract_string(p."traits", '$."loyalty"."tier"') END, $4)
   AND p."role" <> $5)

-- postgres: members
-- #1 = '@example' (string)
-- #2 = 'x' (string)
-- #3 = 'pl' (string)
-- #4 = 'old' (string)
-- #5 = 'old' (string)
-- #6 = 'broker' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (strpos(p."email", $1) > 0
   AND NOT (strpos(p."first_name", $2) > 0)
   AND starts_with(p."plan", $3)
   AND right(CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'loyalty', 'tier')) = 'string' THEN jsonb_extract_path_text(p."traits", 'loyalty', 'tier') END, length($4)) = $5
   AND p."role" <> $6)

-- snowflake: members
-- #1 = '@example' (string)
-- #2 = 'x' (string)
-- #3 = 'pl' (string)
-- #4 = 'old' (string)
-- #5 = 'broker' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (CONTAINS(p."email", ?)
   AND NOT (CONTAINS(p."first_name", ?))
   AND STARTSWITH(p."plan", ?)
   AND ENDSWITH(AS_VARCHAR(p."traits":"loyalty":"tier"), ?)
   AND p."role" <> ?)

-- duckdb: matched entities
-- #1 = '@example' (string)
-- #2 = 'x' (string)
-- #3 = 'pl' (string)
-- #4 = 'old' (string)
-- #5 = 'broker' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (strpos(p."email", $1) > 0
     AND NOT (strpos(p."first_name", $2) > 0)
     AND starts_with(p."plan", $3)
     AND ends_with(CASE WHEN json_type(p."traits", '$."loyalty"."tier"') = 'VARCHAR' THEN json_extract_string(p."traits", '$."loyalty"."tier"') END, $4)
     AND p."role" <> $5)
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

-- postgres: matched entities
-- #1 = '@example' (string)
-- #2 = 'x' (string)
-- #3 = 'pl' (string)
-- #4 = 'old' (string)
-- #5 = 'old' (string)
-- #6 = 'broker' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (strpos(p."email", $1) > 0
     AND NOT (strpos(p."first_name", $2) > 0)
     AND starts_with(p."plan", $3)
     AND right(CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'loyalty', 'tier')) = 'string' THEN jsonb_extract_path_text(p."traits", 'loyalty', 'tier') END, length($4)) = $5
     AND p."role" <> $6)
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

-- snowflake: matched entities
-- #1 = '@example' (string)
-- #2 = 'x' (string)
-- #3 = 'pl' (string)
-- #4 = 'old' (string)
-- #5 = 'broker' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (CONTAINS(p."email", ?)
     AND NOT (CONTAINS(p."first_name", ?))
     AND STARTSWITH(p."plan", ?)
     AND ENDSWITH(AS_VARCHAR(p."traits":"loyalty":"tier"), ?)
     AND p."role" <> ?)
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

