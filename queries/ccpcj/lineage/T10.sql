-- Lineage of T10: a row rule's findings are source rows set aside (source and row given);
-- a check's findings rest on the counts and rates of the country-years it flagged.
SELECT concat('T10/', rule) AS address, iso3, year, 'row' AS unit, source_id, row
FROM quarantine
UNION ALL
SELECT concat('T10/', q.check_name), q.iso3, q.year, u.unit, 'main', CAST(NULL AS BIGINT)
FROM quality_checks q
CROSS JOIN (SELECT 'count' AS unit UNION ALL SELECT 'rate_per_100k') u
