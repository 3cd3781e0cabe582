#!/usr/bin/env python3
"""Regenerate the six-language name tables of data/reference/ from the shipped files.

    python3 data/reference/make-names.py

Writes, next to this script:

- country-names.csv  iso3,m49,en,fr,es,ru,ar,zh,source  (one row per ISO3 row of country-codes.csv)
- region-names.csv   m49,level,en,fr,es,ru,ar,zh,source (every M49 region, sub-region, intermediate region)
- unit-names.csv     iso3,en,fr,es,ru,ar,zh,source      (the reporting units of reporting-units.csv)

Reads (paths relative to this script's folder):

- ../country-codes-m49/country-codes.csv        UNTERM short names, official_name_en (the tool's name)
- ../m49-six-languages/UNSD-{ar,cn,en,es,fr,ru}.csv   UNSD M49 names in the six languages
- reporting-units.csv                              the five UN-CTS reporting units
- ../unodc-cts-violent-2025/data_cts_violent_and_sexual_crime.xlsx   only to check that `en` is
  the name the tool prints today (the UNODC workbook's `Country`); nothing is taken from it.

Standard library only. Output is deterministic: rows sorted, UTF-8 without BOM, "\\n" line ends,
minimal quoting. Every gap or doubt found is printed; the script stops (exit 1, nothing written)
when a table would have an empty name, the English exonym of Côte d'Ivoire, or an English name
that differs from the one the tool prints without a recorded reason.
"""

import csv
import io
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
COUNTRY_CODES = os.path.join(DATA, "country-codes-m49", "country-codes.csv")
UNSD = os.path.join(DATA, "m49-six-languages", "UNSD-{}.csv")
UNITS = os.path.join(HERE, "reporting-units.csv")
WORKBOOK = os.path.join(DATA, "unodc-cts-violent-2025", "data_cts_violent_and_sexual_crime.xlsx")

LANGS = ["en", "fr", "es", "ru", "ar", "zh"]
UNTERM_COLUMN = {
    "en": "UNTERM English Short",
    "fr": "UNTERM French Short",
    "es": "UNTERM Spanish Short",
    "ru": "UNTERM Russian Short",
    "ar": "UNTERM Arabic Short",
    "zh": "UNTERM Chinese Short",
}
UNSD_FILE = {"en": "en", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "zh": "cn"}
UNSD_REF = "UNSD M49 (data/m49-six-languages)"

# The article UNTERM appends for lists ("France (la)"); tables and sorting drop it. Russian,
# Arabic and Chinese have none (checked below: any other trailing parenthesis is kept and listed).
ARTICLES = {
    "en": ["the"],
    "fr": ["l'", "l’", "la", "le", "les"],
    "es": ["el", "la", "los", "las"],
}
FOOTNOTE = re.compile(r"\s*(\*+)$")  # UNTERM list footnote marks: "Holy See (the) *"

# Never printed: the English exonym in the English M49 file and official_name_en for CIV.
FORBIDDEN = ["Ivory Coast"]

# English names the tool prints today that are not official_name_en (the countries table's
# name): the report prints the UNODC workbook's `Country` (observations.country). Checked
# against the workbook below; for these units the other languages take the same (newer) form.
PRINTED_EN = {
    "NLD": (
        "Netherlands (Kingdom of the)",
        "en as the tool prints it today (the UNODC 2025 workbook's name, "
        "data/unodc-cts-violent-2025; the countries table's official_name_en is 'Netherlands' and "
        "the UNTERM short names of country-codes.csv are the earlier form 'Netherlands (the)')",
        # the languages that take the UNSD M49 form, which is the same newer form
        ["fr", "es", "ru", "ar", "zh"],
    ),
}

# An UNSD name that is itself unusable in one language, and the file that has the UN's form.
# (iso3, lang) -> (language file to take the name from, must-equal column of country-codes.csv, why)
UNSD_SUBSTITUTE = {
    ("CIV", "en"): (
        "fr",
        "CLDR display name",
        "UNSD-en.csv and official_name_en give the English exonym, not the UN name; the UN's "
        "English short name is the French form, as in UNSD-fr.csv, UNSD-es.csv and the "
        "'CLDR display name' column",
    ),
}

