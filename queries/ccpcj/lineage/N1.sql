-- Lineage of N1: reporting units rest on their counts (in the window and in any year), the
-- panel on its units' count, rate and population, its population share on the $last_year
-- population of the panel units and of every M49 member.
SELECT 'N1/reporting' AS address, iso3, year, 'count' AS unit
FROM kidnapping WHERE year BETWEEN $first_year AND $last_year AND count IS NOT NULL
UNION ALL
SELECT 'N1/reporting_any', iso3, year, 'count' FROM kidnapping WHERE count IS NOT NULL
UNION ALL
SELECT 'N1/panel_n', y.iso3, y.year, u.unit
FROM panel_years y
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k' UNION ALL SELECT 'population') u
UNION ALL
SELECT 'N1/panel_population_share', iso3, year, 'population' FROM panel_years WHERE year = $last_year
UNION ALL
SELECT 'N1/panel_population_share', p.iso3, p.year, 'population'
FROM countries c JOIN population p ON p.iso3 = c.iso3
WHERE p.year = $last_year AND c.m49 IS NOT NULL
