-- Lineage of T2: each series' rates, change, growth, slope and median rest on the count, rate
-- and population of its panel units in every year of the window; its population share on the
-- $last_year population of its M49 members.
WITH s AS (
    SELECT region AS series, iso3, year FROM panel_years
    UNION ALL
    SELECT 'All panel countries', iso3, year FROM panel_years
), u AS (
    SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k' UNION ALL SELECT 'population'
), rows AS (
    SELECT DISTINCT series FROM panel_agg
)
SELECT concat('T2/', s.series) AS address, s.iso3, s.year, u.unit
FROM s JOIN rows r ON r.series = s.series CROSS JOIN u
UNION ALL
SELECT concat('T2/', r.series), p.iso3, p.year, 'population'
FROM rows r
JOIN countries c ON c.region = r.series OR r.series = 'All panel countries'
JOIN population p ON p.iso3 = c.iso3
WHERE p.year = $last_year AND c.m49 IS NOT NULL
