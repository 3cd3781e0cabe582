-- Table `panel`: the constant panel of the window [$first_year, $last_year]: units with a count,
-- a rate and a population in every year, entering aggregates in every year, and without a
-- confirmed break whose jump year t satisfies $first_year < t ≤ $last_year (table `window_breaks`).
WITH complete AS (
    SELECT iso3, count(*) AS years
    FROM kidnapping
    WHERE year BETWEEN $first_year AND $last_year
      AND count IS NOT NULL AND rate IS NOT NULL AND population IS NOT NULL AND in_aggregate
    GROUP BY iso3
)
SELECT k.iso3, k.country, k.region
FROM complete
JOIN kidnapping k ON k.iso3 = complete.iso3 AND k.year = $last_year
LEFT JOIN window_breaks w ON w.iso3 = complete.iso3
WHERE complete.years = $last_year - $first_year + 1 AND w.iso3 IS NULL
ORDER BY k.iso3
