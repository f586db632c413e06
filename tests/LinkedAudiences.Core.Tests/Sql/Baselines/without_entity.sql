-- duckdb: members
-- #1 = 'closed' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE NOT EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND e1."status" = $1
  )

-- postgres: members
-- #1 = 'closed' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE NOT EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND e1."status" = $1
  )

-- snowflake: members
-- #1 = 'closed' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE NOT EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND e1."status" = ?
  )

-- duckdb: matched entities
-- #1 = 'closed' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE NOT EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = $1
    )
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

-- postgres: matched entities
-- #1 = 'closed' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE NOT EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = $1
    )
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

-- snowflake: matched entities
-- #1 = 'closed' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE NOT EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = ?
    )
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

