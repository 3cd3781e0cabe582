-- T2: panel aggregates by region (table `panel_agg`): number of panel units and their share of
-- the region's population in $last_year, aggregate rate in $first_year and $last_year, per cent
-- change, compound annual growth, OLS slope of the aggregate rate per year (≥ 4 years), and the
-- median of the panel units' own rates in $last_year. Rates are withheld (NULL, printed "..")
-- when a region rests on fewer than $min_countries panel units.
WITH stats AS (
    SELECT
        series, series_order, panel_n, population_share, shown,
        max(CASE WHEN year = $first_year THEN rate END) AS rate_first,
        max(CASE WHEN year = $last_year THEN rate END) AS rate_last,
        count(rate) AS points,
        regr_slope(rate, CAST(year AS DOUBLE)) AS slope
    FROM panel_agg
    GROUP BY series, series_order, panel_n, population_share, shown
), med AS (
    SELECT region AS series, median(rate) AS median_rate
    FROM panel_years WHERE year = $last_year
    GROUP BY region
    UNION ALL
    SELECT 'All panel countries', median(rate)
    FROM panel_years WHERE year = $last_year
)
SELECT
    s.series AS region, s.series_order AS row_order, s.panel_n, s.population_share,
    CASE WHEN shown THEN rate_first END AS rate_first,
    CASE WHEN shown THEN rate_last END AS rate_last,
    CASE WHEN shown AND rate_first > 0 THEN rate_last / rate_first - 1.0 END AS change,
    CASE WHEN shown AND rate_first > 0 AND $last_year > $first_year
         THEN power(rate_last / rate_first, 1.0 / CAST($last_year - $first_year AS DOUBLE)) - 1.0
    END AS cagr,
    CASE WHEN shown AND points >= 4 THEN slope END AS slope,
    CASE WHEN shown THEN m.median_rate END AS median_rate
FROM stats s
LEFT JOIN med m ON m.series = s.series
ORDER BY row_order, region