# Published names kept as they are but flagged for a reviewer (no better form in the shipped
# files). (iso3, lang) -> (the name as published, what is wrong with it)
REVIEW = {
    ("ALA", "ru"): ("Аландских островов", "genitive case as published (nominative: Аландские острова)"),
    ("ATA", "ru"): ("Антарктике", "prepositional case as published"),
    ("CCK", "ru"): ("Кокосовых (Килинг) островов", "genitive case as published"),
    ("CYM", "ru"): ("Кайман острова", "word form as published (usual form: Каймановы острова)"),
    ("IOT", "ar"): ("المحيط الهندي الإقليم البريطاني في", "words in list (inverted) order as published"),
    ("ATF", "ar"): ("الأراضي الفرنسية الجنوبية الجنوبية", "the word الجنوبية doubled as published"),
    ("UMI", "ar"): ("نائية التابعة للولايات المتحدة", "truncated as published (no word for 'islands')"),
}
REVIEW_ROW = {
    "TWN": "the row is not in UNSD's published M49 overview as far as the project knows (its "
    "sub-region names in the fr and ar files differ from every other row of code 030); UN "
    "statistical usage is 'China, Taiwan Province of China'",
}

# Reporting units: the English pattern "Parent (Part)" of reporting-units.csv in each language.
# The parent is the UNTERM short name of the parent country in that language, or its leading
# words where English uses the short form ("United Kingdom"); checked to be part of that name.
PARENT_LEADING = {
    "GBR": {"en": "United Kingdom", "fr": "Royaume-Uni", "es": "Reino Unido",
            "ru": "Соединенное Королевство", "ar": "المملكة المتحدة", "zh": "联合王国"},
}
UNIT_PART = {
    "GBR_E_W": {"en": "England and Wales", "fr": "Angleterre et pays de Galles",
                "es": "Inglaterra y Gales", "ru": "Англия и Уэльс", "ar": "إنكلترا وويلز",
                "zh": "英格兰和威尔士"},
    "GBR_NI": {"en": "Northern Ireland", "fr": "Irlande du Nord", "es": "Irlanda del Norte",
               "ru": "Северная Ирландия", "ar": "أيرلندا الشمالية", "zh": "北爱尔兰"},
    "GBR_S": {"en": "Scotland", "fr": "Écosse", "es": "Escocia", "ru": "Шотландия",
              "ar": "اسكتلندا", "zh": "苏格兰"},
    "IRQ_C": {"en": "Central Iraq", "fr": "Iraq central", "es": "Iraq central",
              "ru": "Центральный Ирак", "ar": "وسط العراق", "zh": "伊拉克中部"},
}
# Kosovo: no UNTERM short name, no parent; the UN's reference to Security Council resolution
# 1244 (1999) in each language.
UNIT_WHOLE = {
    "XKX": {"fr": "Kosovo (au sens de la résolution 1244 (1999) du Conseil de sécurité)",
            "es": "Kosovo (en el contexto de la resolución 1244 (1999) del Consejo de Seguridad)",
            "ru": "Косово (в контексте резолюции 1244 (1999) Совета Безопасности)",
            "ar": "كوسوفو (في سياق قرار مجلس الأمن 1244 (1999))",
            "zh": "科索沃（根据安全理事会第1244(1999)号决议）"},
}
UNIT_SOURCE = "composed by the project from the UNTERM short name of the parent; not reviewed"
UNIT_SOURCE_XKX = (
    "composed by the project (Kosovo has no UNTERM short name and no parent; wording of the UN's "
    "references to Security Council resolution 1244 (1999)); not reviewed"
)

LEVELS = [
    ("region", "Region Code", "Region Name"),
    ("subregion", "Sub-region Code", "Sub-region Name"),
    ("intermediate", "Intermediate Region Code", "Intermediate Region Name"),
]

findings = []  # printed at the end, in the order found
errors = []


def note(kind, text):
    findings.append(f"{kind}: {text}")


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    # The tool trims every cell (src/ingest/reference.rs); so does this script.
    return [{k.strip(): (v or "").strip() for k, v in r.items()} for r in rows]


def langs_text(langs):
    return ", ".join(l for l in LANGS if l in langs)


def drop_article(lang, name):
    """UNTERM short name -> table form: footnote mark and list article dropped."""
    dropped = []
    m = FOOTNOTE.search(name)
    if m:
        dropped.append(f"footnote mark '{m.group(1)}'")
        name = name[: m.start()]
    for art in ARTICLES.get(lang, []):
        suffix = f" ({art})"
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            dropped.append("article")
            break
    return name, dropped


def one_sided_hyphen(name):
    return re.search(r"\S- | -\S", name) is not None


