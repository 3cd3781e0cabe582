-- Lineage of F5: each bar (rank) is a unit's published rate in its latest year; its count sets
-- the dagger and its population the floor that lets it be ranked.
WITH u AS (
    SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k' UNION ALL SELECT 'population'
)
SELECT concat('F5/', CAST(r.rank AS VARCHAR)) AS address, r.iso3, r.year, u.unit
FROM rate_ranking r CROSS JOIN u
WHERE r.rank <= $top_n_chart
