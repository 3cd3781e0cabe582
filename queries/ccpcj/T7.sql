-- T7 (annex): series breaks and data-quality notes in the window. Breaks (rule in breaks.sql),
-- each with what the panel, its aggregates and the flags really did with it:
-- * a confirmed break with $first_year < t ≤ $last_year takes the unit out of the panel
--   (panel.sql) and so out of the trend aggregates; the unit's first such break says
--   "Excluded", a later one that the series was already excluded (so the rows saying
--   "Excluded" are as many as N7's count); the year is marked "b" (T6, F7) and the period
--   change flagged "b" (periods.has_break: F6, T5);
-- * a confirmed break at t = $first_year (a jump from the year before the window into its first
--   year) removes nothing: the whole window is on the new level. The year is marked "b", the
--   period change is not flagged (unless another break is);
-- * a possible break (no data for the following year) removes and marks nothing.
-- Whether such a unit is in the panel is read from table `panel`, with the reason when it is not
-- (`panel_state`: in_panel, out_by_break, lacks_data, country_reports).
-- Rate consistency: a published rate more than $rate_tolerance (the rate_mismatch check's
-- tolerance, 10 per cent by default: one rule for T7, N8 and T10) away from count ÷ World Bank
-- population × 100,000 is listed; the published rate is kept (the cause is not known).
-- The query returns codes and numbers (kind_order 0: a break, 1: a rate inconsistency); the
-- observation, rule and treatment are written by the report (`report.yaml`, table T7).
WITH b AS (
    SELECT * FROM breaks WHERE year BETWEEN $first_year AND $last_year
), complete AS (
    SELECT iso3,
           count(CASE WHEN count IS NOT NULL AND rate IS NOT NULL AND population IS NOT NULL
                      THEN 1 END) AS with_data
    FROM kidnapping
    WHERE year BETWEEN $first_year AND $last_year
    GROUP BY iso3
), t AS (
    SELECT
        b.*,
        b.status = 'confirmed' AND b.year > $first_year AS excludes,
        x.first_break,
        CASE
            WHEN p.iso3 IS NOT NULL THEN 'in_panel'
            WHEN x.iso3 IS NOT NULL THEN 'out_by_break'
            WHEN COALESCE(c.with_data, 0) < $last_year - $first_year + 1 THEN 'lacks_data'
            ELSE 'country_reports'
        END AS panel_state
    FROM b
    LEFT JOIN window_breaks x ON x.iso3 = b.iso3
    LEFT JOIN panel p ON p.iso3 = b.iso3
    LEFT JOIN complete c ON c.iso3 = b.iso3
)
SELECT country, iso3, year, status, prev_rate, rate, prev_count, count,
       CAST(NULL AS DOUBLE) AS computed_rate, CAST(NULL AS DOUBLE) AS gap_per_cent,
       excludes, first_break, panel_state,
       0 AS kind_order
FROM t
UNION ALL
SELECT country, iso3, year, CAST(NULL AS VARCHAR), CAST(NULL AS DOUBLE), rate,
       CAST(NULL AS DOUBLE), count,
       count / population * 100000.0, rate_gap * 100.0,
       CAST(NULL AS BOOLEAN), CAST(NULL AS INT), CAST(NULL AS VARCHAR),
       1
FROM kidnapping
WHERE year BETWEEN $first_year AND $last_year AND rate_gap > $rate_tolerance
ORDER BY kind_order, country, iso3, year
