-- T9 (annex): the main source's figures against other publications of the same statistics.
-- One row per other source and unit: the country-years it has, how many the main release also
-- has, how many agree (counts: equal; rates: within half the last digit the other source
-- publishes — its `decimals`, one when it does not say), and the median and largest absolute
-- gap. The measure's name is the report's (`report.yaml`), from `unit`.
WITH j AS (
    SELECT
        c.source_id,
        c.release,
        c.unit,
        c.iso3,
        c.year,
        c.value AS other,
        o.value AS main
    FROM comparisons c
    LEFT JOIN observations o ON o.iso3 = c.iso3 AND o.year = c.year AND o.unit = c.unit
)
SELECT
    j.source_id,
    s.citation AS source,
    j.unit,
    min(j.year) AS first_year,
    max(j.year) AS last_year,
    count(DISTINCT j.iso3) AS units,
    count(*) AS country_years,
    count(j.main) AS in_both,
    sum(CASE
        WHEN j.main IS NULL THEN 0
        WHEN j.unit = 'count' AND j.other = j.main THEN 1
        WHEN j.unit <> 'count'
             AND abs(j.other - j.main) <= 0.5 * power(10.0, 0 - CAST(COALESCE(s.decimals, 1) AS DOUBLE)) + 1e-9
            THEN 1
        ELSE 0
    END) AS agree,
    median(abs(j.other - j.main)) AS median_gap,
    max(abs(j.other - j.main)) AS max_gap
FROM j
JOIN sources s ON s.id = j.source_id
GROUP BY j.source_id, s.citation, j.unit
ORDER BY j.source_id, j.unit
