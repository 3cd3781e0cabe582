-- F1: number of reporting units with a count, by year and region, in the window.
SELECT year, region, count(DISTINCT iso3) AS countries
FROM kidnapping
WHERE year BETWEEN $first_year AND $last_year AND count IS NOT NULL
GROUP BY year, region
ORDER BY year, region
