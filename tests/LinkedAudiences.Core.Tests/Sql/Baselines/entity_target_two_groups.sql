-- duckdb: members
-- #1 = 'Cat' (string)
-- #2 = 10 (decimal)
-- #3 = 10 (decimal)
-- #4 = 1 (long)
SELECT DISTINCT CAST(e2."pet_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
JOIN "household_members" AS j1 ON j1."profile_id" = p."profile_id"
JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
JOIN "pets" AS e2 ON e2."household_id" = e1."household_id"
WHERE e2."type" = $1
UNION
SELECT DISTINCT CAST(e4."pet_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
JOIN "pets" AS e4 ON e4."household_id" = e3."household_id"
WHERE e4."age" > CAST($2 AS DECIMAL(38, 10))
  AND p."profile_id" IN (
    SELECT d1.k
    FROM (
      SELECT DISTINCT j3."profile_id" AS k, e5."household_id" AS row_key
      FROM "household_members" AS j3
      JOIN "households" AS e5 ON e5."household_id" = j3."household_id"
      WHERE EXISTS (
          SELECT 1
          FROM "pets" AS e6
          WHERE e6."household_id" = e5."household_id"
            AND e6."age" > CAST($3 AS DECIMAL(38, 10))
        )
    ) AS d1
    WHERE d1.k IS NOT NULL
    GROUP BY d1.k
    HAVING COUNT(*) = $4
  )

-- postgres: members
-- #1 = 'Cat' (string)
-- #2 = 10 (decimal)
-- #3 = 10 (decimal)
-- #4 = 1 (long)
SELECT DISTINCT CAST(e2."pet_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
JOIN "household_members" AS j1 ON j1."profile_id" = p."profile_id"
JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
JOIN "pets" AS e2 ON e2."household_id" = e1."household_id"
WHERE e2."type" = $1
UNION
SELECT DISTINCT CAST(e4."pet_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
JOIN "pets" AS e4 ON e4."household_id" = e3."household_id"
WHERE e4."age" > CAST($2 AS NUMERIC)
  AND p."profile_id" IN (
    SELECT d1.k
    FROM (
      SELECT DISTINCT j3."profile_id" AS k, e5."household_id" AS row_key
      FROM "household_members" AS j3
      JOIN "households" AS e5 ON e5."household_id" = j3."household_id"
      WHERE EXISTS (
          SELECT 1
          FROM "pets" AS e6
          WHERE e6."household_id" = e5."household_id"
            AND e6."age" > CAST($3 AS NUMERIC)
        )
    ) AS d1
    WHERE d1.k IS NOT NULL
    GROUP BY d1.k
    HAVING COUNT(*) = $4
  )

-- snowflake: members
-- #1 = 'Cat' (string)
-- #2 = 10 (decimal)
-- #3 = 10 (decimal)
-- #4 = 1 (long)
SELECT DISTINCT CAST(e2."pet_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
JOIN "household_members" AS j1 ON j1."profile_id" = p."profile_id"
JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
JOIN "pets" AS e2 ON e2."household_id" = e1."household_id"
WHERE e2."type" = ?
UNION
SELECT DISTINCT CAST(e4."pet_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
JOIN "pets" AS e4 ON e4."household_id" = e3."household_id"
WHERE e4."age" > CAST(? AS NUMBER(38, 10))
  AND p."profile_id" IN (
    SELECT d1.k
    FROM (
      SELECT DISTINCT j3."profile_id" AS k, e5."household_id" AS row_key
      FROM "household_members" AS j3
      JOIN "households" AS e5 ON e5."household_id" = j3."household_id"
      WHERE EXISTS (
          SELECT 1
          FROM "pets" AS e6
          WHERE e6."household_id" = e5."household_id"
            AND e6."age" > CAST(? AS NUMBER(38, 10))
        )
    ) AS d1
    WHERE d1.k IS NOT NULL
    GROUP BY d1.k
    HAVING COUNT(*) = ?
  )

-- duckdb: matched entities
-- #1 = 'Cat' (string)
-- #2 = 10 (decimal)
-- #3 = 10 (decimal)
-- #4 = 1 (long)
WITH la_members AS (
  SELECT DISTINCT CAST(e2."pet_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  JOIN "household_members" AS j1 ON j1."profile_id" = p."profile_id"
  JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
  JOIN "pets" AS e2 ON e2."household_id" = e1."household_id"
  WHERE e2."type" = $1
  UNION
  SELECT DISTINCT CAST(e4."pet_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
  JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
  JOIN "pets" AS e4 ON e4."household_id" = e3."household_id"
  WHERE e4."age" > CAST($2 AS DECIMAL(38, 10))
    AND p."profile_id" IN (
      SELECT d1.k
      FROM (
        SELECT DISTINCT j3."profile_id" AS k, e5."household_id" AS row_key
        FROM "household_members" AS j3
        JOIN "households" AS e5 ON e5."household_id" = j3."household_id"
        WHERE EXISTS (
            SELECT 1
            FROM "pets" AS e6
            WHERE e6."household_id" = e5."household_id"
              AND e6."age" > CAST($3 AS DECIMAL(38, 10))
          )
      ) AS d1
      WHERE d1.k IS NOT NULL
      GROUP BY d1.k
      HAVING COUNT(*) = $4
    )
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

-- postgres: matched entities
-- #1 = 'Cat' (string)
-- #2 = 10 (decimal)
-- #3 = 10 (decimal)
-- #4 = 1 (long)
WITH la_members AS (
  SELECT DISTINCT CAST(e2."pet_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  JOIN "household_members" AS j1 ON j1."profile_id" = p."profile_id"
  JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
  JOIN "pets" AS e2 ON e2."household_id" = e1."household_id"
  WHERE e2."type" = $1
  UNION
  SELECT DISTINCT CAST(e4."pet_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
  JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
  JOIN "pets" AS e4 ON e4."household_id" = e3."household_id"
  WHERE e4."age" > CAST($2 AS NUMERIC)
    AND p."profile_id" IN (
      SELECT d1.k
      FROM (
        SELECT DISTINCT j3."profile_id" AS k, e5."household_id" AS row_key
        FROM "household_members" AS j3
        JOIN "households" AS e5 ON e5."household_id" = j3."household_id"
        WHERE EXISTS (
            SELECT 1
            FROM "pets" AS e6
            WHERE e6."household_id" = e5."household_id"
              AND e6."age" > CAST($3 AS NUMERIC)
          )
      ) AS d1
      WHERE d1.k IS NOT NULL
      GROUP BY d1.k
      HAVING COUNT(*) = $4
    )
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

-- snowflake: matched entities
-- #1 = 'Cat' (string)
-- #2 = 10 (decimal)
-- #3 = 10 (decimal)
-- #4 = 1 (long)
WITH la_members AS (
  SELECT DISTINCT CAST(e2."pet_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  JOIN "household_members" AS j1 ON j1."profile_id" = p."profile_id"
  JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
  JOIN "pets" AS e2 ON e2."household_id" = e1."household_id"
  WHERE e2."type" = ?
  UNION
  SELECT DISTINCT CAST(e4."pet_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
  JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
  JOIN "pets" AS e4 ON e4."household_id" = e3."household_id"
  WHERE e4."age" > CAST(? AS NUMBER(38, 10))
    AND p."profile_id" IN (
      SELECT d1.k
      FROM (
        SELECT DISTINCT j3."profile_id" AS k, e5."household_id" AS row_key
        FROM "household_members" AS j3
        JOIN "households" AS e5 ON e5."household_id" = j3."household_id"
        WHERE EXISTS (
            SELECT 1
            FROM "pets" AS e6
            WHERE e6."household_id" = e5."household_id"
              AND e6."age" > CAST(? AS NUMBER(38, 10))
          )
      ) AS d1
      WHERE d1.k IS NOT NULL
      GROUP BY d1.k
      HAVING COUNT(*) = ?
    )
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

