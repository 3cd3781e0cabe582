-- T5: the $top_n_table largest increases and decreases of the mean rate between P1 and P2
-- (table `periods`), among units with a mean annual count of at least $small_count (10) over the P1 years
-- available and population ≥ $population_floor. Units with breaks stay, flagged "b".
WITH eligible AS (
    SELECT * FROM periods
    WHERE rankable AND p1_count_mean >= $small_count AND change IS NOT NULL
), up AS (
    SELECT 'Increase' AS kind, 0 AS kind_order,
           row_number() OVER (ORDER BY change DESC, iso3) AS rank, *
    FROM eligible WHERE change > 0
), down AS (
    SELECT 'Decrease' AS kind, 1 AS kind_order,
           row_number() OVER (ORDER BY change ASC, iso3) AS rank, *
    FROM eligible WHERE change < 0
)
SELECT kind, kind_order, rank, iso3, country, region, p1_mean, p2_mean, change,
       CASE WHEN has_break THEN 'b' ELSE '' END AS flag
FROM (SELECT * FROM up UNION ALL SELECT * FROM down)
WHERE rank <= $top_n_table
ORDER BY kind_order, rank
