//! End-to-end through a real nginx (Debian's, with deploy/nginx.conf from the
//! repo, included exactly as docs/administrators.md says) on a loopback port, at the
//! root and under a sub-path: response headers, compression and `Vary`,
//! caching, SPA fallback, an edited bundle reaching every client, and the
//! app running under the strict CSP with no violations.

use rops_e2e::*;
use std::collections::HashMap;
use std::path::PathBuf;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// One HTTP answer: status, headers (lower-case names), the body as sent.
struct Answer {
    status: u16,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, k: &str) -> String {
        self.headers.get(k).cloned().unwrap_or_default()
    }

    /// The body after undoing its Content-Encoding.
    fn decoded(&self) -> Vec<u8> {
        use std::io::Read;
        let mut out = vec![];
        match self.headers.get("content-encoding").map(String::as_str) {
            None => out = self.body.clone(),
            Some("gzip") => {
                flate2::read::GzDecoder::new(&self.body[..])
                    .read_to_end(&mut out)
                    .unwrap();
            }
            Some("br") => {
                brotli_decompressor::Decompressor::new(&self.body[..], 4096)
                    .read_to_end(&mut out)
                    .unwrap();
            }
            Some(other) => panic!("unexpected encoding {other}"),
        }
        out
    }
}

/// A plain HTTP/1.1 GET (the body de-chunked when nginx compressed on the fly).
async fn get(base: &str, path: &str, accept_encoding: &str) -> Answer {
    let addr = base.trim_start_matches("http://");
    let addr = addr.split('/').next().unwrap();
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let ae = if accept_encoding.is_empty() {
        String::new()
    } else {
        format!("Accept-Encoding: {accept_encoding}\r\n")
    };
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n{ae}Connection: close\r\n\r\n");
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
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = buf[split + 4..].to_vec();
    if headers.get("transfer-encoding").map(String::as_str) == Some("chunked") {
        body = dechunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

/// Every kind of answer the site gives, with its headers, at `prefix`.
async fn check_headers(dist: PathBuf, prefix: &str) {
    let wasm = built_file(&dist, "rops-es-", "_bg.wasm");
    let js = built_file(&dist, "rops-es-", ".js");
    let css = built_file(&dist, "style-", ".css");
    // The content editor's own wasm and page (scripts/build.sh compresses
    // them, as post-build.mjs and publish do the visitors' files).
    let editor_wasm = built_file(&dist.join("editor"), "rops-editor-", "_bg.wasm");
    let n = start_nginx(&dist, prefix);
    let p = prefix.trim_end_matches('/');

    // (path, Accept-Encoding, status, type, cache, encoding)
    type Case<'a> = (String, &'a str, u16, &'a str, &'a str, Option<&'a str>);
    let cases: Vec<Case> = vec![
        ("/".into(), "br", 200, "text/html", "no-cache", Some("br")),
        (
            "/os-czasu/2015-mokes".into(),
            "gzip",
            200,
            "text/html",
            "no-cache",
            Some("gzip"),
        ),
        (
            "/en/funding?x=1".into(),
            "",
            200,
            "text/html",
            "no-cache",
            None,
        ),
        (
            format!("/{wasm}"),
            "br, gzip",
            200,
            "application/wasm",
            "immutable",
            Some("br"),
        ),
        (
            format!("/{js}"),
            "gzip",
            200,
            "javascript",
            "immutable",
            Some("gzip"),
        ),
        (
            format!("/{css}"),
            "br",
            200,
            "text/css",
            "immutable",
            Some("br"),
        ),
        (format!("/{css}"), "", 200, "text/css", "immutable", None),
        (
            format!("/editor/{editor_wasm}"),
            "br, gzip",
            200,
            "application/wasm",
            "immutable",
            Some("br"),
        ),
        (
            "/en/editor/".into(),
            "gzip",
            200,
            "text/html",
            "no-cache",
            Some("gzip"),
        ),
        (
            "/content/bundle.json".into(),
            "br",
            200,
            "application/json",
            "no-cache",
            Some("br"),
        ),
        (
            "/content/bundle.json".into(),
            "gzip",
            200,
            "application/json",
            "no-cache",
            Some("gzip"),
        ),
        (
            "/content/bundle.json".into(),
            "",
            200,
            "application/json",
            "no-cache",
            None,
        ),
        (
            "/manifest.webmanifest".into(),
            "",
            200,
            "application/manifest+json",
            "no-cache",
            None,
        ),
        ("/sw.js".into(), "", 200, "javascript", "no-cache", None),
        (
            "/boot.js".into(),
            "br",
            200,
            "javascript",
            "no-cache",
            Some("br"),
        ),
        (
            "/icons/icon-192.png".into(),
            "",
            200,
            "image/png",
            "max-age=604800",
            None,
        ),
        // trunk's hashes lose leading zeros: 8 to 16 hex digits are hashed assets.
        (
            "/rops-es-0a1b2c3d.js".into(),
            "",
            200,
            "javascript",
            "immutable",
            None,
        ),
        ("/nie-ma.png".into(), "", 404, "", "", None),
        // The template publish fills in is not a page.
        ("/app.template.html".into(), "", 404, "", "", None),
        ("/app.template.html.br".into(), "br", 404, "", "", None),
        // An unknown address: the published "not found" page (noindex).
        (
            "/nie-ma-takiej-strony".into(),
            "",
            200,
            "text/html",
            "no-cache",
            None,
        ),
        (
            "/sitemap.xml".into(),
            "gzip",
            200,
            "xml",
            "no-cache",
            Some("gzip"),
        ),
        (
            "/robots.txt".into(),
            "",
            200,
            "text/plain",
            "no-cache",
            None,
        ),
    ];
    // A short hash, as trunk writes when a hash starts with zeros.
    std::fs::copy(dist.join(&js), dist.join("rops-es-0a1b2c3d.js")).unwrap();
    for (path, enc, status, ctype, cache, content_enc) in cases {
        let a = get(&n.base, &format!("{p}{path}"), enc).await;
        assert_eq!(a.status, status, "{prefix}: {path}");
        if status != 200 {
            continue;
        }
        let got = |k: &str| a.header(k);
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
            a.headers.get("content-encoding").map(String::as_str),
            content_enc,
            "{prefix}: {path}: encoding"
        );
        // The editor's pages are never framed, whoever may embed the site.
        let csp = if path.starts_with("/edytor") || path.starts_with("/en/editor") {
            CSP.replace(
                "frame-ancestors 'self' http://127.0.0.1:*",
                "frame-ancestors 'none'",
            )
        } else {
            CSP.to_owned()
        };
        assert_eq!(got("content-security-policy"), csp, "{path}");
        assert_eq!(got("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(
            got("referrer-policy"),
            "strict-origin-when-cross-origin",
            "{path}"
        );
        assert!(
            got("strict-transport-security").contains("max-age="),
            "{path}: no HSTS"
        );
        // Anything that can be compressed says that it varies with
        // Accept-Encoding, whichever encoding this client got.
        if !ctype.starts_with("image/png") {
            assert!(
                got("vary").to_ascii_lowercase().contains("accept-encoding"),
                "{prefix}: {path} ({enc:?}): Vary is {:?}",
                got("vary")
            );
        }
        // The body is the file (a route's: its published page), whatever the encoding.
        let rel = path.split('?').next().unwrap().trim_matches('/');
        let on_disk = match (ctype, rel) {
            ("text/html", "") => "index.html".to_owned(),
            ("text/html", r) if dist.join(r).join("index.html").is_file() => {
                format!("{r}/index.html")
            }
            ("text/html", _) => "404.html".to_owned(),
            _ => rel.to_owned(),
        };
        assert_eq!(
            a.decoded(),
            std::fs::read(dist.join(on_disk)).unwrap(),
            "{prefix}: {path} ({enc:?}): body"
        );
    }
    std::fs::remove_file(dist.join("rops-es-0a1b2c3d.js")).unwrap();
}

#[tokio::test]
async fn nginx_serves_the_right_types_headers_compression_and_fallback() {
    let tmp = std::env::temp_dir().join(format!("rops-dist-headers-{}", std::process::id()));
    copy_dir(&dist_dir(), &tmp);
    check_headers(tmp.clone(), "/").await;
    let _ = std::fs::remove_dir_all(&tmp);
}

#[tokio::test]
async fn nginx_serves_the_sub_path_build_under_its_prefix() {
    let tmp = std::env::temp_dir().join(format!("rops-dist-sub-{}", std::process::id()));
    copy_dir(&dist_sub_dir(), &tmp);
    check_headers(tmp.clone(), "/ekonomia/").await;
    // Outside the prefix nothing of the app is served.
    let n = start_nginx(&tmp, "/ekonomia/");
    let root = n.base.trim_end_matches("/ekonomia");
    assert_eq!(get(root, "/sw.js", "").await.status, 404);
    // And the app itself runs there, under the strict CSP.
    let c = browser(PHONE).await;
    for (path, ready) in pages() {
        open(&c, &n, path, ready).await;
        let v = csp_violations(&c).await;
        assert!(v.is_empty(), "CSP violations on {path}: {v:#?}");
    }
    wait_js(&c, "navigator.serviceWorker.controller").await;
    c.close().await.unwrap();
    let _ = std::fs::remove_dir_all(&tmp);
}

#[tokio::test]
async fn an_edited_bundle_reaches_every_client_without_a_rebuild() {
    // The build leaves no compressed copy of the content to go stale.
    let dist = dist_dir();
    for f in ["bundle.json.br", "bundle.json.gz"] {
        assert!(
            !dist.join("content").join(f).exists(),
            "dist/content/{f} exists"
        );
    }
    let tmp = std::env::temp_dir().join(format!("rops-dist-edit-{}", std::process::id()));
    copy_dir(&dist, &tmp);
    let n = start_nginx(&tmp, "/");
    let path = "/content/bundle.json";
    let old = std::fs::read(tmp.join("content/bundle.json")).unwrap();
    let before = get(&n.base, path, "br").await;
    assert_eq!(before.decoded(), old);

    // An editor replaces the bundle on the live site (as docs/administrators.md allows).
    let edited = String::from_utf8(old.clone()).unwrap().replacen(
        "Nagroda główna RegioStars 2016",
        "Nagroda główna RegioStars 2016 (poprawione)",
        1,
    );
    assert_ne!(edited.as_bytes(), &old[..]);
    std::fs::write(tmp.join("content/bundle.json"), &edited).unwrap();
    for enc in ["br", "gzip", "br, gzip", ""] {
        let a = get(&n.base, path, enc).await;
        assert_eq!(a.status, 200);
        assert_eq!(
            String::from_utf8(a.decoded()).unwrap(),
            edited,
            "Accept-Encoding {enc:?} got the old bundle"
        );
        assert_ne!(
            a.header("etag"),
            before.header("etag"),
            "{enc:?}: same ETag"
        );
    }
    // And the app shows it.
    let c = browser(PHONE).await;
    visit(&c, &n, "/os-czasu?kind=award").await;
    wait_for_text(&c, "main", "(poprawione)").await;
    c.close().await.unwrap();
    let _ = std::fs::remove_dir_all(&tmp);
}

#[tokio::test]
async fn the_app_runs_through_nginx_under_the_strict_csp() {
    let n = start_nginx(&dist_dir(), "/");
    let c = browser(PHONE).await;
    let states = [
        ("/os-czasu?kind=award", TIMELINE.ready),
        ("/embed/finansowanie?theme=dark&accent=green", FUNDING.ready),
    ];
    for (path, ready) in pages().chain(states) {
        open(&c, &n, path, ready).await;
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
    // The header lets inline style through only with the page's own policy,
    // which names the one published <style> by its hash: that one applies
    // (the page is laid out by it), any other is refused.
    assert_eq!(
        js(&c, "return getComputedStyle(document.documentElement).getPropertyValue('--c-surface') !== ''").await,
        true,
        "the page's own stylesheet did not apply"
    );
    let styles = "return [...document.querySelectorAll('style')].length";
    assert_eq!(js(&c, styles).await, 1, "one inline <style>");
    js(&c, "const s = document.createElement('style'); s.textContent = 'body { visibility: hidden }'; document.head.appendChild(s);").await;
    js(
        &c,
        "document.body.setAttribute('style', 'visibility: hidden')",
    )
    .await;
    assert_eq!(
        js(&c, "return getComputedStyle(document.body).visibility").await,
        "visible",
        "an inline style that is not the page's own applied"
    );
    c.close().await.unwrap();
}

/// Every HTML file nginx serves narrows the header's inline-style
/// allowance with a page policy of its own (the published pages to their
/// one <style> by hash, the editor's pages to none), or is not served.
#[tokio::test]
async fn every_html_file_served_has_a_page_policy_narrowing_inline_style() {
    let dist = dist_dir();
    let n = start_nginx(&dist, "/");
    let mut files = vec![];
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    walk(&dist, &mut files);
    assert!(files.len() > 20, "{} HTML files", files.len());
    let mut editor_pages = 0;
    for f in files {
        let rel = f
            .strip_prefix(&dist)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let a = get(&n.base, &format!("/{rel}"), "").await;
        if rel == "app.template.html" {
            assert_eq!(a.status, 404, "{rel}");
            continue;
        }
        assert_eq!(a.status, 200, "{rel}");
        let body = String::from_utf8(a.decoded()).unwrap();
        let policy = body
            .split("http-equiv=\"Content-Security-Policy\" content=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("{rel}: no page policy"));
        let style = policy
            .split(';')
            .find(|d| d.trim().starts_with("style-src"))
            .unwrap_or_else(|| panic!("{rel}: no style-src in {policy}"));
        assert!(!style.contains("unsafe-inline"), "{rel}: {style}");
        editor_pages += usize::from(rel.contains("edytor/") || rel.contains("editor/"));
    }
    assert_eq!(editor_pages, 3, "edytor/, en/editor/ and editor/index.html");
}
