-- F6: mean rate in P1 and in P2 for every unit with both means and at least $population_floor
-- inhabitants (table `periods`, `rankable` as in T5: a chart sorted by change names extremes, and
-- a tiny state's rate on a few hundred people would stretch the axis), sorted by change (units
-- whose P1 mean is 0 and P2 mean positive first); "b" marks a series break.
SELECT iso3, country, region, p1_mean, p2_mean, change, direction,
       CASE WHEN has_break THEN 'b' ELSE '' END AS flag
FROM periods
WHERE p1_mean IS NOT NULL AND p2_mean IS NOT NULL AND rankable
ORDER BY (p1_mean = 0 AND p2_mean > 0) DESC, change DESC NULLS LAST, iso3
