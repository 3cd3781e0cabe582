-- N5 regions: among regions whose panel aggregate is shown and covers at least
-- $region_share_for_text of the region's population, the highest and lowest combined rate in
-- $last_year. With none qualifying, the counts are 0 and the names NULL: the text says so.
WITH q AS (
    SELECT series, rate, population_share
    FROM panel_agg
    WHERE series_order = 0 AND shown AND population_share >= $region_share_for_text
      AND year = $last_year
), hi AS (
    SELECT series, rate FROM q ORDER BY rate DESC, series LIMIT 1
), lo AS (
    SELECT series, rate FROM q ORDER BY rate ASC, series LIMIT 1
), n AS (
    SELECT count(*) AS qualifying FROM q
), shown AS (
    SELECT count(*) AS shown FROM panel_agg WHERE series_order = 0 AND shown AND year = $last_year
)
SELECT n.qualifying, shown.shown,
       hi.series AS highest_region, hi.rate AS highest_rate,
       lo.series AS lowest_region, lo.rate AS lowest_rate
FROM n CROSS JOIN shown
LEFT JOIN hi ON true
LEFT JOIN lo ON true
