-- T4: the $top_n_table largest counts in each unit's latest year (table `latest`, population
-- ≥ $population_floor), with the unit's share of the sum of all units' latest-year counts.
WITH total AS (
    SELECT sum(count) AS total FROM latest
), ranked AS (
    SELECT row_number() OVER (ORDER BY count DESC, iso3) AS rank, *
    FROM latest WHERE rankable AND count IS NOT NULL
)
SELECT r.rank, r.iso3, r.country, r.region, r.year, r.count, r.rate,
       r.count / total.total AS share
FROM ranked r CROSS JOIN total
WHERE r.rank <= $top_n_table
ORDER BY r.rank
