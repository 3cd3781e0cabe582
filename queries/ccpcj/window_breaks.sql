-- Table `window_breaks`: one row per unit with a confirmed break (table `breaks`) whose jump year
-- t satisfies $first_year < t ≤ $last_year, with the first such year: the units such a break
-- takes out of the panel (panel.sql) and whose period change is flagged "b" (periods.sql), and
-- T7's "Excluded" year. A break into $first_year removes nothing and is not here.
SELECT iso3, min(year) AS first_break
FROM breaks
WHERE status = 'confirmed' AND year > $first_year AND year <= $last_year
GROUP BY iso3
ORDER BY iso3
