-- duckdb: members
-- #1 = 'Order Completed' (string)
-- #2 = 50 (decimal)
-- #3 = 'fr' (string)
-- #4 = false (bool)
-- #5 = 2026-10-02T00:00:00 (DateTime Unspecified)
-- #6 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #7 = 2 (long)
-- #8 = 'Signed In' (string)
-- #9 = 2026-10-01T00:00:00 (DateTime Unspecified)
-- #10 = 2026-11-01T00:00:00 (DateTime Unspecified)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (p."profile_id" IN (
     SELECT ev1."profile_id"
     FROM "events" AS ev1
     WHERE ev1."profile_id" IS NOT NULL
       AND ev1."event" = $1
       AND (CASE WHEN json_type(ev1."properties", '$."amount"') IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'HUGEINT') THEN CAST(json_extract_string(ev1."properties", '$."amount"') AS DECIMAL(38, 10)) END > CAST($2 AS DECIMAL(38, 10))
        AND starts_with(CASE WHEN json_type(ev1."context", '$."locale"') = 'VARCHAR' THEN json_extract_string(ev1."context", '$."locale"') END, $3)
        AND CASE WHEN json_type(ev1."properties", '$."is_gift"') = 'BOOLEAN' THEN CAST(json_extract_string(ev1."properties", '$."is_gift"') AS BOOLEAN) END = $4)
       AND ev1."occurred_at" >= $5
       AND ev1."occurred_at" <= $6
     GROUP BY ev1."profile_id"
     HAVING COUNT(*) >= $7
   )
   AND NOT EXISTS (
     SELECT 1
     FROM "events" AS ev2
     WHERE ev2."profile_id" = p."profile_id"
       AND ev2."event" = $8
       AND ev2."occurred_at" >= $9
       AND ev2."occurred_at" < $10
   ))

-- postgres: members
-- #1 = 'Order Completed' (string)
-- #2 = 50 (decimal)
-- #3 = 'fr' (string)
-- #4 = false (bool)
-- #5 = 2026-10-02T00:00:00 (DateTime Unspecified)
-- #6 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #7 = 2 (long)
-- #8 = 'Signed In' (string)
-- #9 = 2026-10-01T00:00:00 (DateTime Unspecified)
-- #10 = 2026-11-01T00:00:00 (DateTime Unspecified)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (p."profile_id" IN (
     SELECT ev1."profile_id"
     FROM "events" AS ev1
     WHERE ev1."profile_id" IS NOT NULL
       AND ev1."event" = $1
       AND (CASE WHEN jsonb_typeof(jsonb_extract_path(ev1."properties", 'amount')) = 'number' THEN CAST(jsonb_extract_path_text(ev1."properties", 'amount') AS NUMERIC) END > CAST($2 AS NUMERIC)
        AND starts_with(CASE WHEN jsonb_typeof(jsonb_extract_path(ev1."context", 'locale')) = 'string' THEN jsonb_extract_path_text(ev1."context", 'locale') END, $3)
        AND CASE WHEN jsonb_typeof(jsonb_extract_path(ev1."properties", 'is_gift')) = 'boolean' THEN CAST(jsonb_extract_path_text(ev1."properties", 'is_gift') AS BOOLEAN) END = $4)
       AND ev1."occurred_at" >= $5
       AND ev1."occurred_at" <= $6
     GROUP BY ev1."profile_id"
     HAVING COUNT(*) >= $7
   )
   AND NOT EXISTS (
     SELECT 1
     FROM "events" AS ev2
     WHERE ev2."profile_id" = p."profile_id"
       AND ev2."event" = $8
       AND ev2."occurred_at" >= $9
       AND ev2."occurred_at" < $10
   ))

-- snowflake: members
-- #1 = 'Order Completed' (string)
-- #2 = 50 (decimal)
-- #3 = 'fr' (string)
-- #4 = false (bool)
-- #5 = 2026-10-02T00:00:00 (DateTime Unspecified)
-- #6 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #7 = 2 (long)
-- #8 = 'Signed In' (string)
-- #9 = 2026-10-01T00:00:00 (DateTime Unspecified)
-- #10 = 2026-11-01T00:00:00 (DateTime Unspecified)
SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
FROM "profiles" AS p
WHERE (p."profile_id" IN (
     SELECT ev1."profile_id"
     FROM "events" AS ev1
     WHERE ev1."profile_id" IS NOT NULL
       AND ev1."event" = ?
       AND (CASE WHEN TYPEOF(ev1."properties":"amount") IN ('INTEGER', 'DECIMAL', 'DOUBLE') THEN CAST(ev1."properties":"amount" AS NUMBER(38, 10)) END > CAST(? AS NUMBER(38, 10))
        AND STARTSWITH(AS_VARCHAR(ev1."context":"locale"), ?)
        AND AS_BOOLEAN(ev1."properties":"is_gift") = ?)
       AND ev1."occurred_at" >= ?
       AND ev1."occurred_at" <= ?
     GROUP BY ev1."profile_id"
     HAVING COUNT(*) >= ?
   )
   AND NOT EXISTS (
     SELECT 1
     FROM "events" AS ev2
     WHERE ev2."profile_id" = p."profile_id"
       AND ev2."event" = ?
       AND ev2."occurred_at" >= ?
       AND ev2."occurred_at" < ?
   ))

