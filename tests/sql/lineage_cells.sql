-- The `lineage` table in SQL, as the tool builds it in Rust (src/query/lineage/resolve.rs); the
-- tests hold the two equal. Every address of the report (an item, a row, a value) with the source
-- cells behind it. The lineage queries (`lineage/ITEM.sql` of the pipeline's queries) name
-- cells by unit, year and measure (table `lineage_raw`; source `main` for the main
-- observations, `previous` for the previous release, `population`, or another source's id);
-- here each is resolved to the cell it was read from: file, sheet, row, column and the cell's
-- text as the file holds it (`value` is the warehouse's value). A summed observation is named
-- by its first row, with `cells` the number of cells it adds up (listed in table
-- `source_cells`). A population cell is the World Bank's where it has the unit and year;
-- otherwise the population is implied by the source (count ÷ rate × 100,000) and its cells
-- are the count and the rate.
WITH raw AS (
    SELECT DISTINCT item, address, source_id, iso3, year, unit, row FROM lineage_raw
), main AS (
    SELECT r.item, r.address, o.source_id, o.iso3, o.year, o.unit, o.value, o.source_row AS row,
           o.source_column AS column_name, o.source_cell AS cell
    FROM raw r
    JOIN observations o ON o.iso3 = r.iso3 AND o.year = r.year AND o.unit = r.unit
    WHERE r.source_id = 'main' AND r.unit <> 'population'
), previous AS (
    SELECT r.item, r.address, o.source_id, o.iso3, o.year, o.unit, o.value, o.source_row AS row,
           o.source_column AS column_name, o.source_cell AS cell
    FROM raw r
    JOIN previous_observations o ON o.iso3 = r.iso3 AND o.year = r.year AND o.unit = r.unit
    WHERE r.source_id = 'previous'
), other AS (
    SELECT r.item, r.address, o.source_id, o.iso3, o.year, o.unit, o.value, o.source_row AS row,
           o.source_column AS column_name, o.source_cell AS cell
    FROM raw r
    JOIN (SELECT * FROM comparisons UNION ALL SELECT * FROM releases) o
      ON o.source_id = r.source_id AND o.iso3 = r.iso3 AND o.year = r.year AND o.unit = r.unit
    WHERE r.unit NOT IN ('population', 'row')
), world_bank AS (
    SELECT r.item, r.address, 'population' AS source_id, p.iso3, p.year, 'population' AS unit,
           p.population AS value, p.source_row AS row, p.source_column AS column_name,
           p.source_cell AS cell
    FROM raw r
    JOIN population p ON p.iso3 = r.iso3 AND p.year = r.year
    WHERE r.unit = 'population'
), implied AS (
    SELECT r.item, r.address, o.source_id, o.iso3, o.year, o.unit, o.value, o.source_row AS row,
           o.source_column AS column_name, o.source_cell AS cell
    FROM raw r
    LEFT JOIN population p ON p.iso3 = r.iso3 AND p.year = r.year
    JOIN observations o ON o.iso3 = r.iso3 AND o.year = r.year
         AND (o.unit = 'count' OR o.unit = 'rate_per_100k')
    WHERE r.unit = 'population' AND p.iso3 IS NULL
), quarantined AS (
    SELECT r.item, r.address, q.source_id, q.iso3, q.year, 'row' AS unit,
           CAST(NULL AS DOUBLE) AS value, q.row, q.column_name, q.source_row AS cell
    FROM raw r
    JOIN quarantine q ON q.source_id = r.source_id AND q.row = r.row
    WHERE r.unit = 'row'
), cells AS (
    SELECT * FROM main
    UNION ALL SELECT * FROM previous
    UNION ALL SELECT * FROM other
    UNION ALL SELECT * FROM world_bank
    UNION ALL SELECT * FROM implied
    UNION ALL SELECT * FROM quarantined
)
SELECT DISTINCT
    c.item, c.address, c.source_id, c.iso3, c.year, c.unit, c.value,
    CASE WHEN c.source_id = 'population' THEN $population_file ELSE s.file END AS file,
    COALESCE(s.sheet, '') AS sheet,
    c.row, c.column_name, c.cell,
    COALESCE(n.cells, 1) AS cells
FROM cells c
LEFT JOIN sources s ON s.id = c.source_id
-- A summed observation stands for every cell it adds up: their number here, the cells
-- themselves in `source_cells` (`explain` lists them).
LEFT JOIN (
    SELECT source_id, iso3, year, unit, count(*) AS cells
    FROM source_cells GROUP BY source_id, iso3, year, unit
) n ON n.source_id = c.source_id AND n.iso3 = c.iso3 AND n.year = c.year AND n.unit = c.unit
ORDER BY c.item, c.address, c.source_id, c.iso3, c.year, c.unit, c.row, c.column_name
