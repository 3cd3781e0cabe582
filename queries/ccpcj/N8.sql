-- N8: the sources paragraph — releases kept, other publications compared, and the quality
-- rules' findings (details in annex tables 9 and 10 and in quality.json).
SELECT
    (SELECT count(DISTINCT release) FROM releases) AS releases,
    (SELECT min(release) FROM releases) AS first_release,
    (SELECT count(DISTINCT source_id) FROM comparisons) AS other_sources,
    (SELECT count(*) FROM quarantine) AS quarantined,
    (SELECT count(*) FROM quality_checks WHERE check_name = 'rate_mismatch') AS rate_mismatch,
    (SELECT count(*) FROM quality_checks WHERE check_name = 'implausible_jump') AS implausible_jump,
    (SELECT count(*) FROM quality_checks WHERE check_name = 'subnational_without_national') AS orphans,
    (SELECT count(*) FROM quality_checks WHERE check_name = 'subnational_with_national') AS doubles,
    round($rate_tolerance * 100.0, 1) AS tolerance_percent,
    $jump_factor AS jump_factor
