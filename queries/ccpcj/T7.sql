-- T7 (annex): series breaks and data-quality notes in the window. Breaks (rule in breaks.sql),
-- each with what the panel, its aggregates and the flags really did with it:
-- * a confirmed break with $first_year < t ≤ $last_year takes the unit out of the panel
--   (panel.sql) and so out of the trend aggregates; the unit's first such break says
--   "Excluded", a later one that the series was already excluded (so the rows saying
--   "Excluded" are as many as N7's count); the year is marked "b" (T6, F7) and the period
--   change flagged "b" (periods.has_break: F6, T5);
-- * a confirmed break at t = $first_year (a jump from the year before the window into its first
--   year) removes nothing: the whole window is on the new level. The year is marked "b", the
--   period change is not flagged (unless another break is);
-- * a possible break (no data for the following year) removes and marks nothing.
-- Whether such a unit is in the panel is read from table `panel`, with the reason when it is not.
-- Rate consistency: a published rate more than $rate_tolerance (the rate_mismatch check's
-- tolerance, 10 per cent by default: one rule for T7, N8 and T10) away from count ÷ World Bank
-- population × 100,000 is listed; the published rate is kept (the cause is not known).
WITH b AS (
    SELECT * FROM breaks WHERE year BETWEEN $first_year AND $last_year
), complete AS (
    SELECT iso3,
           count(CASE WHEN count IS NOT NULL AND rate IS NOT NULL AND population IS NOT NULL
                      THEN 1 END) AS with_data
    FROM kidnapping
    WHERE year BETWEEN $first_year AND $last_year
    GROUP BY iso3
), t AS (
    SELECT
        b.*,
        b.status = 'confirmed' AND b.year > $first_year AS excludes,
        x.first_break,
        CASE
            WHEN p.iso3 IS NOT NULL THEN 'the unit stays in the panel and its trend aggregates'
            WHEN x.iso3 IS NOT NULL
                THEN concat('the unit is out of the panel through its break in ',
                            CAST(x.first_break AS VARCHAR))
            WHEN COALESCE(c.with_data, 0) < $last_year - $first_year + 1
                THEN 'the unit is not in the panel for lack of data in some year'
            ELSE 'the unit is not in the panel: its country also reports in some year'
        END AS panel_state
    FROM b
    LEFT JOIN window_breaks x ON x.iso3 = b.iso3
    LEFT JOIN panel p ON p.iso3 = b.iso3
    LEFT JOIN complete c ON c.iso3 = b.iso3
)
SELECT country, iso3, year,
       concat('rate ', un_number(prev_rate, 2), ' → ', un_number(rate, 2),
              ' (count ', un_number(prev_count, 0), ' → ', un_number(count, 0), ')') AS change,
       CASE status WHEN 'confirmed' THEN 'Series break (rate doubled or halved, persisted)'
                   ELSE 'Possible series break (no data for the following year)' END AS rule,
       concat(
           CASE
               WHEN excludes AND year = first_break
                   THEN 'Excluded from the panel and its trend aggregates'
               WHEN excludes
                   THEN concat('Series already excluded from the panel by its break in ',
                               CAST(first_break AS VARCHAR))
               WHEN status = 'confirmed'
                   THEN concat('Jump into ', CAST(year AS VARCHAR),
                               ', the first year: not a break within the window; ', panel_state)
               ELSE concat('Not confirmed: ', panel_state)
           END,
           '; ',
           CASE WHEN status = 'confirmed' THEN concat(CAST(year AS VARCHAR), ' marked b')
                ELSE 'not marked b' END,
           CASE WHEN first_break IS NOT NULL THEN ', period change flagged b'
                ELSE ', period change not flagged' END
       ) AS treatment,
       0 AS kind_order
FROM t
UNION ALL
SELECT country, iso3, year,
       concat('published ', un_number(rate, 2), ', computed ',
              un_number(count / population * 100000.0, 2),
              ' (', un_number(rate_gap * 100.0, 1), ' per cent apart)'),
       concat('Rate inconsistent with count and World Bank population (> ',
              CASE WHEN $rate_tolerance * 100.0 = floor($rate_tolerance * 100.0)
                   THEN CAST(CAST($rate_tolerance * 100.0 AS BIGINT) AS VARCHAR)
                   ELSE CAST(round($rate_tolerance * 100.0, 1) AS VARCHAR) END,
              ' per cent)'),
       'Published rate kept; the gap may reflect another population estimate or rounding',
       1
FROM kidnapping
WHERE year BETWEEN $first_year AND $last_year AND rate_gap > $rate_tolerance
ORDER BY kind_order, country, iso3, year
