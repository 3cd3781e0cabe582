-- Lineage of R1: every country-year added, removed or revised between the previous release
-- (source `previous`) and the main one.
SELECT concat('R1/', status) AS address, iso3, year, unit, 'previous' AS source_id
FROM release_changes WHERE status <> 'added'
UNION ALL
SELECT concat('R1/', status), iso3, year, unit, 'main'
FROM release_changes WHERE status <> 'removed'
