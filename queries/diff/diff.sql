-- What changed between two releases: every country-year-unit that was added, removed or
-- revised (counts and rates separately). A value counts as revised when it moved by more than
-- 1e-9 relative (floating-point noise is not a revision); `large` marks revisions of more than
-- $threshold relative to the old value (or any move away from an old zero).
WITH o AS (
    SELECT iso3, country, year, unit, value FROM old_release
), n AS (
    SELECT iso3, country, year, unit, value FROM new_release
), j AS (
    SELECT
        COALESCE(n.iso3, o.iso3) AS iso3,
        COALESCE(n.country, o.country) AS country,
        COALESCE(n.year, o.year) AS year,
        COALESCE(n.unit, o.unit) AS unit,
        o.value AS old_value,
        n.value AS new_value,
        CASE
            WHEN o.iso3 IS NULL THEN 'added'
            WHEN n.iso3 IS NULL THEN 'removed'
            WHEN (o.value IS NULL) <> (n.value IS NULL) THEN 'changed'
            WHEN abs(n.value - o.value) > 1e-9 * greatest(abs(o.value), 1.0) THEN 'changed'
        END AS status
    FROM o FULL OUTER JOIN n ON o.iso3 = n.iso3 AND o.year = n.year AND o.unit = n.unit
)
SELECT
    status, unit, iso3, country, year, old_value, new_value,
    CASE WHEN status = 'changed' AND old_value > 0 THEN new_value / old_value - 1.0 END AS relative_change,
    status = 'changed' AND (
        (old_value = 0 AND new_value <> 0)
        OR (old_value > 0 AND abs(new_value / old_value - 1.0) > $threshold)
    ) AS large
FROM j
WHERE status IS NOT NULL
ORDER BY CASE status WHEN 'added' THEN 0 WHEN 'removed' THEN 1 ELSE 2 END, unit, iso3, year
