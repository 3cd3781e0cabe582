//! The parallel reader against the sequential one, on files cut at every possible place.

use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::config::Encoding;
use crate::ingest::Digests;
use crate::ingest::unodc_cts::read_csv;

const HEAD: &str = "Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,\
                    Year,Unit of measurement,VALUE,Source\n";

fn row(code: &str, country: &str, category: &str, year: u32, value: &str) -> String {
    format!(
        "{code},{country},Europe,Northern Europe,Violent offences,by type of offence,\
         {category},Total,Total,{year},Counts,{value},CTS\n"
    )
}

fn source(dir: &Path, name: &str, bytes: &[u8]) -> Source {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    Source {
        encoding: Encoding::Utf8,
        ..Source::unodc_cts("t", &path, "r", "Kidnapping")
    }
}

/// The outcome as text: observations and findings, or the error's message.
fn shown(r: &Result<CtsOutput, IngestError>) -> String {
    match r {
        Ok(out) => format!("{:?}\n{:?}", out.observations, out.findings),
        Err(e) => format!("error: {e}"),
    }
}

/// The parallel reader gives what the sequential one gives, with pieces of every size from
/// one byte up (or of sizes spread over that range: `every` false), on one to three workers;
/// `falls_back` says whether it may hand the file back. How many reads it handed back.
fn agrees_at(source: &Source, falls_back: bool, every: bool) -> usize {
    let expected = shown(&read_csv(source));
    let len = std::fs::metadata(&source.path).unwrap().len() as usize;
    let spread = [
        1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 4096,
    ];
    let blocks: Vec<usize> = if every {
        (1..=len.min(400)).chain([len, len + 1, BLOCK]).collect()
    } else {
        spread
            .into_iter()
            .filter(|b| *b < len)
            .chain([len, BLOCK])
            .collect()
    };
    let mut fell_back = 0;
    for block in blocks {
        for threads in [1, 3] {
            match read(source, threads, block) {
                Ok(r) => assert_eq!(
                    shown(&r),
                    expected,
                    "block {block}, {threads} threads, {}",
                    source.path.display()
                ),
                Err(Fallback(why)) => {
                    assert!(
                        falls_back,
                        "block {block}: fell back ({why}) on {}",
                        source.path.display()
                    );
                    fell_back += 1;
                }
            }
        }
    }
    fell_back
}

fn agrees(source: &Source, falls_back: bool) {
    agrees_at(source, falls_back, true);
}

#[test]
fn quoted_fields_with_line_feeds_blank_lines_and_banners_at_every_cut() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Banner line,,\n\n");
    csv.push_str(HEAD);
    csv.push_str(&row(
        "AAA",
        "\"Name, with comma\"",
        "Kidnapping",
        2019,
        "12",
    ));
    csv.push_str(&row("BBB", "\"Two\nlines\n\"", "Robbery", 2019, "3"));
    csv.push_str("\n\n");
    csv.push_str(&row(
        "CCC",
        "\"Quote \"\" inside\"",
        "Kidnapping",
        2020,
        "4",
    ));
    csv.push_str(&row("DDD", "\"\n\"", "Kidnapping", 2020, "5"));
    csv.push('\n');
    csv.push_str(&row("EEE", "Plain", "Kidnapping", 2021, "6"));
    // The last record without its line end.
    csv.push_str(row("FFF", "\"End\"", "Kidnapping", 2021, "7").trim_end());
    agrees(&source(dir.path(), "quoted.csv", csv.as_bytes()), false);
}

#[test]
fn errors_are_the_first_of_the_file_whatever_piece_finds_them() {
    let dir = tempfile::tempdir().unwrap();
    let good = |code: &str| row(code, "Name", "Kidnapping", 2019, "1");
    // A bad value (a finding), then a record with too few fields, then one that is not UTF-8.
    let mut csv = String::from(HEAD);
    csv.push_str(&good("AAA"));
    csv.push_str(&row("BBB", "Name", "Kidnapping", 2019, "x"));
    csv.push_str(&good("CCC"));
    csv.push_str("DDD,short,row\n");
    csv.push_str(&good("EEE"));
    let mut bytes = csv.clone().into_bytes();
    agrees(&source(dir.path(), "broken.csv", &bytes), false);
    bytes.extend_from_slice(b"FFF,\xff\xfe,x\n");
    bytes.extend_from_slice(good("GGG").as_bytes());
    agrees(&source(dir.path(), "not-utf8.csv", &bytes), false);
    // A duplicate in two pieces, and a missing value: findings in file order.
    let mut csv = String::from(HEAD);
    for (i, code) in ["AAA", "BBB", "AAA", "CCC"].iter().enumerate() {
        csv.push_str(&row(code, "Name", "Kidnapping", 2019, &i.to_string()));
    }
    csv.push_str(&row("DDD", "Name", "Kidnapping", 2019, ".."));
    agrees(&source(dir.path(), "duplicate.csv", csv.as_bytes()), false);
}

#[test]
fn a_quote_inside_a_field_or_a_carriage_return_goes_to_the_sequential_reader() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from(HEAD);
    csv.push_str(&row(
        "AAA",
        "Name \"quoted\" inside",
        "Kidnapping",
        2019,
        "1",
    ));
    agrees(&source(dir.path(), "inner-quote.csv", csv.as_bytes()), true);
    let mut csv = String::from(HEAD);
    csv.push_str(&row("AAA", "Name", "Kidnapping", 2019, "1").replace('\n', "\r"));
    csv.push_str(&row("BBB", "Name", "Kidnapping", 2019, "1"));
    agrees(&source(dir.path(), "cr.csv", csv.as_bytes()), true);
}

