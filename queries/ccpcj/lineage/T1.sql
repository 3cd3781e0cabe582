-- Lineage of T1: a region's reporting units rest on their counts in the window, its panel on
-- the panel units' count, rate and population, its coverage on the $last_year population of
-- the units with a count and of the region's M49 members; the total row on all of them.
WITH cells AS (
    SELECT region, iso3, year, 'count' AS unit
    FROM kidnapping
    WHERE year BETWEEN $first_year AND $last_year AND count IS NOT NULL
    UNION ALL
    SELECT y.region, y.iso3, y.year, u.unit
    FROM panel_years y
    CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k' UNION ALL SELECT 'population') u
    UNION ALL
    SELECT region, iso3, year, 'population'
    FROM kidnapping
    WHERE year = $last_year AND count IS NOT NULL AND in_aggregate AND population IS NOT NULL
    UNION ALL
    SELECT c.region, p.iso3, p.year, 'population'
    FROM countries c JOIN population p ON p.iso3 = c.iso3
    WHERE p.year = $last_year AND c.m49 IS NOT NULL
)
SELECT concat('T1/', region) AS address, iso3, year, unit FROM cells
UNION ALL
SELECT 'T1/Total', iso3, year, unit FROM cells
