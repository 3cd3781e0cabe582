"""Python doing the default report of kidnap-trends, for benches/compare.sh ("python peer").

    python_report_peer.py --root REPO --out DIR

What `kidnap-trends run pipelines/ccpcj-kidnapping.yaml` does, roughly, the way a Python analyst
would do it:

- read the four UN-CTS releases of the default pipeline (2025, 2024 and 2023 workbooks with
  openpyxl, read-only, streamed; the 2022 csv export in Windows-1252), keeping the Kidnapping rows
  and checking them (a country code, a year 1900-2100, a known unit of measurement, VALUE a
  number >= 0 or empty, no duplicate, every code known after the project's aliases);
- read the other publications the default pipeline compares with (the legacy UNODC table and
  its rate table, the UN Statistical Yearbook table, Colombia's police micro-data, Mexico's
  monthly victims by state) into country-year figures, as its YAML declares them;
- run the tool-level SQL the project runs for every pipeline (queries/quality/checks.sql and
  queries/diff/diff.sql for the appendix);
- load them, the World Bank population, the M49 table and the reporting units into DuckDB
  (duckdb_peer.py's loaders) and run every SQL file of queries/ccpcj, the project's own, with
  the parameters written in as literals;
- draw the 8 figures with matplotlib (PNG only, Agg backend), write one csv per table query
  (T1-T7) and a Markdown report that shows the tables and links the figures.

It does less than kidnap-trends: no SVG, no HTML with embedded figures and font, no xlsx, no
narrative templates, no manifest, no atomic publication, no sub-national tables. Its annex
tables T9 and T10 (other publications, data quality), computed from its own readers, come out
the same as the project's.
"""
import argparse
import csv
import os
import sys
import time

import duckdb
import openpyxl

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from duckdb_peer import PARAMS, TABLES, load_reference, run_sql  # noqa: E402

COLUMNS = ["Iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension", "Category",
           "Sex", "Age", "Year", "Unit of measurement", "VALUE", "Source"]
UNITS = {"Counts": "count", "Rate per 100,000 population": "rate_per_100k"}
SCHEMA = """release VARCHAR, source_id VARCHAR, iso3 VARCHAR, country VARCHAR, region VARCHAR,
    subregion VARCHAR, indicator VARCHAR, dimension VARCHAR, category VARCHAR, sex VARCHAR,
    age VARCHAR, year INTEGER, unit VARCHAR, value DOUBLE, source_note VARCHAR, source_row BIGINT"""
STARTED = time.time()


def phase(label, last=[STARTED]):
    now = time.time()
    print(f"  {label}: {now - last[0]:.2f} s", file=sys.stderr)
    last[0] = now


def text(v):
    return "" if v is None else str(v).strip()