def read_workbook_names(path):
    """iso3 -> set of `Country` values of the UNODC workbook (all rows), or None if absent."""
    if not os.path.exists(path):
        return None
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as z:
        shared = []
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        for si in root.iter(ns + "si"):
            shared.append("".join(t.text or "" for t in si.iter(ns + "t")))
        names = {}
        header = None
        with z.open("xl/worksheets/sheet1.xml") as f:
            for _, row in ET.iterparse(f):
                if row.tag != ns + "row":
                    continue
                cells = {}
                for c in row.findall(ns + "c"):
                    col = re.match(r"[A-Z]+", c.get("r")).group(0)
                    v = c.find(ns + "v")
                    if c.get("t") == "s" and v is not None:
                        cells[col] = shared[int(v.text)]
                    elif c.get("t") == "inlineStr":
                        cells[col] = "".join(t.text or "" for t in c.iter(ns + "t"))
                    elif v is not None:
                        cells[col] = v.text or ""
                row.clear()
                values = {k: v.strip() for k, v in cells.items()}
                if header is None:
                    if "Iso3_code" in values.values():
                        header = {v: k for k, v in values.items()}
                    continue
                iso3 = values.get(header["Iso3_code"], "")
                if iso3:
                    names.setdefault(iso3, set()).add(values.get(header["Country"], ""))
    return names


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    return path, buf.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- countries

