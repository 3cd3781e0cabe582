//! Progress of long steps on stderr: drawn with `--progress always`, with `auto` only on a
//! terminal (a pseudo-terminal made by `script`) and never with `-q` or JSON logs; log lines
//! of `-v` are written whole above the bars, never through them; stdout carries no bar.

use std::process::{Command, Output};

use crate::support::{bin, sandbox, text};

/// The run of the fixture with `args` before `run pipeline.yaml`, bars drawn at once.
fn run(dir: &std::path::Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .env("KIDNAP_TRENDS_PROGRESS_DELAY_MS", "0")
        .args(args)
        .args(["run", "--force", "pipeline.yaml"])
        .output()
        .unwrap()
}

/// The screen a terminal shows after `s`: lines as written, with carriage returns, cursor moves
/// up and down, and line and screen erasures applied (colours ignored).
fn screen(s: &str) -> Vec<String> {
    let mut lines: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' if chars.peek() == Some(&'[') => {
                chars.next();
                let mut arg = String::new();
                let mut op = ' ';
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        op = c;
                        break;
                    }
                    arg.push(c);
                }
                let n: usize = arg.parse().unwrap_or(1);
                match op {
                    'A' => row = row.saturating_sub(n),
                    'B' => row += n,
                    'C' => col += n,
                    'D' => col = col.saturating_sub(n),
                    'K' => lines[row].clear(),
                    'J' => {
                        lines[row].truncate(col);
                        lines.truncate(row + 1);
                    }
                    _ => {}
                }
                while lines.len() <= row {
                    lines.push(Vec::new());
                }
            }
            '\r' => col = 0,
            '\n' => {
                row += 1;
                col = 0;
                while lines.len() <= row {
                    lines.push(Vec::new());
                }
            }
            c => {
                let line = &mut lines[row];
                while line.len() < col {
                    line.push(' ');
                }
                if col < line.len() {
                    line[col] = c;
                } else {
                    line.push(c);
                }
                col += 1;
            }
        }
    }
    lines
        .into_iter()
        .map(|l| l.into_iter().collect::<String>().trim_end().to_string())
        .collect()
}

const BAR: &str = "Writing the warehouse";

#[test]
fn always_draws_the_long_steps_and_keeps_log_lines_whole() {
    let tmp = sandbox();
    let out = run(tmp.path(), &["--progress", "always", "-v"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains(BAR), "no bar in:\n{err}");
    assert!(err.contains("Reading cts.csv"), "no bar in:\n{err}");
    // What the terminal shows at the end: every log line whole, no bar left over.
    let mut logs = 0;
    for line in screen(&err) {
        assert!(
            !line.contains(BAR) && !line.contains("Reading cts") && !line.contains("Checksum of"),
            "a bar left on the screen: {line:?}\n{err:?}"
        );
        if line.contains("Stage finished") || line.contains("Source read") {
            logs += 1;
            assert!(
                line.starts_with(" INFO") || line.starts_with("INFO"),
                "a log line torn by a bar: {line:?}"
            );
        }
    }
    assert!(logs >= 5, "{err}");
    let stdout = text(&out.stdout);
    assert!(
        !stdout.contains('\x1b') && !stdout.contains(BAR),
        "{stdout}"
    );
}

#[test]
fn never_and_auto_off_a_terminal_draw_nothing() {
    let tmp = sandbox();
    for args in [
        &["--progress", "never"][..],
        &[][..],
        &["--progress", "auto"][..],
    ] {
        let out = run(tmp.path(), args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(
            !err.contains(BAR) && !err.contains('\x1b'),
            "{args:?}:\n{err}"
        );
    }
}

/// The command under a pseudo-terminal (`script` from util-linux): its stdout and stderr as the
/// terminal shows them.
fn on_a_terminal(dir: &std::path::Path, args: &str) -> Option<String> {
    let script = Command::new("script").arg("--version").output();
    if script.is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "`script` (util-linux) is needed in CI"
        );
        return None;
    }
    let command = format!(
        "{} {args} run --force pipeline.yaml",
        env!("CARGO_BIN_EXE_kidnap-trends")
    );
    let out = Command::new("script")
        .current_dir(dir)
        .env("KIDNAP_TRENDS_PROGRESS_DELAY_MS", "0")
        .env("TERM", "xterm")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stdout));
    Some(text(&out.stdout))
}

#[test]
fn auto_draws_on_a_terminal_but_not_with_quiet_or_json_logs() {
    let tmp = sandbox();
    let Some(shown) = on_a_terminal(tmp.path(), "") else {
        return;
    };
    assert!(shown.contains(BAR), "no bar on a terminal:\n{shown}");
    for quiet in ["-q", "--log-format json", "--progress never"] {
        let shown = on_a_terminal(tmp.path(), quiet).unwrap();
        assert!(!shown.contains(BAR), "{quiet}: a bar:\n{shown}");
    }
}