def read_workbook(path, release, source_id, category="Kidnapping"):
    """The Kidnapping rows of the first sheet, checked, as tuples of the observations table."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    ws.reset_dimensions()  # the UN-CTS workbooks declare a one-cell dimension
    rows = ws.iter_rows(values_only=True)
    index = None
    for n, row in enumerate(rows, start=1):
        names = [text(c).lower() for c in row]
        if "iso3_code" in names:
            index = [names.index(c.lower()) for c in COLUMNS]
            break
        if n == 20:
            break
    if index is None:
        raise SystemExit(f"{path}: no header row")
    out, seen = [], set()
    for n, row in enumerate(rows, start=n + 1):
        if len(row) <= index[6] or text(row[index[6]]) != category:
            continue
        cell = [row[i] if i < len(row) else None for i in index]
        code = text(cell[0])
        if not code:
            raise SystemExit(f"{path}: row {n}: no country code")
        try:
            year = int(str(cell[9]).strip()) if not isinstance(cell[9], float) else int(cell[9])
        except ValueError:
            raise SystemExit(f"{path}: row {n}: bad year {cell[9]!r}")
        if not 1900 <= year <= 2100:
            raise SystemExit(f"{path}: row {n}: bad year {year}")
        unit = UNITS.get(text(cell[10]))
        if unit is None:
            raise SystemExit(f"{path}: row {n}: unknown unit {cell[10]!r}")
        value = cell[11]
        if value is not None and not isinstance(value, (int, float)):
            try:
                value = float(str(value).strip())
            except ValueError:
                raise SystemExit(f"{path}: row {n}: VALUE {value!r} is not a number")
        if value is not None and not value >= 0:
            raise SystemExit(f"{path}: row {n}: VALUE {value!r} is negative")
        key = (code, text(cell[4]), text(cell[5]), text(cell[7]), text(cell[8]), year, unit)
        if key in seen:
            raise SystemExit(f"{path}: row {n}: duplicate {code} {year} {unit}")
        seen.add(key)
        out.append((release, source_id, code, text(cell[1]), text(cell[2]), text(cell[3]),
                    text(cell[4]), text(cell[5]), text(cell[6]), text(cell[7]), text(cell[8]),
                    year, unit, None if value is None else float(value), text(cell[12]), n))
    wb.close()
    return out


ALIASES = {}
NAMES = {}


def fold(name):
    return " ".join(name.strip().rstrip("* ").replace("\u2019", "'").replace("\u2018", "'")
                    .lower().split())


def load_names(data):
    """Codes, M49 numbers and names of units, as the project's resolver knows them."""
    with open(os.path.join(data, "country-codes-m49", "country-codes.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            iso3 = (r["ISO3166-1-Alpha-3"] or "").strip()
            if not iso3 or not (r["Region Name"] or "").strip():
                continue
            ALIASES[("m49", r["M49"].strip())] = iso3
            for c in ("official_name_en", "CLDR display name", "UNTERM English Short",
                      "UNTERM English Formal"):
                if (r[c] or "").strip():
                    NAMES.setdefault(fold(r[c]), iso3)
    with open(os.path.join(data, "reference", "reporting-units.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            NAMES.setdefault(fold(r["name"]), r["iso3"])
    with open(os.path.join(data, "reference", "aliases.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["kind"] == "name":
                NAMES[fold(r["alias"])] = r["iso3"]
            else:
                ALIASES[(r["kind"], r["alias"])] = r["iso3"]


def read_cts_csv(path, release, source_id, encoding, category="Kidnapping"):
    """The Kidnapping rows of a UN-CTS csv export, codes through the aliases."""
    out = []
    with open(path, encoding=encoding, newline="") as fh:
        rows = csv.reader(fh)
        header = [h.strip().lower() for h in next(rows)]
        index = [header.index(c.lower()) for c in COLUMNS]
        for n, row in enumerate(rows, start=2):
            cell = [row[i].strip() for i in index]
            if cell[6] != category:
                continue
            code = ALIASES.get(("code", cell[0]), cell[0])
            unit = UNITS[cell[10]]
            value = float(cell[11]) if cell[11] else None
            out.append((release, source_id, code, cell[1], cell[2], cell[3], cell[4], cell[5],
                        cell[6], cell[7], cell[8], int(cell[9]), unit, value, cell[12], n))
    return out


def number(t, thousands=False, zero=()):
    t = t.strip()
    if t in zero:
        return 0.0
    if not t:
        return None
    return float(t.replace(",", "") if thousands else t)


def observation(source_id, release, iso3, year, unit, value, row):
    return (release, source_id, iso3, "", "", "", "Crime", "Total", "Kidnapping", "Total",
            "Total", year, unit, value, "", row)


def read_others(data):
    """The comparison sources of the default pipeline: (observations, sources rows)."""
    obs, sources = [], []
    legacy = os.path.join(data, "unodc-cts-kidnapping-legacy")
    # Legacy wide sheet: counts 2003-2015 then rates 2003-2015.
    with open(os.path.join(legacy, "cts_kidnapping_2003_2015.csv"), encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    years = rows[0][3:]
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        iso3 = NAMES[fold(row[2])]
        for k, y in enumerate(years):
            v = number(row[3 + k], thousands=True, zero=("-",))
            if v is not None:
                unit = "count" if k < 13 else "rate_per_100k"
                obs.append(observation("unodc-legacy-2017", "2017", iso3, int(y), unit, v, n))
    with open(os.path.join(legacy, "kidnapping_rate_2011_2015.csv"), encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    for n, row in enumerate(rows[1:], start=2):
        iso3 = NAMES[fold(row[0])]
        for k, y in enumerate(rows[0][1:6]):
            v = number(row[1 + k], zero=("-",))
            if v is not None:
                obs.append(observation("unodc-legacy-rates", "2019", iso3, int(y),
                                       "rate_per_100k", v, n))
    # UN Statistical Yearbook: two header lines, Windows-1252, M49 codes.
    path = os.path.join(data, "unsd-syb66-crime",
                        "SYB66_328_202310_Intentional homicides and other crimes.csv")
    with open(path, encoding="cp1252", newline="") as fh:
        rows = list(csv.reader(fh))
    for n, row in enumerate(rows[2:], start=3):
        if row[3] == "Kidnapping at the national level, rate per 100,000":
            iso3 = ALIASES[("m49", row[0].strip())]
            obs.append(observation("unsd-syb66", "2023-10", iso3, int(row[2]), "rate_per_100k",
                                   number(row[4], thousands=True), n))
    # Colombia: title lines, header at DIVIPOLA, stop at TOTAL, sum the year columns.
    with open(os.path.join(data, "colombia-dijin-secuestro", "secuestro_2010_2016.csv"),
              encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    start = next(i for i, r in enumerate(rows) if r and r[0].strip() == "DIVIPOLA")
    years = rows[start][7:]
    sums = {}
    for row in rows[start + 1:]:
        if row and row[0].strip().upper() == "TOTAL":
            break
        for k, y in enumerate(years):
            sums[int(y)] = sums.get(int(y), 0.0) + float(row[7 + k])
    obs += [observation("colombia-dijin", "2017-01-17", "COL", y, "count", v, 0)
            for y, v in sorted(sums.items())]
    # Mexico: victims by state and month, summed to years 2015-2024.
    sums = {}
    with open(os.path.join(data, "mexico-sesnsp-secuestro",
                           "victimas_secuestro_ent_mensual_2015_2025.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            y = int(r["n_year"])
            if r["tipo_de_delito"] == "Secuestro" and y <= 2024:
                sums[y] = sums.get(y, 0.0) + float(r["n_victimas"])
    obs += [observation("mexico-sesnsp", "2025-07", "MEX", y, "count", v, 0)
            for y, v in sorted(sums.items())]
    citations = {
        "colombia-dijin": ("Policía Nacional de Colombia (DIJIN), Secuestro 2010–2016, "
                           "victims by municipality", None),
        "mexico-sesnsp": ("SESNSP, víctimas de secuestro por entidad y mes (via "
                          "datos_facil_acceso)", None),
        "unodc-legacy-2017": ("UNODC, Kidnapping at the national level, 2003–2015 (legacy "
                              "per-crime table)", 2),
        "unodc-legacy-rates": ("UNODC, Kidnapping rate 2011–2015 (legacy table, as "
                               "re-published in alisq/drug-policy)", 2),
        "unsd-syb66": ("UNSD, Statistical Yearbook 66, table 328 (kidnapping rate per 100,000)",
                       1),
    }
    for sid, (citation, decimals) in sorted(citations.items()):
        sources.append((sid, "comparison", "table", "", citation, "", "", decimals))
    return obs, sources


def load(con, name, rows, scratch):
    """Rows into a sorted DuckDB table, through a csv file (DuckDB's executemany takes ~30 s for
    these 7,448 rows; its csv reader, milliseconds)."""
    path = os.path.join(scratch, name + ".csv")
    with open(path, "w", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    columns = ", ".join(f"'{c.split()[0]}': '{c.split()[1]}'" for c in SCHEMA.split(","))
    con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM read_csv('{path}', "
                f"header = false, columns = {{{columns}}}) ORDER BY category, iso3, year, unit")
    os.remove(path)


def fetch(con, sql_file):
    result = run_sql(con, open(sql_file).read())
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, r)) for r in result.fetchall()], columns


def by(rows, key):
    out = {}
    for r in rows:
        out.setdefault(r[key], []).append(r)
    return out


def save(fig, out, name, title):
    fig.suptitle(title, fontsize=10, x=0.01, ha="left")
    fig.savefig(os.path.join(out, "figures", name + ".png"), dpi=100)
    plt.close(fig)


def figures(res, out):
    years = list(range(PARAMS["first_year"], PARAMS["last_year"] + 1))
    # F1: stacked bars, reporting units by region and year.
    fig, ax = plt.subplots(figsize=(9, 5.5))
    bottom = [0] * len(years)
    for region, rows in by(res["F1"], "region").items():
        v = {r["year"]: r["countries"] or 0 for r in rows}
        h = [v.get(y, 0) for y in years]
        ax.bar(years, h, bottom=bottom, label=region)
        bottom = [b + x for b, x in zip(bottom, h)]
    ax.legend(fontsize=8)
    save(fig, out, "F1", "Countries and areas reporting kidnapping data, by region")
    # F2, F3: lines by region.
    for name, y, title in [("F2", "rate", "Kidnapping rate in a constant panel, by region"),
                           ("F3", "index", "Index of the kidnapping rate, by region")]:
        fig, ax = plt.subplots(figsize=(9, 5.5))
        for label, rows in by(res[name], "label").items():
            ax.plot([r["year"] for r in rows], [r[y] for r in rows], marker="o", label=label)
        ax.legend(fontsize=8)
        save(fig, out, name, title)
    # F4: strip on a log axis, one row per region, median marks.
    fig, ax = plt.subplots(figsize=(9, 5.5))
    groups = list(by(res["F4"], "region").items())
    for i, (region, rows) in enumerate(groups):
        rates = [r["rate"] for r in rows if r["rate"] and r["rate"] > 0]
        ax.scatter(rates, [i] * len(rates), s=12, alpha=0.7)
        med = rows[0].get("median_rate")
        if med:
            ax.plot([med, med], [i - 0.3, i + 0.3], color="black")
    ax.set_xscale("log")
    ax.set_yticks(range(len(groups)), [g for g, _ in groups])
    save(fig, out, "F4", "Kidnapping rates by region, latest year available (log scale)")
    # F5: ranked horizontal bars.
    rows = res["F5"]
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(rows) + 2))
    ax.barh([r["country"] for r in rows][::-1], [r["rate"] for r in rows][::-1])
    for i, r in enumerate(rows[::-1]):
        ax.text(r["rate"], i, f" {r['rate']:.1f} {r.get('annotation') or ''}", va="center",
                fontsize=7)
    save(fig, out, "F5", "Highest kidnapping rates, latest year available")
    # F6: dumbbell, period means.
    rows = res["F6"]
    fig, ax = plt.subplots(figsize=(9, 0.22 * len(rows) + 2))
    for i, r in enumerate(rows[::-1]):
        ax.plot([r["p1_mean"], r["p2_mean"]], [i, i], color="grey", lw=1)
        ax.scatter([r["p1_mean"]], [i], color="tab:blue", s=12)
        ax.scatter([r["p2_mean"]], [i], color="tab:red", s=12)
    ax.set_yticks(range(len(rows)), [r["country"] + (" b" if r.get("flag") else "")
                                     for r in rows[::-1]], fontsize=6)
    save(fig, out, "F6", "Mean kidnapping rate, first and last period, by country or area")
    # F7: small multiples, rate and moving average, breaks dotted.
    panels = list(by(res["F7"], "country").items())
    fig, axes = plt.subplots(3, 4, figsize=(12, 8))
    for ax, (country, rows) in zip(axes.flat, panels):
        ax.plot([r["year"] for r in rows], [r["rate"] for r in rows], marker=".")
        ma = [(r["year"], r["moving_average"]) for r in rows if r["moving_average"] is not None]
        if ma:
            ax.plot(*zip(*ma), color="black", lw=1)
        for r in rows:
            if r.get("is_break"):
                ax.axvline(r["year"] - 0.5, ls=":", color="grey")
        ax.set_title(country, fontsize=8)
        ax.tick_params(labelsize=6)
    save(fig, out, "F7", "Kidnapping rates in the 12 countries and areas with most kidnappings")
    # F8: stacked bars by region, direction of change.
    rows = res["F8"]
    regions = list(dict.fromkeys(r["region"] for r in rows))
    fig, ax = plt.subplots(figsize=(9, 5.5))
    bottom = [0] * len(regions)
    for direction, rs in by(rows, "direction").items():
        v = {r["region"]: r["units"] or 0 for r in rs}
        h = [v.get(g, 0) for g in regions]
        ax.bar(regions, h, bottom=bottom, label=direction)
        bottom = [b + x for b, x in zip(bottom, h)]
    ax.legend(fontsize=8)
    save(fig, out, "F8", "Direction of change in kidnapping rates, by region")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True, help="the kidnap-trends repository")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    data = os.path.join(a.root, "data")
    queries = os.path.join(a.root, "queries", "ccpcj")
    os.makedirs(os.path.join(a.out, "figures"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "tables"), exist_ok=True)

    con = duckdb.connect()
    con.execute("SET threads = 2")
    load_reference(con, os.path.join(data, "country-codes-m49", "country-codes.csv"),
                   os.path.join(data, "reference", "reporting-units.csv"),
                   os.path.join(data, "population-worldbank", "population.csv"))
    load_names(data)
    current = read_workbook(
        os.path.join(data, "unodc-cts-violent-2025", "data_cts_violent_and_sexual_crime.xlsx"),
        "2025-06-02", "unodc-cts-2025")
    phase("read the 2025 workbook (openpyxl)")
    releases = os.path.join(data, "unodc-cts-violent-releases")
    previous = read_workbook(
        os.path.join(releases, "data_cts_violent_and_sexual_crime_2024-05-16.xlsx"),
        "2024-05-16", "unodc-cts-2024")
    older = read_workbook(
        os.path.join(releases, "data_cts_violent_and_sexual_crime_2023-05-12.xlsx"),
        "2023-05-12", "unodc-cts-2023")
    phase("read the 2024 and 2023 workbooks (openpyxl)")
    older += read_cts_csv(os.path.join(releases, "data_cts_violent_and_sexual_crime_2022.csv"),
                          "2022-06", "unodc-cts-2022", "cp1252")
    others, source_rows = read_others(data)
    phase("read the 2022 csv and the other publications")
    load(con, "observations", current, a.out)
    load(con, "previous_observations", previous, a.out)
    load(con, "releases", current + previous + older, a.out)
    load(con, "comparisons", others, a.out)
    con.execute("CREATE TABLE sources (id VARCHAR, role VARCHAR, layout VARCHAR, "
                "release VARCHAR, citation VARCHAR, encoding VARCHAR, file VARCHAR, "
                "decimals INTEGER)")
    con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)", source_rows)
    con.execute("CREATE TABLE quarantine (source_id VARCHAR, rule VARCHAR)")
    unknown = con.execute("SELECT min(iso3) FROM releases o ANTI JOIN countries c "
                          "ON c.iso3 = o.iso3").fetchall()[0][0]
    if unknown:
        raise SystemExit(f"unknown country code {unknown}")
    phase("load into DuckDB")
    run_sql(con, open(os.path.join(a.root, "queries", "quality", "checks.sql")).read(),
            create="quality_checks")
    con.execute("CREATE VIEW old_release AS SELECT * FROM previous_observations")
    con.execute("CREATE VIEW new_release AS SELECT * FROM observations")
    run_sql(con, open(os.path.join(a.root, "queries", "diff", "diff.sql")).read(),
            create="release_changes")

    for t in TABLES:
        run_sql(con, open(os.path.join(queries, t + ".sql")).read(), create=t)
    res = {}
    for f in sorted(os.listdir(queries)):
        name = f[:-4]
        if f.endswith(".sql") and name not in TABLES:
            rows, columns = fetch(con, os.path.join(queries, f))
            res[name] = rows
            if name.startswith("T"):
                with open(os.path.join(a.out, "tables", name + ".csv"), "w", newline="") as fh:
                    w = csv.writer(fh, lineterminator="\n")
                    w.writerow(columns)
                    w.writerows([["" if r[c] is None else r[c] for c in columns] for r in rows])
    phase(f"SQL ({len(res)} queries) and table csvs")

    figures(res, a.out)
    phase("8 figures (matplotlib, PNG)")

    md = ["# Trends in kidnapping recorded by the police", ""]
    for name in sorted(res):
        if name.startswith("F"):
            md += [f"![{name}](figures/{name}.png)", ""]
        elif name.startswith("T") and res[name]:
            cols = list(res[name][0])
            md += [f"## {name}", "", "| " + " | ".join(cols) + " |",
                   "|" + "---|" * len(cols)]
            md += ["| " + " | ".join("" if r[c] is None else str(r[c]) for c in cols) + " |"
                   for r in res[name]]
            md.append("")
    with open(os.path.join(a.out, "report.md"), "w") as fh:
        fh.write("\n".join(md))
    phase("report.md")
    print(f"python peer: {len(current)} + {len(previous)} observations, {len(res)} queries, "
          f"{time.time() - STARTED:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
