-- R2 (appendix): counts revised by more than $revision_threshold (10 per cent) (or away from zero) since the previous
-- release, and country-years removed, largest relative revision first (table
-- `release_changes`, the `diff` command's comparison).
WITH r AS (
    SELECT
        country, iso3, year,
        old_value AS old_count,
        new_value AS new_count,
        relative_change AS change,
        CASE status WHEN 'removed' THEN 'removed' ELSE 'revised' END AS status
    FROM release_changes
    WHERE unit = 'count' AND (status = 'removed' OR (status = 'changed' AND large))
)
SELECT country, iso3, year, old_count, new_count, change, status,
       COALESCE(abs(change), 1e9) AS sort_key
FROM r
ORDER BY sort_key DESC, iso3, year
