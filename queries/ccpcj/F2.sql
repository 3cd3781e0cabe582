-- F2: panel aggregate rate by region and for all panel countries, by year (table `panel_agg`);
-- only aggregates resting on at least $min_countries panel units are drawn.
SELECT series, series_order, year, panel_n, panel_n AS countries, kidnappings, population, rate,
       population_share
FROM panel_agg
WHERE shown AND year IS NOT NULL
ORDER BY series_order, series, year
