//! The preview's web server, on the loopback address only: the rendered document's files and
//! nothing else, the page with a reload snippet, and a stream of server-sent events that tells
//! an open page to reload itself after each render. Standard library only: one thread per
//! connection (a preview has one or two readers).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::report::document::html::escape;

/// The path of the event stream, as [`local_path`] gives it (no file of a report is named
/// like it; its URL is `/` and this).
pub const EVENTS: &str = "__preview/events";
/// The last good document, while the page shows an error.
pub const LAST_GOOD: &str = "__preview/last-good";

/// What the server shows, changed by each render.
#[derive(Default)]
pub struct Shown {
    /// Counts the renders, good or not: an open page of another version reloads.
    pub version: u64,
    /// The files of the last good render, by path relative to the document.
    pub files: Arc<BTreeMap<String, Vec<u8>>>,
    /// The last render's error (file, line and message), until a good one.
    pub error: Option<String>,
    /// A warning above the document (the sources changed since it was published).
    pub banner: Option<String>,
}

/// The shown state and the condition the event streams wait on.
#[derive(Default)]
pub struct State {
    shown: Mutex<Shown>,
    changed: Condvar,
}

impl State {
    /// Change what is shown and wake the event streams.
    pub fn update(&self, f: impl FnOnce(&mut Shown)) {
        let mut s = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut s);
        s.version += 1;
        self.changed.notify_all();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shown> {
        self.shown.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Serve `state` on `listener` until `stop` is set.
pub fn serve(listener: TcpListener, state: Arc<State>, stop: &'static AtomicBool) {
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
    if listener.set_nonblocking(true).is_err() {
        return;
    }
    while !stop.load(Ordering::Relaxed) {
        match listener.accept() {
            Ok((stream, _)) => {
                let state = state.clone();
                std::thread::spawn(move || {
                    let _ = stream.set_nonblocking(false);
                    let _ = handle(stream, port, &state, stop);
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(_) => std::thread::sleep(Duration::from_millis(25)),
        }
    }
    state.changed.notify_all();
}

/// A request as far as the server reads it.
struct Request {
    method: String,
    target: String,
    host: Option<String>,
}

fn read_request(stream: &TcpStream) -> std::io::Result<Option<Request>> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream).take(16 * 1024);
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Ok(None);
    };
    let mut request = Request {
        method: method.to_string(),
        target: target.to_string(),
        host: None,
    };
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("host")
        {
            request.host = Some(value.trim().to_string());
        }
    }
    Ok(Some(request))
}

fn handle(
    mut stream: TcpStream,
    port: u16,
    state: &State,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    let Some(req) = read_request(&stream)? else {
        return Ok(());
    };
    // Only a page opened at this machine's loopback address (no other site's page, through a
    // name that points here, may read the document).
    let loopback = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    if !req
        .host
        .as_deref()
        .is_some_and(|h| loopback.iter().any(|l| l.eq_ignore_ascii_case(h)))
    {
        return respond(
            &mut stream,
            403,
            "text/plain",
            b"Forbidden: not a loopback host\n",
        );
    }
    if req.method != "GET" && req.method != "HEAD" {
        return respond(&mut stream, 405, "text/plain", b"Only GET and HEAD\n");
    }
    let Some(path) = local_path(&req.target) else {
        return respond(&mut stream, 400, "text/plain", b"Bad path\n");
    };
    let head = req.method == "HEAD";
    match path.as_str() {
        EVENTS => events(stream, state, stop),
        "" | "report.html" => {
            let page = page(state, false);
            send(&mut stream, 200, "text/html; charset=utf-8", &page, head)
        }
        LAST_GOOD => {
            let page = page(state, true);
            send(&mut stream, 200, "text/html; charset=utf-8", &page, head)
        }
        p => {
            let files = state.lock().files.clone();
            match files.get(p) {
                Some(bytes) => send(&mut stream, 200, content_type(p), bytes, head),
                None => respond(
                    &mut stream,
                    404,
                    "text/plain",
                    b"Not a file of the document\n",
                ),
            }
        }
    }
}

/// The path of a request target relative to the document ("" for the page), or `None` for
/// one that is not the document's to give: an absolute URL, `..`, a backslash, a NUL.
pub fn local_path(target: &str) -> Option<String> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let rest = path.strip_prefix('/')?;
    if rest.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(rest)?;
    let ok = !decoded.contains(['\\', '\0'])
        && decoded
            .split('/')
            .all(|seg| seg != ".." && seg != "." && !seg.contains(':'));
    ok.then_some(decoded)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

/// The page: the document as `render` writes it with the reload snippet, or the error of the
/// last render (with a link to the last good document), or the last good document itself.
fn page(state: &State, last_good: bool) -> Vec<u8> {
    let s = state.lock();
    let html = s.files.get("report.html");
    match (&s.error, html) {
        (Some(error), _) if !last_good => error_page(s.version, error, html.is_some()),
        (_, Some(html)) => with_snippet(html, s.version, s.banner.as_deref()),
        (_, None) => error_page(s.version, "No document has been rendered yet.", false),
    }
}

/// `html` with the reload snippet (and a banner, if any) before its closing body tag; nothing
/// else of it changes.
pub fn with_snippet(html: &[u8], version: u64, banner: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let at = text.rfind("</body>").unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + 1024);
    out.push_str(&text[..at]);
    if let Some(b) = banner {
        out.push_str(&format!(
            "<div id=\"kidnap-trends-preview-banner\" style=\"position:fixed;top:0;left:0;right:0;padding:.5em 1em;background:#fff3cd;border-bottom:1px solid #c9a227;font:14px sans-serif;z-index:9\">{}</div>",
            escape(b)
        ));
    }
    out.push_str(&snippet(version));
    out.push_str(&text[at..]);
    out.into_bytes()
}

