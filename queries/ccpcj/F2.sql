-- F2: panel aggregate rate by region and for all panel countries, by year.
-- Aggregate rate = Σ count ÷ Σ population × 100,000 over the panel units (never a mean of rates).
-- A region is shown only when it rests on at least $min_countries panel units; its label gives
-- the number of units and their share of the region's population in $last_year.
WITH pk AS (
    SELECT k.region, k.year, k.iso3, k.count, k.population
    FROM kidnapping k JOIN panel p ON p.iso3 = k.iso3
    WHERE k.year BETWEEN $first_year AND $last_year
), agg AS (
    SELECT region AS series, 0 AS series_order, year,
           count(*) AS countries, sum(count) AS kidnappings, sum(population) AS population
    FROM pk GROUP BY region, year
    UNION ALL
    SELECT 'All panel countries', 1, year, count(*), sum(count), sum(population)
    FROM pk GROUP BY year
), base AS (
    SELECT c.region AS series, sum(p.population) AS population
    FROM countries c JOIN population p ON p.iso3 = c.iso3
    WHERE p.year = $last_year
    GROUP BY c.region
    UNION ALL
    SELECT 'All panel countries', sum(p.population)
    FROM countries c JOIN population p ON p.iso3 = c.iso3
    WHERE p.year = $last_year
), share AS (
    SELECT a.series, a.population / b.population AS population_share
    FROM agg a JOIN base b ON b.series = a.series
    WHERE a.year = $last_year
)
SELECT
    concat(
        a.series, ' (', CAST(a.countries AS VARCHAR),
        CASE WHEN a.series_order = 1 THEN ', ' ELSE ' countries, ' END,
        CAST(CAST(round(s.population_share * 100.0) AS BIGINT) AS VARCHAR),
        CASE WHEN a.series_order = 1 THEN ' % of world population)' ELSE ' % of population)' END
    ) AS label,
    a.series, a.series_order, a.year, a.countries, a.kidnappings, a.population,
    a.kidnappings / a.population * 100000.0 AS rate,
    s.population_share
FROM agg a JOIN share s ON s.series = a.series
WHERE a.countries >= $min_countries
ORDER BY a.series_order, a.series, a.year
