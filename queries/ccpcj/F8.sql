-- F8: number of units whose mean rate went up, down or stayed stable (±$stable_band) between
-- P1 and P2 (table `periods`), by region; every region × direction cell is present (0 when
-- empty) so the series keep one order: Up, Stable, Down.
WITH d AS (
    SELECT 'Up' AS label, 'up' AS direction, 0 AS direction_order
    UNION ALL SELECT 'Stable', 'stable', 1
    UNION ALL SELECT 'Down', 'down', 2
), r AS (
    SELECT DISTINCT region FROM periods WHERE direction IS NOT NULL
), n AS (
    SELECT region, direction, count(*) AS units
    FROM periods WHERE direction IS NOT NULL
    GROUP BY region, direction
)
SELECT r.region, d.label AS direction, COALESCE(n.units, 0) AS units, d.direction_order
FROM r CROSS JOIN d
LEFT JOIN n ON n.region = r.region AND n.direction = d.direction
ORDER BY r.region, d.direction_order
