-- duckdb: members
-- #1 = 2025-11-01T00:00:00 (DateTime Unspecified)
-- #2 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #3 = 5000000 (decimal)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE p."profile_id" IN (
    SELECT e1."profile_id"
    FROM "sales" AS e1
    WHERE e1."profile_id" IS NOT NULL
      AND e1."sold_at" >= $1
      AND e1."sold_at" <= $2
    GROUP BY e1."profile_id"
    HAVING SUM(e1."amount") > CAST($3 AS DECIMAL(38, 10))
  )

-- postgres: members
-- #1 = 2025-11-01T00:00:00 (DateTime Unspecified)
-- #2 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #3 = 5000000 (decimal)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE p."profile_id" IN (
    SELECT e1."profile_id"
    FROM "sales" AS e1
    WHERE e1."profile_id" IS NOT NULL
      AND e1."sold_at" >= $1
      AND e1."sold_at" <= $2
    GROUP BY e1."profile_id"
    HAVING SUM(e1."amount") > CAST($3 AS NUMERIC)
  )

-- snowflake: members
-- #1 = 2025-11-01T00:00:00 (DateTime Unspecified)
-- #2 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #3 = 5000000 (decimal)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE p."profile_id" IN (
    SELECT e1."profile_id"
    FROM "sales" AS e1
    WHERE e1."profile_id" IS NOT NULL
      AND e1."sold_at" >= ?
      AND e1."sold_at" <= ?
    GROUP BY e1."profile_id"
    HAVING SUM(e1."amount") > CAST(? AS NUMBER(38, 10))
  )

-- duckdb: matched entities
-- #1 = 2025-11-01T00:00:00 (DateTime Unspecified)
-- #2 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #3 = 5000000 (decimal)
-- #4 = '0.0' (string)
-- #5 = 'sale' (string)
-- #6 = 2025-11-01T00:00:00 (DateTime Unspecified)
-- #7 = 2026-11-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE p."profile_id" IN (
      SELECT e1."profile_id"
      FROM "sales" AS e1
      WHERE e1."profile_id" IS NOT NULL
        AND e1."sold_at" >= $1
        AND e1."sold_at" <= $2
      GROUP BY e1."profile_id"
      HAVING SUM(e1."amount") > CAST($3 AS DECIMAL(38, 10))
    )
)
SELECT DISTINCT m.member_key, CAST($4 AS VARCHAR) AS branch, 1 AS depth, CAST($5 AS VARCHAR) AS entity, CAST(e2."sale_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "sales" AS e2 ON e2."profile_id" = p."profile_id"
WHERE e2."sold_at" >= $6
  AND e2."sold_at" <= $7

-- postgres: matched entities
-- #1 = 2025-11-01T00:00:00 (DateTime Unspecified)
-- #2 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #3 = 5000000 (decimal)
-- #4 = '0.0' (string)
-- #5 = 'sale' (string)
-- #6 = 2025-11-01T00:00:00 (DateTime Unspecified)
-- #7 = 2026-11-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE p."profile_id" IN (
      SELECT e1."profile_id"
      FROM "sales" AS e1
      WHERE e1."profile_id" IS NOT NULL
        AND e1."sold_at" >= $1
        AND e1."sold_at" <= $2
      GROUP BY e1."profile_id"
      HAVING SUM(e1."amount") > CAST($3 AS NUMERIC)
    )
)
SELECT DISTINCT m.member_key, CAST($4 AS VARCHAR) AS branch, 1 AS depth, CAST($5 AS VARCHAR) AS entity, CAST(e2."sale_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "sales" AS e2 ON e2."profile_id" = p."profile_id"
WHERE e2."sold_at" >= $6
  AND e2."sold_at" <= $7

-- snowflake: matched entities
-- #1 = 2025-11-01T00:00:00 (DateTime Unspecified)
-- #2 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #3 = 5000000 (decimal)
-- #4 = '0.0' (string)
-- #5 = 'sale' (string)
-- #6 = 2025-11-01T00:00:00 (DateTime Unspecified)
-- #7 = 2026-11-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE p."profile_id" IN (
      SELECT e1."profile_id"
      FROM "sales" AS e1
      WHERE e1."profile_id" IS NOT NULL
        AND e1."sold_at" >= ?
        AND e1."sold_at" <= ?
      GROUP BY e1."profile_id"
      HAVING SUM(e1."amount") > CAST(? AS NUMBER(38, 10))
    )
)
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 1 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e2."sale_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "sales" AS e2 ON e2."profile_id" = p."profile_id"
WHERE e2."sold_at" >= ?
  AND e2."sold_at" <= ?

