-- T3: the $top_n_table highest rates in each unit's latest year (table `rate_ranking`, population
-- ≥ $population_floor), with the 3-year average (mean of the published rates of the latest year
-- and the two before it, all three needed) and the change between the period means (`periods`).
WITH top AS (
    SELECT * FROM rate_ranking WHERE rank <= $top_n_table
), avg3 AS (
    SELECT t.iso3, CASE WHEN count(k.rate) = 3 THEN avg(k.rate) END AS average_3y
    FROM top t JOIN kidnapping k ON k.iso3 = t.iso3 AND k.year BETWEEN t.year - 2 AND t.year
    GROUP BY t.iso3
)
SELECT
    t.rank, t.iso3, t.country, t.region, t.year, t.count, t.rate, a.average_3y,
    p.p1_mean, p.p2_mean, p.change, p.direction,
    CASE WHEN t.count < $small_count THEN '†' ELSE '' END AS dagger
FROM top t
JOIN avg3 a ON a.iso3 = t.iso3
LEFT JOIN periods p ON p.iso3 = t.iso3
ORDER BY t.rank
