"""DuckDB doing the work of kidnap-trends, for benches/compare.sh.

    duckdb_peer.py ingest --csv S.csv --units S.units.csv --m49 M.csv --population P.csv --out DIR
    duckdb_peer.py query  --warehouse DIR/warehouse --queries Q --sql FILE [--csv-source ...]
    duckdb_peer.py report --csv S.csv --units S.units.csv --m49 M.csv --population P.csv \
                          --queries Q --out DIR
    duckdb_peer.py same A.csv B.csv     # compare two result csvs (exit 1 when they differ)

ingest: the UN-CTS csv (2 banner rows, then the header) -> the same warehouse tables as
`kidnap-trends ingest`: observations of one category with typed columns (year INTEGER, value
DOUBLE) sorted by category, iso3, year; population of known codes; countries = M49 + units; an
empty previous_observations (the bench pipelines name no previous release); zstd Parquet in
DIR/warehouse. It checks what SQL checks cheaply: every code is known, no duplicate (unit,
indicator, dimension, sex|age, year, unit of measurement), VALUE numeric and >= 0, units of
measurement known. It keeps no source line numbers (source_row is NULL).

query: materialise the pipeline's tables (kidnapping, breaks, panel, latest, periods,
panel_agg: the project's own SQL files, unchanged but for the parameters, written in as
literals), then run one SQL file. With --csv-source the tables are read from the csv first (what
`kidnap-trends query` does when there is no current published output); without, from the
Parquet warehouse.

report: ingest + every SQL file of the queries folder (tables first, in pipeline order) + one
csv per non-table result, in DIR/tables. No figures, no HTML: the peer draws nothing.
"""
import argparse
import csv
import os
import pathlib
import re
import sys
import time

import duckdb

PARAMS = {
    "first_year": 2013,
    "last_year": 2023,
    "p1_from": 2013,
    "p1_to": 2015,
    "p2_from": 2021,
    "p2_to": 2023,
    "top_n_table": 10,
    "top_n_chart": 15,
    "population_floor": 100000.0,
    "min_countries": 3,
    "region_share_for_text": 0.5,
    "stable_band": 0.10,
    # The pipeline's quality thresholds (defaults) and the appendix's revision threshold.
    "rate_tolerance": 0.10,
    "jump_factor": 5.0,
    "jump_min_count": 20.0,
    "threshold": 0.10,
    # The pipeline's SQL thresholds (their defaults).
    "break_ratio": 2.0,
    "break_min_count": 20.0,
    "break_hold": 0.25,
    "multiples": 12,
    "small_count": 10.0,
    "revision_threshold": 0.10,
}
# The table stages, in the order the default pipeline materialises them.
TABLES = re.search(
    r"^  tables: \[([^\]]*)\]",
    (pathlib.Path(__file__).resolve().parent.parent / "pipelines/ccpcj-kidnapping.yaml").read_text(),
    re.M,
).group(1).replace(" ", "").split(",")
CATEGORY = "Kidnapping"


def q(path):
    """A path as a SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"


def run_sql(con, sql, create=None):
    """Run one SQL text with the pipeline's parameters bound: written in as literals (the
    files name some parameters in comments only, which DuckDB's prepared statements reject)."""
    names = set(re.findall(r"\$([a-z_0-9]+)", sql))
    missing = names - set(PARAMS)
    if missing:
        raise SystemExit(f"unknown parameters {missing}")
    for k in sorted(names, key=len, reverse=True):
        sql = re.sub(r"\$" + k + r"\b", repr(PARAMS[k]), sql)
    if create:
        con.execute(f"CREATE OR REPLACE TABLE {create} AS {sql}")
        return None
    return con.execute(sql)


def phase(label, started=[time.time()]):
    """Log the time since the previous phase on stderr."""
    now = time.time()
    print(f"  {label}: {now - started[0]:.2f} s", file=sys.stderr)
    started[0] = now


