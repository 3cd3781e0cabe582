-- Table `rate_series`: one row per unit and year with a published rate (whether or not it has a
-- count), with the previous and the next such year of the same unit — its year, rate and (the
-- previous only) count — whatever the gap: a reader checks `prev_year = year - 1` or
-- `next_year = year + 1` before treating them as adjacent (T6's year-on-year change, F7's moving
-- average). `breaks` keeps its own window: its neighbours are years with both a count and a rate.
SELECT
    iso3, country, year, count, rate,
    LAG(year) OVER (PARTITION BY iso3 ORDER BY year) AS prev_year,
    LAG(rate) OVER (PARTITION BY iso3 ORDER BY year) AS prev_rate,
    LAG(count) OVER (PARTITION BY iso3 ORDER BY year) AS prev_count,
    LEAD(year) OVER (PARTITION BY iso3 ORDER BY year) AS next_year,
    LEAD(rate) OVER (PARTITION BY iso3 ORDER BY year) AS next_rate
FROM kidnapping
WHERE rate IS NOT NULL
ORDER BY iso3, year
