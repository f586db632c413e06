-- duckdb: entity column values
SELECT s.value
FROM (
  SELECT e."type" AS value
  FROM "pets" AS e
  WHERE e."type" IS NOT NULL
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY s.value
LIMIT 500

-- duckdb: event property values
-- #1 = 'Order Completed' (string)
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT CASE WHEN json_type(ev."properties", '$."amount"') IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'HUGEINT') THEN CAST(json_extract_string(ev."properties", '$."amount"') AS DECIMAL(38, 10)) END AS value
  FROM "events" AS ev
  WHERE ev."event" = $1
    AND CASE WHEN json_type(ev."properties", '$."amount"') IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'HUGEINT') THEN CAST(json_extract_string(ev."properties", '$."amount"') AS DECIMAL(38, 10)) END IS NOT NULL
  ORDER BY ev."occurred_at" DESC
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value
LIMIT 65

-- duckdb: event context values
-- #1 = 'Order Completed' (string)
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT CASE WHEN json_type(ev."context", '$."locale"') = 'VARCHAR' THEN json_extract_string(ev."context", '$."locale"') END AS value
  FROM "events" AS ev
  WHERE ev."event" = $1
    AND CASE WHEN json_type(ev."context", '$."locale"') = 'VARCHAR' THEN json_extract_string(ev."context", '$."locale"') END IS NOT NULL
  ORDER BY ev."occurred_at" DESC
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value
LIMIT 65

-- duckdb: nested trait values
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT CASE WHEN json_type(p."traits", '$."address"."city"') = 'VARCHAR' THEN json_extract_string(p."traits", '$."address"."city"') END AS value
  FROM "profiles" AS p
  WHERE CASE WHEN json_type(p."traits", '$."address"."city"') = 'VARCHAR' THEN json_extract_string(p."traits", '$."address"."city"') END IS NOT NULL
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value
LIMIT 65

-- duckdb: column trait values
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT p."plan" AS value
  FROM "profiles" AS p
  WHERE p."plan" IS NOT NULL
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value
LIMIT 65

-- postgres: entity column values
SELECT s.value
FROM (
  SELECT e."type" AS value
  FROM "pets" AS e
  WHERE e."type" IS NOT NULL
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY s.value COLLATE "C"
LIMIT 500

-- postgres: event property values
-- #1 = 'Order Completed' (string)
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT CASE WHEN jsonb_typeof(jsonb_extract_path(ev."properties", 'amount')) = 'number' THEN CAST(jsonb_extract_path_text(ev."properties", 'amount') AS NUMERIC) END AS value
  FROM "events" AS ev
  WHERE ev."event" = $1
    AND CASE WHEN jsonb_typeof(jsonb_extract_path(ev."properties", 'amount')) = 'number' THEN CAST(jsonb_extract_path_text(ev."properties", 'amount') AS NUMERIC) END IS NOT NULL
  ORDER BY ev."occurred_at" DESC
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value
LIMIT 65

-- postgres: event context values
-- #1 = 'Order Completed' (string)
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT CASE WHEN jsonb_typeof(jsonb_extract_path(ev."context", 'locale')) = 'string' THEN jsonb_extract_path_text(ev."context", 'locale') END AS value
  FROM "events" AS ev
  WHERE ev."event" = $1
    AND CASE WHEN jsonb_typeof(jsonb_extract_path(ev."context", 'locale')) = 'string' THEN jsonb_extract_path_text(ev."context", 'locale') END IS NOT NULL
  ORDER BY ev."occurred_at" DESC
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value COLLATE "C"
LIMIT 65

-- postgres: nested trait values
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'address', 'city')) = 'string' THEN jsonb_extract_path_text(p."traits", 'address', 'city') END AS value
  FROM "profiles" AS p
  WHERE CASE WHEN jsonb_typeof(jsonb_extract_path(p."traits", 'address', 'city')) = 'string' THEN jsonb_extract_path_text(p."traits", 'address', 'city') END IS NOT NULL
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value COLLATE "C"
LIMIT 65

-- postgres: column trait values
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT p."plan" AS value
  FROM "profiles" AS p
  WHERE p."plan" IS NOT NULL
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value COLLATE "C"
LIMIT 65

-- snowflake: entity column values
SELECT s.value
FROM (
  SELECT e."type" AS value
  FROM "pets" AS e
  WHERE e."type" IS NOT NULL
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY s.value
LIMIT 500

-- snowflake: event property values
-- #1 = 'Order Completed' (string)
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT CASE WHEN TYPEOF(ev."properties":"amount") IN ('INTEGER', 'DECIMAL', 'DOUBLE') THEN CAST(ev."properties":"amount" AS NUMBER(38, 10)) END AS value
  FROM "events" AS ev
  WHERE ev."event" = ?
    AND CASE WHEN TYPEOF(ev."properties":"amount") IN ('INTEGER', 'DECIMAL', 'DOUBLE') THEN CAST(ev."properties":"amount" AS NUMBER(38, 10)) END IS NOT NULL
  ORDER BY ev."occurred_at" DESC
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value
LIMIT 65

-- snowflake: event context values
-- #1 = 'Order Completed' (string)
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT AS_VARCHAR(ev."context":"locale") AS value
  FROM "events" AS ev
  WHERE ev."event" = ?
    AND AS_VARCHAR(ev."context":"locale") IS NOT NULL
  ORDER BY ev."occurred_at" DESC
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value
LIMIT 65

-- snowflake: nested trait values
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT AS_VARCHAR(p."traits":"address":"city") AS value
  FROM "profiles" AS p
  WHERE AS_VARCHAR(p."traits":"address":"city") IS NOT NULL
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value
LIMIT 65

-- snowflake: column trait values
SELECT s.value, COUNT(*) AS occurrences
FROM (
  SELECT p."plan" AS value
  FROM "profiles" AS p
  WHERE p."plan" IS NOT NULL
  LIMIT 100000
) AS s
GROUP BY s.value
ORDER BY COUNT(*) DESC, s.value
LIMIT 65

