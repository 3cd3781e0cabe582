-- T10 (annex): data-quality rules and checks, with how many rows or country-years each one
-- flagged. Row rules set the failing source rows aside (table `quarantine`); checks over the
-- warehouse (table `quality_checks`, thresholds from the pipeline's `quality:` block) only flag.
-- Rules and kinds are codes; what each says, with its thresholds, is the report's (`report.yaml`).
WITH rules AS (
    SELECT 1 AS ord, 'bad_value' AS rule, 'row_rule' AS kind
    UNION ALL SELECT 2, 'negative_value', 'row_rule'
    UNION ALL SELECT 3, 'duplicate', 'row_rule'
    UNION ALL SELECT 4, 'unknown_code', 'row_rule'
    UNION ALL SELECT 5, 'rate_mismatch', 'check'
    UNION ALL SELECT 6, 'implausible_jump', 'check'
    UNION ALL SELECT 7, 'subnational_without_national', 'check'
    UNION ALL SELECT 8, 'subnational_with_national', 'check'
), found AS (
    SELECT rule, count(*) AS n, count(DISTINCT source_id) AS where_n FROM quarantine GROUP BY rule
    UNION ALL
    SELECT check_name AS rule, count(*) AS n, count(DISTINCT iso3) AS where_n FROM quality_checks GROUP BY check_name
)
SELECT
    r.rule,
    r.kind,
    COALESCE(f.n, 0) AS findings,
    COALESCE(f.where_n, 0) AS spread
FROM rules r
LEFT JOIN found f ON f.rule = r.rule
ORDER BY r.ord
