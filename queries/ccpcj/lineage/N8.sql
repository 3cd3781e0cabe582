-- Lineage of N8: the sources paragraph counts the releases kept, the other publications
-- compared and the rows set aside: one row of each such source stands for it (address by
-- source), the quarantined rows each.
SELECT concat('N8/releases/', source_id) AS address, min(iso3) AS iso3, min(year) AS year,
       min(unit) AS unit, source_id
FROM releases GROUP BY source_id
UNION ALL
SELECT concat('N8/other_sources/', source_id), min(iso3), min(year), min(unit), source_id
FROM comparisons GROUP BY source_id
UNION ALL
SELECT 'N8/quarantined', iso3, year, 'row', source_id
FROM quarantine
