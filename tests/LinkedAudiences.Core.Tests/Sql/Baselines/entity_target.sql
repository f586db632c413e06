-- duckdb: members
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #4 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #5 = 'pro' (string)
SELECT DISTINCT CAST(e2."card_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
JOIN "accounts" AS e1 ON e1."profile_id" = p."profile_id"
JOIN "credit_cards" AS e2 ON e2."account_id" = e1."account_id"
WHERE e1."status" = $1
  AND e2."balance_status" = $2
  AND EXISTS (
    SELECT 1
    FROM "transactions" AS e3
    WHERE e3."card_id" = e2."card_id"
      AND e3."occurred_at" >= $3
      AND e3."occurred_at" <= $4
  )
  AND p."plan" = $5

-- postgres: members
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #4 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #5 = 'pro' (string)
SELECT DISTINCT CAST(e2."card_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
JOIN "accounts" AS e1 ON e1."profile_id" = p."profile_id"
JOIN "credit_cards" AS e2 ON e2."account_id" = e1."account_id"
WHERE e1."status" = $1
  AND e2."balance_status" = $2
  AND EXISTS (
    SELECT 1
    FROM "transactions" AS e3
    WHERE e3."card_id" = e2."card_id"
      AND e3."occurred_at" >= $3
      AND e3."occurred_at" <= $4
  )
  AND p."plan" = $5

-- snowflake: members
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #4 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #5 = 'pro' (string)
SELECT DISTINCT CAST(e2."card_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
JOIN "accounts" AS e1 ON e1."profile_id" = p."profile_id"
JOIN "credit_cards" AS e2 ON e2."account_id" = e1."account_id"
WHERE e1."status" = ?
  AND e2."balance_status" = ?
  AND EXISTS (
    SELECT 1
    FROM "transactions" AS e3
    WHERE e3."card_id" = e2."card_id"
      AND e3."occurred_at" >= ?
      AND e3."occurred_at" <= ?
  )
  AND p."plan" = ?

-- duckdb: matched entities
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #4 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #5 = 'pro' (string)
-- #6 = '0.0.0.0' (string)
-- #7 = 'transaction' (string)
-- #8 = 'active' (string)
-- #9 = 'Outstanding' (string)
-- #10 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #11 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #12 = 'pro' (string)
-- #13 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #14 = 2026-11-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(e2."card_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  JOIN "accounts" AS e1 ON e1."profile_id" = p."profile_id"
  JOIN "credit_cards" AS e2 ON e2."account_id" = e1."account_id"
  WHERE e1."status" = $1
    AND e2."balance_status" = $2
    AND EXISTS (
      SELECT 1
      FROM "transactions" AS e3
      WHERE e3."card_id" = e2."card_id"
        AND e3."occurred_at" >= $3
        AND e3."occurred_at" <= $4
    )
    AND p."plan" = $5
)
SELECT DISTINCT m.member_key, CAST($6 AS VARCHAR) AS branch, 3 AS depth, CAST($7 AS VARCHAR) AS entity, CAST(e7."transaction_id" AS VARCHAR) AS entity_key, CAST(e5."card_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e4."account_id"
JOIN la_members AS m ON m.member_key = CAST(e5."card_id" AS VARCHAR)
JOIN "transactions" AS e7 ON e7."card_id" = e5."card_id"
WHERE e4."status" = $8
  AND e5."balance_status" = $9
  AND EXISTS (
    SELECT 1
    FROM "transactions" AS e6
    WHERE e6."card_id" = e5."card_id"
      AND e6."occurred_at" >= $10
      AND e6."occurred_at" <= $11
  )
  AND p."plan" = $12
  AND e7."occurred_at" >= $13
  AND e7."occurred_at" <= $14

-- postgres: matched entities
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #4 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #5 = 'pro' (string)
-- #6 = '0.0.0.0' (string)
-- #7 = 'transaction' (string)
-- #8 = 'active' (string)
-- #9 = 'Outstanding' (string)
-- #10 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #11 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #12 = 'pro' (string)
-- #13 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #14 = 2026-11-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(e2."card_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  JOIN "accounts" AS e1 ON e1."profile_id" = p."profile_id"
  JOIN "credit_cards" AS e2 ON e2."account_id" = e1."account_id"
  WHERE e1."status" = $1
    AND e2."balance_status" = $2
    AND EXISTS (
      SELECT 1
      FROM "transactions" AS e3
      WHERE e3."card_id" = e2."card_id"
        AND e3."occurred_at" >= $3
        AND e3."occurred_at" <= $4
    )
    AND p."plan" = $5
)
SELECT DISTINCT m.member_key, CAST($6 AS VARCHAR) AS branch, 3 AS depth, CAST($7 AS VARCHAR) AS entity, CAST(e7."transaction_id" AS VARCHAR) AS entity_key, CAST(e5."card_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e4."account_id"
JOIN la_members AS m ON m.member_key = CAST(e5."card_id" AS VARCHAR)
JOIN "transactions" AS e7 ON e7."card_id" = e5."card_id"
WHERE e4."status" = $8
  AND e5."balance_status" = $9
  AND EXISTS (
    SELECT 1
    FROM "transactions" AS e6
    WHERE e6."card_id" = e5."card_id"
      AND e6."occurred_at" >= $10
      AND e6."occurred_at" <= $11
  )
  AND p."plan" = $12
  AND e7."occurred_at" >= $13
  AND e7."occurred_at" <= $14

-- snowflake: matched entities
-- #1 = 'active' (string)
-- #2 = 'Outstanding' (string)
-- #3 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #4 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #5 = 'pro' (string)
-- #6 = '0.0.0.0' (string)
-- #7 = 'transaction' (string)
-- #8 = 'active' (string)
-- #9 = 'Outstanding' (string)
-- #10 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #11 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #12 = 'pro' (string)
-- #13 = 2026-08-03T00:00:00 (DateTime Unspecified)
-- #14 = 2026-11-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(e2."card_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  JOIN "accounts" AS e1 ON e1."profile_id" = p."profile_id"
  JOIN "credit_cards" AS e2 ON e2."account_id" = e1."account_id"
  WHERE e1."status" = ?
    AND e2."balance_status" = ?
    AND EXISTS (
      SELECT 1
      FROM "transactions" AS e3
      WHERE e3."card_id" = e2."card_id"
        AND e3."occurred_at" >= ?
        AND e3."occurred_at" <= ?
    )
    AND p."plan" = ?
)
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 3 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e7."transaction_id" AS VARCHAR) AS entity_key, CAST(e5."card_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e4."account_id"
JOIN la_members AS m ON m.member_key = CAST(e5."card_id" AS VARCHAR)
JOIN "transactions" AS e7 ON e7."card_id" = e5."card_id"
WHERE e4."status" = ?
  AND e5."balance_status" = ?
  AND EXISTS (
    SELECT 1
    FROM "transactions" AS e6
    WHERE e6."card_id" = e5."card_id"
      AND e6."occurred_at" >= ?
      AND e6."occurred_at" <= ?
  )
  AND p."plan" = ?
  AND e7."occurred_at" >= ?
  AND e7."occurred_at" <= ?

