"""Writes the bad-input corpus under tests/corpus/ (run once by hand; the files are committed).
Each file is the fixture (tests/fixtures/mini/) with one thing wrong; tests/integration/corpus.rs
says, for each, the exit code and the message expected.

    python3 tests/corpus/make_corpus.py   # needs openpyxl
"""
import io
import os
import shutil

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
MINI = os.path.join(HERE, "..", "fixtures", "mini")
GOOD_CSV = open(os.path.join(MINI, "cts.csv"), encoding="utf-8").read()
GOOD_YAML = open(os.path.join(MINI, "pipeline.yaml"), encoding="utf-8").read()
HEADER = "Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,Year,Unit of measurement,VALUE,Source"


def w(name, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(HERE, name), mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(data)


def csv_with(old, new, count=1):
    assert old in GOOD_CSV, old
    return GOOD_CSV.replace(old, new, count)


def xlsx(rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rows_out_of_order(data, a, b):
    """The workbook `data` with sheet rows `a` and `b` stored in each other's place (their cells
    keep their references): valid, but not in the order spreadsheet programs write."""
    import re
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = body.decode("utf-8")
                row = lambda n: re.search(r'<row r="%d"[ >].*?</row>' % n, text).group(0)
                ra, rb = row(a), row(b)
                text = text.replace(ra, "\0").replace(rb, ra).replace("\0", rb)
                body = text.encode("utf-8")
            dst.writestr(info, body)
    return out.getvalue()


def good_rows():
    import csv
    return list(csv.reader(io.StringIO(GOOD_CSV)))


def main():
    # Source files (replace cts.csv / cts.xlsx).
    w("empty.csv", "")
    w("header-only.csv", HEADER + "\n")
    w("wrong-header.csv", csv_with("Iso3_code,Country", "ISO,Name"))
    w("missing-column.csv", "\n".join(
        ",".join(f for i, f in enumerate(line.split(",")) if i != 1) if idx >= 2 else line
        for idx, line in enumerate(GOOD_CSV.split("\n"))).replace("Iso3_code,Region", "Iso3_code,Region"))
    w("bom.csv", "\ufeff" + GOOD_CSV)
    w("crlf.csv", GOOD_CSV.replace("\n", "\r\n"))
    w("cp1252.csv", csv_with("AAA,Alphaland,", "AAA,Alphal\u00f4nd,").encode("cp1252"))
    w("non-numeric-value.csv", csv_with("Counts,18,CTS", "Counts,eighteen,CTS"))
    w("thousands-separator.csv", csv_with("Counts,100,CTS", "Counts,\"1,000\",CTS"))
    w("negative-count.csv", csv_with("Counts,18,CTS", "Counts,-18,CTS"))
    w("na-marker.csv", csv_with("Counts,18,CTS", "Counts,..,CTS"))
    dup = GOOD_CSV.split("\n")
    w("duplicate-rows.csv", "\n".join(dup[:4] + [dup[3]] + dup[4:]))
    w("huge-cell.csv", csv_with("AAA,Alphaland,", "AAA," + "A" * 2_000_000 + ","))
    w("bad-year.csv", csv_with("Total,Total,2019,Counts,18", "Total,Total,20l9,Counts,18"))
    w("bad-unit.csv", csv_with("Total,Total,2019,Counts,18", "Total,Total,2019,Cases,18"))
    w("empty-code.csv", csv_with("\nAAA,Alphaland,", "\n,Alphaland,"))
    w("unknown-code.csv", csv_with("\nBBB,", "\nBBX,"))
    w("unterminated-quote.csv", GOOD_CSV.rstrip("\n") + "\nCCC,\"Gammaland,Asia\n")
    w("binary.csv", bytes(range(256)) * 64)
    w("not-a-zip.xlsx", "this is a text file named .xlsx\n")
    real = xlsx(good_rows())
    w("truncated.xlsx", real[: len(real) // 2])
    w("empty.xlsx", b"")
    rows = good_rows()
    rows[2] = [c if c != "VALUE" else "VALUES" for c in rows[2]]
    w("xlsx-no-value-column.xlsx", xlsx(rows))
    rows = good_rows()
    rows[5][11] = "n/a"
    w("xlsx-text-value.xlsx", xlsx(rows))
    wb = openpyxl.Workbook()
    buf = io.BytesIO()
    wb.save(buf)
    w("xlsx-empty-sheet.xlsx", buf.getvalue())
    w("xlsx-rows-out-of-order.xlsx", rows_out_of_order(xlsx(good_rows()), 5, 9))

    # Pipelines (replace pipeline.yaml).
    w("unknown-key.yaml", GOOD_YAML.replace("sources:", "sourcse:"))
    w("unknown-nested-key.yaml", GOOD_YAML.replace("    category: Kidnapping", "    categroy: Kidnapping"))
    w("wrong-type.yaml", GOOD_YAML.replace("first_year: 2018", "first_year: [2018]"))
    w("missing-path.yaml", GOOD_YAML.replace("path: cts.csv", "path: no-such-file.csv"))
    w("bad-params.yaml", GOOD_YAML.replace("first_year: 2018", "first_year: 2030").replace("top_n_table: 3", "top_n_table: 0"))
    w("unknown-layout.yaml", GOOD_YAML.replace("layout: unodc-cts", "layout: unodc-ctz"))
    w("empty.yaml", "")
    w("not-yaml.yaml", "name: [unclosed\n\t- tab: indent\n")
    w("deeply-nested.yaml", GOOD_YAML + "extra: " + "[" * 5000 + "]" * 5000 + "\n")
    w("alias-bomb.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n" + GOOD_YAML)
    w("duplicate-key.yaml", GOOD_YAML.replace("name: mini\n", "name: mini\nname: other\n"))


if __name__ == "__main__":
    main()
