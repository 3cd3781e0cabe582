//! The HTML report in a real browser: headless Chromium loads `report.html` with every network
//! request refused, and must log no console error, fetch nothing, and draw every figure.
//! A screenshot is kept at `out/test-browser/screenshot.png`.
//!
//! `.ci/run` installs Chromium (Debian package `chromium`) when it is absent; on a developer
//! machine without it the test says so and passes only when `CI` is unset.

use std::process::Command;

use super::support::{mini, root};

/// Chromium's switches for a headless run on a machine without a network or a display (the
/// background requests it makes at start would be refused one by one).
pub const HEADLESS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

pub fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

#[test]
fn report_renders_in_headless_chromium_without_errors_or_requests() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is required in CI (.ci/run installs it)"
        );
        eprintln!("skipping: no Chromium on this machine");
        return;
    };
    let out = root().join("out/test-browser");
    let status = Command::new(env!("CARGO_BIN_EXE_kidnap-trends"))
        .args(["-q", "run"])
        .arg(mini().join("pipeline.yaml"))
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let profile = tempfile::tempdir().unwrap();
    let shot = root().join("out/test-browser-screenshot.png");
    let url = format!("file://{}", out.join("report.html").display());
    let common = HEADLESS.into_iter().chain([
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr",
        "--v=0",
    ]);
    let common: Vec<&str> = common.collect();
    let dom = Command::new(browser)
        .args(&common)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--virtual-time-budget=5000", "--dump-dom"])
        .arg(&url)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&dom.stderr);
    let html = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.status.success(), "{log}");
    // Console errors and failed loads show up in Chromium's log as CONSOLE / net errors.
    for line in log.lines() {
        let l = line.to_lowercase();
        let console_error = l.contains("console") && l.contains("error");
        assert!(!console_error, "browser console: {line}");
        assert!(!l.contains("net::err_"), "browser request: {line}");
    }
    // Every figure is in the rendered DOM as an SVG with drawn content.
    assert_eq!(html.matches("<svg").count(), 8, "figures in the DOM");
    assert!(html.matches("<polyline").count() + html.matches("<rect").count() > 50);
    let shot_out = Command::new(browser)
        .args(&common)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--window-size=1100,2600", "--hide-scrollbars"])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        shot_out.status.success(),
        "{}",
        String::from_utf8_lossy(&shot_out.stderr)
    );
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    assert!(
        png.len() > 50_000,
        "screenshot looks blank ({} bytes)",
        png.len()
    );
}
