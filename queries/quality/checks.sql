-- Table `quality_checks`: checks over the warehouse, one row per finding, run by the tool on
-- every pipeline before the report's queries (which may read the table). Thresholds come from
-- the pipeline's `quality:` block as bound parameters:
--   rate_mismatch                 |rate − count ÷ population × 100,000| ÷ rate > $rate_tolerance
--                                 (World Bank population; a rate of 0 with a count above 0, or
--                                 the reverse, is always a mismatch)
--   implausible_jump              a count changing by more than $jump_factor times (up or down)
--                                 from one year to the next, either count ≥ $jump_min_count
--   subnational_without_national  a sub-national unit reporting in a year its country does not
--                                 (UN-CTS's usual structure for the United Kingdom and Iraq: the
--                                 unit stands alone; listed so that a new case is noticed)
--   subnational_with_national     a sub-national unit reporting in a year its country also does
--                                 (the unit is then kept out of every aggregate: no double count)
-- Each finding carries its numbers (rate and implied rate, the two counts, the parent country);
-- what it says is written by the tool (`query::quality::detail`).
WITH c AS (
    SELECT iso3, year, value FROM observations WHERE unit = 'count' AND value IS NOT NULL
), r AS (
    SELECT iso3, year, value FROM observations WHERE unit = 'rate_per_100k' AND value IS NOT NULL
), mismatch AS (
    SELECT
        'rate_mismatch' AS check_name,
        c.iso3,
        c.year,
        c.value AS count,
        r.value AS rate,
        c.value / p.population * 100000.0 AS implied
    FROM c
    JOIN r ON r.iso3 = c.iso3 AND r.year = c.year
    JOIN population p ON p.iso3 = c.iso3 AND p.year = c.year
    WHERE (r.value = 0 AND c.value > 0)
       OR (r.value > 0 AND c.value = 0)
       OR (r.value > 0 AND abs(r.value - c.value / p.population * 100000.0) / r.value > $rate_tolerance)
), jumps AS (
    SELECT
        'implausible_jump' AS check_name,
        b.iso3,
        b.year,
        a.value AS before,
        b.value AS after
    FROM c a
    JOIN c b ON b.iso3 = a.iso3 AND b.year = a.year + 1
    WHERE greatest(a.value, b.value) >= $jump_min_count
      AND (b.value > a.value * $jump_factor OR a.value > b.value * $jump_factor)
), subunits AS (
    -- Every sub-national unit's reporting year, with whether its country reports that year.
    SELECT
        c.iso3,
        c.year,
        k.parent_iso3,
        par.iso3 IS NOT NULL AS parent_reports
    FROM c
    JOIN countries k ON k.iso3 = c.iso3
    LEFT JOIN c par ON par.iso3 = k.parent_iso3 AND par.year = c.year
    WHERE k.parent_iso3 IS NOT NULL
), findings AS (
    SELECT check_name, iso3, year, rate, implied,
           CAST(NULL AS DOUBLE) AS before, CAST(NULL AS DOUBLE) AS after,
           CAST(NULL AS VARCHAR) AS parent_iso3
    FROM mismatch
    UNION ALL
    SELECT check_name, iso3, year, CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), before, after,
           CAST(NULL AS VARCHAR)
    FROM jumps
    UNION ALL
    SELECT
        CASE WHEN parent_reports THEN 'subnational_with_national'
             ELSE 'subnational_without_national' END AS check_name,
        iso3, year, CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE),
        CAST(NULL AS DOUBLE), parent_iso3
    FROM subunits
)
-- (Sorted by one computed key: DataFusion 55 mis-plans a sort on the union's own columns.)
SELECT f.check_name, f.iso3, k.name AS country, f.year, f.rate, f.implied, f.before, f.after,
       f.parent_iso3,
       f.check_name || ' ' || f.iso3 || ' ' || CAST(f.year AS VARCHAR) AS sort_key
FROM findings f
LEFT JOIN countries k ON k.iso3 = f.iso3
ORDER BY sort_key