-- duckdb: matched entities
-- #1 = 'Order Completed' (string)
-- #2 = 50 (decimal)
-- #3 = 'fr' (string)
-- #4 = false (bool)
-- #5 = 2026-10-02T00:00:00 (DateTime Unspecified)
-- #6 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #7 = 2 (long)
-- #8 = 'Signed In' (string)
-- #9 = 2026-10-01T00:00:00 (DateTime Unspecified)
-- #10 = 2026-11-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (p."profile_id" IN (
       SELECT ev1."profile_id"
       FROM "events" AS ev1
       WHERE ev1."profile_id" IS NOT NULL
         AND ev1."event" = $1
         AND (CASE WHEN json_type(ev1."properties", '$."amount"') IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'HUGEINT') THEN CAST(json_extract_string(ev1."properties", '$."amount"') AS DECIMAL(38, 10)) END > CAST($2 AS DECIMAL(38, 10))
          AND starts_with(CASE WHEN json_type(ev1."context", '$."locale"') = 'VARCHAR' THEN json_extract_string(ev1."context", '$."locale"') END, $3)
          AND CASE WHEN json_type(ev1."properties", '$."is_gift"') = 'BOOLEAN' THEN CAST(json_extract_string(ev1."properties", '$."is_gift"') AS BOOLEAN) END = $4)
         AND ev1."occurred_at" >= $5
         AND ev1."occurred_at" <= $6
       GROUP BY ev1."profile_id"
       HAVING COUNT(*) >= $7
     )
     AND NOT EXISTS (
       SELECT 1
       FROM "events" AS ev2
       WHERE ev2."profile_id" = p."profile_id"
         AND ev2."event" = $8
         AND ev2."occurred_at" >= $9
         AND ev2."occurred_at" < $10
     ))
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

-- postgres: matched entities
-- #1 = 'Order Completed' (string)
-- #2 = 50 (decimal)
-- #3 = 'fr' (string)
-- #4 = false (bool)
-- #5 = 2026-10-02T00:00:00 (DateTime Unspecified)
-- #6 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #7 = 2 (long)
-- #8 = 'Signed In' (string)
-- #9 = 2026-10-01T00:00:00 (DateTime Unspecified)
-- #10 = 2026-11-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (p."profile_id" IN (
       SELECT ev1."profile_id"
       FROM "events" AS ev1
       WHERE ev1."profile_id" IS NOT NULL
         AND ev1."event" = $1
         AND (CASE WHEN jsonb_typeof(jsonb_extract_path(ev1."properties", 'amount')) = 'number' THEN CAST(jsonb_extract_path_text(ev1."properties", 'amount') AS NUMERIC) END > CAST($2 AS NUMERIC)
          AND starts_with(CASE WHEN jsonb_typeof(jsonb_extract_path(ev1."context", 'locale')) = 'string' THEN jsonb_extract_path_text(ev1."context", 'locale') END, $3)
          AND CASE WHEN jsonb_typeof(jsonb_extract_path(ev1."properties", 'is_gift')) = 'boolean' THEN CAST(jsonb_extract_path_text(ev1."properties", 'is_gift') AS BOOLEAN) END = $4)
         AND ev1."occurred_at" >= $5
         AND ev1."occurred_at" <= $6
       GROUP BY ev1."profile_id"
       HAVING COUNT(*) >= $7
     )
     AND NOT EXISTS (
       SELECT 1
       FROM "events" AS ev2
       WHERE ev2."profile_id" = p."profile_id"
         AND ev2."event" = $8
         AND ev2."occurred_at" >= $9
         AND ev2."occurred_at" < $10
     ))
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

-- snowflake: matched entities
-- #1 = 'Order Completed' (string)
-- #2 = 50 (decimal)
-- #3 = 'fr' (string)
-- #4 = false (bool)
-- #5 = 2026-10-02T00:00:00 (DateTime Unspecified)
-- #6 = 2026-11-01T00:00:00 (DateTime Unspecified)
-- #7 = 2 (long)
-- #8 = 'Signed In' (string)
-- #9 = 2026-10-01T00:00:00 (DateTime Unspecified)
-- #10 = 2026-11-01T00:00:00 (DateTime Unspecified)
WITH la_members AS (
  SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
  FROM "profiles" AS p
  WHERE (p."profile_id" IN (
       SELECT ev1."profile_id"
       FROM "events" AS ev1
       WHERE ev1."profile_id" IS NOT NULL
         AND ev1."event" = ?
         AND (CASE WHEN TYPEOF(ev1."properties":"amount") IN ('INTEGER', 'DECIMAL', 'DOUBLE') THEN CAST(ev1."properties":"amount" AS NUMBER(38, 10)) END > CAST(? AS NUMBER(38, 10))
          AND STARTSWITH(AS_VARCHAR(ev1."context":"locale"), ?)
          AND AS_BOOLEAN(ev1."properties":"is_gift") = ?)
         AND ev1."occurred_at" >= ?
         AND ev1."occurred_at" <= ?
       GROUP BY ev1."profile_id"
       HAVING COUNT(*) >= ?
     )
     AND NOT EXISTS (
       SELECT 1
       FROM "events" AS ev2
       WHERE ev2."profile_id" = p."profile_id"
         AND ev2."event" = ?
         AND ev2."occurred_at" >= ?
         AND ev2."occurred_at" < ?
     ))
)
SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key
FROM la_members AS m
WHERE FALSE

