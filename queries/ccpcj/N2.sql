-- N2 level in $last_year, over units with data in exactly that year: how many, the kidnappings
-- they recorded (sub-national units whose country also reports are not added twice), their
-- combined rate (Σ count ÷ Σ population × 100,000), the median rate, and the lowest and highest
-- rates among units of at least $population_floor inhabitants (with how many units share them:
-- the first by code is given, with its code for its name in other languages; the template says
-- when others tie).
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
    SELECT country, iso3, rate,
           row_number() OVER (ORDER BY rate ASC, iso3) AS low,
           row_number() OVER (ORDER BY rate DESC, iso3) AS high
    FROM y WHERE population >= $population_floor
), ties AS (
    SELECT
        sum(CASE WHEN rate = (SELECT min(rate) FROM ranked) THEN 1 ELSE 0 END) AS min_ties,
        sum(CASE WHEN rate = (SELECT max(rate) FROM ranked) THEN 1 ELSE 0 END) AS max_ties
    FROM ranked
)
SELECT agg.units, agg.kidnappings, comb.combined_rate, agg.median_rate,
       mn.country AS min_country, mn.iso3 AS min_iso3, mn.rate AS min_rate, ties.min_ties,
       mx.country AS max_country, mx.iso3 AS max_iso3, mx.rate AS max_rate, ties.max_ties
FROM agg
CROSS JOIN comb
CROSS JOIN ties
CROSS JOIN (SELECT country, iso3, rate FROM ranked WHERE low = 1) mn
CROSS JOIN (SELECT country, iso3, rate FROM ranked WHERE high = 1) mx
