-- duckdb: members
-- #1 = 3 (long)
-- #2 = 100 (decimal)
-- #3 = 1000 (decimal)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (p."profile_id" IN (
     SELECT e1."profile_id"
     FROM "wishlist_items" AS e1
     WHERE e1."profile_id" IS NOT NULL
     GROUP BY e1."profile_id"
     HAVING (COUNT(*) = $1
        AND SUM(e1."price") >= CAST($2 AS DECIMAL(38, 10)) * COUNT(e1."price"))
   )
   AND (p."profile_id" IS NULL OR p."profile_id" NOT IN (
     SELECT e2."profile_id"
     FROM "accounts" AS e2
     WHERE e2."profile_id" IS NOT NULL
     GROUP BY e2."profile_id"
     HAVING MAX(e2."credit_limit") < CAST($3 AS DECIMAL(38, 10))
   )))

-- postgres: members
-- #1 = 3 (long)
-- #2 = 100 (decimal)
-- #3 = 1000 (decimal)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (p."profile_id" IN (
     SELECT e1."profile_id"
     FROM "wishlist_items" AS e1
     WHERE e1."profile_id" IS NOT NULL
     GROUP BY e1."profile_id"
     HAVING (COUNT(*) = $1
        AND SUM(e1."price") >= CAST($2 AS NUMERIC) * COUNT(e1."price"))
   )
   AND (p."profile_id" IS NULL OR p."profile_id" NOT IN (
     SELECT e2."profile_id"
     FROM "accounts" AS e2
     WHERE e2."profile_id" IS NOT NULL
     GROUP BY e2."profile_id"
     HAVING MAX(e2."credit_limit") < CAST($3 AS NUMERIC)
   )))

-- snowflake: members
-- #1 = 3 (long)
-- #2 = 100 (decimal)
-- #3 = 1000 (decimal)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (p."profile_id" IN (
     SELECT e1."profile_id"
     FROM "wishlist_items" AS e1
     WHERE e1."profile_id" IS NOT NULL
     GROUP BY e1."profile_id"
     HAVING (COUNT(*) = ?
        AND SUM(e1."price") >= CAST(? AS NUMBER(38, 10)) * COUNT(e1."price"))
   )
   AND (p."profile_id" IS NULL OR p."profile_id" NOT IN (
     SELECT e2."profile_id"
     FROM "accounts" AS e2
     WHERE e2."profile_id" IS NOT NULL
     GROUP BY e2."profile_id"
     HAVING MAX(e2."credit_limit") < CAST(? AS NUMBER(38, 10))
   )))

-- duckdb: matched entities
-- #1 = 3 (long)
-- #2 = 100 (decimal)
-- #3 = 1000 (decimal)
-- #4 = '0.0' (string)
-- #5 = 'wishlist_item' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (p."profile_id" IN (
       SELECT e1."profile_id"
       FROM "wishlist_items" AS e1
       WHERE e1."profile_id" IS NOT NULL
       GROUP BY e1."profile_id"
       HAVING (COUNT(*) = $1
          AND SUM(e1."price") >= CAST($2 AS DECIMAL(38, 10)) * COUNT(e1."price"))
     )
     AND (p."profile_id" IS NULL OR p."profile_id" NOT IN (
       SELECT e2."profile_id"
       FROM "accounts" AS e2
       WHERE e2."profile_id" IS NOT NULL
       GROUP BY e2."profile_id"
       HAVING MAX(e2."credit_limit") < CAST($3 AS DECIMAL(38, 10))
     )))
)
SELECT DISTINCT m.member_key, CAST($4 AS VARCHAR) AS branch, 1 AS depth, CAST($5 AS VARCHAR) AS entity, CAST(e3."item_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "wishlist_items" AS e3 ON e3."profile_id" = p."profile_id"

-- postgres: matched entities
-- #1 = 3 (long)
-- #2 = 100 (decimal)
-- #3 = 1000 (decimal)
-- #4 = '0.0' (string)
-- #5 = 'wishlist_item' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (p."profile_id" IN (
       SELECT e1."profile_id"
       FROM "wishlist_items" AS e1
       WHERE e1."profile_id" IS NOT NULL
       GROUP BY e1."profile_id"
       HAVING (COUNT(*) = $1
          AND SUM(e1."price") >= CAST($2 AS NUMERIC) * COUNT(e1."price"))
     )
     AND (p."profile_id" IS NULL OR p."profile_id" NOT IN (
       SELECT e2."profile_id"
       FROM "accounts" AS e2
       WHERE e2."profile_id" IS NOT NULL
       GROUP BY e2."profile_id"
       HAVING MAX(e2."credit_limit") < CAST($3 AS NUMERIC)
     )))
)
SELECT DISTINCT m.member_key, CAST($4 AS VARCHAR) AS branch, 1 AS depth, CAST($5 AS VARCHAR) AS entity, CAST(e3."item_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "wishlist_items" AS e3 ON e3."profile_id" = p."profile_id"

-- snowflake: matched entities
-- #1 = 3 (long)
-- #2 = 100 (decimal)
-- #3 = 1000 (decimal)
-- #4 = '0.0' (string)
-- #5 = 'wishlist_item' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (p."profile_id" IN (
       SELECT e1."profile_id"
       FROM "wishlist_items" AS e1
       WHERE e1."profile_id" IS NOT NULL
       GROUP BY e1."profile_id"
       HAVING (COUNT(*) = ?
          AND SUM(e1."price") >= CAST(? AS NUMBER(38, 10)) * COUNT(e1."price"))
     )
     AND (p."profile_id" IS NULL OR p."profile_id" NOT IN (
       SELECT e2."profile_id"
       FROM "accounts" AS e2
       WHERE e2."profile_id" IS NOT NULL
       GROUP BY e2."profile_id"
       HAVING MAX(e2."credit_limit") < CAST(? AS NUMBER(38, 10))
     )))
)
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 1 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e3."item_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "wishlist_items" AS e3 ON e3."profile_id" = p."profile_id"

