-- Lineage of F6: each unit's two period means rest on its published rates in P1 and P2; its
-- latest population lets it be shown (the floor).
SELECT concat('F6/', p.iso3) AS address, k.iso3, k.year, 'rate_per_100k' AS unit
FROM periods p
JOIN kidnapping k ON k.iso3 = p.iso3 AND k.rate IS NOT NULL
 AND (k.year BETWEEN $p1_from AND $p1_to OR k.year BETWEEN $p2_from AND $p2_to)
WHERE p.p1_mean IS NOT NULL AND p.p2_mean IS NOT NULL AND p.rankable
UNION ALL
SELECT concat('F6/', p.iso3), l.iso3, l.year, 'population'
FROM periods p JOIN latest l ON l.iso3 = p.iso3
WHERE p.p1_mean IS NOT NULL AND p.p2_mean IS NOT NULL AND p.rankable
