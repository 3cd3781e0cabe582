-- N7 breaks: series with a confirmed break in the window (left out of the panel trends) and
-- possible breaks still awaiting a following year.
SELECT
    count(DISTINCT CASE WHEN status = 'confirmed' THEN iso3 END) AS confirmed,
    count(DISTINCT CASE WHEN status = 'possible' THEN iso3 END) AS possible
FROM breaks
WHERE year > $first_year AND year <= $last_year
