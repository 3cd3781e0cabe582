-- N2 level in $last_year, over units with data in exactly that year: how many, the kidnappings
-- they recorded (sub-national units whose country also reports are not added twice), their
-- combined rate (Σ count ÷ Σ population × 100,000), the median rate, and the lowest and highest
-- rates among units of at least $population_floor inhabitants.
WITH y AS (
    SELECT * FROM kidnapping
    WHERE year = $last_year AND count IS NOT NULL AND rate IS NOT NULL
), agg AS (
    SELECT count(*) AS units,
           sum(CASE WHEN in_aggregate THEN count END) AS kidnappings,
           median(rate) AS median_rate
    FROM y
), comb AS (
    SELECT sum(count) / sum(population) * 100000.0 AS combined_rate
    FROM y WHERE in_aggregate AND population IS NOT NULL
), ranked AS (
    SELECT country, rate,
           row_number() OVER (ORDER BY rate ASC, iso3) AS low,
           row_number() OVER (ORDER BY rate DESC, iso3) AS high
    FROM y WHERE population >= $population_floor
)
SELECT agg.units, agg.kidnappings, comb.combined_rate, agg.median_rate,
       mn.country AS min_country, mn.rate AS min_rate,
       mx.country AS max_country, mx.rate AS max_rate
FROM agg
CROSS JOIN comb
CROSS JOIN (SELECT country, rate FROM ranked WHERE low = 1) mn
CROSS JOIN (SELECT country, rate FROM ranked WHERE high = 1) mx
