-- Table `rate_ranking`: one row per unit that may be ranked (table `latest`, population
-- ≥ $population_floor), with its rank by the rate of its latest year (1 = highest; ties by code)
-- and the columns of `latest`: F5 draws the first $top_n_chart, T3 lists the first $top_n_table.
SELECT row_number() OVER (ORDER BY rate DESC, iso3) AS rank, *
FROM latest
WHERE rankable
ORDER BY rank
