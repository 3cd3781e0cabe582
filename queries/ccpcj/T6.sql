-- T6 (annex): count and rate by unit and year of the window, the year-on-year change of the rate
-- (only from the adjacent previous year: a gap is not a year; undefined when that rate is 0;
-- suppressed when that year's count is below 10), and flags: "b" the year of a confirmed series
-- break, "e" a count that is not a whole number (an estimate). One row per year with a rate
-- (table `rate_series`).
SELECT
    s.country, s.iso3, s.year, s.count, s.rate,
    CASE WHEN s.prev_year = s.year - 1 AND s.prev_rate > 0 AND s.prev_count >= $small_count
         THEN s.rate / s.prev_rate - 1.0 END AS yoy,
    concat(
        CASE WHEN b.iso3 IS NOT NULL THEN 'b' ELSE '' END,
        CASE WHEN s.count IS NOT NULL AND s.count <> round(s.count) THEN 'e' ELSE '' END
    ) AS flags
FROM rate_series s
LEFT JOIN breaks b ON b.iso3 = s.iso3 AND b.year = s.year AND b.status = 'confirmed'
WHERE s.year BETWEEN $first_year AND $last_year
ORDER BY s.country, s.iso3, s.year
