-- T6 (annex): count and rate by unit and year of the window, with flags: "b" the year of a
-- confirmed series break, "e" a count that is not a whole number (an estimate).
SELECT
    k.country, k.iso3, k.year, k.count, k.rate,
    concat(
        CASE WHEN b.iso3 IS NOT NULL THEN 'b' ELSE '' END,
        CASE WHEN k.count IS NOT NULL AND k.count <> round(k.count) THEN 'e' ELSE '' END
    ) AS flags
FROM kidnapping k
LEFT JOIN breaks b ON b.iso3 = k.iso3 AND b.year = k.year AND b.status = 'confirmed'
WHERE k.year BETWEEN $first_year AND $last_year
ORDER BY k.country, k.iso3, k.year
