-- Lineage of F1: every count that makes a unit "reporting" in a year of the window, under the
-- bar (region, year) that counts it.
SELECT concat('F1/', region, '/', CAST(year AS VARCHAR)) AS address, iso3, year, 'count' AS unit
FROM kidnapping
WHERE year BETWEEN $first_year AND $last_year AND count IS NOT NULL
