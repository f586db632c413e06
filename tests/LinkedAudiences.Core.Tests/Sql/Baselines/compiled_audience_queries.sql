-- duckdb: count
-- #1 = 'active' (string)
-- #2 = 'Visa' (string)
SELECT COUNT(*) AS member_count
FROM (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = $1
        AND EXISTS (
          SELECT 1
          FROM "credit_cards" AS e2
          WHERE e2."account_id" = e1."account_id"
            AND e2."network" = $2
        )
    )
) AS m

-- duckdb: sample 10
-- #1 = 'active' (string)
-- #2 = 'Visa' (string)
SELECT m.member_key
FROM (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = $1
        AND EXISTS (
          SELECT 1
          FROM "credit_cards" AS e2
          WHERE e2."account_id" = e1."account_id"
            AND e2."network" = $2
        )
    )
) AS m
ORDER BY m.member_key
LIMIT 10

-- duckdb: matched entities of u1, u2
-- #1 = 'active' (string)
-- #2 = 'Visa' (string)
-- #3 = 'u1' (string)
-- #4 = 'u2' (string)
-- #5 = '0.0' (string)
-- #6 = 'account' (string)
-- #7 = 'active' (string)
-- #8 = 'Visa' (string)
-- #9 = '0.0.0' (string)
-- #10 = 'credit_card' (string)
-- #11 = 'active' (string)
-- #12 = 'Visa' (string)
WITH la_members AS (
  SELECT m.member_key
  FROM (
    SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
    FROM "profiles" AS p
    WHERE EXISTS (
        SELECT 1
        FROM "accounts" AS e1
        WHERE e1."profile_id" = p."profile_id"
          AND e1."status" = $1
          AND EXISTS (
            SELECT 1
            FROM "credit_cards" AS e2
            WHERE e2."account_id" = e1."account_id"
              AND e2."network" = $2
          )
      )
  ) AS m
  WHERE m.member_key IN ($3, $4)
)
SELECT DISTINCT m.member_key, CAST($5 AS VARCHAR) AS branch, 1 AS depth, CAST($6 AS VARCHAR) AS entity, CAST(e3."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
WHERE e3."status" = $7
  AND EXISTS (
    SELECT 1
    FROM "credit_cards" AS e4
    WHERE e4."account_id" = e3."account_id"
      AND e4."network" = $8
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST($9 AS VARCHAR) AS branch, 2 AS depth, CAST($10 AS VARCHAR) AS entity, CAST(e5."card_id" AS VARCHAR) AS entity_key, CAST(e3."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e3."account_id"
WHERE e3."status" = $11
  AND e5."network" = $12

-- postgres: count
-- #1 = 'active' (string)
-- #2 = 'Visa' (string)
SELECT COUNT(*) AS member_count
FROM (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = $1
        AND EXISTS (
          SELECT 1
          FROM "credit_cards" AS e2
          WHERE e2."account_id" = e1."account_id"
            AND e2."network" = $2
        )
    )
) AS m

-- postgres: sample 10
-- #1 = 'active' (string)
-- #2 = 'Visa' (string)
SELECT m.member_key
FROM (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = $1
        AND EXISTS (
          SELECT 1
          FROM "credit_cards" AS e2
          WHERE e2."account_id" = e1."account_id"
            AND e2."network" = $2
        )
    )
) AS m
ORDER BY m.member_key COLLATE "C"
LIMIT 10

-- postgres: matched entities of u1, u2
-- #1 = 'active' (string)
-- #2 = 'Visa' (string)
-- #3 = 'u1' (string)
-- #4 = 'u2' (string)
-- #5 = '0.0' (string)
-- #6 = 'account' (string)
-- #7 = 'active' (string)
-- #8 = 'Visa' (string)
-- #9 = '0.0.0' (string)
-- #10 = 'credit_card' (string)
-- #11 = 'active' (string)
-- #12 = 'Visa' (string)
WITH la_members AS (
  SELECT m.member_key
  FROM (
    SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
    FROM "profiles" AS p
    WHERE EXISTS (
        SELECT 1
        FROM "accounts" AS e1
        WHERE e1."profile_id" = p."profile_id"
          AND e1."status" = $1
          AND EXISTS (
            SELECT 1
            FROM "credit_cards" AS e2
            WHERE e2."account_id" = e1."account_id"
              AND e2."network" = $2
          )
      )
  ) AS m
  WHERE m.member_key IN ($3, $4)
)
SELECT DISTINCT m.member_key, CAST($5 AS VARCHAR) AS branch, 1 AS depth, CAST($6 AS VARCHAR) AS entity, CAST(e3."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
WHERE e3."status" = $7
  AND EXISTS (
    SELECT 1
    FROM "credit_cards" AS e4
    WHERE e4."account_id" = e3."account_id"
      AND e4."network" = $8
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST($9 AS VARCHAR) AS branch, 2 AS depth, CAST($10 AS VARCHAR) AS entity, CAST(e5."card_id" AS VARCHAR) AS entity_key, CAST(e3."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e3."account_id"
WHERE e3."status" = $11
  AND e5."network" = $12

-- snowflake: count
-- #1 = 'active' (string)
-- #2 = 'Visa' (string)
SELECT COUNT(*) AS member_count
FROM (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = ?
        AND EXISTS (
          SELECT 1
          FROM "credit_cards" AS e2
          WHERE e2."account_id" = e1."account_id"
            AND e2."network" = ?
        )
    )
) AS m

-- snowflake: sample 10
-- #1 = 'active' (string)
-- #2 = 'Visa' (string)
SELECT m.member_key
FROM (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = ?
        AND EXISTS (
          SELECT 1
          FROM "credit_cards" AS e2
          WHERE e2."account_id" = e1."account_id"
            AND e2."network" = ?
        )
    )
) AS m
ORDER BY m.member_key
LIMIT 10

-- snowflake: matched entities of u1, u2
-- #1 = 'active' (string)
-- #2 = 'Visa' (string)
-- #3 = 'u1' (string)
-- #4 = 'u2' (string)
-- #5 = '0.0' (string)
-- #6 = 'account' (string)
-- #7 = 'active' (string)
-- #8 = 'Visa' (string)
-- #9 = '0.0.0' (string)
-- #10 = 'credit_card' (string)
-- #11 = 'active' (string)
-- #12 = 'Visa' (string)
WITH la_members AS (
  SELECT m.member_key
  FROM (
    SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
    FROM "profiles" AS p
    WHERE EXISTS (
        SELECT 1
        FROM "accounts" AS e1
        WHERE e1."profile_id" = p."profile_id"
          AND e1."status" = ?
          AND EXISTS (
            SELECT 1
            FROM "credit_cards" AS e2
            WHERE e2."account_id" = e1."account_id"
              AND e2."network" = ?
          )
      )
  ) AS m
  WHERE m.member_key IN (?, ?)
)
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 1 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e3."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
WHERE e3."status" = ?
  AND EXISTS (
    SELECT 1
    FROM "credit_cards" AS e4
    WHERE e4."account_id" = e3."account_id"
      AND e4."network" = ?
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 2 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e5."card_id" AS VARCHAR) AS entity_key, CAST(e3."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e3."account_id"
WHERE e3."status" = ?
  AND e5."network" = ?