/// The script a preview adds: reload when the server has rendered another version, keeping
/// the scroll position.
pub fn snippet(version: u64) -> String {
    format!(
        "<script id=\"kidnap-trends-preview\">(function(){{var shown=\"{version}\",key=\"kidnap-trends-preview-scroll\";var y=sessionStorage.getItem(key);if(y!==null){{sessionStorage.removeItem(key);window.scrollTo(0,+y);window.addEventListener(\"load\",function(){{window.scrollTo(0,+y);}});}}var events=new EventSource(\"/{EVENTS}\");events.onmessage=function(e){{if(e.data!==shown){{sessionStorage.setItem(key,String(window.scrollY));events.close();location.reload();}}}};}})();</script>"
    )
}

fn error_page(version: u64, error: &str, last_good: bool) -> Vec<u8> {
    let link = if last_good {
        format!("<p><a href=\"/{LAST_GOOD}\">The last good document</a></p>")
    } else {
        String::new()
    };
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Preview: the document could not be rendered</title></head><body style=\"font:16px sans-serif;margin:2em\"><h1 style=\"font-size:1.3em;color:#a40000\">The document could not be rendered</h1><pre id=\"kidnap-trends-preview-error\" style=\"white-space:pre-wrap;background:#f6f6f6;padding:1em\">{}</pre>{link}<p>Save the file again once it is mended: this page follows.</p></body></html>\n",
        escape(error)
    );
    with_snippet(body.as_bytes(), version, None)
}

/// The event stream: the version now, then each new one, until the page goes or the preview
/// stops.
fn events(mut stream: TcpStream, state: &State, stop: &AtomicBool) -> std::io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n",
    )?;
    let mut sent = None;
    let mut shown = state.lock();
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if sent != Some(shown.version) {
            let v = shown.version;
            drop(shown);
            stream.write_all(format!("data: {v}\n\n").as_bytes())?;
            stream.flush()?;
            sent = Some(v);
            shown = state.lock();
            continue;
        }
        let (guard, timeout) = state
            .changed
            .wait_timeout(shown, Duration::from_secs(5))
            .unwrap_or_else(|e| e.into_inner());
        shown = guard;
        if timeout.timed_out() {
            drop(shown);
            // A closed page shows here, as a failed write.
            stream.write_all(b": still here\n\n")?;
            shown = state.lock();
        }
    }
}

fn respond(stream: &mut TcpStream, status: u16, kind: &str, body: &[u8]) -> std::io::Result<()> {
    send(stream, status, kind, body, false)
}

fn send(
    stream: &mut TcpStream,
    status: u16,
    kind: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };
    // The page may run its own snippet and read this server; it may not reach anything else.
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src data:; script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_documents_own_paths() {
        assert_eq!(local_path("/").as_deref(), Some(""));
        assert_eq!(
            local_path("/figures/F1.svg?x=1").as_deref(),
            Some("figures/F1.svg")
        );
        assert_eq!(
            local_path("/tables/T%201.csv").as_deref(),
            Some("tables/T 1.csv")
        );
        assert_eq!(local_path(&format!("/{EVENTS}")).as_deref(), Some(EVENTS));
        for refused in [
            "/../manifest.json",
            "/figures/../../etc/passwd",
            "/%2e%2e/secret",
            "//evil.example/x",
            "http://evil.example/",
            "/a\\b",
            "/c:/windows",
            "/%00",
            "/%zz",
            "relative",
        ] {
            assert_eq!(local_path(refused), None, "{refused}");
        }
    }

    #[test]
    fn the_snippet_goes_before_the_closing_body_tag_and_nothing_else_changes() {
        let html = b"<html><body><p>a</p></body></html>\n";
        let served = with_snippet(html, 3, None);
        let served = String::from_utf8(served).unwrap();
        assert_eq!(
            served.replace(&snippet(3), ""),
            String::from_utf8_lossy(html)
        );
        assert!(served.contains("var shown=\"3\""));
    }
}
