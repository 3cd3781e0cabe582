-- Lineage of N5: the regions' $last_year aggregate rates: their panel units' counts and
-- populations that year, and the $last_year population of each region's M49 members (the
-- share that lets a region be named).
SELECT concat('N5/', y.region) AS address, y.iso3, y.year, u.unit
FROM panel_years y
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'population') u
WHERE y.year = $last_year
UNION ALL
SELECT concat('N5/', c.region), p.iso3, p.year, 'population'
FROM countries c JOIN population p ON p.iso3 = c.iso3
WHERE p.year = $last_year AND c.m49 IS NOT NULL
  AND c.region IN (SELECT region FROM panel_years)
