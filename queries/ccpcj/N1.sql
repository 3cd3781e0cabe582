-- N1 coverage: units with a count in at least one year of the window (and in any year of the
-- release), the constant panel's size and its share of world population in $last_year (the
-- World Bank population of the M49 members).
WITH rep AS (
    SELECT count(DISTINCT iso3) AS reporting
    FROM kidnapping WHERE year BETWEEN $first_year AND $last_year AND count IS NOT NULL
), ever AS (
    SELECT count(DISTINCT iso3) AS reporting_any, min(year) AS first_data_year, max(year) AS last_data_year
    FROM kidnapping WHERE count IS NOT NULL
), pn AS (
    SELECT count(*) AS panel_n FROM panel
), pp AS (
    SELECT sum(population) AS panel_population FROM panel_years WHERE year = $last_year
), world AS (
    SELECT sum(population) AS world_population FROM region_population
)
SELECT reporting, reporting_any, first_data_year, last_data_year, panel_n,
       COALESCE(panel_population, 0.0) / world_population AS panel_population_share
FROM rep CROSS JOIN ever CROSS JOIN pn CROSS JOIN pp CROSS JOIN world
