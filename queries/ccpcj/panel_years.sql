-- Table `panel_years`: one row per panel unit (table `panel`) and year of the window
-- [$first_year, $last_year], with the unit's count, rate and population that year (table
-- `kidnapping`; the panel has all three in every year): what the panel aggregates add up
-- (panel_agg, N1, N3) and T2's median unit rate.
SELECT k.iso3, k.country, k.region, k.year, k.count, k.rate, k.population
FROM kidnapping k JOIN panel p ON p.iso3 = k.iso3
WHERE k.year BETWEEN $first_year AND $last_year
ORDER BY k.iso3, k.year
