-- Lineage of N3: the panel's combined rate in $first_year and $last_year: the panel units'
-- counts and populations in those years (their rates in every year select the panel).
SELECT 'N3/trend' AS address, iso3, year, u.unit
FROM panel_years
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'population') u
WHERE year = $first_year OR year = $last_year
UNION ALL
SELECT 'N3/trend', iso3, year, 'rate_per_100k' FROM panel_years
