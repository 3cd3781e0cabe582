-- F5: the $top_n_chart highest rates in each unit's latest year (table `rate_ranking`); units
-- below $population_floor are not ranked. The annotation carries the year where it is not
-- $last_year and a dagger for counts < 10.
SELECT
    rank, iso3, country, region, year, count, rate,
    concat(
        CASE WHEN year <> $last_year THEN CAST(year AS VARCHAR) ELSE '' END,
        CASE WHEN count < $small_count THEN '†' ELSE '' END
    ) AS annotation
FROM rate_ranking
WHERE rank <= $top_n_chart
ORDER BY rank