def country_names(cc, unsd):
    rows = []
    for r in cc:
        iso3 = r["ISO3166-1-Alpha-3"]
        if not iso3:
            continue
        m49 = str(int(r["M49"]))
        tool_en = r["official_name_en"] or r["CLDR display name"]  # reference.rs
        unterm = {l: r[UNTERM_COLUMN[l]] for l in LANGS}
        names, origin = {}, {}
        dropped_marks = set()
        for l in LANGS:
            if unterm[l]:
                names[l], dropped = drop_article(l, unterm[l])
                origin[l] = "unterm"
                dropped_marks.update(d for d in dropped if d.startswith("footnote"))
                if l in ("ru", "ar", "zh") and names[l].endswith(")"):
                    note("kept", f"{iso3} {l}: trailing parenthesis kept (not an article): {names[l]}")
        has_unterm = [l for l in LANGS if unterm[l]]
        empty_unterm = [l for l in LANGS if not unterm[l]]
        independent = r["is_independent"] == "Yes"
        notes, corrected = [], OrderedDict()

        if has_unterm and empty_unterm:
            note("GAP", f"{iso3}: UNTERM short name empty for {langs_text(empty_unterm)} only")
        if not has_unterm and independent:
            note("GAP", f"{iso3}: UNTERM short name empty in all six languages "
                 f"(is_independent = Yes); names from {UNSD_REF}")

        # Fill the empty ones from UNSD.
        for l in empty_unterm:
            sub = UNSD_SUBSTITUTE.get((iso3, l))
            if sub:
                src_lang, check_col, why = sub
                names[l] = unsd[src_lang][iso3]["Country or Area"]
                if names[l] != r[check_col]:
                    errors.append(f"{iso3} {l}: UNSD-{UNSD_FILE[src_lang]} gives {names[l]!r} "
                                  f"but {check_col} gives {r[check_col]!r}")
                note("GAP", f"{iso3} {l}: the UNSD-{UNSD_FILE[l]}.csv name not used ({why}); "
                     f"'{names[l]}' taken from UNSD-{UNSD_FILE[src_lang]}.csv")
                corrected[l] = f"{l} (the UNSD-{UNSD_FILE[src_lang]}.csv form: {why})"
            else:
                names[l] = unsd[l][iso3]["Country or Area"]
            origin[l] = "unsd"

        # UNTERM against UNSD: a one-sided hyphen is corrected, other differences listed.
        for l in has_unterm:
            u = unsd[l][iso3]["Country or Area"]
            if names[l] == u or iso3 in PRINTED_EN:
                continue
            if l == "ar" and one_sided_hyphen(names[l]) and not one_sided_hyphen(u) \
                    and re.sub(r"\s", "", names[l]) == re.sub(r"\s", "", u):
                note("GAP", f"{iso3} {l}: UNTERM '{names[l]}' has a hyphen spaced on one side "
                     f"only; corrected to the UNSD form '{u}'")
                corrected[l] = f"{l} (UNTERM '{names[l]}' spaces the hyphen on one side only)"
                names[l], origin[l] = u, "unsd"
            elif names[l].replace("'", "’") == u:
                note("differs", f"{iso3} {l}: UNTERM '{names[l]}' kept; UNSD M49 has '{u}' "
                     f"(apostrophe only)")
                notes.append(f"{l}: UNSD M49 writes the apostrophe ’; UNTERM kept")
            else:
                note("differs", f"{iso3} {l}: UNTERM '{names[l]}' kept; UNSD M49 has '{u}'")
                notes.append(f"{l}: UNSD M49 has '{u}'; UNTERM kept, to review")

        # The English name the tool prints.
        if iso3 in PRINTED_EN:
            printed, why, other_langs = PRINTED_EN[iso3]
            note("GAP", f"{iso3}: the tool prints '{printed}', not official_name_en "
                 f"'{tool_en}'; the UNTERM short names are the earlier form "
                 f"('{unterm['en']}'); en = the printed form, "
                 f"{langs_text(other_langs)} from {UNSD_REF} (the same newer form)")
            names["en"], origin["en"] = printed, "printed"
            notes.insert(0, why)
            for l in other_langs:
                u = unsd[l][iso3]["Country or Area"]
                if "_" in u:
                    fixed = u.replace("_", "-")
                    note("GAP", f"{iso3} {l}: UNSD form '{u}' has the placeholder '_'; written "
                         f"'{fixed}' as in UNTERM's Arabic list forms (Iran, Bolivia, …); to review")
                    corrected[l] = (f"{l} (UNSD's placeholder '_' written '-' as in the other "
                                    f"Arabic list forms; to review)")
                    u = fixed
                else:
                    corrected[l] = l
                names[l], origin[l] = u, "unsd"
        elif names["en"] != tool_en and "en" in corrected and tool_en in FORBIDDEN:
            note("GAP", f"{iso3}: the tool's countries table (official_name_en) has the English "
                 f"exonym; en = '{names['en']}' (the UNODC workbook's form too, checked below)")
        elif names["en"] != tool_en:
            errors.append(f"{iso3}: en '{names['en']}' is not the tool's name '{tool_en}' "
                          f"and no reason is recorded")

        for bad in FORBIDDEN:
            for l in LANGS:
                if bad in names[l]:
                    errors.append(f"{iso3} {l}: {names[l]!r} holds {bad!r}")
        if "_" in "".join(names.values()):
            errors.append(f"{iso3}: placeholder '_' left in a name")

        # Review flags.
        for l in LANGS:
            if (iso3, l) in REVIEW:
                published, why = REVIEW[(iso3, l)]
                if names[l] == published:
                    note("review", f"{iso3} {l}: '{published}' — {why}")
                    notes.append(f"{l}: {why}; to review")
                else:
                    note("obsolete", f"{iso3} {l}: review note no longer applies ({names[l]})")
            elif origin[l] == "unsd":
                n = names[l]
                words = n.split()
                if l == "ar" and n.endswith(" في") or any(
                        a == b for a, b in zip(words, words[1:])):
                    note("review", f"{iso3} {l}: '{n}' looks malformed (unlisted)")
                    notes.append(f"{l}: looks malformed; to review")
        if iso3 in REVIEW_ROW:
            note("review", f"{iso3}: {REVIEW_ROW[iso3]}")
            notes.append(REVIEW_ROW[iso3] + "; to review")
        if not r["Region Name"]:
            notes.append("not in the tool's countries table (no M49 region)")

        # Source text.
        parts = []
        unterm_langs = [l for l in LANGS if origin[l] == "unterm"]
        simple = [l for l in LANGS if origin[l] == "unsd" and l not in corrected]
        fixes = [l for l in simple] + [corrected[l] for l in LANGS if l in corrected]
        if iso3 in PRINTED_EN:
            parts.append(notes.pop(0))
            parts.append("UNTERM short names of country-codes.csv not used (earlier form)")
            parts.append(f"corrected from {UNSD_REF} (the same newer form) for " + ", ".join(fixes))
        elif unterm_langs:
            what = "article suffix dropped"
            if dropped_marks:
                what = "article suffix and " + " and ".join(sorted(dropped_marks)) + " dropped"
            parts.append(f"UNTERM short name (data/country-codes-m49/country-codes.csv), {what}: "
                         f"{langs_text(unterm_langs)}")
            if fixes:
                parts.append(f"corrected from {UNSD_REF} for " + ", ".join(fixes))
        elif independent:
            parts.append("UNTERM short name empty for all languages")
            parts.append(f"corrected from {UNSD_REF} for " + ", ".join(fixes))
        else:
            parts.append("no UNTERM short name (not a UN Member State or observer)")
            parts.append(f"{UNSD_REF} name: {langs_text(simple)}")
        parts.extend(notes)
        rows.append([iso3, m49] + [names[l] for l in LANGS] + ["; ".join(parts)])
    rows.sort(key=lambda x: x[0])
    return rows


