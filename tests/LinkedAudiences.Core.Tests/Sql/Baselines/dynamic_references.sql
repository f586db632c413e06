-- duckdb: members
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND EXISTS (
        SELECT 1
        FROM "credit_cards" AS e2
        WHERE e2."account_id" = e1."account_id"
          AND (e2."card_limit" > e1."credit_limit"
           OR e2."balance" > p."credit_limit")
      )
  )

-- postgres: members
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND EXISTS (
        SELECT 1
        FROM "credit_cards" AS e2
        WHERE e2."account_id" = e1."account_id"
          AND (e2."card_limit" > e1."credit_limit"
           OR e2."balance" > p."credit_limit")
      )
  )

-- snowflake: members
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND EXISTS (
        SELECT 1
        FROM "credit_cards" AS e2
        WHERE e2."account_id" = e1."account_id"
          AND (e2."card_limit" > e1."credit_limit"
           OR e2."balance" > p."credit_limit")
      )
  )

-- duckdb: matched entities
-- #1 = '0.0' (string)
-- #2 = 'account' (string)
-- #3 = '0.0.0' (string)
-- #4 = 'credit_card' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND EXISTS (
          SELECT 1
          FROM "credit_cards" AS e2
          WHERE e2."account_id" = e1."account_id"
            AND (e2."card_limit" > e1."credit_limit"
             OR e2."balance" > p."credit_limit")
        )
    )
)
SELECT DISTINCT m.member_key, CAST($1 AS VARCHAR) AS branch, 1 AS depth, CAST($2 AS VARCHAR) AS entity, CAST(e3."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
WHERE EXISTS (
    SELECT 1
    FROM "credit_cards" AS e4
    WHERE e4."account_id" = e3."account_id"
      AND (e4."card_limit" > e3."credit_limit"
       OR e4."balance" > p."credit_limit")
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST($3 AS VARCHAR) AS branch, 2 AS depth, CAST($4 AS VARCHAR) AS entity, CAST(e5."card_id" AS VARCHAR) AS entity_key, CAST(e3."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e3."account_id"
WHERE (e5."card_limit" > e3."credit_limit"
   OR e5."balance" > p."credit_limit")

-- postgres: matched entities
-- #1 = '0.0' (string)
-- #2 = 'account' (string)
-- #3 = '0.0.0' (string)
-- #4 = 'credit_card' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND EXISTS (
          SELECT 1
          FROM "credit_cards" AS e2
          WHERE e2."account_id" = e1."account_id"
            AND (e2."card_limit" > e1."credit_limit"
             OR e2."balance" > p."credit_limit")
        )
    )
)
SELECT DISTINCT m.member_key, CAST($1 AS VARCHAR) AS branch, 1 AS depth, CAST($2 AS VARCHAR) AS entity, CAST(e3."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
WHERE EXISTS (
    SELECT 1
    FROM "credit_cards" AS e4
    WHERE e4."account_id" = e3."account_id"
      AND (e4."card_limit" > e3."credit_limit"
       OR e4."balance" > p."credit_limit")
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST($3 AS VARCHAR) AS branch, 2 AS depth, CAST($4 AS VARCHAR) AS entity, CAST(e5."card_id" AS VARCHAR) AS entity_key, CAST(e3."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e3."account_id"
WHERE (e5."card_limit" > e3."credit_limit"
   OR e5."balance" > p."credit_limit")

-- snowflake: matched entities
-- #1 = '0.0' (string)
-- #2 = 'account' (string)
-- #3 = '0.0.0' (string)
-- #4 = 'credit_card' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND EXISTS (
          SELECT 1
          FROM "credit_cards" AS e2
          WHERE e2."account_id" = e1."account_id"
            AND (e2."card_limit" > e1."credit_limit"
             OR e2."balance" > p."credit_limit")
        )
    )
)
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 1 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e3."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
WHERE EXISTS (
    SELECT 1
    FROM "credit_cards" AS e4
    WHERE e4."account_id" = e3."account_id"
      AND (e4."card_limit" > e3."credit_limit"
       OR e4."balance" > p."credit_limit")
  )
UNION ALL
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 2 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e5."card_id" AS VARCHAR) AS entity_key, CAST(e3."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e3 ON e3."profile_id" = p."profile_id"
JOIN "credit_cards" AS e5 ON e5."account_id" = e3."account_id"
WHERE (e5."card_limit" > e3."credit_limit"
   OR e5."balance" > p."credit_limit")

