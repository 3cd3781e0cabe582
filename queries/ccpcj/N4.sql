-- N4 direction: units whose mean rate rose, fell or stayed within ±$stable_band between P1 and
-- P2 (table `periods`), and how many of them have a series break.
SELECT
    sum(CASE WHEN direction = 'up' THEN 1 ELSE 0 END) AS up,
    sum(CASE WHEN direction = 'down' THEN 1 ELSE 0 END) AS down,
    sum(CASE WHEN direction = 'stable' THEN 1 ELSE 0 END) AS stable,
    count(*) AS compared,
    sum(CASE WHEN has_break THEN 1 ELSE 0 END) AS with_break
FROM periods
WHERE direction IS NOT NULL
