//! End-to-end through a real nginx (Debian's, with deploy/nginx.conf from the
//! repo) on a loopback port: response headers, compression, caching, SPA
//! fallback, and the app running under the strict CSP with no violations.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

struct Nginx {
    child: Child,
    base: String,
    _dir: PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_nginx() -> Nginx {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dist = dist_dir();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = std::env::temp_dir().join(format!("rops-nginx-{port}"));
    std::fs::create_dir_all(dir.join("tmp")).unwrap();
    std::fs::copy(
        repo.join("deploy/security-headers.conf"),
        dir.join("rops-security-headers.conf"),
    )
    .unwrap();
    let d = dir.display();
    let conf = format!(
        "worker_processes 1;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\n\
         load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n\
           client_body_temp_path {d}/tmp/body; proxy_temp_path {d}/tmp/proxy; fastcgi_temp_path {d}/tmp/fcgi;\n\
           uwsgi_temp_path {d}/tmp/uwsgi; scgi_temp_path {d}/tmp/scgi;\n\
           server {{\n    listen 127.0.0.1:{port};\n    root {dist};\n\
             set $rops_frame_ancestors \"'self' http://127.0.0.1:*\";\n    include {repo}/deploy/nginx.conf;\n  }}\n}}\n",
        dist = dist.display(),
        repo = repo.display(),
    );
    std::fs::write(dir.join("nginx.conf"), conf).unwrap();
    let child = Command::new("nginx")
        .args([
            "-p",
            &d.to_string(),
            "-c",
            &dir.join("nginx.conf").display().to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nginx on PATH (scripts/setup.sh --browser installs it)");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Nginx {
        child,
        base: format!("http://127.0.0.1:{port}"),
        _dir: dir,
    }
}

/// A plain HTTP/1.1 GET: status, headers (lower-case names), body length.
async fn get(
    base: &str,
    path: &str,
    accept_encoding: &str,
) -> (u16, HashMap<String, String>, usize) {
    let addr = base.trim_start_matches("http://");
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept-Encoding: {accept_encoding}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = vec![];
    s.read_to_end(&mut buf).await.unwrap();
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers, buf.len() - split - 4)
}

#[tokio::test]
async fn nginx_serves_the_right_types_headers_compression_and_fallback() {
    let n = start_nginx();
    let dist = dist_dir();
    let file = |pat: &str| {
        std::fs::read_dir(&dist)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .find(|f| (f.starts_with("rops-es-") || f.starts_with("style-")) && f.ends_with(pat))
            .unwrap()
    };
    let (wasm, js, css) = (file("_bg.wasm"), file(".js"), file(".css"));
    let csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self' http://127.0.0.1:*; base-uri 'self'; object-src 'none'; manifest-src 'self'; worker-src 'self'";

    for (path, enc, status, ctype, cache, content_enc) in [
        ("/", "br", 200, "text/html", "no-cache", Some("br")),
        (
            "/os-czasu/2015-mokes",
            "gzip",
            200,
            "text/html",
            "no-cache",
            Some("gzip"),
        ),
        ("/en/funding?x=1", "", 200, "text/html", "no-cache", None),
        (
            &*format!("/{wasm}"),
            "br, gzip",
            200,
            "application/wasm",
            "immutable",
            Some("br"),
        ),
        (
            &*format!("/{js}"),
            "gzip",
            200,
            "javascript",
            "immutable",
            Some("gzip"),
        ),
        (
            &*format!("/{css}"),
            "br",
            200,
            "text/css",
            "immutable",
            Some("br"),
        ),
        (
            "/content/bundle.json",
            "br",
            200,
            "application/json",
            "no-cache",
            Some("br"),
        ),
        (
            "/manifest.webmanifest",
            "",
            200,
            "application/manifest+json",
            "no-cache",
            None,
        ),
        ("/sw.js", "", 200, "javascript", "no-cache", None),
        (
            "/icons/icon-192.png",
            "",
            200,
            "image/png",
            "max-age=604800",
            None,
        ),
        ("/nie-ma.png", "", 404, "", "", None),
    ] {
        let (st, h, _) = get(&n.base, path, enc).await;
        assert_eq!(st, status, "{path}");
        if status != 200 {
            continue;
        }
        let got = |k: &str| h.get(k).cloned().unwrap_or_default();
        assert!(
            got("content-type").contains(ctype),
            "{path}: content-type {}",
            got("content-type")
        );
        assert!(
            got("cache-control").contains(cache),
            "{path}: cache-control {}",
            got("cache-control")
        );
        assert_eq!(
            h.get("content-encoding").map(String::as_str),
            content_enc,
            "{path}: encoding"
        );
        assert_eq!(got("content-security-policy"), csp, "{path}");
        assert_eq!(got("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(
            got("referrer-policy"),
            "strict-origin-when-cross-origin",
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_app_runs_through_nginx_under_the_strict_csp() {
    let n = start_nginx();
    let c = browser(PHONE.0, PHONE.1).await;
    for (path, ready) in [
        ("/", "[data-testid=org-summary]"),
        ("/os-czasu?kind=award", "[data-testid=event]"),
        ("/os-czasu/2015-mokes", "[data-testid=event-detail]"),
        ("/en/funding", "[data-testid=funding-table]"),
        ("/deklaracja-dostepnosci", "#a11y-podmiot"),
        ("/osadz", "[data-testid=embed-snippet]"),
        (
            "/embed/finansowanie?theme=dark&accent=green",
            "[data-testid=funding-table]",
        ),
    ] {
        c.goto(&format!("{}{path}", n.base)).await.unwrap();
        wait_for(&c, ready).await;
        let v = csp_violations(&c).await;
        assert!(v.is_empty(), "CSP violations on {path}: {v:#?}");
    }
    // The service worker registers under the policy too.
    wait_js(&c, "navigator.serviceWorker.controller").await;
    let v = csp_violations(&c).await;
    assert!(v.is_empty(), "CSP violations: {v:#?}");
    // Control: the policy is really enforced and a violation would be seen.
    js(&c, "const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.appendChild(s);").await;
    assert_eq!(
        js(&c, "return window.__inline === undefined").await,
        true,
        "inline script ran"
    );
    let mut seen = vec![];
    for _ in 0..20 {
        seen = csp_violations(&c).await;
        if !seen.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        !seen.is_empty(),
        "the blocked inline script was not reported"
    );
    c.close().await.unwrap();
}
