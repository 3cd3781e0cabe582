-- N6 concentration: the fewest units with data in $last_year whose kidnappings add up to at least
-- half of all kidnappings recorded in $last_year (sub-national units whose country also reports
-- are not counted twice), their names in descending order of count, and their share.
WITH y AS (
    SELECT iso3, country, count FROM kidnapping
    WHERE year = $last_year AND count IS NOT NULL AND in_aggregate
), c AS (
    SELECT iso3, country, count,
           sum(count) OVER (ORDER BY count DESC, iso3 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
           sum(count) OVER () AS total,
           row_number() OVER (ORDER BY count DESC, iso3) AS rank
    FROM y
), k AS (
    SELECT min(rank) AS k FROM c WHERE running >= 0.5 * total
)
SELECT k.k AS units, max(c.running) AS kidnappings, max(c.running) / max(c.total) AS share,
       string_agg(c.country, '; ' ORDER BY c.rank) AS countries,
       string_agg(c.iso3, ',' ORDER BY c.rank) AS iso3s, max(c.total) AS total
FROM c CROSS JOIN k
WHERE c.rank <= k.k
GROUP BY k.k
