-- Table `region_population`: one row per M49 region, with the World Bank population of its M49
-- members in $last_year: the denominators of the population shares (T1, panel_agg; their sum is
-- the world's, in panel_agg and N1). Units without an M49 code (sub-national units, Kosovo under
-- UNSCR 1244) are never in it.
SELECT c.region, sum(p.population) AS population
FROM countries c JOIN population p ON p.iso3 = c.iso3
WHERE p.year = $last_year AND c.m49 IS NOT NULL
GROUP BY c.region
ORDER BY region
