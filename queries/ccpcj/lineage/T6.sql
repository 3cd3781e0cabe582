-- Lineage of T6: each unit-year's published count and rate; its year-on-year change rests on
-- the rate and count of the year before when that year has data.
SELECT concat('T6/', s.iso3, '/', CAST(s.year AS VARCHAR)) AS address, s.iso3, k.year, u.unit
FROM rate_series s
JOIN kidnapping k ON k.iso3 = s.iso3
 AND (k.year = s.year OR (k.year = s.year - 1 AND s.prev_year = s.year - 1))
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k') u
WHERE s.year BETWEEN $first_year AND $last_year
  AND ((u.unit = 'count' AND k.count IS NOT NULL) OR (u.unit = 'rate_per_100k' AND k.rate IS NOT NULL))
