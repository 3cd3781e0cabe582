-- R2 (appendix): the revisions of counts by more than 10 per cent (or away from zero) since the
-- previous release, and the country-years removed, largest relative revision first.
WITH o AS (
    SELECT iso3, country, year, value FROM previous_observations WHERE unit = 'count'
), n AS (
    SELECT iso3, country, year, value FROM observations WHERE unit = 'count'
), r AS (
    SELECT
        COALESCE(n.country, o.country) AS country, o.iso3 AS iso3, o.year AS year,
        o.value AS old_count, n.value AS new_count,
        CASE WHEN o.value > 0 AND n.value IS NOT NULL THEN n.value / o.value - 1.0 END AS change,
        CASE WHEN n.iso3 IS NULL THEN 'removed' ELSE 'revised' END AS status
    FROM o LEFT JOIN n ON o.iso3 = n.iso3 AND o.year = n.year
    WHERE n.iso3 IS NULL
       OR (o.value = 0 AND n.value <> 0)
       OR (o.value > 0 AND abs(n.value / o.value - 1.0) > 0.10)
)
SELECT country, iso3, year, old_count, new_count, change, status,
       COALESCE(abs(change), 1e9) AS sort_key
FROM r
ORDER BY sort_key DESC, iso3, year
