-- duckdb: members
-- #1 = 'Cat' (string)
-- #2 = 'platinum' (string)
-- #3 = 'churned' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (EXISTS (
     SELECT 1
     FROM "household_members" AS j1
     JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
     WHERE j1."profile_id" = p."profile_id"
       AND EXISTS (
         SELECT 1
         FROM "pets" AS e2
         WHERE e2."household_id" = e1."household_id"
           AND e2."type" = $1
       )
   )
   AND p."plan" = $2
   AND NOT EXISTS (
     SELECT 1
     FROM "linked_audiences"."audience_membership" AS m1
     WHERE m1."audience_key" = $3
       AND m1."member_key" = CAST(p."profile_id" AS VARCHAR)
   ))

-- postgres: members
-- #1 = 'Cat' (string)
-- #2 = 'platinum' (string)
-- #3 = 'churned' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (EXISTS (
     SELECT 1
     FROM "household_members" AS j1
     JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
     WHERE j1."profile_id" = p."profile_id"
       AND EXISTS (
         SELECT 1
         FROM "pets" AS e2
         WHERE e2."household_id" = e1."household_id"
           AND e2."type" = $1
       )
   )
   AND p."plan" = $2
   AND NOT EXISTS (
     SELECT 1
     FROM "linked_audiences"."audience_membership" AS m1
     WHERE m1."audience_key" = $3
       AND m1."member_key" = CAST(p."profile_id" AS VARCHAR)
   ))

-- snowflake: members
-- #1 = 'Cat' (string)
-- #2 = 'platinum' (string)
-- #3 = 'churned' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (EXISTS (
     SELECT 1
     FROM "household_members" AS j1
     JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
     WHERE j1."profile_id" = p."profile_id"
       AND EXISTS (
         SELECT 1
         FROM "pets" AS e2
         WHERE e2."household_id" = e1."household_id"
           AND e2."type" = ?
       )
   )
   AND p."plan" = ?
   AND NOT EXISTS (
     SELECT 1
     FROM "linked_audiences"."audience_membership" AS m1
     WHERE m1."audience_key" = ?
       AND m1."member_key" = CAST(p."profile_id" AS VARCHAR)
   ))

-- duckdb: matched entities
-- #1 = 'Cat' (string)
-- #2 = 'platinum' (string)
-- #3 = 'churned' (string)
-- #4 = '0.0' (string)
-- #5 = 'household' (string)
-- #6 = 'Cat' (string)
-- #7 = '0.0.0' (string)
-- #8 = 'pet' (string)
-- #9 = 'Cat' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (EXISTS (
       SELECT 1
       FROM "household_members" AS j1
       JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
       WHERE j1."profile_id" = p."profile_id"
         AND EXISTS (
           SELECT 1
           FROM "pets" AS e2
           WHERE e2."household_id" = e1."household_id"
             AND e2."type" = $1
         )
     )
     AND p."plan" = $2
     AND NOT EXISTS (
       SELECT 1
       FROM "linked_audiences"."audience_membership" AS m1
       WHERE m1."audience_key" = $3
         AND m1."member_key" = CAST(p."profile_id" AS VARCHAR)
     ))
)
SELECT DISTINCT m.member_key, CAST($4 AS VARCHAR) AS branch, 1 AS depth, CAST($5 AS VARCHAR) AS entity, CAST(e3."household_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
WHERE EXISTS (
    SELECT 1
    FROM "pets" AS e4
    WHERE e4."household_id" = e3."household_id"
      AND e4."type" = $6
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST($7 AS VARCHAR) AS branch, 2 AS depth, CAST($8 AS VARCHAR) AS entity, CAST(e5."pet_id" AS VARCHAR) AS entity_key, CAST(e3."household_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
JOIN "pets" AS e5 ON e5."household_id" = e3."household_id"
WHERE e5."type" = $9

-- postgres: matched entities
-- #1 = 'Cat' (string)
-- #2 = 'platinum' (string)
-- #3 = 'churned' (string)
-- #4 = '0.0' (string)
-- #5 = 'household' (string)
-- #6 = 'Cat' (string)
-- #7 = '0.0.0' (string)
-- #8 = 'pet' (string)
-- #9 = 'Cat' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (EXISTS (
       SELECT 1
       FROM "household_members" AS j1
       JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
       WHERE j1."profile_id" = p."profile_id"
         AND EXISTS (
           SELECT 1
           FROM "pets" AS e2
           WHERE e2."household_id" = e1."household_id"
             AND e2."type" = $1
         )
     )
     AND p."plan" = $2
     AND NOT EXISTS (
       SELECT 1
       FROM "linked_audiences"."audience_membership" AS m1
       WHERE m1."audience_key" = $3
         AND m1."member_key" = CAST(p."profile_id" AS VARCHAR)
     ))
)
SELECT DISTINCT m.member_key, CAST($4 AS VARCHAR) AS branch, 1 AS depth, CAST($5 AS VARCHAR) AS entity, CAST(e3."household_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
WHERE EXISTS (
    SELECT 1
    FROM "pets" AS e4
    WHERE e4."household_id" = e3."household_id"
      AND e4."type" = $6
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST($7 AS VARCHAR) AS branch, 2 AS depth, CAST($8 AS VARCHAR) AS entity, CAST(e5."pet_id" AS VARCHAR) AS entity_key, CAST(e3."household_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
JOIN "pets" AS e5 ON e5."household_id" = e3."household_id"
WHERE e5."type" = $9

-- snowflake: matched entities
-- #1 = 'Cat' (string)
-- #2 = 'platinum' (string)
-- #3 = 'churned' (string)
-- #4 = '0.0' (string)
-- #5 = 'household' (string)
-- #6 = 'Cat' (string)
-- #7 = '0.0.0' (string)
-- #8 = 'pet' (string)
-- #9 = 'Cat' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (EXISTS (
       SELECT 1
       FROM "household_members" AS j1
       JOIN "households" AS e1 ON e1."household_id" = j1."household_id"
       WHERE j1."profile_id" = p."profile_id"
         AND EXISTS (
           SELECT 1
           FROM "pets" AS e2
           WHERE e2."household_id" = e1."household_id"
             AND e2."type" = ?
         )
     )
     AND p."plan" = ?
     AND NOT EXISTS (
       SELECT 1
       FROM "linked_audiences"."audience_membership" AS m1
       WHERE m1."audience_key" = ?
         AND m1."member_key" = CAST(p."profile_id" AS VARCHAR)
     ))
)
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 1 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e3."household_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
WHERE EXISTS (
    SELECT 1
    FROM "pets" AS e4
    WHERE e4."household_id" = e3."household_id"
      AND e4."type" = ?
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 2 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e5."pet_id" AS VARCHAR) AS entity_key, CAST(e3."household_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "household_members" AS j2 ON j2."profile_id" = p."profile_id"
JOIN "households" AS e3 ON e3."household_id" = j2."household_id"
JOIN "pets" AS e5 ON e5."household_id" = e3."household_id"
WHERE e5."type" = ?

