-- Lineage of T3: each ranked unit's count, rate and population in its latest year (the rank,
-- the dagger, the floor), its rates of the two years before (the 3-year average) and its rates
-- in P1 and P2 (the period means and their change).
WITH top AS (
    SELECT * FROM rate_ranking WHERE rank <= $top_n_table
)
SELECT concat('T3/', t.iso3) AS address, t.iso3, t.year, u.unit
FROM top t
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k' UNION ALL SELECT 'population') u
UNION ALL
SELECT concat('T3/', t.iso3), k.iso3, k.year, 'rate_per_100k'
FROM top t
JOIN kidnapping k ON k.iso3 = t.iso3 AND k.rate IS NOT NULL
 AND (k.year BETWEEN t.year - 2 AND t.year - 1
      OR k.year BETWEEN $p1_from AND $p1_to OR k.year BETWEEN $p2_from AND $p2_to)
UNION ALL
-- The rank: every candidate's rate and population in its latest year.
SELECT concat('T3/', t.iso3, '/rank'), l.iso3, l.year, u.unit
FROM top t
CROSS JOIN latest l
CROSS JOIN (SELECT 'rate_per_100k' AS unit UNION ALL SELECT 'population') u
