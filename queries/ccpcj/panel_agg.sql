-- Table `panel_agg`: the panel aggregate rate (Σ count ÷ Σ population × 100,000) by region and
-- for all panel units, by year of the window, with the number of panel units, their share of the
-- region's (or the world's) population in $last_year, and whether the aggregate may be shown (at
-- least $min_countries units); the series' legend label is the report's, from these numbers. Every region of the M49 table has rows, shown or not.
-- The region's (world's) population is that of its M49 members (table `region_population`): units
-- without an M49 code (sub-national units, Kosovo under UNSCR 1244) count in the panel (table
-- `panel_years`), never in the denominator.
WITH agg AS (
    SELECT region AS series, year, count(*) AS countries,
           sum(count) AS kidnappings, sum(population) AS population
    FROM panel_years GROUP BY region, year
    UNION ALL
    SELECT 'All panel countries', year, count(*), sum(count), sum(population)
    FROM panel_years GROUP BY year
), regions AS (
    SELECT region AS series, 0 AS series_order, population AS base_population
    FROM region_population
    UNION ALL
    SELECT 'All panel countries', 1, sum(population)
    FROM region_population
), last AS (
    SELECT series, countries, population FROM agg WHERE year = $last_year
), labelled AS (
    SELECT
        r.series, r.series_order,
        COALESCE(l.countries, 0) AS panel_n,
        COALESCE(l.population, 0.0) / r.base_population AS population_share,
        COALESCE(l.countries, 0) >= $min_countries AS shown
    FROM regions r LEFT JOIN last l ON l.series = r.series
)
SELECT
    b.series, b.series_order, b.panel_n, b.population_share, b.shown,
    a.year, a.kidnappings, a.population,
    a.kidnappings / a.population * 100000.0 AS rate
FROM labelled b
LEFT JOIN agg a ON a.series = b.series
ORDER BY b.series_order, b.series, a.year
