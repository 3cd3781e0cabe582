-- Lineage of F2: each drawn point (series, year) rests on the count, rate and population of
-- every panel unit of the series in that year (the rate selects: panel membership and breaks);
-- each series' label share on the $last_year population of its M49 members.
WITH s AS (
    SELECT region AS series, iso3, year FROM panel_years
    UNION ALL
    SELECT 'All panel countries', iso3, year FROM panel_years
), u AS (
    SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k' UNION ALL SELECT 'population'
), drawn AS (
    SELECT DISTINCT series FROM panel_agg WHERE shown
)
SELECT concat('F2/', s.series, '/', CAST(s.year AS VARCHAR)) AS address, s.iso3, s.year, u.unit
FROM s JOIN drawn d ON d.series = s.series CROSS JOIN u
UNION ALL
SELECT concat('F2/', d.series, '/share'), p.iso3, p.year, 'population'
FROM drawn d
JOIN countries c ON c.region = d.series OR d.series = 'All panel countries'
JOIN population p ON p.iso3 = c.iso3
WHERE p.year = $last_year AND c.m49 IS NOT NULL
