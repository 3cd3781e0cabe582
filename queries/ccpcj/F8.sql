-- F8: number of units whose mean rate went up, down or stayed stable (±$stable_band) between
-- P1 and P2 (table `periods`), by region.
SELECT region, direction, count(*) AS units,
       CASE direction WHEN 'up' THEN 0 WHEN 'stable' THEN 1 ELSE 2 END AS direction_order
FROM periods
WHERE direction IS NOT NULL
GROUP BY region, direction
ORDER BY region, direction_order
