-- Table `periods`: each unit's mean published rate over P1 [$p1_from, $p1_to] and P2
-- [$p2_from, $p2_to] (each needs at least 2 years with data), its mean annual count over the P1
-- years available, the change P2/P1 − 1 (undefined when the P1 mean is 0), the direction
-- (a P1 mean of 0 is "up" if P2 > 0 and "stable" if P2 = 0; otherwise beyond ±$stable_band is
-- up or down), and whether the unit has a confirmed break in the window (table `window_breaks`;
-- flag "b").
WITH m AS (
    SELECT
        iso3,
        count(CASE WHEN year BETWEEN $p1_from AND $p1_to THEN rate END) AS p1_years,
        avg(CASE WHEN year BETWEEN $p1_from AND $p1_to THEN rate END) AS p1_avg,
        avg(CASE WHEN year BETWEEN $p1_from AND $p1_to THEN count END) AS p1_count_mean,
        count(CASE WHEN year BETWEEN $p2_from AND $p2_to THEN rate END) AS p2_years,
        avg(CASE WHEN year BETWEEN $p2_from AND $p2_to THEN rate END) AS p2_avg
    FROM kidnapping
    GROUP BY iso3
), p AS (
    SELECT
        m.iso3,
        CASE WHEN p1_years >= 2 THEN p1_avg END AS p1_mean,
        CASE WHEN p2_years >= 2 THEN p2_avg END AS p2_mean,
        p1_count_mean,
        b.iso3 IS NOT NULL AS has_break
    FROM m LEFT JOIN window_breaks b ON b.iso3 = m.iso3
)
SELECT
    p.iso3, c.country, c.region, p.p1_mean, p.p2_mean, p.p1_count_mean, p.has_break,
    CASE WHEN p.p1_mean > 0 THEN p.p2_mean / p.p1_mean - 1.0 END AS change,
    CASE
        WHEN p.p1_mean IS NULL OR p.p2_mean IS NULL THEN NULL
        WHEN p.p1_mean = 0 THEN CASE WHEN p.p2_mean > 0 THEN 'up' ELSE 'stable' END
        WHEN p.p2_mean / p.p1_mean - 1.0 > $stable_band THEN 'up'
        WHEN p.p2_mean / p.p1_mean - 1.0 < 0.0 - $stable_band THEN 'down'
        ELSE 'stable'
    END AS direction,
    COALESCE(l.rankable, false) AS rankable
FROM p
JOIN (SELECT iso3, max(country) AS country, max(region) AS region FROM kidnapping GROUP BY iso3) c
  ON c.iso3 = p.iso3
LEFT JOIN latest l ON l.iso3 = p.iso3
ORDER BY p.iso3
