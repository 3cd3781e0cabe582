-- Lineage of F7: each point (unit, year) is the unit's published rate, its moving average the
-- rates of the year before and after; the unit is selected by its $last_year count and
-- population (the floor).
WITH top AS (
    SELECT iso3, row_number() OVER (ORDER BY count DESC, iso3) AS rank
    FROM kidnapping
    WHERE year = $last_year AND count IS NOT NULL AND population >= $population_floor
), shown AS (
    SELECT iso3 FROM top WHERE rank <= $multiples
)
SELECT concat('F7/', s.iso3, '/', CAST(k.year AS VARCHAR)) AS address, s.iso3, r.year,
       'rate_per_100k' AS unit
FROM shown s
JOIN kidnapping k ON k.iso3 = s.iso3 AND k.rate IS NOT NULL
     AND k.year BETWEEN $first_year AND $last_year
JOIN kidnapping r ON r.iso3 = s.iso3 AND r.rate IS NOT NULL AND r.year BETWEEN k.year - 1 AND k.year + 1
UNION ALL
SELECT concat('F7/', s.iso3, '/selection'), s.iso3, CAST($last_year AS INT), u.unit
FROM shown s
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'population') u
