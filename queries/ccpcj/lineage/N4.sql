-- Lineage of N4: the direction of change of every compared unit: its rates in P1 and P2;
SELECT concat('N4/', p.direction) AS address, k.iso3, k.year, 'rate_per_100k' AS unit
FROM periods p
JOIN kidnapping k ON k.iso3 = p.iso3 AND k.rate IS NOT NULL
 AND (k.year BETWEEN $p1_from AND $p1_to OR k.year BETWEEN $p2_from AND $p2_to)
WHERE p.direction IS NOT NULL
UNION ALL
-- How many of them have a confirmed break in the window: their count and rate in every year
-- with both (the break rule compares adjacent years).
SELECT 'N4/with_break', k.iso3, k.year, u.unit
FROM periods p
JOIN kidnapping k ON k.iso3 = p.iso3 AND k.count IS NOT NULL AND k.rate IS NOT NULL
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k') u
WHERE p.direction IS NOT NULL
