-- Lineage of F4: each dot is a unit's published rate in its latest year; each regional median
-- rests on the rates of every unit of the region.
SELECT concat('F4/', region, '/', iso3) AS address, iso3, year, 'rate_per_100k' AS unit
FROM latest
UNION ALL
SELECT concat('F4/', region, '/median'), iso3, year, 'rate_per_100k'
FROM latest
