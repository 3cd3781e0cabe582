-- T7 (annex): series breaks and data-quality notes in the window. Breaks (rule in breaks.sql):
-- confirmed ones leave the panel trends, possible ones (no following year yet) are listed and the
-- unit stays. Rate consistency: a published rate more than 2 per cent away from
-- count ÷ World Bank population × 100,000 is listed; the published rate is kept.
SELECT country, iso3, year,
       concat('rate ', CAST(round(prev_rate, 2) AS VARCHAR), ' → ', CAST(round(rate, 2) AS VARCHAR),
              ' (count ', CAST(CAST(prev_count AS BIGINT) AS VARCHAR), ' → ',
              CAST(CAST(count AS BIGINT) AS VARCHAR), ')') AS change,
       CASE status WHEN 'confirmed' THEN 'Series break (rate doubled or halved, persisted)'
                   ELSE 'Possible series break (no following year yet)' END AS rule,
       CASE status WHEN 'confirmed' THEN 'Excluded from panel trends; flagged b'
                   ELSE 'Listed; unit stays in the panel' END AS treatment,
       0 AS kind_order
FROM breaks
WHERE year BETWEEN $first_year AND $last_year
UNION ALL
SELECT country, iso3, year,
       concat('published ', CAST(round(rate, 2) AS VARCHAR), ' vs computed ',
              CAST(round(count / population * 100000.0, 2) AS VARCHAR),
              ' (', CAST(round(rate_gap * 100.0, 1) AS VARCHAR), ' per cent apart)'),
       'Rate inconsistent with count and World Bank population (> 2 per cent)',
       'Published rate kept; population source differs',
       1
FROM kidnapping
WHERE year BETWEEN $first_year AND $last_year AND rate_gap > 0.02
ORDER BY kind_order, country, iso3, year
