-- Table `latest`: each unit's latest year — its most recent year with a rate in
-- [$last_year − 2, $last_year] — with its count, rate and population, and whether the unit may be
-- ranked or named as an extreme (population ≥ $population_floor).
WITH y AS (
    SELECT iso3, max(year) AS year
    FROM kidnapping
    WHERE year BETWEEN $last_year - 2 AND $last_year AND rate IS NOT NULL
    GROUP BY iso3
)
SELECT k.iso3, k.country, k.region, k.year, k.count, k.rate, k.population,
       COALESCE(k.population >= $population_floor, false) AS rankable
FROM kidnapping k JOIN y ON y.iso3 = k.iso3 AND y.year = k.year
ORDER BY k.iso3
