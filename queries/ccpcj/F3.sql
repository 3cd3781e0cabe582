-- F3: index of the panel aggregate rates of F2, base year $first_year = 100.
SELECT a.series, a.series_order, a.year, a.panel_n, a.population_share,
       100.0 * a.rate / b.rate AS index
FROM panel_agg a
JOIN panel_agg b ON b.series = a.series AND b.year = $first_year
WHERE a.shown AND a.year IS NOT NULL AND b.rate > 0
ORDER BY a.series_order, a.series, a.year