#[test]
fn the_corpus_and_the_fixture_read_the_same() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.push(root.join("tests/fixtures/mini/cts.csv"));
    files.sort();
    assert!(files.len() > 10);
    let mut parallel = 0;
    for f in &files {
        for encoding in [Encoding::Utf8, Encoding::Auto] {
            let s = Source {
                encoding,
                ..Source::unodc_cts("t", f, "r", "Kidnapping")
            };
            // Files with a carriage return or a stray quote go to the sequential reader.
            if agrees_at(&s, true, false) == 0 {
                parallel += 1;
            }
        }
    }
    // Most of the corpus is read in parallel, the fixture among it.
    assert!(parallel > files.len(), "{parallel} of {}", files.len() * 2);
    let fixture = Source {
        encoding: Encoding::Utf8,
        ..Source::unodc_cts("t", files.last().unwrap(), "r", "Kidnapping")
    };
    assert!(fixture.path.ends_with("mini/cts.csv"));
    assert_eq!(agrees_at(&fixture, false, false), 0);
}

#[test]
fn records_are_skipped_on_their_category_as_the_csv_reader_reads_them() {
    // Every piece is read line by line. Blank and comma-only lines, a
    // category with spaces around it, another category spelled alike, a record of another
    // category with too many fields (broken whatever its category), at every cut.
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from(HEAD);
    csv.push_str(&row("AAA", "Name", "Kidnapping", 2019, "12"));
    csv.push_str("\n\n");
    csv.push_str(&row("BBB", "Name", "Robbery", 2019, "3"));
    csv.push_str(",,,,,,,,,,,,\n");
    csv.push_str(&row("CCC", "Name", " Kidnapping ", 2020, "4"));
    csv.push_str(&row("DDD", "Name", "Kidnapping of a minor", 2020, "5"));
    csv.push('\n');
    csv.push_str(&row("EEE", "Name", "Kidnapping", 2021, "6"));
    // Quoted fields: commas inside them are not delimiters, before and in the category field.
    csv.push_str(&row(
        "FFF",
        "\"Name, with comma\"",
        "Robbery",
        2021,
        "\"1,000\"",
    ));
    csv.push_str(&row(
        "GGG",
        "\"Name, with comma\"",
        "\"Kidnapping\"",
        2021,
        "\"1,001\"",
    ));
    csv.push_str(&row("HHH", "Name", "\"Robbery, armed\"", 2021, "2"));
    csv.push_str(&row(
        "JJJ",
        "\"Two\nlines, and a comma\"",
        "Kidnapping",
        2021,
        "3",
    ));
    let good = csv.clone();
    agrees(&source(dir.path(), "plain.csv", good.as_bytes()), false);
    let mut broken = good.clone();
    broken.push_str(&row("FFF", "Name", "Robbery", 2021, "7").replace(",CTS", ",CTS,extra"));
    broken.push_str(&row("GGG", "Name", "Kidnapping", 2021, "8"));
    agrees(
        &source(dir.path(), "plain-broken.csv", broken.as_bytes()),
        false,
    );
    // The last record without its line end, and a file whose records are all skipped.
    let mut last = good;
    last.push_str(row("HHH", "Name", "Kidnapping", 2022, "9").trim_end());
    agrees(
        &source(dir.path(), "plain-last.csv", last.as_bytes()),
        false,
    );
    let mut none = String::from(HEAD);
    for code in ["AAA", "BBB", "CCC"] {
        none.push_str(&row(code, "Name", "Robbery", 2019, "1"));
    }
    agrees(
        &source(dir.path(), "plain-none.csv", none.as_bytes()),
        false,
    );
}

#[test]
fn a_file_read_as_it_is_on_disk_is_hashed_by_its_reader() {
    use sha2::Digest as _;
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Banner line,,\n");
    csv.push_str(HEAD);
    for (i, code) in ["AAA", "BBB", "CCC", "DDD"].iter().enumerate() {
        csv.push_str(&row(code, "\"Name, quoted\"", "Robbery", 2019, "1"));
        csv.push_str(&row(code, "Côte", "Kidnapping", 2019, &i.to_string()));
    }
    let bom = [b"\xEF\xBB\xBF".as_slice(), csv.as_bytes()].concat();
    let crlf = csv.replace('\n', "\r\n").into_bytes();
    for (name, bytes, hashed) in [
        ("plain.csv", csv.as_bytes().to_vec(), true),
        ("bom.csv", bom, true),
        // Decoded first (CRLF to LF): the reader does not see the bytes on disk.
        ("crlf.csv", crlf, false),
    ] {
        let s = source(dir.path(), name, &bytes);
        let expected = shown(&read_csv(&s));
        let sha: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        for block in [1, 2, 7, 64, 100, bytes.len(), BLOCK] {
            for threads in [1, 3] {
                let digests = Arc::new(Digests::expecting([s.path.clone()]));
                let claim = digests.claim(&s.path);
                let read = read_hashing(&s, threads, block, claim);
                let at = format!("{name}, block {block}, {threads} threads");
                assert_eq!(shown(&read.expect(&at)), expected, "{at}");
                // The hashing thread may end after the read: the digest is waited for.
                let want = hashed.then(|| (bytes.len() as u64, sha.clone()));
                assert_eq!(digests.wait(&s.path), want, "{at}");
            }
        }
    }
    // A file cut short of its header is not hashed (the reader hands it back).
    let s = source(dir.path(), "no-header.csv", b"a,b\n1,2\n");
    let digests = Arc::new(Digests::expecting([s.path.clone()]));
    assert!(read_hashing(&s, 2, 3, digests.claim(&s.path)).is_err());
    assert_eq!(digests.wait(&s.path), None);
}
