-- duckdb: members
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2 (long)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND e1."status" = $1
      AND e1."account_id" IN (
        SELECT e2."account_id"
        FROM "credit_cards" AS e2
        WHERE e2."account_id" IS NOT NULL
          AND e2."balance_status" = $2
        GROUP BY e2."account_id"
        HAVING COUNT(*) >= $3
      )
  )

-- postgres: members
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2 (long)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND e1."status" = $1
      AND e1."account_id" IN (
        SELECT e2."account_id"
        FROM "credit_cards" AS e2
        WHERE e2."account_id" IS NOT NULL
          AND e2."balance_status" = $2
        GROUP BY e2."account_id"
        HAVING COUNT(*) >= $3
      )
  )

-- snowflake: members
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2 (long)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND e1."status" = ?
      AND e1."account_id" IN (
        SELECT e2."account_id"
        FROM "credit_cards" AS e2
        WHERE e2."account_id" IS NOT NULL
          AND e2."balance_status" = ?
        GROUP BY e2."account_id"
        HAVING COUNT(*) >= ?
      )
  )

-- duckdb: matched entities
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2 (long)
-- #4 = '0.0' (string)
-- #5 = 'account' (string)
-- #6 = 'active' (string)
-- #7 = 'Outstanding' (string)
-- #8 = 2 (long)
-- #9 = '0.0.0' (string)
-- #10 = 'credit_card' (string)
-- #11 = 'active' (string)
-- #12 = 'Outstanding' (string)
-- #13 = 2 (long)
-- #14 = 'Outstanding' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = $1
        AND e1."account_id" IN (
          SELECT e2."account_id"
          FROM "credit_cards" AS e2
          WHERE e2."account_id" IS NOT NULL
            AND e2."balance_status" = $2
          GROUP BY e2."account_id"
          HAVING COUNT(*) >= $3
        )
    )
)
SELECT DISTINCT m.member_key, CAST($4 AS VARCHAR) AS branch, 1 AS depth, CAST($5 AS VARCHAR) AS entity, CAST(e3."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
WHERE e3."status" = $6
  AND e3."account_id" IN (
    SELECT e4."account_id"
    FROM "credit_cards" AS e4
    WHERE e4."account_id" IS NOT NULL
      AND e4."balance_status" = $7
    GROUP BY e4."account_id"
    HAVING COUNT(*) >= $8
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST($9 AS VARCHAR) AS branch, 2 AS depth, CAST($10 AS VARCHAR) AS entity, CAST(e5."card_id" AS VARCHAR) AS entity_key, CAST(e3."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e3."account_id"
WHERE e3."status" = $11
  AND e3."account_id" IN (
    SELECT e6."account_id"
    FROM "credit_cards" AS e6
    WHERE e6."account_id" IS NOT NULL
      AND e6."balance_status" = $12
    GROUP BY e6."account_id"
    HAVING COUNT(*) >= $13
  )
  AND e5."balance_status" = $14

-- postgres: matched entities
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2 (long)
-- #4 = '0.0' (string)
-- #5 = 'account' (string)
-- #6 = 'active' (string)
-- #7 = 'Outstanding' (string)
-- #8 = 2 (long)
-- #9 = '0.0.0' (string)
-- #10 = 'credit_card' (string)
-- #11 = 'active' (string)
-- #12 = 'Outstanding' (string)
-- #13 = 2 (long)
-- #14 = 'Outstanding' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = $1
        AND e1."account_id" IN (
          SELECT e2."account_id"
          FROM "credit_cards" AS e2
          WHERE e2."account_id" IS NOT NULL
            AND e2."balance_status" = $2
          GROUP BY e2."account_id"
          HAVING COUNT(*) >= $3
        )
    )
)
SELECT DISTINCT m.member_key, CAST($4 AS VARCHAR) AS branch, 1 AS depth, CAST($5 AS VARCHAR) AS entity, CAST(e3."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
WHERE e3."status" = $6
  AND e3."account_id" IN (
    SELECT e4."account_id"
    FROM "credit_cards" AS e4
    WHERE e4."account_id" IS NOT NULL
      AND e4."balance_status" = $7
    GROUP BY e4."account_id"
    HAVING COUNT(*) >= $8
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST($9 AS VARCHAR) AS branch, 2 AS depth, CAST($10 AS VARCHAR) AS entity, CAST(e5."card_id" AS VARCHAR) AS entity_key, CAST(e3."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e3."account_id"
WHERE e3."status" = $11
  AND e3."account_id" IN (
    SELECT e6."account_id"
    FROM "credit_cards" AS e6
    WHERE e6."account_id" IS NOT NULL
      AND e6."balance_status" = $12
    GROUP BY e6."account_id"
    HAVING COUNT(*) >= $13
  )
  AND e5."balance_status" = $14

-- snowflake: matched entities
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2 (long)
-- #4 = '0.0' (string)
-- #5 = 'account' (string)
-- #6 = 'active' (string)
-- #7 = 'Outstanding' (string)
-- #8 = 2 (long)
-- #9 = '0.0.0' (string)
-- #10 = 'credit_card' (string)
-- #11 = 'active' (string)
-- #12 = 'Outstanding' (string)
-- #13 = 2 (long)
-- #14 = 'Outstanding' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND e1."status" = ?
        AND e1."account_id" IN (
          SELECT e2."account_id"
          FROM "credit_cards" AS e2
          WHERE e2."account_id" IS NOT NULL
            AND e2."balance_status" = ?
          GROUP BY e2."account_id"
          HAVING COUNT(*) >= ?
        )
    )
)
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 1 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e3."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
WHERE e3."status" = ?
  AND e3."account_id" IN (
    SELECT e4."account_id"
    FROM "credit_cards" AS e4
    WHERE e4."account_id" IS NOT NULL
      AND e4."balance_status" = ?
    GROUP BY e4."account_id"
    HAVING COUNT(*) >= ?
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 2 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e5."card_id" AS VARCHAR) AS entity_key, CAST(e3."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e3."account_id"
WHERE e3."status" = ?
  AND e3."account_id" IN (
    SELECT e6."account_id"
    FROM "credit_cards" AS e6
    WHERE e6."account_id" IS NOT NULL
      AND e6."balance_status" = ?
    GROUP BY e6."account_id"
    HAVING COUNT(*) >= ?
  )
  AND e5."balance_status" = ?