# --------------------------------------------------------------------------- regions

def region_names(cc, unsd_rows):
    tool = {}
    for r in cc:
        for level, code_col, name_col in LEVELS:
            if r[code_col]:
                tool.setdefault((level, int(r[code_col])), set()).add(r[name_col])
    names = {}
    for l in LANGS:
        for r in unsd_rows[l]:
            for level, code_col, name_col in LEVELS:
                if r[code_col]:
                    key = (level, int(r[code_col]))
                    names.setdefault(key, {}).setdefault(l, Counter())[r[name_col]] += 1
    rows = []
    order = {lv[0]: i for i, lv in enumerate(LEVELS)}
    for key in sorted(names, key=lambda k: (order[k[0]], k[1])):
        level, code = key
        row, notes = {}, []
        for l in LANGS:
            counts = names[key].get(l)
            if not counts:
                errors.append(f"region {code}: no {l} name")
                continue
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            row[l] = ranked[0][0]
            if len(ranked) > 1:
                others = ", ".join(f"'{n}' ({c} row{'s' if c > 1 else ''})" for n, c in ranked[1:])
                note("GAP", f"region {code:03d} {l}: UNSD-{UNSD_FILE[l]}.csv names it "
                     f"'{row[l]}' in {ranked[0][1]} rows and {others}; the majority form kept")
                notes.append(f"{l}: UNSD-{UNSD_FILE[l]}.csv also has {others} (the TWN row); "
                             f"majority form kept")
        tool_names = tool.get(key, set())
        if len(tool_names) != 1:
            errors.append(f"region {code}: country-codes.csv names {sorted(tool_names)}")
        tool_en = next(iter(tool_names)) if tool_names else ""
        if tool_en and row.get("en") != tool_en:
            note("differs", f"region {code:03d}: UNSD-en '{row.get('en')}', tool '{tool_en}'; "
                 f"tool's spelling kept")
            notes.insert(0, f"UNSD-en.csv spells it '{row.get('en')}'; en as country-codes.csv")
            row["en"] = tool_en
        col = dict((lv[0], lv[2]) for lv in LEVELS)[level]
        same = "identical to UNSD-en.csv" if not tool_en or names[key]["en"][row["en"]] \
            else "not UNSD-en.csv's spelling"
        src = (f"{UNSD_REF}, joined on the code: fr, es, ru, ar, zh; en as country-codes.csv "
               f"'{col}' (the tool's spelling, {same})")
        rows.append([str(code), level] + [row.get(l, "") for l in LANGS]
                    + ["; ".join([src] + notes)])
    return rows


# --------------------------------------------------------------------------- units

def unit_names(units, countries):
    by_iso = {r[0]: dict(zip(LANGS, r[2:8])) for r in countries}
    rows = []
    for u in units:
        iso3, en, parent = u["iso3"], u["name"], u["parent_iso3"]
        names = {"en": en}
        if iso3 in UNIT_WHOLE:
            names.update(UNIT_WHOLE[iso3])
            source = UNIT_SOURCE_XKX
        elif iso3 in UNIT_PART and parent in by_iso:
            m = re.fullmatch(r"(.+) \((.+)\)", en)
            if not m or m.group(2) != UNIT_PART[iso3]["en"]:
                errors.append(f"{iso3}: '{en}' is not 'Parent ({UNIT_PART[iso3]['en']})'")
                continue
            parent_en = m.group(1)
            for l in LANGS:
                full = by_iso[parent][l]
                lead = PARENT_LEADING.get(parent, {}).get(l, full)
                if not full.startswith(lead) and lead not in full:
                    errors.append(f"{iso3} {l}: '{lead}' is not part of the parent's name '{full}'")
                if l == "en":
                    if lead != parent_en:
                        errors.append(f"{iso3}: English parent '{parent_en}' != '{lead}'")
                    continue
                part = UNIT_PART[iso3][l]
                names[l] = f"{lead}（{part}）" if l == "zh" else f"{lead} ({part})"
            source = UNIT_SOURCE
        else:
            errors.append(f"{iso3}: no composition recorded for this reporting unit")
            continue
        note("composed", f"{iso3}: " + " | ".join(names[l] for l in LANGS))
        rows.append([iso3] + [names[l] for l in LANGS]
                    + [f"{source}; en as in data/reference/reporting-units.csv"])
    rows.sort(key=lambda x: x[0])
    return rows


