-- Lineage of T8: each revised or removed country-year rests on its count in the previous
-- release (source `previous`) and, when revised, in the main one.
SELECT concat('T8/', iso3, '/', CAST(year AS VARCHAR)) AS address, iso3, year, 'count' AS unit,
       'previous' AS source_id
FROM release_changes
WHERE unit = 'count' AND (status = 'removed' OR (status = 'changed' AND large))
UNION ALL
SELECT concat('T8/', iso3, '/', CAST(year AS VARCHAR)), iso3, year, 'count', 'main'
FROM release_changes
WHERE unit = 'count' AND status = 'changed' AND large
