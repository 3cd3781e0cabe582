//! `preview` as a report author uses it: headless Chromium opens the served page once and
//! keeps it open (driven over the DevTools protocol on a pipe, never navigated again); a
//! figure's title changed in `report.yaml` shows in that same page, a broken template shows
//! its error there, and the mended template brings the document back. Also: the served page
//! is the published `report.html` plus only the reload snippet; a foreign `Host`, paths outside
//! the document, absolute URLs and other methods are refused; "nothing published yet"; a
//! killed preview's folder is removed at the next start; SIGTERM stops it cleanly.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::{bin, edit, own_report, run_in, sandbox, text};

/// A running preview; killed if the test ends early.
pub(crate) struct Preview {
    child: Child,
    pub(crate) port: u16,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(dir: &Path) -> Preview {
    start_with(dir, &[])
}

/// `preview pipeline.yaml` with `extra` arguments, once it says where it serves.
pub(crate) fn start_with(dir: &Path, extra: &[&str]) -> Preview {
    let mut child = bin()
        .current_dir(dir)
        .args(["preview", "pipeline.yaml"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    // Killed when the test ends, even if it fails before the preview says where it serves.
    let mut preview = Preview { child, port: 0 };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let line = loop {
        let line = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("the preview says where it serves");
        if line.starts_with("Preview at") {
            break line;
        }
    };
    let url = line
        .strip_prefix("Preview at http://127.0.0.1:")
        .unwrap_or_else(|| panic!("{line}"));
    preview.port = url.split('/').next().unwrap().parse().unwrap();
    // The rest of its output is read and dropped.
    std::thread::spawn(move || while rx.recv().is_ok() {});
    preview
}

/// One raw HTTP request: (status, body).
fn request(port: u16, method: &str, target: &str, host: &str) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, raw[end + 4..].to_vec())
}

pub(crate) fn get(port: u16, target: &str) -> (u16, Vec<u8>) {
    request(port, "GET", target, &format!("127.0.0.1:{port}"))
}

/// The fixture with a report folder of its own, published once.
fn published() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = sandbox();
    let report = own_report(tmp.path());
    let run = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    (tmp, report)
}

/// `html` without the preview's reload snippet.
fn without_snippet(html: &str) -> String {
    let start = html
        .find("<script id=\"kidnap-trends-preview\">")
        .expect("the reload snippet");
    let end = start + html[start..].find("</script>").unwrap() + "</script>".len();
    format!("{}{}", &html[..start], &html[end..])
}

#[test]
fn the_served_page_is_the_published_one_and_only_the_document_is_served() {
    let (tmp, _) = published();
    let preview = start(tmp.path());
    let port = preview.port;
    let (status, page) = get(port, "/");
    assert_eq!(status, 200);
    let published = std::fs::read_to_string(tmp.path().join("out/report.html")).unwrap();
    let page = String::from_utf8(page).unwrap();
    assert_eq!(without_snippet(&page), published, "served page ≠ published");
    assert!(
        !published.contains("<script"),
        "the published page has no script"
    );
    let svg = std::fs::read(tmp.path().join("out/figures/F1.svg")).unwrap();
    assert_eq!(get(port, "/figures/F1.svg"), (200, svg));
    for (method, target, host, want) in [
        ("GET", "/", "evil.example", 403),
        ("GET", "/", &format!("evil.example:{port}") as &str, 403),
        ("GET", "/../out/manifest.json", "", 400),
        ("GET", "/figures/%2e%2e/%2e%2e/pipeline.yaml", "", 400),
        ("GET", "http://evil.example/", "", 400),
        ("GET", "//evil.example/x", "", 400),
        ("GET", "/manifest.json", "", 404),
        ("GET", "/warehouse/observations.parquet", "", 404),
        ("POST", "/", "", 405),
    ] {
        let host = if host.is_empty() {
            format!("127.0.0.1:{port}")
        } else {
            host.to_string()
        };
        let (status, _) = request(port, method, target, &host);
        assert_eq!(status, want, "{method} {target} Host: {host}");
    }
}

