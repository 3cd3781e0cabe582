-- Lineage of N7: each break counted rests on the unit's count and rate in the year before,
-- the year and the year after.
SELECT concat('N7/', b.status) AS address, k.iso3, k.year, u.unit
FROM breaks b
JOIN kidnapping k ON k.iso3 = b.iso3 AND k.year BETWEEN b.year - 1 AND b.year + 1
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k') u
WHERE b.year > $first_year AND b.year <= $last_year
  AND ((u.unit = 'count' AND k.count IS NOT NULL) OR (u.unit = 'rate_per_100k' AND k.rate IS NOT NULL))
