-- T1: data availability by region: countries or areas in the region (members of M49: neither the
-- sub-national units nor Kosovo under UNSCR 1244, which have no M49 code), units with a count in
-- at least one year of the window, units in the constant panel (every reporting unit counts,
-- those without an M49 code included), and the share of the region's population (its M49
-- members' World Bank population, table `region_population`) covered by units with a count in
-- $last_year.
WITH members AS (
    SELECT region, count(*) AS countries
    FROM countries WHERE m49 IS NOT NULL
    GROUP BY region
), reporting AS (
    SELECT region, count(DISTINCT iso3) AS reporting
    FROM kidnapping
    WHERE year BETWEEN $first_year AND $last_year AND count IS NOT NULL
    GROUP BY region
), in_panel AS (
    SELECT region, count(*) AS panel FROM panel GROUP BY region
), covered AS (
    SELECT region, sum(population) AS population
    FROM kidnapping
    WHERE year = $last_year AND count IS NOT NULL AND in_aggregate AND population IS NOT NULL
    GROUP BY region
), byregion AS (
    SELECT
        m.region, m.countries,
        COALESCE(r.reporting, 0) AS reporting,
        COALESCE(i.panel, 0) AS panel,
        COALESCE(cv.population, 0.0) AS covered_population,
        rp.population AS region_population
    FROM members m
    LEFT JOIN reporting r ON r.region = m.region
    LEFT JOIN in_panel i ON i.region = m.region
    LEFT JOIN covered cv ON cv.region = m.region
    LEFT JOIN region_population rp ON rp.region = m.region
)
SELECT region, 0 AS row_order, countries, reporting, panel,
       covered_population / region_population AS population_share
FROM byregion
UNION ALL
SELECT 'Total', 1, sum(countries), sum(reporting), sum(panel),
       sum(covered_population) / sum(region_population)
FROM byregion
ORDER BY row_order, region
