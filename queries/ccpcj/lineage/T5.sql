-- Lineage of T5: each listed unit (increase or decrease, rank) rests on its rates in P1 and P2,
-- its P1 counts (the small-count rule) and its latest population (the floor).
WITH eligible AS (
    SELECT * FROM periods
    WHERE rankable AND p1_count_mean >= $small_count AND change IS NOT NULL
), listed AS (
    SELECT 'Increase' AS kind, iso3,
           row_number() OVER (ORDER BY change DESC, iso3) AS rank
    FROM eligible WHERE change > 0
    UNION ALL
    SELECT 'Decrease', iso3, row_number() OVER (ORDER BY change ASC, iso3)
    FROM eligible WHERE change < 0
), shown AS (
    SELECT * FROM listed WHERE rank <= $top_n_table
)
SELECT concat('T5/', s.kind, '/', CAST(s.rank AS VARCHAR)) AS address, k.iso3, k.year,
       'rate_per_100k' AS unit
FROM shown s
JOIN kidnapping k ON k.iso3 = s.iso3 AND k.rate IS NOT NULL
 AND (k.year BETWEEN $p1_from AND $p1_to OR k.year BETWEEN $p2_from AND $p2_to)
UNION ALL
SELECT concat('T5/', s.kind, '/', CAST(s.rank AS VARCHAR)), k.iso3, k.year, 'count'
FROM shown s
JOIN kidnapping k ON k.iso3 = s.iso3 AND k.count IS NOT NULL
 AND k.year BETWEEN $p1_from AND $p1_to
UNION ALL
SELECT concat('T5/', s.kind, '/', CAST(s.rank AS VARCHAR)), l.iso3, l.year, 'population'
FROM shown s JOIN latest l ON l.iso3 = s.iso3
