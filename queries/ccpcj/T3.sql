-- T3: the $top_n_table highest rates in each unit's latest year (see F5), with the 3-year
-- average (mean of the published rates of the latest year and the two before it, all three
-- needed) and the change between the period means P1 and P2 (each needs ≥ 2 of its years).
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
), top AS (
    SELECT * FROM ranked WHERE rank <= $top_n_table
), avg3 AS (
    SELECT t.iso3, CASE WHEN count(k.rate) = 3 THEN avg(k.rate) END AS average_3y
    FROM top t JOIN kidnapping k ON k.iso3 = t.iso3 AND k.year BETWEEN t.year - 2 AND t.year
    GROUP BY t.iso3
), periods AS (
    SELECT
        iso3,
        CASE WHEN count(CASE WHEN year BETWEEN $p1_from AND $p1_to THEN rate END) >= 2
             THEN avg(CASE WHEN year BETWEEN $p1_from AND $p1_to THEN rate END) END AS p1_mean,
        CASE WHEN count(CASE WHEN year BETWEEN $p2_from AND $p2_to THEN rate END) >= 2
             THEN avg(CASE WHEN year BETWEEN $p2_from AND $p2_to THEN rate END) END AS p2_mean
    FROM kidnapping
    GROUP BY iso3
)
SELECT
    t.rank, t.iso3, t.country, t.region, t.year, t.count, t.rate, a.average_3y,
    p.p1_mean, p.p2_mean,
    CASE WHEN p.p1_mean > 0 THEN p.p2_mean / p.p1_mean - 1.0 END AS change,
    CASE
        WHEN p.p1_mean IS NULL OR p.p2_mean IS NULL THEN NULL
        WHEN p.p1_mean = 0 THEN CASE WHEN p.p2_mean > 0 THEN 'up' ELSE 'stable' END
        WHEN p.p2_mean / p.p1_mean - 1.0 > $stable_band THEN 'up'
        WHEN p.p2_mean / p.p1_mean - 1.0 < -$stable_band THEN 'down'
        ELSE 'stable'
    END AS direction
FROM top t
JOIN avg3 a ON a.iso3 = t.iso3
LEFT JOIN periods p ON p.iso3 = t.iso3
ORDER BY t.rank
