//! What a run may overwrite: the real binary against folders, files and links it did not
//! write. Each test makes its victims (files with known bytes), runs the binary, and checks the
//! exit code, the message, every victim byte, and that nothing is left behind.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::{bin, root, run_in, sandbox, snapshot_dir, text};

/// Every file under `dir` (the stat cache too) with its bytes, and every folder.
fn everything(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Option<Vec<u8>>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(root).unwrap().to_path_buf();
            let md = std::fs::symlink_metadata(&p).unwrap();
            if md.is_dir() {
                out.insert(rel, None);
                walk(root, &p, out);
            } else if md.is_symlink() {
                let t = std::fs::read_link(&p).unwrap();
                out.insert(rel, Some(t.to_string_lossy().as_bytes().to_vec()));
            } else {
                out.insert(rel, Some(std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The user's files: a thesis and a note in a sub-folder.
fn victims(dir: &Path) {
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("thesis.docx"), b"PK\x03\x04 my thesis").unwrap();
    std::fs::write(dir.join("sub/notes.txt"), b"notes\n").unwrap();
}

/// Hidden names the tool may leave beside an output: none.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

#[track_caller]
fn refused(out: &std::process::Output, code: i32, expect: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert!(err.contains(expect), "expected {expect:?} in:\n{err}");
    assert!(!err.contains("internal error"), "{err}");
}

fn ok(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = run_in(dir, args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    out
}

/// A process id that no longer runs.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn a_folder_with_the_users_files_is_refused_by_run_render_ingest_plan_and_validate() {
    let tmp = sandbox();
    let out = tmp.path().join("out");
    victims(&out);
    let before = everything(tmp.path());
    let message = "out holds 2 files this tool did not write (sub/notes.txt, thesis.docx); \
                   choose a new or empty folder, or move them";
    for args in [
        &["run", "pipeline.yaml"][..],
        &["run", "--force", "pipeline.yaml"],
        &["render", "pipeline.yaml"],
        &["ingest", "pipeline.yaml"],
        &["plan", "pipeline.yaml"],
        &["validate", "pipeline.yaml"],
    ] {
        refused(&run_in(tmp.path(), args), 2, message);
        assert_eq!(everything(tmp.path()), before, "{args:?} changed something");
    }
}

#[test]
fn carry_over_keeps_the_users_files_unchanged_and_never_lists_them() {
    let tmp = sandbox();
    let out = tmp.path().join("out");
    ok(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    victims(&out);
    ok(
        tmp.path(),
        &["-q", "run", "--force", "--carry-over", "pipeline.yaml"],
    );
    assert_eq!(
        std::fs::read(out.join("thesis.docx")).unwrap(),
        b"PK\x03\x04 my thesis"
    );
    assert_eq!(
        std::fs::read(out.join("sub/notes.txt")).unwrap(),
        b"notes\n"
    );
    assert!(out.join("report.html").is_file());
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(!manifest.contains("thesis") && !manifest.contains("notes.txt"));
    assert!(
        leftovers(tmp.path()).is_empty(),
        "{:?}",
        leftovers(tmp.path())
    );
    // Carried over, they are still not the tool's: without the flag the next run refuses.
    refused(
        &run_in(tmp.path(), &["run", "--force", "pipeline.yaml"]),
        2,
        "out holds 2 files this tool did not write",
    );
}

#[test]
fn a_published_file_edited_by_its_author_counts_as_theirs() {
    let tmp = sandbox();
    let out = tmp.path().join("out");
    ok(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    // Same size, other bytes: only the sha256 tells.
    let md = std::fs::read(out.join("report.md")).unwrap();
    let mut edited = md.clone();
    edited[0] = if md[0] == b'X' { b'Y' } else { b'X' };
    std::fs::write(out.join("report.md"), &edited).unwrap();
    let before = everything(tmp.path());
    refused(
        &run_in(tmp.path(), &["run", "--force", "pipeline.yaml"]),
        2,
        "out holds 1 file this tool did not write (report.md (changed since this tool wrote it))",
    );
    assert_eq!(everything(tmp.path()), before);
    // Carrying it over would need the name the new output writes: refused too, nothing lost.
    refused(
        &run_in(
            tmp.path(),
            &["run", "--force", "--carry-over", "pipeline.yaml"],
        ),
        2,
        "cannot carry report.md over",
    );
    assert_eq!(everything(tmp.path()), before);
}

#[test]
fn an_output_that_is_or_holds_an_input_is_refused_however_it_is_spelled() {
    let tmp = sandbox();
    std::os::unix::fs::symlink(tmp.path(), tmp.path().join("here")).unwrap();
    let before = everything(tmp.path());
    let name = tmp
        .path()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let up = format!("../{name}");
    let up_slash = format!("../{name}/");
    for out in [".", "./", up.as_str(), up_slash.as_str(), "here", "here/."] {
        refused(
            &run_in(tmp.path(), &["run", "pipeline.yaml", "--out", out]),
            2,
            "holds an input of the pipeline",
        );
    }
    refused(
        &run_in(tmp.path(), &["run", "pipeline.yaml", "--out", "cts.csv"]),
        2,
        "is an existing file, not a folder",
    );
    assert_eq!(everything(tmp.path()), before);
}

#[test]
fn the_repository_its_data_pipelines_queries_reports_and_home_are_refused() {
    let data = root().join("data");
    let sizes = |d: &Path| -> Vec<(PathBuf, u64)> {
        let mut v: Vec<_> = walk_sizes(d);
        v.sort();
        v
    };
    let before = sizes(&data);
    let home = std::env::var("HOME").unwrap();
    for (out, expect) in [
        ("data", "holds an input of the pipeline"),
        ("data/.", "holds an input of the pipeline"),
        ("data/../data", "holds an input of the pipeline"),
        ("data/", "holds an input of the pipeline"),
        ("pipelines", "holds an input of the pipeline"),
        (".", "holds an input of the pipeline"),
        ("queries", "holds the queries folder"),
        ("queries/mine", "lies inside the queries folder"),
        ("reports/ccpcj-kidnapping", "lies inside the report folder"),
        ("reports/x", "lies inside the reports folder"),
        (home.as_str(), "home folder"),
        ("/", "root of the file system"),
    ] {
        refused(
            &run_in(
                &root(),
                &["run", "pipelines/ccpcj-kidnapping.yaml", "--out", out],
            ),
            2,
            expect,
        );
    }
    assert_eq!(sizes(&data), before);
    assert!(!root().join("queries/mine").exists());
}

fn walk_sizes(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk_sizes(&p));
        } else {
            let len = std::fs::metadata(&p).unwrap().len();
            out.push((p, len));
        }
    }
    out
}

#[test]
fn a_regular_file_as_output_or_parent_and_impossible_names_are_refused_intact() {
    let tmp = sandbox();
    std::fs::write(tmp.path().join("file.txt"), b"the user's file").unwrap();
    let before = everything(tmp.path());
    refused(
        &run_in(tmp.path(), &["run", "pipeline.yaml", "--out", "file.txt"]),
        2,
        "file.txt is an existing file, not a folder",
    );
    refused(
        &run_in(
            tmp.path(),
            &["run", "pipeline.yaml", "--out", "file.txt/out"],
        ),
        5,
        "cannot publish to file.txt/out: a part of the path is a file, not a folder",
    );
    let long = "n".repeat(300);
    refused(
        &run_in(tmp.path(), &["run", "pipeline.yaml", "--out", &long]),
        5,
        "File name too long",
    );
    let deep = format!("new/{long}");
    refused(
        &run_in(tmp.path(), &["run", "pipeline.yaml", "--out", &deep]),
        5,
        "File name too long",
    );
    std::os::unix::fs::symlink("nowhere", tmp.path().join("dangling")).unwrap();
    let with_link = everything(tmp.path());
    refused(
        &run_in(tmp.path(), &["run", "pipeline.yaml", "--out", "dangling"]),
        2,
        "is a symbolic link that leads nowhere",
    );
    assert_eq!(everything(tmp.path()), with_link);
    std::fs::remove_file(tmp.path().join("dangling")).unwrap();
    assert_eq!(everything(tmp.path()), before);
}

#[test]
fn the_current_folder_is_refused_as_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("empty");
    std::fs::create_dir(&work).unwrap();
    let pipeline = sandbox();
    let p = pipeline.path().join("pipeline.yaml");
    refused(
        &run_in(&work, &["run", p.to_str().unwrap(), "--out", "."]),
        2,
        "is the current folder or holds it",
    );
    assert_eq!(std::fs::read_dir(&work).unwrap().count(), 0);
}

#[test]
fn a_full_disk_while_publishing_leaves_the_previous_output_and_no_leftovers() {
    let tmp = sandbox();
    ok(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    let before = everything(&tmp.path().join("out"));
    for file in [
        "report.html",
        "manifest.json",
        ".kidnap-trends/last-run.json",
    ] {
        let out = bin()
            .args(["run", "--force", "pipeline.yaml"])
            .env("KIDNAP_TRENDS_FAULT", format!("no-space:{file}"))
            .current_dir(tmp.path())
            .output()
            .unwrap();
        refused(
            &out,
            5,
            &format!("cannot write out/{file}: No space left on device (os error 28)"),
        );
        assert_eq!(everything(&tmp.path().join("out")), before, "{file}");
        assert!(
            leftovers(tmp.path()).is_empty(),
            "{:?}",
            leftovers(tmp.path())
        );
    }
    // A new output in a new folder: the folders made for it go again too.
    let out = bin()
        .args(["run", "pipeline.yaml", "--out", "a/b/c"])
        .env("KIDNAP_TRENDS_FAULT", "no-space:report.html")
        .current_dir(tmp.path())
        .output()
        .unwrap();
    refused(&out, 5, "No space left on device");
    assert!(!tmp.path().join("a").exists());
}

#[test]
fn leftovers_are_cleaned_only_when_marked_and_dead_and_a_swapped_out_file_comes_back() {
    let tmp = sandbox();
    ok(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    let dead = dead_pid();
    // Someone else's folders that happen to match the names: left alone.
    let theirs = tmp.path().join(format!(".out.old-{dead}"));
    victims(&theirs);
    let unmarked = tmp.path().join(format!(".out.staging-{}", dead_pid()));
    victims(&unmarked);
    // A dead run's staging folder, marked as the tool's: removed.
    let other = dead_pid();
    let ours = tmp.path().join(format!(".out.staging-{other}"));
    std::fs::create_dir_all(ours.join(".kidnap-trends")).unwrap();
    std::fs::write(
        ours.join(".kidnap-trends/staging.json"),
        format!(r#"{{"tool":"kidnap-trends","pid":{other}}}"#),
    )
    .unwrap();
    std::fs::write(ours.join("report.html"), b"half").unwrap();
    let kept = (everything(&theirs), everything(&unmarked));
    ok(tmp.path(), &["-q", "run", "--force", "pipeline.yaml"]);
    assert!(!ours.exists());
    assert_eq!((everything(&theirs), everything(&unmarked)), kept);

    // What an earlier version left when asked to publish over a file: the output in the
    // file's place and the file under a staging name. It is put back, and the run refused.
    let tmp = sandbox();
    ok(
        tmp.path(),
        &["-q", "run", "pipeline.yaml", "--out", "file.txt"],
    );
    std::fs::remove_file(tmp.path().join("file.txt/.kidnap-trends/owner.json")).unwrap();
    let swapped = tmp.path().join(format!(".file.txt.staging-{dead}"));
    std::fs::write(&swapped, b"the user's file").unwrap();
    refused(
        &run_in(tmp.path(), &["run", "pipeline.yaml", "--out", "file.txt"]),
        2,
        "file.txt is an existing file, not a folder",
    );
    assert_eq!(
        std::fs::read(tmp.path().join("file.txt")).unwrap(),
        b"the user's file"
    );
    assert!(!swapped.exists());
}

#[test]
fn an_output_of_the_previous_version_is_accepted_once_and_stamped() {
    let tmp = sandbox();
    let out = tmp.path().join("out");
    ok(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    let owner = out.join(".kidnap-trends/owner.json");
    let record = std::fs::read(&owner).unwrap();
    assert!(text(&record).contains(r#""tool": "kidnap-trends""#));
    // The previous version wrote no ownership record and no last-run file in a folder of its
    // own; its manifest lists every file.
    std::fs::remove_dir_all(out.join(".kidnap-trends")).unwrap();
    let before = snapshot_dir(&out);
    ok(tmp.path(), &["-q", "run", "--force", "pipeline.yaml"]);
    assert_eq!(std::fs::read(&owner).unwrap(), record);
    assert_eq!(snapshot_dir(&out), before);
}

#[test]
fn an_output_through_a_symbolic_link_is_published_in_the_folder_it_points_to() {
    let tmp = sandbox();
    let real = tmp.path().join("real-out");
    std::fs::create_dir(&real).unwrap();
    std::os::unix::fs::symlink("real-out", tmp.path().join("link")).unwrap();
    ok(tmp.path(), &["-q", "run", "pipeline.yaml", "--out", "link"]);
    ok(
        tmp.path(),
        &["-q", "run", "--force", "pipeline.yaml", "--out", "link"],
    );
    let link = std::fs::symlink_metadata(tmp.path().join("link")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert!(real.join("report.html").is_file());
    assert!(
        leftovers(tmp.path()).is_empty(),
        "{:?}",
        leftovers(tmp.path())
    );
    // Through the link or by its own name, the same folder and the same lock.
    let plan = ok(tmp.path(), &["plan", "pipeline.yaml", "--out", "real-out"]);
    assert!(
        text(&plan.stdout).contains("1 ingest: skip: unchanged"),
        "{}",
        text(&plan.stdout)
    );
}

#[test]
fn ingest_stamps_its_output_so_that_run_and_render_accept_it() {
    let tmp = sandbox();
    ok(
        tmp.path(),
        &["-q", "ingest", "pipeline.yaml", "--out", "wh"],
    );
    let wh = tmp.path().join("wh");
    assert!(wh.join(".kidnap-trends/owner.json").is_file());
    assert!(wh.join("manifest.json").is_file());
    assert!(wh.join("warehouse/observations.parquet").is_file());
    let run = ok(tmp.path(), &["run", "pipeline.yaml", "--out", "wh"]);
    assert!(
        text(&run.stdout).contains("warehouse reused"),
        "{}",
        text(&run.stdout)
    );
    ok(
        tmp.path(),
        &["-q", "render", "pipeline.yaml", "--out", "wh"],
    );
    ok(
        tmp.path(),
        &["-q", "ingest", "pipeline.yaml", "--out", "wh"],
    );
    assert!(
        !wh.join("report.html").exists(),
        "ingest publishes the warehouse only"
    );
    assert!(
        leftovers(tmp.path()).is_empty(),
        "{:?}",
        leftovers(tmp.path())
    );
}

#[test]
fn diff_and_synth_never_overwrite_without_asking_and_never_an_input() {
    let tmp = sandbox();
    let csv = tmp.path().join("cts.csv");
    let xlsx = tmp.path().join("cts.xlsx");
    let mine = tmp.path().join("mine.csv");
    std::fs::write(&mine, b"mine").unwrap();
    let before = everything(tmp.path());
    let diff = |out: &Path, extra: &[&str]| {
        let mut args = vec![
            "diff",
            csv.to_str().unwrap(),
            xlsx.to_str().unwrap(),
            "--csv",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        run_in(tmp.path(), &args)
    };
    refused(
        &diff(&mine, &[]),
        2,
        "already exists; choose another file, or pass --overwrite",
    );
    refused(
        &diff(&csv, &["--overwrite"]),
        2,
        "is an input of this command",
    );
    refused(
        &diff(&xlsx, &["--overwrite"]),
        2,
        "is an input of this command",
    );
    assert_eq!(everything(tmp.path()), before);
    assert!(diff(&mine, &["--overwrite"]).status.success());
    assert!(
        std::fs::read_to_string(&mine)
            .unwrap()
            .starts_with("status,unit,iso3")
    );

    let synth = |out: &str, extra: &[&str]| {
        let mut args = vec!["-q", "synth", "--rows", "20", "--out", out];
        args.extend_from_slice(extra);
        run_in(tmp.path(), &args)
    };
    std::fs::write(tmp.path().join("s.units.csv"), b"units").unwrap();
    refused(&synth("s.csv", &[]), 2, "s.units.csv already exists");
    assert!(!tmp.path().join("s.csv").exists());
    refused(&synth("mine.csv", &[]), 2, "mine.csv already exists");
    assert!(synth("s.csv", &["--overwrite"]).status.success());
    assert_ne!(
        std::fs::read(tmp.path().join("s.units.csv")).unwrap(),
        b"units"
    );
    assert!(
        leftovers(tmp.path()).is_empty(),
        "{:?}",
        leftovers(tmp.path())
    );
}

#[test]
fn help_documents_every_exit_code() {
    let out = bin().arg("--help").output().unwrap();
    let help = text(&out.stdout);
    for code in [
        "0 ok",
        "1 data error",
        "2 usage",
        "3 internal error",
        "4 another run",
        "5 environment",
    ] {
        assert!(help.contains(code), "{code} missing from --help:\n{help}");
    }
}

#[test]
fn a_lock_file_name_the_tool_did_not_make_is_never_followed_or_removed() {
    let tmp = sandbox();
    std::fs::write(tmp.path().join(".out.lock"), b"the user's notes").unwrap();
    refused(
        &run_in(tmp.path(), &["run", "pipeline.yaml"]),
        2,
        ".out.lock exists and is not a kidnap-trends lock file",
    );
    assert_eq!(
        std::fs::read(tmp.path().join(".out.lock")).unwrap(),
        b"the user's notes"
    );
    std::fs::remove_file(tmp.path().join(".out.lock")).unwrap();
    std::os::unix::fs::symlink("elsewhere", tmp.path().join(".out.lock")).unwrap();
    refused(
        &run_in(tmp.path(), &["run", "pipeline.yaml"]),
        2,
        "is not a kidnap-trends lock file",
    );
    assert!(
        !tmp.path().join("elsewhere").exists(),
        "the link was followed"
    );
    assert!(std::fs::symlink_metadata(tmp.path().join(".out.lock")).is_ok());
}

#[test]
fn an_edited_warehouse_of_the_same_size_is_refused_by_render() {
    let tmp = sandbox();
    ok(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    let f = tmp.path().join("out/warehouse/countries.parquet");
    let mut bytes = std::fs::read(&f).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&f, &bytes).unwrap();
    let before = everything(tmp.path());
    refused(
        &run_in(tmp.path(), &["render", "pipeline.yaml"]),
        2,
        "warehouse/countries.parquet (changed since this tool wrote it)",
    );
    assert_eq!(everything(tmp.path()), before);
}

#[test]
fn carried_empty_folders_leave_nothing_behind() {
    let tmp = sandbox();
    let out = tmp.path().join("out");
    ok(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    std::fs::create_dir_all(out.join("drafts/empty")).unwrap();
    for _ in 0..2 {
        ok(
            tmp.path(),
            &["-q", "run", "--force", "--carry-over", "pipeline.yaml"],
        );
        assert!(out.join("drafts/empty").is_dir());
        assert!(
            leftovers(tmp.path()).is_empty(),
            "{:?}",
            leftovers(tmp.path())
        );
    }
}

#[test]
fn a_name_with_no_room_for_its_staging_folder_is_refused_before_any_work() {
    let tmp = sandbox();
    let name = "n".repeat(240);
    refused(
        &run_in(tmp.path(), &["plan", "pipeline.yaml", "--out", &name]),
        5,
        "leaves no room for the staging folder",
    );
}

#[test]
fn report_ids_cannot_name_files_outside_the_output() {
    let tmp = sandbox();
    let reports = tmp.path().join("report");
    std::fs::create_dir(&reports).unwrap();
    let src = root().join("reports/ccpcj-kidnapping");
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, reports.join(p.file_name().unwrap())).unwrap();
        }
    }
    crate::support::edit(&reports.join("report.yaml"), |s| {
        s.replacen("id: F1", "id: ../../victim", 1)
    });
    crate::support::edit(&tmp.path().join("pipeline.yaml"), |s| {
        s.replace(
            &root()
                .join("reports/ccpcj-kidnapping")
                .to_string_lossy()
                .into_owned(),
            &reports.to_string_lossy(),
        )
    });
    std::fs::write(tmp.path().join("victim.svg"), b"mine").unwrap();
    refused(
        &run_in(tmp.path(), &["run", "pipeline.yaml"]),
        2,
        "ids name output files",
    );
    assert_eq!(
        std::fs::read(tmp.path().join("victim.svg")).unwrap(),
        b"mine"
    );
}

/// The manifest's sha256 of each input, by path relative to the pipeline.
fn input_hashes(manifest: &Path) -> BTreeMap<String, (u64, String)> {
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(manifest).unwrap()).unwrap();
    m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap().to_string(),
                (
                    i["bytes"].as_u64().unwrap(),
                    i["sha256"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect()
}

#[test]
fn a_large_csv_hashed_while_it_is_read_has_its_true_sha256_and_the_same_observations() {
    // The fixture's csv grown past 8 MiB with rows of another category after its own: read on
    // every core, hashed by its reader from the bytes it reads (with a byte-order mark, and
    // with CRLF line ends, which the reader decodes first and the manifest hashes apart).
    use sha2::Digest as _;
    let tmp = sandbox();
    ok(
        tmp.path(),
        &["-q", "ingest", "pipeline.yaml", "--out", "small"],
    );
    let small = std::fs::read(tmp.path().join("small/warehouse/observations.parquet")).unwrap();
    let fixture = std::fs::read(tmp.path().join("cts.csv")).unwrap();
    let other = "ZZZ,Elsewhere,Europe,Northern Europe,Violent offences,by type of offence,\
                 Robbery,Total,Total,2019,Counts,7,CTS\n";
    let mut grown = fixture.clone();
    while grown.len() <= 9 << 20 {
        grown.extend_from_slice(other.as_bytes());
    }
    for (name, bytes) in [
        ("plain", grown.clone()),
        ("bom", [b"\xEF\xBB\xBF".as_slice(), &grown].concat()),
        (
            "crlf",
            String::from_utf8(grown.clone())
                .unwrap()
                .replace('\n', "\r\n")
                .into_bytes(),
        ),
    ] {
        std::fs::write(tmp.path().join("cts.csv"), &bytes).unwrap();
        let expected = (
            bytes.len() as u64,
            sha2::Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>(),
        );
        // `run --force` hashes while it ingests too (once: it renders the whole report).
        let run: &[&str] = &["-q", "run", "--force", "pipeline.yaml", "--out", name];
        let ingest: &[&str] = &["-q", "ingest", "pipeline.yaml", "--out", name];
        let commands = if name == "plain" {
            vec![ingest, run]
        } else {
            vec![ingest]
        };
        for args in commands {
            ok(tmp.path(), args);
            let inputs = input_hashes(&tmp.path().join(name).join("manifest.json"));
            assert_eq!(inputs["cts.csv"], expected, "{name}: {args:?}");
            let observations =
                std::fs::read(tmp.path().join(name).join("warehouse/observations.parquet"))
                    .unwrap();
            assert!(
                observations == small,
                "{name}: {args:?}: other observations"
            );
        }
    }
}
