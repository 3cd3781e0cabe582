-- T10 (annex): data-quality rules and checks, with how many rows or country-years each one
-- flagged. Row rules set the failing source rows aside (table `quarantine`); checks over the
-- warehouse (table `quality_checks`, thresholds from the pipeline's `quality:` block) only flag.
WITH rules AS (
    SELECT 1 AS ord, 'bad_value' AS rule, 'Row rule' AS kind,
           'A cell that is not what its column holds (quarantined)' AS description
    UNION ALL SELECT 2, 'negative_value', 'Row rule', 'A negative count or rate (quarantined)'
    UNION ALL SELECT 3, 'duplicate', 'Row rule', 'The same country, year and unit twice (quarantined)'
    UNION ALL SELECT 4, 'unknown_code', 'Row rule', 'A country code or name no reference table knows (quarantined)'
    UNION ALL SELECT 5, 'rate_mismatch', 'Check',
           'Published rate more than '
           || CASE WHEN $rate_tolerance * 100.0 = floor($rate_tolerance * 100.0)
                   THEN CAST(CAST($rate_tolerance * 100.0 AS BIGINT) AS VARCHAR)
                   ELSE CAST(round($rate_tolerance * 100.0, 1) AS VARCHAR) END
           || ' per cent away from count ÷ World Bank population × 100,000'
    UNION ALL SELECT 6, 'implausible_jump', 'Check',
           'Count changing more than '
           || un_fold($jump_factor)
           || ' from one year to the next (either year at least '
           || CAST(CAST($jump_min_count AS BIGINT) AS VARCHAR) || ')'
    UNION ALL SELECT 7, 'subnational_without_national', 'Check',
           'Sub-national unit reporting in a year its country does not (shown as a unit of its own)'
    UNION ALL SELECT 8, 'subnational_with_national', 'Check',
           'Sub-national unit reporting in a year its country also does (left out of aggregates)'
), found AS (
    SELECT rule, count(*) AS n, count(DISTINCT source_id) AS where_n FROM quarantine GROUP BY rule
    UNION ALL
    SELECT check_name AS rule, count(*) AS n, count(DISTINCT iso3) AS where_n FROM quality_checks GROUP BY check_name
)
SELECT
    r.rule,
    r.kind,
    r.description,
    COALESCE(f.n, 0) AS findings,
    COALESCE(f.where_n, 0) AS spread
FROM rules r
LEFT JOIN found f ON f.rule = r.rule
ORDER BY r.ord
