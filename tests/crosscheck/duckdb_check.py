"""Independent cross-check of the default report's key numbers with DuckDB (a different engine,
SQL written separately from queries/ccpcj/ from the rules in the README).

    python3 -m pip install duckdb
    python3 tests/crosscheck/duckdb_check.py out/ccpcj-kidnapping

Reads the published warehouse and tables; prints each number both ways and exits 1 on a
mismatch. Not part of `cargo test` (it needs Python and DuckDB).
"""
import csv
import sys

import duckdb

Y0, Y1, FLOOR = 2013, 2023, 100_000


def main(out):
    con = duckdb.connect()
    wh = f"{out}/warehouse"
    con.execute(f"""
        CREATE TABLE k AS
        SELECT c.iso3, c.country, c.region, c.year, c.value AS cnt, r.value AS rate
        FROM '{wh}/observations.parquet' c
        JOIN '{wh}/observations.parquet' r ON r.iso3 = c.iso3 AND r.year = c.year
        WHERE c.unit = 'count' AND r.unit = 'rate_per_100k'""")
    con.execute(f"""
        CREATE TABLE kp AS
        SELECT k.*, coalesce(p.population, CASE WHEN rate > 0 THEN cnt / rate * 1e5 END) AS pop
        FROM k LEFT JOIN '{wh}/population.parquet' p USING (iso3, year)""")
    # Breaks, written independently: jump > x2 on >= 20 cases, persisting next year.
    con.execute("""
        CREATE TABLE br AS
        SELECT iso3, year FROM (
          SELECT iso3, year, rate, cnt,
                 lag(year) OVER w py, lag(rate) OVER w pr, lag(cnt) OVER w pc,
                 lead(year) OVER w ny, lead(rate) OVER w nr
          FROM kp WINDOW w AS (PARTITION BY iso3 ORDER BY year))
        WHERE py = year - 1 AND greatest(pc, cnt) >= 20
          AND ((pr = 0) <> (rate = 0) OR (pr > 0 AND rate > 0 AND abs(ln(rate / pr)) > ln(2)))
          AND ny = year + 1 AND ((rate = 0 AND nr = 0) OR (rate > 0 AND abs(nr / rate - 1) <= 0.25))""")
    con.execute(f"""
        CREATE TABLE panel AS
        SELECT iso3 FROM kp WHERE year BETWEEN {Y0} AND {Y1} AND pop IS NOT NULL
        GROUP BY iso3 HAVING count(*) = {Y1 - Y0 + 1}
        EXCEPT SELECT iso3 FROM br WHERE year > {Y0} AND year <= {Y1}""")
    checks = []
    n_panel = con.execute("SELECT count(*) FROM panel").fetchall()[0][0]
    checks.append(("panel size", n_panel, None))
    agg = dict(con.execute(f"""
        SELECT year, sum(cnt) / sum(pop) * 1e5 FROM kp JOIN panel USING (iso3)
        WHERE year IN ({Y0}, {Y1}) GROUP BY year""").fetchall())
    eur = dict(con.execute(f"""
        SELECT year, sum(cnt) / sum(pop) * 1e5 FROM kp JOIN panel USING (iso3)
        WHERE region = 'Europe' AND year IN ({Y0}, {Y1}) GROUP BY year""").fetchall())
    n2 = con.execute(f"SELECT count(*), sum(cnt), sum(cnt)/sum(pop)*1e5, median(rate) FROM kp WHERE year = {Y1}").fetchall()[0]
    top = con.execute(f"""
        WITH l AS (SELECT iso3, max(year) y FROM kp WHERE year BETWEEN {Y1 - 2} AND {Y1} GROUP BY iso3)
        SELECT country, rate FROM kp JOIN l ON l.iso3 = kp.iso3 AND l.y = kp.year
        WHERE pop >= {FLOOR} ORDER BY rate DESC, kp.iso3 LIMIT 5""").fetchall()

    t2 = {r[0]: r for r in csv.reader(open(f"{out}/tables/T2.csv"))}
    t3 = list(csv.reader(open(f"{out}/tables/T3.csv")))[1:6]
    ok = True

    def same(label, program, independent, tol=0.051):
        nonlocal ok
        good = abs(float(program) - independent) <= tol
        ok &= good
        print(f"{'ok ' if good else 'BAD'} {label}: program {program}, duckdb {independent:.4f}")

    same("panel units (T2 all)", t2["All panel countries"][1], n_panel, 0)
    same(f"all-panel rate {Y0}", t2["All panel countries"][3], agg[Y0])
    same(f"all-panel rate {Y1}", t2["All panel countries"][4], agg[Y1])
    same(f"Europe panel rate {Y0}", t2["Europe"][3], eur[Y0])
    same(f"Europe panel rate {Y1}", t2["Europe"][4], eur[Y1])
    md = open(f"{out}/report.md").read()
    for label, text in [
        (f"N2 units {Y1}", f"In {Y1}, {n2[0]} countries and areas"),
        (f"N2 kidnappings {Y1}", f"a total of {round(n2[1]):,} kidnappings"),
        (f"N2 combined rate {Y1}", f"a combined rate of {n2[2]:.1f} per 100,000"),
        (f"N2 median {Y1}", f"the median rate was {n2[3]:.1f}"),
    ]:
        good = text in md
        ok &= good
        print(f"{'ok ' if good else 'BAD'} {label}: report contains {text!r}")
    for (country, rate), row in zip(top, t3):
        good = row[1] == country and abs(float(row[5]) - rate) <= 0.051
        ok &= good
        print(f"{'ok ' if good else 'BAD'} T3: program {row[1]} {row[5]}, duckdb {country} {rate:.1f}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "out/ccpcj-kidnapping")
