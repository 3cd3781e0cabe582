-- F5: the $top_n_chart highest rates in each unit's latest year (its most recent year with a
-- rate in [$last_year − 2, $last_year]); units below $population_floor are not ranked.
-- The annotation carries the year where it is not $last_year and a dagger for counts < 10.
WITH latest AS (
    SELECT iso3, max(year) AS year
    FROM kidnapping
    WHERE year BETWEEN $last_year - 2 AND $last_year AND rate IS NOT NULL
    GROUP BY iso3
), ranked AS (
    SELECT
        row_number() OVER (ORDER BY k.rate DESC, k.iso3) AS rank,
        k.iso3, k.country, k.region, k.year, k.count, k.rate
    FROM kidnapping k JOIN latest l ON l.iso3 = k.iso3 AND l.year = k.year
    WHERE k.population >= $population_floor
)
SELECT
    rank, iso3, country, region, year, count, rate,
    concat(
        CASE WHEN year <> $last_year THEN CAST(year AS VARCHAR) ELSE '' END,
        CASE WHEN count < 10 THEN '†' ELSE '' END
    ) AS annotation
FROM ranked
WHERE rank <= $top_n_chart
ORDER BY rank
