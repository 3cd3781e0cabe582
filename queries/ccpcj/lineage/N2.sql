-- Lineage of N2: the $last_year level: every unit's count and rate that year, the population
-- of those entering the combined rate, and of those eligible for the lowest and highest rate.
WITH y AS (
    SELECT * FROM kidnapping
    WHERE year = $last_year AND count IS NOT NULL AND rate IS NOT NULL
)
SELECT 'N2/units' AS address, iso3, year, 'count' AS unit FROM y
UNION ALL SELECT 'N2/units', iso3, year, 'rate_per_100k' FROM y
UNION ALL SELECT 'N2/kidnappings', iso3, year, 'count' FROM y WHERE in_aggregate
UNION ALL SELECT 'N2/combined_rate', iso3, year, 'count' FROM y WHERE in_aggregate AND population IS NOT NULL
UNION ALL SELECT 'N2/combined_rate', iso3, year, 'population' FROM y WHERE in_aggregate AND population IS NOT NULL
UNION ALL SELECT 'N2/median_rate', iso3, year, 'rate_per_100k' FROM y
UNION ALL SELECT 'N2/extremes', iso3, year, 'rate_per_100k' FROM y WHERE population >= $population_floor
UNION ALL SELECT 'N2/extremes', iso3, year, 'population' FROM y WHERE population IS NOT NULL
