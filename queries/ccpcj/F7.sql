-- F7: the $multiples (12) units (population ≥ $population_floor) with most kidnappings recorded in
-- $last_year: rate by year of the window, the centred 3-year moving average (only when all
-- three years with a rate exist, table `rate_series`; years just outside the window may serve),
-- and confirmed break years.
WITH top AS (
    SELECT iso3, row_number() OVER (ORDER BY count DESC, iso3) AS rank
    FROM kidnapping
    WHERE year = $last_year AND count IS NOT NULL AND population >= $population_floor
)
SELECT
    t.rank, s.iso3, s.country, s.year, s.rate,
    CASE WHEN s.prev_year = s.year - 1 AND s.next_year = s.year + 1
         THEN (s.prev_rate + s.rate + s.next_rate) / 3.0 END AS moving_average,
    b.iso3 IS NOT NULL AS is_break
FROM rate_series s
JOIN top t ON t.iso3 = s.iso3
LEFT JOIN breaks b ON b.iso3 = s.iso3 AND b.year = s.year AND b.status = 'confirmed'
WHERE t.rank <= $multiples AND s.year BETWEEN $first_year AND $last_year
ORDER BY t.rank, s.year
