-- duckdb: members
-- #1 = 'active' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND (EXISTS (
         SELECT 1
         FROM "orders" AS e2
         WHERE e2."account_id" = e1."account_id"
           AND e2."status" = $1
       )
       AND EXISTS (
         SELECT 1
         FROM "credit_cards" AS e3
         WHERE e3."account_id" = e1."account_id"
       ))
  )

-- postgres: members
-- #1 = 'active' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND (EXISTS (
         SELECT 1
         FROM "orders" AS e2
         WHERE e2."account_id" = e1."account_id"
           AND e2."status" = $1
       )
       AND EXISTS (
         SELECT 1
         FROM "credit_cards" AS e3
         WHERE e3."account_id" = e1."account_id"
       ))
  )

-- snowflake: members
-- #1 = 'active' (string)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE EXISTS (
    SELECT 1
    FROM "accounts" AS e1
    WHERE e1."profile_id" = p."profile_id"
      AND (EXISTS (
         SELECT 1
         FROM "orders" AS e2
         WHERE e2."account_id" = e1."account_id"
           AND e2."status" = ?
       )
       AND EXISTS (
         SELECT 1
         FROM "credit_cards" AS e3
         WHERE e3."account_id" = e1."account_id"
       ))
  )

-- duckdb: matched entities
-- #1 = 'active' (string)
-- #2 = '0.0' (string)
-- #3 = 'account' (string)
-- #4 = 'active' (string)
-- #5 = '0.0.0' (string)
-- #6 = 'order' (string)
-- #7 = 'active' (string)
-- #8 = '0.0.1' (string)
-- #9 = 'credit_card' (string)
-- #10 = 'active' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND (EXISTS (
           SELECT 1
           FROM "orders" AS e2
           WHERE e2."account_id" = e1."account_id"
             AND e2."status" = $1
         )
         AND EXISTS (
           SELECT 1
           FROM "credit_cards" AS e3
           WHERE e3."account_id" = e1."account_id"
         ))
    )
)
SELECT DISTINCT m.member_key, CAST($2 AS VARCHAR) AS branch, 1 AS depth, CAST($3 AS VARCHAR) AS entity, CAST(e4."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
WHERE (EXISTS (
     SELECT 1
     FROM "orders" AS e5
     WHERE e5."account_id" = e4."account_id"
       AND e5."status" = $4
   )
   AND EXISTS (
     SELECT 1
     FROM "credit_cards" AS e6
     WHERE e6."account_id" = e4."account_id"
   ))
UNION ALL
SELECT DISTINCT m.member_key, CAST($5 AS VARCHAR) AS branch, 2 AS depth, CAST($6 AS VARCHAR) AS entity, CAST(e7."order_id" AS VARCHAR) AS entity_key, CAST(e4."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
JOIN "orders" AS e7 ON e7."account_id" = e4."account_id"
WHERE EXISTS (
    SELECT 1
    FROM "credit_cards" AS e8
    WHERE e8."account_id" = e4."account_id"
  )
  AND e7."status" = $7
UNION ALL
SELECT DISTINCT m.member_key, CAST($8 AS VARCHAR) AS branch, 2 AS depth, CAST($9 AS VARCHAR) AS entity, CAST(e9."card_id" AS VARCHAR) AS entity_key, CAST(e4."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
JOIN "credit_cards" AS e9 ON e9."account_id" = e4."account_id"
WHERE EXISTS (
    SELECT 1
    FROM "orders" AS e10
    WHERE e10."account_id" = e4."account_id"
      AND e10."status" = $10
  )

-- postgres: matched entities
-- #1 = 'active' (string)
-- #2 = '0.0' (string)
-- #3 = 'account' (string)
-- #4 = 'active' (string)
-- #5 = '0.0.0' (string)
-- #6 = 'order' (string)
-- #7 = 'active' (string)
-- #8 = '0.0.1' (string)
-- #9 = 'credit_card' (string)
-- #10 = 'active' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND (EXISTS (
           SELECT 1
           FROM "orders" AS e2
           WHERE e2."account_id" = e1."account_id"
             AND e2."status" = $1
         )
         AND EXISTS (
           SELECT 1
           FROM "credit_cards" AS e3
           WHERE e3."account_id" = e1."account_id"
         ))
    )
)
SELECT DISTINCT m.member_key, CAST($2 AS VARCHAR) AS branch, 1 AS depth, CAST($3 AS VARCHAR) AS entity, CAST(e4."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
WHERE (EXISTS (
     SELECT 1
     FROM "orders" AS e5
     WHERE e5."account_id" = e4."account_id"
       AND e5."status" = $4
   )
   AND EXISTS (
     SELECT 1
     FROM "credit_cards" AS e6
     WHERE e6."account_id" = e4."account_id"
   ))
UNION ALL
SELECT DISTINCT m.member_key, CAST($5 AS VARCHAR) AS branch, 2 AS depth, CAST($6 AS VARCHAR) AS entity, CAST(e7."order_id" AS VARCHAR) AS entity_key, CAST(e4."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
JOIN "orders" AS e7 ON e7."account_id" = e4."account_id"
WHERE EXISTS (
    SELECT 1
    FROM "credit_cards" AS e8
    WHERE e8."account_id" = e4."account_id"
  )
  AND e7."status" = $7
UNION ALL
SELECT DISTINCT m.member_key, CAST($8 AS VARCHAR) AS branch, 2 AS depth, CAST($9 AS VARCHAR) AS entity, CAST(e9."card_id" AS VARCHAR) AS entity_key, CAST(e4."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
JOIN "credit_cards" AS e9 ON e9."account_id" = e4."account_id"
WHERE EXISTS (
    SELECT 1
    FROM "orders" AS e10
    WHERE e10."account_id" = e4."account_id"
      AND e10."status" = $10
  )

-- snowflake: matched entities
-- #1 = 'active' (string)
-- #2 = '0.0' (string)
-- #3 = 'account' (string)
-- #4 = 'active' (string)
-- #5 = '0.0.0' (string)
-- #6 = 'order' (string)
-- #7 = 'active' (string)
-- #8 = '0.0.1' (string)
-- #9 = 'credit_card' (string)
-- #10 = 'active' (string)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE EXISTS (
      SELECT 1
      FROM "accounts" AS e1
      WHERE e1."profile_id" = p."profile_id"
        AND (EXISTS (
           SELECT 1
           FROM "orders" AS e2
           WHERE e2."account_id" = e1."account_id"
             AND e2."status" = ?
         )
         AND EXISTS (
           SELECT 1
           FROM "credit_cards" AS e3
           WHERE e3."account_id" = e1."account_id"
         ))
    )
)
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 1 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e4."account_id" AS VARCHAR) AS entity_key, CAST(p."profile_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
WHERE (EXISTS (
     SELECT 1
     FROM "orders" AS e5
     WHERE e5."account_id" = e4."account_id"
       AND e5."status" = ?
   )
   AND EXISTS (
     SELECT 1
     FROM "credit_cards" AS e6
     WHERE e6."account_id" = e4."account_id"
   ))
UNION ALL
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 2 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e7."order_id" AS VARCHAR) AS entity_key, CAST(e4."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
JOIN "orders" AS e7 ON e7."account_id" = e4."account_id"
WHERE EXISTS (
    SELECT 1
    FROM "credit_cards" AS e8
    WHERE e8."account_id" = e4."account_id"
  )
  AND e7."status" = ?
UNION ALL
SELECT DISTINCT m.member_key, CAST(? AS VARCHAR) AS branch, 2 AS depth, CAST(? AS VARCHAR) AS entity, CAST(e9."card_id" AS VARCHAR) AS entity_key, CAST(e4."account_id" AS VARCHAR) AS parent_key
FROM "profiles" AS p
JOIN la_members AS m ON m.member_key = CAST(p."profile_id" AS VARCHAR)
JOIN "accounts" AS e4 ON e4."profile_id" = p."profile_id"
JOIN "credit_cards" AS e9 ON e9."account_id" = e4."account_id"
WHERE EXISTS (
    SELECT 1
    FROM "orders" AS e10
    WHERE e10."account_id" = e4."account_id"
      AND e10."status" = ?
  )

