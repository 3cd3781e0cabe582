-- Lineage of N6: the concentration of $last_year kidnappings: every unit's count that year.
SELECT 'N6/concentration' AS address, iso3, year, 'count' AS unit
FROM kidnapping
WHERE year = $last_year AND count IS NOT NULL AND in_aggregate