# --------------------------------------------------------------------------- checks, main

def check_tables(countries, regions, units_rows, units, cc, workbook):
    for table, rows, first in (("country-names", countries, 2), ("region-names", regions, 2),
                               ("unit-names", units_rows, 1)):
        for r in rows:
            for l, v in zip(LANGS, r[first:first + 6]):
                if not v:
                    errors.append(f"{table} {r[0]}: empty {l} name")
                if v != v.strip() or "  " in v:
                    errors.append(f"{table} {r[0]}: stray spaces in {l} name {v!r}")
            for bad in FORBIDDEN:
                if any(bad in v for v in r):
                    errors.append(f"{table} {r[0]}: holds {bad!r}")
    en = {r[0]: r[2] for r in countries}
    en.update({r[0]: r[1] for r in units_rows})
    for u in units:
        if en.get(u["iso3"]) != u["name"]:
            errors.append(f"unit {u['iso3']}: en differs from reporting-units.csv")
    # Region names the tool prints: country-codes.csv and reporting-units.csv.
    region_en = {(r[1], r[2]) for r in regions}
    used = {("region", r["Region Name"]) for r in cc if r["Region Name"]}
    used |= {("subregion", r["Sub-region Name"]) for r in cc if r["Sub-region Name"]}
    used |= {("region", u["region"]) for u in units} | {("subregion", u["subregion"]) for u in units}
    for level, name in sorted(used - region_en):
        errors.append(f"{level} '{name}' used by the tool is not in region-names.csv")
    # The names the tool prints: the UNODC workbook's Country.
    if workbook is None:
        note("check", f"{os.path.relpath(WORKBOOK, HERE)} absent: printed names not checked")
        return
    same = 0
    for iso3, printed in sorted(workbook.items()):
        if iso3 not in en:
            errors.append(f"workbook unit {iso3} is in no name table")
        elif printed != {en[iso3]}:
            errors.append(f"{iso3}: the workbook prints {sorted(printed)}, the table has "
                          f"'{en[iso3]}'")
        else:
            same += 1
    note("check", f"UNODC 2025 workbook: {same} of {len(workbook)} units' names equal `en`")


def main():
    cc = read_csv(COUNTRY_CODES)
    unsd_rows = {l: read_csv(UNSD.format(UNSD_FILE[l])) for l in LANGS}
    unsd = {l: {r["ISO-alpha3 Code"]: r for r in rows} for l, rows in unsd_rows.items()}
    units = read_csv(UNITS)
    for l in LANGS:
        missing = sorted({r["ISO3166-1-Alpha-3"] for r in cc if r["ISO3166-1-Alpha-3"]}
                         - set(unsd[l]))
        if missing:
            errors.append(f"UNSD-{UNSD_FILE[l]}.csv lacks {missing}")
    if errors:
        sys.exit("\n".join(errors))

    countries = country_names(cc, unsd)
    regions = region_names(cc, unsd_rows)
    units_rows = unit_names(units, countries)
    check_tables(countries, regions, units_rows, units, cc, read_workbook_names(WORKBOOK))

    for f in findings:
        print(f)
    if errors:
        print("\nNOT WRITTEN:", *errors, sep="\n  ", file=sys.stderr)
        sys.exit(1)
    outputs = [
        write_csv(os.path.join(HERE, "country-names.csv"),
                  ["iso3", "m49"] + LANGS + ["source"], countries),
        write_csv(os.path.join(HERE, "region-names.csv"),
                  ["m49", "level"] + LANGS + ["source"], regions),
        write_csv(os.path.join(HERE, "unit-names.csv"),
                  ["iso3"] + LANGS + ["source"], units_rows),
    ]
    for path, data in outputs:
        with open(path, "wb") as f:
            f.write(data)
        rows = data.count(b"\n") - 1
        print(f"wrote {os.path.relpath(path, HERE)}: {rows} rows")


if __name__ == "__main__":
    main()