def load_reference(con, m49, units, population):
    con.execute(f"""
        CREATE OR REPLACE TABLE countries AS
        SELECT * FROM (
            SELECT trim("ISO3166-1-Alpha-3") AS iso3, CAST(M49 AS INTEGER) AS m49,
                   CASE WHEN coalesce(trim(official_name_en), '') = '' THEN trim("CLDR display name")
                        ELSE trim(official_name_en) END AS name,
                   trim("Region Name") AS region, trim("Sub-region Name") AS subregion,
                   CAST(NULL AS VARCHAR) AS parent_iso3
            FROM read_csv({q(m49)}, header = true, all_varchar = true)
            WHERE coalesce(trim("ISO3166-1-Alpha-3"), '') <> '' AND coalesce(trim("Region Name"), '') <> ''
            UNION ALL
            SELECT trim(iso3), NULL, trim(name), trim(region), trim(subregion),
                   nullif(trim(coalesce(parent_iso3, '')), '')
            FROM read_csv({q(units)}, header = true, all_varchar = true)
        ) ORDER BY iso3""")
    dup = con.execute("SELECT iso3 FROM countries GROUP BY iso3 HAVING count(*) > 1 LIMIT 1").fetchall()
    if dup:
        raise SystemExit(f"{units}: code {dup[0][0]} already in the M49 table")
    con.execute(f"""
        CREATE OR REPLACE TABLE population AS
        SELECT p."Country Code" AS iso3, CAST(p."Year" AS INTEGER) AS year,
               CAST(p."Value" AS DOUBLE) AS population
        FROM read_csv({q(population)}, header = true, all_varchar = true) p
        SEMI JOIN countries c ON c.iso3 = p."Country Code"
        ORDER BY iso3, year""")
    bad = con.execute("SELECT count(*) FROM population WHERE NOT population > 0").fetchall()[0][0]
    if bad:
        raise SystemExit(f"{population}: {bad} populations not positive")
    phase("reference tables")


def load_observations(con, csv_path):
    con.execute(f"""
        CREATE OR REPLACE TABLE observations AS
        SELECT 'synthetic' AS release, 'synth' AS source_id,
               trim(Iso3_code) AS iso3, trim(Country) AS country, trim(Region) AS region,
               trim(Subregion) AS subregion, trim(Indicator) AS indicator,
               trim(Dimension) AS dimension, trim(Category) AS category, trim(Sex) AS sex,
               trim(Age) AS age, CAST(Year AS INTEGER) AS year,
               CASE trim("Unit of measurement") WHEN 'Counts' THEN 'count'
                    WHEN 'Rate per 100,000 population' THEN 'rate_per_100k' END AS unit,
               CAST(VALUE AS DOUBLE) AS value, trim(Source) AS source_note,
               CAST(NULL AS BIGINT) AS source_row
        -- Text first, typed after the filter: casting VALUE for every row of every category
        -- costs DuckDB more than the filter saves (measured on the 10m file).
        FROM read_csv({q(csv_path)}, skip = 2, header = true, all_varchar = true)
        WHERE trim(Category) = '{CATEGORY}'
        ORDER BY category, iso3, year, unit, release""")
    phase("read, filter, type and sort the csv")
    checks = [
        ("no observation", "SELECT count(*) = 0 FROM observations"),
        ("empty country code", "SELECT count(*) > 0 FROM observations WHERE coalesce(iso3, '') = ''"),
        ("year outside 1900-2100", "SELECT count(*) > 0 FROM observations WHERE year NOT BETWEEN 1900 AND 2100 OR year IS NULL"),
        ("unknown unit of measurement", "SELECT count(*) > 0 FROM observations WHERE unit IS NULL"),
        ("negative VALUE", "SELECT count(*) > 0 FROM observations WHERE value < 0 OR isinf(value) OR isnan(value)"),
        ("unknown country code", "SELECT count(*) > 0 FROM observations o ANTI JOIN countries c ON c.iso3 = o.iso3"),
        ("duplicate row", """SELECT count(*) > 0 FROM (SELECT 1 FROM observations
             GROUP BY iso3, indicator, dimension, sex, age, year, unit HAVING count(*) > 1)"""),
    ]
    for what, sql in checks:
        if con.execute(sql).fetchall()[0][0]:
            raise SystemExit(f"{csv_path}: {what}")
    phase("checks")


def no_previous_release(con):
    """The bench pipelines name no previous release: `previous_observations` is empty (as in
    kidnap-trends, which registers an empty table of the observations' schema)."""
    con.execute("CREATE OR REPLACE TABLE previous_observations AS SELECT * FROM observations WHERE false")


def write_warehouse(con, out):
    wh = os.path.join(out, "warehouse")
    os.makedirs(wh, exist_ok=True)
    for t in ["observations", "previous_observations", "population", "countries"]:
        con.execute(f"COPY {t} TO {q(os.path.join(wh, t + '.parquet'))} (FORMAT parquet, COMPRESSION zstd)")
    phase("write Parquet")


def read_warehouse(con, wh):
    for t in ["observations", "previous_observations", "population", "countries"]:
        path = os.path.join(wh, t + ".parquet")
        if t == "previous_observations" and not os.path.exists(path):
            no_previous_release(con)
            continue
        con.execute(f"CREATE OR REPLACE VIEW {t} AS SELECT * FROM read_parquet({q(path)})")


