-- N7 breaks: series with a confirmed break at $first_year < t ≤ $last_year (left out of the panel
-- and its trends: as many as the rows of T7 whose treatment says "Excluded"; a break into
-- $first_year removes nothing and is not counted) and series with a possible break (no data for
-- the following year) in that span.
SELECT
    count(DISTINCT CASE WHEN status = 'confirmed' THEN iso3 END) AS confirmed,
    count(DISTINCT CASE WHEN status = 'possible' THEN iso3 END) AS possible
FROM breaks
WHERE year > $first_year AND year <= $last_year
