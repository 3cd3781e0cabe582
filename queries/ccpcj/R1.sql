-- R1 (appendix): what changed since the previous release named in the pipeline, for the
-- category of this report: country-years added and removed, and values revised (counts and rates
-- separately; a revision is a move of more than 1e-9 relative), with how many moved by more than
-- 10 per cent. All zeros when the pipeline names no previous release (`previous_rows` = 0).
WITH o AS (
    SELECT iso3, year, unit, value FROM previous_observations
), n AS (
    SELECT iso3, year, unit, value FROM observations
), j AS (
    SELECT
        COALESCE(n.unit, o.unit) AS unit,
        CASE
            WHEN o.iso3 IS NULL THEN 'added'
            WHEN n.iso3 IS NULL THEN 'removed'
            WHEN abs(n.value - o.value) > 1e-9 * greatest(abs(o.value), 1.0) THEN 'changed'
        END AS status,
        (o.value = 0 AND n.value <> 0) OR (o.value > 0 AND abs(n.value / o.value - 1.0) > 0.10) AS large
    FROM o FULL OUTER JOIN n ON o.iso3 = n.iso3 AND o.year = n.year AND o.unit = n.unit
)
SELECT
    (SELECT count(*) FROM previous_observations) AS previous_rows,
    (SELECT max(release) FROM previous_observations) AS previous_release,
    sum(CASE WHEN status = 'added' AND unit = 'count' THEN 1 ELSE 0 END) AS added,
    sum(CASE WHEN status = 'removed' AND unit = 'count' THEN 1 ELSE 0 END) AS removed,
    sum(CASE WHEN status = 'changed' AND unit = 'count' THEN 1 ELSE 0 END) AS counts_revised,
    sum(CASE WHEN status = 'changed' AND unit = 'count' AND large THEN 1 ELSE 0 END) AS counts_large,
    sum(CASE WHEN status = 'changed' AND unit = 'rate_per_100k' THEN 1 ELSE 0 END) AS rates_revised,
    sum(CASE WHEN status = 'changed' AND unit = 'rate_per_100k' AND large THEN 1 ELSE 0 END) AS rates_large
FROM j
