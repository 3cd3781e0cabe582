-- Table `breaks`: candidate series breaks. A jump at year t (t−1 adjacent) where
-- |ln(r(t)/r(t−1))| > ln $break_ratio (default 2; a move to or from zero counts as infinite)
-- on max(count(t−1), count(t)) ≥ $break_min_count (20). It is `confirmed` when t+1 is
-- adjacent and |r(t+1)/r(t) − 1| ≤ $break_hold (0.25; zero must stay zero), `possible` when there is no t+1 yet;
-- a jump that reverts the next year is not a break.
WITH s AS (
    SELECT
        iso3, country, year, count, rate,
        LAG(year) OVER (PARTITION BY iso3 ORDER BY year) AS prev_year,
        LAG(rate) OVER (PARTITION BY iso3 ORDER BY year) AS prev_rate,
        LAG(count) OVER (PARTITION BY iso3 ORDER BY year) AS prev_count,
        LEAD(year) OVER (PARTITION BY iso3 ORDER BY year) AS next_year,
        LEAD(rate) OVER (PARTITION BY iso3 ORDER BY year) AS next_rate
    FROM kidnapping
    WHERE count IS NOT NULL AND rate IS NOT NULL
), jumps AS (
    SELECT *,
        CASE
            WHEN next_year IS NULL OR next_year <> year + 1 THEN 'possible'
            WHEN rate = 0 AND next_rate = 0 THEN 'confirmed'
            WHEN rate > 0 AND abs(next_rate / rate - 1.0) <= $break_hold THEN 'confirmed'
        END AS status
    FROM s
    WHERE prev_year = year - 1
      AND greatest(prev_count, count) >= $break_min_count
      AND (
          (prev_rate = 0 AND rate > 0)
          OR (prev_rate > 0 AND rate = 0)
          OR (prev_rate > 0 AND rate > 0 AND abs(ln(rate / prev_rate)) > ln($break_ratio))
      )
)
SELECT iso3, country, year, prev_rate, rate, next_rate, prev_count, count, status
FROM jumps
WHERE status IS NOT NULL
ORDER BY iso3, year