#[test]
fn nothing_published_yet_and_a_killed_previews_folder() {
    let tmp = sandbox();
    let out = run_in(tmp.path(), &["preview", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("nothing published yet") && err.contains("kidnap-trends run"),
        "{err}"
    );
    let run = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    // A killed preview's folder (its process is gone) and a folder of the user's that only
    // looks like one.
    let dead = tmp.path().join(".out.preview-99999999");
    std::fs::create_dir_all(dead.join("figures")).unwrap();
    std::fs::write(dead.join(".kidnap-trends-preview"), "").unwrap();
    std::fs::write(dead.join("report.html"), "old").unwrap();
    let users = tmp.path().join(".out.preview-99999998");
    std::fs::create_dir_all(&users).unwrap();
    std::fs::write(users.join("notes.txt"), "mine").unwrap();
    // The sources changed since the output was published: the page says so.
    edit(&tmp.path().join("cts.csv"), |s| format!("{s}\n"));
    let mut preview = start(tmp.path());
    let (_, page) = get(preview.port, "/");
    let page = String::from_utf8(page).unwrap();
    assert!(
        page.contains("kidnap-trends-preview-banner") && page.contains("sources changed"),
        "no banner"
    );
    assert!(!dead.exists(), "a killed preview's folder stays");
    assert!(
        users.join("notes.txt").exists(),
        "a folder of the user's was removed"
    );
    let mine = tmp
        .path()
        .join(format!(".out.preview-{}", preview.child.id()));
    assert!(mine.join("report.html").is_file());
    assert!(!mine.join("report.pdf").exists(), "PDF only with --pdf");
    // SIGTERM: a clean stop, its folder removed, the published output untouched.
    let before = std::fs::read(tmp.path().join("out/manifest.json")).unwrap();
    // SAFETY: a signal to the child this test started.
    unsafe {
        libc::kill(preview.child.id() as libc::pid_t, libc::SIGTERM);
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(s) = preview.child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "the preview does not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    assert!(!mine.exists(), "the preview's folder stays");
    let after = std::fs::read(tmp.path().join("out/manifest.json")).unwrap();
    assert_eq!(before, after);
}

/// Chromium driven over `--remote-debugging-pipe`: commands in on fd 3, answers out on fd 4,
/// each a JSON text ended by a NUL.
struct Browser {
    child: Child,
    to: std::fs::File,
    from: mpsc::Receiver<serde_json::Value>,
    next: u64,
    session: Option<String>,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn pipe() -> (std::fs::File, std::fs::File) {
    use std::os::fd::FromRawFd;
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: both descriptors were just made and are owned here only.
    unsafe {
        (
            std::fs::File::from_raw_fd(fds[0]),
            std::fs::File::from_raw_fd(fds[1]),
        )
    }
}

impl Browser {
    fn start(browser: &str) -> Browser {
        use std::os::fd::AsRawFd;
        let (in_read, in_write) = pipe();
        let (out_read, out_write) = pipe();
        let profile = tempfile::tempdir().unwrap();
        let (r, w) = (in_read.as_raw_fd(), out_write.as_raw_fd());
        let mut command = Command::new(browser);
        command
            .args(crate::browser::HEADLESS)
            .args(["--remote-debugging-pipe", "about:blank"])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: only fcntl and dup2 between fork and exec. Both ends are first copied above
        // 10 (either may be 3 or 4 itself, and a dup2 onto itself would keep close-on-exec);
        // the copies on 3 and 4 stay open in Chromium.
        unsafe {
            command.pre_exec(move || {
                let (r, w) = (
                    libc::fcntl(r, libc::F_DUPFD_CLOEXEC, 10),
                    libc::fcntl(w, libc::F_DUPFD_CLOEXEC, 10),
                );
                if r < 0 || w < 0 || libc::dup2(r, 3) < 0 || libc::dup2(w, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().unwrap();
        drop((in_read, out_write));
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(out_read);
            loop {
                let mut message = Vec::new();
                match reader.read_until(0, &mut message) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        message.pop();
                        if let Ok(v) = serde_json::from_slice(&message)
                            && tx.send(v).is_err()
                        {
                            break;
                        }
                    }
                }
            }
        });
        Browser {
            child,
            to: in_write,
            from: rx,
            next: 0,
            session: None,
            _profile: profile,
        }
    }

    fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.next += 1;
        let id = self.next;
        let mut message = serde_json::json!({ "id": id, "method": method, "params": params });
        if let Some(s) = &self.session {
            message["sessionId"] = serde_json::Value::String(s.clone());
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let answer = self
                .from
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no answer to {method}"));
            if answer["id"] == id {
                assert!(answer.get("error").is_none(), "{method}: {answer}");
                return answer["result"].clone();
            }
        }
    }

    /// `expression` evaluated in the page, as JSON.
    fn eval(&mut self, expression: &str) -> serde_json::Value {
        let r = self.call(
            "Runtime.evaluate",
            serde_json::json!({ "expression": expression, "returnByValue": true }),
        );
        r["result"]["value"].clone()
    }

    /// Wait until `expression` is true in the page.
    fn until(&mut self, expression: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if self.eval(expression) == serde_json::Value::Bool(true) {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let body = self.eval("document.body ? document.body.innerText.slice(0, 2000) : ''");
        panic!("{what}: not seen in the page:\n{body}");
    }
}

#[test]
fn one_open_page_follows_the_authors_edits_errors_and_mends() {
    let Some(browser) = crate::browser::chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is required in CI (.ci/run installs it)"
        );
        eprintln!("skipping: no Chromium on this machine");
        return;
    };
    let (tmp, report) = published();
    let preview = start(tmp.path());
    let mut b = Browser::start(browser);
    let url = format!("http://127.0.0.1:{}/", preview.port);
    let target = b.call("Target.createTarget", serde_json::json!({ "url": url }));
    let target = target["targetId"].as_str().unwrap().to_string();
    let attached = b.call(
        "Target.attachToTarget",
        serde_json::json!({ "targetId": target, "flatten": true }),
    );
    b.session = Some(attached["sessionId"].as_str().unwrap().to_string());
    b.until(
        "document.readyState === 'complete' && !!document.getElementById('kidnap-trends-preview')",
        "the document",
    );
    // A mark the tab keeps across its own reloads, and the scroll position.
    b.eval("sessionStorage.setItem('kidnap-trends-test', 'same tab'); window.scrollTo(0, 600); window.scrollY");
    let catalogue = report.join("locales/en/report.ftl");
    let title = "Countries and areas reporting kidnapping data, edited in preview";
    edit(&catalogue, |s| {
        // The first figure's title: the value of message F1.
        let at = s.find("\nF1 = ").expect("figure F1's title") + 1;
        let end = at + s[at..].find('\n').unwrap();
        format!("{}F1 = {title}{}", &s[..at], &s[end..])
    });
    b.until(
        &format!("document.body.innerText.includes({title:?})"),
        "the new title",
    );
    assert_eq!(
        b.eval("sessionStorage.getItem('kidnap-trends-test')"),
        "same tab"
    );
    assert_eq!(
        b.eval("performance.getEntriesByType('navigation')[0].type"),
        "reload"
    );
    let y = b.eval("window.scrollY").as_f64().unwrap_or(0.0);
    assert!(y > 300.0, "the scroll position is kept: {y}");
    // A broken template: the page says where.
    let narrative = report.join("narrative.j2");
    let good = std::fs::read_to_string(&narrative).unwrap();
    std::fs::write(&narrative, format!("{good}\n{{% if %}}\n")).unwrap();
    b.until(
        "(document.getElementById('kidnap-trends-preview-error') || {innerText: ''}).innerText.includes('narrative.j2')",
        "the template error",
    );
    let error = b.eval("document.getElementById('kidnap-trends-preview-error').innerText");
    assert!(error.as_str().unwrap().contains("line"), "{error}");
    assert_eq!(
        b.eval("!!document.querySelector('a[href=\"/__preview/last-good\"]')"),
        true
    );
    // Mended: the document again, with the new title.
    std::fs::write(&narrative, &good).unwrap();
    b.until(
        &format!(
            "!document.getElementById('kidnap-trends-preview-error') && document.body.innerText.includes({title:?})"
        ),
        "the mended document",
    );
    drop(preview);
}