def materialise(con, queries):
    """What kidnap-trends prepares before a pipeline's queries: the tables a single-source
    pipeline has (its releases are the main source; no comparisons, nothing quarantined), the
    tool's quality checks and release comparison, then the pipeline's table stages."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(queries)))
    con.execute("CREATE OR REPLACE VIEW releases AS SELECT * FROM observations")
    con.execute("CREATE OR REPLACE TABLE comparisons AS SELECT * FROM observations WHERE false")
    con.execute("CREATE OR REPLACE TABLE sources (id VARCHAR, role VARCHAR, layout VARCHAR, "
                "release VARCHAR, citation VARCHAR, encoding VARCHAR, file VARCHAR, "
                "decimals INTEGER)")
    con.execute("CREATE OR REPLACE TABLE quarantine (source_id VARCHAR, rule VARCHAR)")
    run_sql(con, open(os.path.join(root, "queries", "quality", "checks.sql")).read(),
            create="quality_checks")
    con.execute("CREATE OR REPLACE VIEW old_release AS SELECT * FROM previous_observations")
    con.execute("CREATE OR REPLACE VIEW new_release AS SELECT * FROM observations")
    run_sql(con, open(os.path.join(root, "queries", "diff", "diff.sql")).read(),
            create="release_changes")
    for t in TABLES:
        run_sql(con, open(os.path.join(queries, t + ".sql")).read(), create=t)


def same(a, b):
    """0 when two result csvs hold the same cells (numbers to 1e-9 relative), else 1."""
    ra = list(csv.reader(open(a)))
    rb = list(csv.reader(open(b)))
    if len(ra) != len(rb):
        print(f"T2: {len(ra)} rows against {len(rb)}")
        return 1
    for x, y in zip(ra[1:], rb[1:]):
        for u, v in zip(x, y):
            try:
                fu, fv = float(u), float(v)
                good = abs(fu - fv) <= 1e-9 * max(1.0, abs(fu), abs(fv))
            except ValueError:
                good = u == v
            if not good:
                print(f"T2 differs: {x} against {y}")
                return 1
    print(f"T2: the same {len(ra) - 1} rows from both engines")
    return 0


def main():
    ap = argparse.ArgumentParser()
    if len(sys.argv) == 4 and sys.argv[1] == "same":
        sys.exit(same(sys.argv[2], sys.argv[3]))
    ap.add_argument("mode", choices=["ingest", "query", "report"])
    ap.add_argument("--csv")
    ap.add_argument("--units")
    ap.add_argument("--m49")
    ap.add_argument("--population")
    ap.add_argument("--out")
    ap.add_argument("--warehouse")
    ap.add_argument("--queries")
    ap.add_argument("--sql")
    ap.add_argument("--csv-source", action="store_true")
    ap.add_argument("--threads", type=int)
    a = ap.parse_args()
    con = duckdb.connect()
    if a.threads:
        con.execute(f"SET threads = {a.threads}")
    started = time.time()
    if a.mode == "ingest":
        load_reference(con, a.m49, a.units, a.population)
        load_observations(con, a.csv)
        no_previous_release(con)
        write_warehouse(con, a.out)
        n = con.execute("SELECT count(*) FROM observations").fetchall()[0][0]
        print(f"duckdb ingest: {n} observations in {time.time() - started:.2f} s", file=sys.stderr)
    elif a.mode == "query":
        if a.csv_source:
            load_reference(con, a.m49, a.units, a.population)
            load_observations(con, a.csv)
            no_previous_release(con)
        else:
            read_warehouse(con, a.warehouse)
        materialise(con, a.queries)
        result = run_sql(con, open(a.sql).read())
        header = [d[0] for d in result.description]
        rows = result.fetchall()
        print(f"duckdb query: {len(rows)} rows in {time.time() - started:.2f} s", file=sys.stderr)
        if a.out:
            with open(a.out, "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(header)
                w.writerows([["" if v is None else v for v in r] for r in rows])
    else:
        load_reference(con, a.m49, a.units, a.population)
        load_observations(con, a.csv)
        no_previous_release(con)
        write_warehouse(con, a.out)
        materialise(con, a.queries)
        tables = os.path.join(a.out, "tables")
        os.makedirs(tables, exist_ok=True)
        names = sorted(f[:-4] for f in os.listdir(a.queries) if f.endswith(".sql"))
        for name in names:
            if name in TABLES:
                continue
            sql = open(os.path.join(a.queries, name + ".sql")).read()
            run_sql(con, sql, create="result")
            con.execute(f"COPY result TO {q(os.path.join(tables, name + '.csv'))} (HEADER, DELIMITER ',')")
        print(f"duckdb report: {len(names)} queries in {time.time() - started:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
