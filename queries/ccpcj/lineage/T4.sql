-- Lineage of T4: each ranked unit's count, rate and population in its latest year; its share
-- rests on the latest counts of every unit (the total).
WITH ranked AS (
    SELECT row_number() OVER (ORDER BY count DESC, iso3) AS rank, iso3, year
    FROM latest WHERE rankable AND count IS NOT NULL
), top AS (
    SELECT * FROM ranked WHERE rank <= $top_n_table
)
SELECT concat('T4/', t.iso3) AS address, t.iso3, t.year, u.unit
FROM top t
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k' UNION ALL SELECT 'population') u
UNION ALL
SELECT concat('T4/', t.iso3), l.iso3, l.year, 'count'
FROM top t CROSS JOIN latest l
WHERE l.count IS NOT NULL
UNION ALL
-- The rank: every candidate's count and population in its latest year.
SELECT concat('T4/', t.iso3, '/rank'), l.iso3, l.year, u.unit
FROM top t
CROSS JOIN latest l
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'population') u
WHERE l.count IS NOT NULL
