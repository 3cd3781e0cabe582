-- R1 (appendix): what changed since the previous release named in the pipeline, for the
-- category of this report, from table `release_changes` (the `diff` command's comparison of
-- `previous_observations` with `observations`): country-years added and removed, and values
-- revised (counts and rates separately; a revision is a move of more than 1e-9 relative), with
-- how many moved by more than $revision_threshold (0.10, bound as $threshold). All zeros when
-- the pipeline names no previous
-- release (`previous_rows` = 0).
SELECT
    (SELECT count(*) FROM previous_observations) AS previous_rows,
    (SELECT max(release) FROM previous_observations) AS previous_release,
    sum(CASE WHEN status = 'added' AND unit = 'count' THEN 1 ELSE 0 END) AS added,
    sum(CASE WHEN status = 'removed' AND unit = 'count' THEN 1 ELSE 0 END) AS removed,
    sum(CASE WHEN status = 'changed' AND unit = 'count' THEN 1 ELSE 0 END) AS counts_revised,
    sum(CASE WHEN status = 'changed' AND unit = 'count' AND large THEN 1 ELSE 0 END) AS counts_large,
    sum(CASE WHEN status = 'changed' AND unit = 'rate_per_100k' THEN 1 ELSE 0 END) AS rates_revised,
    sum(CASE WHEN status = 'changed' AND unit = 'rate_per_100k' AND large THEN 1 ELSE 0 END) AS rates_large,
    round($revision_threshold * 100.0, 1) AS threshold_percent
FROM release_changes
