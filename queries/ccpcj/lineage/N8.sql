-- Lineage of N8: the sources paragraph counts the releases kept, the other publications
-- compared and the rows set aside: one row of each such source stands for it (address by
-- source: its first unit, year and measure, a cell it holds), the quarantined rows each.
WITH r AS (
    SELECT source_id, iso3, year, unit,
           row_number() OVER (PARTITION BY source_id ORDER BY iso3, year, unit) AS n
    FROM releases
), c AS (
    SELECT source_id, iso3, year, unit,
           row_number() OVER (PARTITION BY source_id ORDER BY iso3, year, unit) AS n
    FROM comparisons
)
SELECT concat('N8/releases/', source_id) AS address, iso3, year, unit, source_id
FROM r WHERE n = 1
UNION ALL
SELECT concat('N8/other_sources/', source_id), iso3, year, unit, source_id
FROM c WHERE n = 1
UNION ALL
SELECT 'N8/quarantined', iso3, year, 'row', source_id
FROM quarantine
