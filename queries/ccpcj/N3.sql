-- N3 trend: the panel's combined rate in $first_year and $last_year, the per cent change
-- between them and the compound annual growth rate.
WITH a AS (
    SELECT year, count(*) AS n, sum(count) / sum(population) * 100000.0 AS rate
    FROM panel_years
    WHERE year = $first_year OR year = $last_year
    GROUP BY year
)
SELECT
    f.n AS panel_n, f.rate AS rate_first, l.rate AS rate_last,
    CASE WHEN f.rate > 0 THEN l.rate / f.rate - 1.0 END AS change,
    CASE WHEN f.rate > 0 AND $last_year > $first_year
         THEN power(l.rate / f.rate, 1.0 / CAST($last_year - $first_year AS DOUBLE)) - 1.0
    END AS cagr
FROM a f CROSS JOIN a l
WHERE f.year = $first_year AND l.year = $last_year
