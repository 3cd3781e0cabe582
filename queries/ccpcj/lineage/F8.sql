-- Lineage of F8: each bar segment (region, direction) counts the units whose P1 and P2 mean
-- rates, from their published rates, moved that way.
SELECT concat('F8/', p.region, '/',
              CASE p.direction WHEN 'up' THEN 'Up' WHEN 'down' THEN 'Down' ELSE 'Stable' END) AS address, k.iso3, k.year, 'rate_per_100k' AS unit
FROM periods p
JOIN kidnapping k ON k.iso3 = p.iso3 AND k.rate IS NOT NULL
 AND (k.year BETWEEN $p1_from AND $p1_to OR k.year BETWEEN $p2_from AND $p2_to)
WHERE p.direction IS NOT NULL
