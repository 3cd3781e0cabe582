-- F4: each unit's latest rate (table `latest`), by region, with the region's median of those
-- rates. Not a ranking: every unit is shown, whatever its population.
SELECT l.region, l.iso3, l.country, l.year, l.rate, m.median_rate
FROM latest l
JOIN (SELECT region, median(rate) AS median_rate FROM latest GROUP BY region) m
  ON m.region = l.region
ORDER BY l.region, l.rate, l.iso3
