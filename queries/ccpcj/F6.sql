-- F6: mean rate in P1 and in P2 for every unit with both means (table `periods`), sorted by
-- change (units whose P1 mean is 0 and P2 mean positive first); "b" marks a series break.
SELECT iso3, country, region, p1_mean, p2_mean, change, direction,
       CASE WHEN has_break THEN 'b' ELSE '' END AS flag
FROM periods
WHERE p1_mean IS NOT NULL AND p2_mean IS NOT NULL
ORDER BY (p1_mean = 0 AND p2_mean > 0) DESC, change DESC NULLS LAST, iso3
