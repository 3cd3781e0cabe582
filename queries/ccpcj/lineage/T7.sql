-- Lineage of T7: a break rests on the unit's count and rate in the year before, the year and
-- the year after (kind 0); a rate inconsistency (kind 1) on the year's count, rate and
-- population.
WITH u AS (SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k')
SELECT concat('T7/', b.iso3, '/', CAST(b.year AS VARCHAR), '/0') AS address, k.iso3, k.year, u.unit
FROM breaks b
JOIN kidnapping k ON k.iso3 = b.iso3 AND k.year BETWEEN b.year - 1 AND b.year + 1
CROSS JOIN u
WHERE b.year BETWEEN $first_year AND $last_year
  AND ((u.unit = 'count' AND k.count IS NOT NULL) OR (u.unit = 'rate_per_100k' AND k.rate IS NOT NULL))
UNION ALL
SELECT concat('T7/', k.iso3, '/', CAST(k.year AS VARCHAR), '/1'), k.iso3, k.year, v.unit
FROM kidnapping k
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k' UNION ALL SELECT 'population') v
WHERE k.year BETWEEN $first_year AND $last_year AND k.rate_gap > $rate_tolerance
