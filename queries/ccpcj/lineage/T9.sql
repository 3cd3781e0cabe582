-- Lineage of T9: each row (other source, measure) rests on that source's country-years and on
-- the main source's figures for the same country-years.
SELECT concat('T9/', c.source_id, '/', c.unit) AS address, c.iso3, c.year, c.unit,
       c.source_id
FROM comparisons c
UNION ALL
SELECT concat('T9/', c.source_id, '/', c.unit), c.iso3, c.year, c.unit, 'main'
FROM comparisons c
JOIN observations o ON o.iso3 = c.iso3 AND o.year = c.year AND o.unit = c.unit
