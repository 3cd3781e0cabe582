-- Table `kidnapping`: one row per reporting unit and year, with the published count and rate,
-- the population used for aggregates (World Bank where it has the unit and year, otherwise the
-- one the source implies: count / rate × 100,000), and whether the row may enter an aggregate
-- (a sub-national unit never does in a year in which its parent country also reports).
WITH c AS (
    SELECT iso3, year, value AS count, country, region, subregion, release
    FROM observations
    WHERE unit = 'count' AND value IS NOT NULL
), r AS (
    SELECT iso3, year, value AS rate, country, region, subregion, release
    FROM observations
    WHERE unit = 'rate_per_100k' AND value IS NOT NULL
), cr AS (
    SELECT
        COALESCE(c.iso3, r.iso3) AS iso3,
        COALESCE(c.year, r.year) AS year,
        COALESCE(c.country, r.country) AS country,
        COALESCE(c.region, r.region) AS region,
        COALESCE(c.subregion, r.subregion) AS subregion,
        COALESCE(c.release, r.release) AS release,
        c.count,
        r.rate
    FROM c FULL OUTER JOIN r ON c.iso3 = r.iso3 AND c.year = r.year
)
SELECT
    cr.iso3,
    cr.country,
    cr.region,
    cr.subregion,
    cr.year,
    cr.release,
    cr.count,
    cr.rate,
    CASE
        WHEN p.population IS NOT NULL THEN p.population
        WHEN cr.rate > 0 AND cr.count IS NOT NULL THEN cr.count / cr.rate * 100000.0
    END AS population,
    CASE
        WHEN p.population IS NOT NULL THEN 'World Bank'
        WHEN cr.rate > 0 AND cr.count IS NOT NULL THEN 'implied'
    END AS population_source,
    CASE
        WHEN p.population IS NOT NULL AND cr.rate > 0 AND cr.count IS NOT NULL
        THEN abs(cr.rate - cr.count / p.population * 100000.0) / cr.rate
    END AS rate_gap,
    k.parent_iso3,
    par.iso3 IS NULL AS in_aggregate
FROM cr
LEFT JOIN population p ON p.iso3 = cr.iso3 AND p.year = cr.year
LEFT JOIN countries k ON k.iso3 = cr.iso3
LEFT JOIN c par ON par.iso3 = k.parent_iso3 AND par.year = cr.year
ORDER BY cr.iso3, cr.year
