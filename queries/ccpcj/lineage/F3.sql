-- Lineage of F3: each index point (series, year) rests on the panel units' count, rate and
-- population in that year and in the base year $first_year.
WITH s AS (
    SELECT region AS series, iso3, year FROM panel_years
    UNION ALL
    SELECT 'All panel countries', iso3, year FROM panel_years
), u AS (
    SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k' UNION ALL SELECT 'population'
), points AS (
    SELECT DISTINCT series, year FROM panel_agg WHERE shown AND year IS NOT NULL
)
SELECT concat('F3/', p.series, '/', CAST(p.year AS VARCHAR)) AS address, s.iso3, s.year, u.unit
FROM points p
JOIN s ON s.series = p.series AND (s.year = p.year OR s.year = $first_year)
CROSS JOIN u
