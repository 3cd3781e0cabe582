-- T2: panel aggregates by region: number of panel units and their share of the region's
-- population in $last_year, aggregate rate (Σ count ÷ Σ population × 100,000) in $first_year and
-- $last_year, per cent change, compound annual growth, OLS slope of the aggregate rate per year
-- (≥ 4 years), and the median of the panel units' rates in $last_year. Rates are withheld
-- (NULL, printed "..") when a region rests on fewer than $min_countries panel units.
WITH pk AS (
    SELECT k.region, k.year, k.iso3, k.count, k.rate, k.population
    FROM kidnapping k JOIN panel p ON p.iso3 = k.iso3
    WHERE k.year BETWEEN $first_year AND $last_year
), agg AS (
    SELECT region AS series, year, count(*) AS n,
           sum(count) / sum(population) * 100000.0 AS rate, sum(population) AS population
    FROM pk GROUP BY region, year
    UNION ALL
    SELECT 'All panel countries', year, count(*),
           sum(count) / sum(population) * 100000.0, sum(population)
    FROM pk GROUP BY year
), stats AS (
    SELECT
        series,
        max(CASE WHEN year = $first_year THEN rate END) AS rate_first,
        max(CASE WHEN year = $last_year THEN rate END) AS rate_last,
        max(CASE WHEN year = $last_year THEN n END) AS panel_n,
        max(CASE WHEN year = $last_year THEN population END) AS panel_population,
        count(rate) AS points,
        regr_slope(rate, CAST(year AS DOUBLE)) AS slope
    FROM agg GROUP BY series
), med AS (
    SELECT region AS series, median(rate) AS median_rate FROM pk WHERE year = $last_year GROUP BY region
    UNION ALL
    SELECT 'All panel countries', median(rate) FROM pk WHERE year = $last_year
), regions AS (
    SELECT c.region AS series, 0 AS row_order, sum(p.population) AS population
    FROM countries c JOIN population p ON p.iso3 = c.iso3
    WHERE p.year = $last_year AND c.parent_iso3 IS NULL
    GROUP BY c.region
    UNION ALL
    SELECT 'All panel countries', 1, sum(p.population)
    FROM countries c JOIN population p ON p.iso3 = c.iso3
    WHERE p.year = $last_year AND c.parent_iso3 IS NULL
), joined AS (
    SELECT r.series, r.row_order, COALESCE(s.panel_n, 0) AS panel_n,
           COALESCE(s.panel_population, 0.0) / r.population AS population_share,
           COALESCE(s.panel_n, 0) >= $min_countries AS shown,
           s.rate_first, s.rate_last, s.points, s.slope, m.median_rate
    FROM regions r
    LEFT JOIN stats s ON s.series = r.series
    LEFT JOIN med m ON m.series = r.series
)
SELECT
    series AS region, row_order, panel_n, population_share,
    CASE WHEN shown THEN rate_first END AS rate_first,
    CASE WHEN shown THEN rate_last END AS rate_last,
    CASE WHEN shown AND rate_first > 0 THEN rate_last / rate_first - 1.0 END AS change,
    CASE WHEN shown AND rate_first > 0 AND $last_year > $first_year
         THEN power(rate_last / rate_first, 1.0 / CAST($last_year - $first_year AS DOUBLE)) - 1.0
    END AS cagr,
    CASE WHEN shown AND points >= 4 THEN slope END AS slope,
    CASE WHEN shown THEN median_rate END AS median_rate
FROM joined
ORDER BY row_order, region
