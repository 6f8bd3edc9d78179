//! End-to-end: publishing from the editor through the real server parts
//! (#24). The site is a published copy of `dist/` served by
//! `deploy/serve.sh` (Debian's nginx with deploy/'s configuration: the app,
//! and the WebDAV upload location behind auth_basic), and `publish --watch`
//! publishes what lands in its upload folder. The editor in Chromium sends
//! its draft there and shows what became of it: published (the live page
//! changes within 10 s, in its HTML and in the app), refused with the
//! faults at their fields, a wrong password, a server gone, a copy made
//! before another editor's publish, rollback, and a rollback to a version
//! that no longer passes. The upload location itself is tried with what a
//! browser does not send: no password, too large, cut off midway, two at
//! once, and faulty files.

use rops_e2e::*;
use serde_json::Value;
use std::time::{Duration, Instant};

const READY: &str = "[data-testid=section-events] #f-events-0";

fn published() -> Value {
    serde_json::from_str(&bundle()).unwrap()
}

/// The watcher runs [`publish_exe`]: scripts/test.sh names the debug build,
/// whose publish time is a release's (brotli and sha2 are optimised in
/// both), so that the 10 s below is a deployment's.
fn start() -> Live {
    Live::start(&dist_dir(), &publish_exe())
}

fn event_page(i: usize) -> String {
    format!(
        "/os-czasu/{}/",
        published()["events"][i]["id"].as_str().unwrap()
    )
}

/// The page's HTML as the server sends it (no JavaScript runs).
fn html(live: &Live, path: &str) -> String {
    let (code, _, body) = http(live.port, "GET", path, None, &[]);
    assert_eq!(code, 200, "GET {path}");
    String::from_utf8(body).unwrap()
}

/// Waits (10 s at most) until the HTML of `path` holds `text`; how long it took.
fn live_within_10_s(live: &Live, path: &str, text: &str, since: Instant) -> Duration {
    loop {
        if html(live, path).contains(text) {
            return since.elapsed();
        }
        assert!(
            since.elapsed() < Duration::from_secs(10),
            "{path} does not show {text:?} 10 s after publishing"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

async fn log_in(c: &Client, password: &str) {
    type_into(c, "publish-user", EDITOR_USER).await;
    type_into(c, "publish-password", password).await;
}

/// An upload as the editor makes it: `bundle` made from version `base`.
fn upload(live: &Live, request: &str, base: &str, bundle: &Value) -> u16 {
    let body = serde_json::to_vec_pretty(bundle).unwrap();
    let auth = basic(EDITOR_USER, EDITOR_PASSWORD);
    http(
        live.port,
        "PUT",
        &format!("/upload/{request}@{base}.json"),
        Some(&auth),
        &body,
    )
    .0
}

/// A logo the editor finds well named (`rops.svg`, described in both
/// languages), but that the server does not have: only the server can tell.
async fn name_a_logo_the_server_lacks(c: &Client) {
    type_into(c, "f-organisation-logo-file", "rops.svg").await;
    type_into(c, "f-organisation-logo-alt-pl", "Logo ROPS").await;
    type_into(c, "f-organisation-logo-alt-en", "ROPS logo").await;
    wait_js(
        c,
        "document.querySelector('[data-testid=error-summary]').hidden",
    )
    .await;
}

fn retitled(i: usize, title: &str) -> Value {
    let mut b = published();
    b["events"][i]["title"]["pl"] = title.into();
    b
}

#[tokio::test]
async fn an_event_retitled_in_the_editor_is_live_within_ten_seconds() {
    let live = start();
    live.warm();
    let before = live.version();
    let c = browser(DESKTOP).await;
    open(&c, &live, "/edytor", READY).await;
    let title = "Lider Partnerstwa EQUAL – tytuł poprawiony w edytorze";
    open_item(&c, "f-events-0").await;
    type_into(&c, "f-events-0-title-pl", title).await;
    log_in(&c, EDITOR_PASSWORD).await;
    let page = event_page(0);
    assert!(!html(&live, &page).contains(title));

    let clicked = Instant::now();
    click(&c, "[data-testid=publish]").await;
    let took = live_within_10_s(&live, &page, title, clicked);
    eprintln!("the retitled event was live after {} ms", took.as_millis());
    // The HTML itself, as served without JavaScript: the title in <title>.
    let served = html(&live, &page);
    assert!(
        served.contains(&format!("<title>{title}")),
        "<title> of {page}"
    );

    // The editor says so, with the live site's link, and the draft has no
    // unpublished changes left.
    let done = wait_for_text(&c, "[data-testid=publish-done]", "Opublikowano").await;
    let version = live.version();
    assert_ne!(version, before);
    assert!(done.contains(&version), "{done}");
    assert_eq!(
        attr(&c, "[data-testid=publish-link]", "href").await,
        live.url("/")
    );
    wait_js(
        &c,
        "Object.values(localStorage).some(v => v.includes('\"dirty\":false') && v.includes('Lider Partnerstwa EQUAL – tytuł poprawiony'))",
    )
    .await;
    // The previous version is offered for rollback.
    wait_for(&c, "[data-testid=versions]").await;
    assert_axe_clean_in_both_themes(&c, "the editor, published").await;

    // In the app: the page taken over by the app shows it too.
    open(&c, &live, &page, "h1").await;
    wait_taken_over(&c).await;
    wait_for_text(&c, "h1", title).await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_wrong_password_server_faults_and_a_lost_server_change_nothing_and_keep_the_draft() {
    let mut live = start();
    let version = live.version();
    let index = html(&live, "/");
    let c = browser(DESKTOP).await;
    open(&c, &live, "/en/editor", READY).await;
    name_a_logo_the_server_lacks(&c).await;

    // A wrong password: said, nothing sent on.
    log_in(&c, "not-the-password").await;
    click(&c, "[data-testid=publish]").await;
    wait_for_text(
        &c,
        "[data-testid=publish-password-wrong]",
        "Wrong user or password",
    )
    .await;
    assert_eq!(live.uploads(), Vec::<String>::new());
    assert_axe_clean_in_both_themes(&c, "the editor, wrong password").await;

    // The server's faults: at their fields, the site unchanged.
    log_in(&c, EDITOR_PASSWORD).await;
    click(&c, "[data-testid=publish]").await;
    let said = wait_for_text(&c, "[data-testid=publish-refused]", "rops.svg").await;
    assert!(said.contains("the server has no logo file"), "{said}");
    assert!(said.contains("Nothing changed on the site"), "{said}");
    let link = "[data-testid=publish-refused] a[href='#f-organisation-logo-file']";
    wait_for(&c, link).await;
    assert_eq!(
        js(&c, "return document.activeElement.dataset.testid").await,
        "publish-status",
        "the refusal takes focus"
    );
    assert_axe_clean_in_both_themes(&c, "the editor, refused by the server").await;
    click(&c, link).await;
    assert_eq!(
        js(&c, "return document.activeElement.id").await,
        "f-organisation-logo-file"
    );
    assert_eq!(live.version(), version);
    assert_eq!(html(&live, "/"), index, "the live site is unchanged");
    let refused = &live.status()["requests"][0];
    assert_eq!(refused["result"], "refused");
    assert!(
        refused["faults"][0]["path"]
            .as_str()
            .unwrap()
            .starts_with("$.organisation.logo"),
        "{refused}"
    );

    // The server gone: said, and the draft stays on this device.
    live.stop_serving();
    click(&c, "[data-testid=publish]").await;
    wait_for_text(
        &c,
        "[data-testid=publish-unreachable]",
        "Could not reach the server",
    )
    .await;
    assert_axe_clean_in_both_themes(&c, "the editor, server unreachable").await;
    wait_js(
        &c,
        "Object.values(localStorage).some(v => v.includes('\"dirty\":true') && v.includes('rops.svg'))",
    )
    .await;
    c.close().await.unwrap();
}

/// Clicks the restore button of the listed version `v`.
async fn restore(c: &Client, v: &str) {
    js(
        c,
        "document.querySelector('[data-testid=versions]').open = true",
    )
    .await;
    let clicked = js(
        c,
        &format!(
            "const li = [...document.querySelectorAll('[data-testid=version]')].find(li => li.textContent.includes({v:?}));
             if (!li) return false; li.querySelector('button').click(); return true;"
        ),
    )
    .await;
    assert_eq!(clicked, true, "version {v} is listed with a restore button");
}

#[tokio::test]
async fn a_stale_copy_is_told_and_versions_roll_back_or_are_refused_with_the_reason() {
    let live = start();
    let v1 = live.version();
    let c = browser(DESKTOP).await;
    open(&c, &live, "/edytor", READY).await;

    // Another editor publishes first, from the same version.
    let theirs = "Tytuł zmieniony przez innego redaktora";
    assert!(matches!(
        upload(&live, "other1", &v1, &retitled(1, theirs)),
        201 | 204
    ));
    assert_eq!(live.outcome("other1")["result"], "published");
    let v2 = live.version();

    // This copy was made from v1: told, nothing replaced.
    let mine = "Tytuł z kopii otwartej wcześniej";
    open_item(&c, "f-events-0").await;
    type_into(&c, "f-events-0-title-pl", mine).await;
    log_in(&c, EDITOR_PASSWORD).await;
    click(&c, "[data-testid=publish]").await;
    let said = wait_for_text(&c, "[data-testid=publish-stale]", &v2).await;
    assert!(said.contains("nic się nie zmieniło"), "{said}");
    assert!(html(&live, &event_page(1)).contains(theirs));
    assert!(!html(&live, &event_page(0)).contains(mine));
    assert_axe_clean_in_both_themes(&c, "the editor, a stale copy").await;

    // Published anyway, knowingly.
    click(&c, "[data-testid=publish-anyway]").await;
    wait_for(&c, "[data-testid=publish-done]").await;
    assert!(html(&live, &event_page(0)).contains(mine));

    // Rollback to the first version: live again, as a new version.
    restore(&c, &v1).await;
    let said = wait_for_text(&c, "[data-testid=publish-done]", "Przywrócono").await;
    assert!(said.contains(&v1), "{said}");
    let original = published()["events"][0]["title"]["pl"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(html(&live, &event_page(0)).contains(&original));
    assert!(!html(&live, &event_page(0)).contains(mine));

    // A version kept from before a change of the rules, which today's
    // validator refuses: refused with the reason, the site unchanged.
    let old = "20200101T000000Z-0badda7e";
    let mut bad = published();
    bad["events"][0]["date"] = "2020-13-01".into();
    std::fs::write(
        live.dist().join(format!("content/versions/{old}.json")),
        serde_json::to_vec_pretty(&bad).unwrap(),
    )
    .unwrap();
    let status_file = live.dist().join("publish-status.json");
    let mut status: Value = serde_json::from_slice(&std::fs::read(&status_file).unwrap()).unwrap();
    status["versions"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "version": old,
            "published_at": "2020-01-01T00:00:00Z",
            "file": format!("content/versions/{old}.json"),
            "name": {"pl": "ROPS", "en": "ROPS"},
            "events": 1
        }));
    std::fs::write(&status_file, serde_json::to_vec_pretty(&status).unwrap()).unwrap();
    let live_now = live.version();
    let index = html(&live, "/");
    open(&c, &live, "/edytor", READY).await;
    wait_for(&c, "[data-testid=versions]").await;
    // Without the password (a new page), nothing is sent.
    restore(&c, old).await;
    wait_for(&c, "[data-testid=publish-missing]").await;
    log_in(&c, EDITOR_PASSWORD).await;
    restore(&c, old).await;
    wait_for(&c, "[data-testid=publish-refused]").await;
    let said = text(&c, "[data-testid=publish-refused]").await;
    assert!(said.contains("Na stronie nic się nie zmieniło"), "{said}");
    wait_for(
        &c,
        "[data-testid=publish-refused] a[href='#f-events-0-date']",
    )
    .await;
    assert_eq!(live.version(), live_now);
    assert_eq!(html(&live, "/"), index);
    assert_axe_clean_in_both_themes(&c, "the editor, a rollback refused").await;
    c.close().await.unwrap();
}

#[test]
fn the_upload_location_takes_whole_authorised_bundles_within_its_limit_one_at_a_time() {
    let live = start();
    let v1 = live.version();
    let index = html(&live, "/");
    let auth = basic(EDITOR_USER, EDITOR_PASSWORD);
    let body = serde_json::to_vec(&retitled(0, "x")).unwrap();

    // No password, a wrong one: 401; anything but PUT: refused.
    let path = format!("/upload/a1@{v1}.json");
    assert_eq!(http(live.port, "PUT", &path, None, &body).0, 401);
    let wrong = basic(EDITOR_USER, "zazolc-gesla-1");
    assert_eq!(http(live.port, "PUT", &path, Some(&wrong), &body).0, 401);
    for method in ["GET", "DELETE", "MKCOL"] {
        let code = http(live.port, method, &path, Some(&auth), &[]).0;
        assert!(matches!(code, 403 | 405), "{method}: {code}");
    }
    // Larger than the limit (8 MiB): 413.
    let big = vec![b' '; 9 << 20];
    assert_eq!(
        http(live.port, "PUT", "/upload/big1@v.json", Some(&auth), &big).0,
        413
    );
    // Cut off midway: nothing lands.
    put_cut_off(
        live.port,
        &format!("/upload/cut1@{v1}.json"),
        &auth,
        100_000,
        50_000,
    );
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(live.uploads(), Vec::<String>::new());
    assert_eq!(live.version(), v1);
    assert_eq!(html(&live, "/"), index);

    // Two at once from the same version: one goes live, the other is told.
    let a = std::thread::spawn({
        let port = live.port;
        let (v1, auth) = (v1.clone(), auth.clone());
        move || {
            let body = serde_json::to_vec(&retitled(0, "Wersja A")).unwrap();
            http(
                port,
                "PUT",
                &format!("/upload/twoa@{v1}.json"),
                Some(&auth),
                &body,
            )
            .0
        }
    });
    let b = upload(&live, "twob", &v1, &retitled(0, "Wersja B"));
    assert!(matches!(a.join().unwrap(), 201 | 204));
    assert!(matches!(b, 201 | 204));
    let mut results = [
        live.outcome("twoa")["result"].clone(),
        live.outcome("twob")["result"].clone(),
    ];
    results.sort_by_key(|v| v.to_string());
    assert_eq!(results, [Value::from("published"), Value::from("stale")]);
    let v2 = live.version();

    // Faults: refused with each fault located, nothing changed.
    let index = html(&live, "/");
    let mut bad = published();
    bad["events"][0]["date"] = "2026-13-45".into();
    assert!(matches!(upload(&live, "bad1", &v2, &bad), 201 | 204));
    let o = live.outcome("bad1");
    assert_eq!(o["result"], "refused", "{o}");
    assert_eq!(o["faults"][0]["path"], "$.events[0].date", "{o}");
    assert!(o["faults"][0]["line"].as_u64().unwrap() > 1, "{o}");
    assert!(!o["faults"][0]["message"]["pl"].as_str().unwrap().is_empty());
    // Not JSON at all: the place where it stops being JSON.
    let status = http(
        live.port,
        "PUT",
        &format!("/upload/bad2@{v2}.json"),
        Some(&auth),
        b"{\n  \"schema_version\": 1,\n  oops\n}\n",
    )
    .0;
    assert!(matches!(status, 201 | 204));
    let o = live.outcome("bad2");
    assert_eq!(o["result"], "refused", "{o}");
    assert_eq!(o["faults"][0]["line"], 3, "{o}");
    assert_eq!(live.version(), v2);
    assert_eq!(html(&live, "/"), index);
    // Every upload was handled and removed.
    assert_eq!(live.uploads(), Vec::<String>::new());
    // Only an upload's name, or a file's name as a bundle may give it, can
    // be written: no other name, no path, no NUL, no Windows device name.
    for name in [
        "bundle.json",
        "a@b@c.json",
        "..%2Fx@y.json",
        "../logo.svg",
        "..%2Flogo.svg",
        "%2e%2e/logo.svg",
        "a/logo.svg",
        "logo%00.svg",
        "logo.svg%00.html",
        ".logo.svg",
        "CON.png",
        "nul.vtt",
        "Lpt1.webm",
        "strona.html",
        "logo.svg.php",
    ] {
        let code = http(
            live.port,
            "PUT",
            &format!("/upload/{name}"),
            Some(&auth),
            b"<svg/>",
        )
        .0;
        assert!(matches!(code, 400 | 404), "{name}: {code}");
    }
    assert_eq!(live.uploads(), Vec::<String>::new());
    // A file the editor's list sends: without a password 401; cut off
    // midway it never lands; larger than a video may be (100 MiB) 413;
    // whole, it lands under its name (and waits for a bundle naming it).
    assert_eq!(
        http(live.port, "PUT", "/upload/pasek.png", None, b"x").0,
        401
    );
    put_cut_off(live.port, "/upload/film.webm", &auth, 200_000, 100_000);
    let too_big = vec![0u8; (100 << 20) + 1];
    assert_eq!(
        http(live.port, "PUT", "/upload/duzy.webm", Some(&auth), &too_big).0,
        413
    );
    drop(too_big);
    let code = http(
        live.port,
        "PUT",
        "/upload/con-2.svg",
        Some(&auth),
        b"<svg/>",
    )
    .0;
    assert!(matches!(code, 201 | 204), "{code}");
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(live.uploads(), ["con-2.svg"]);
    std::fs::remove_file(live.incoming().join("con-2.svg")).unwrap();
    // A file put there otherwise, which is not an upload, is set aside
    // under a hidden name (left in place, it would start a systemd watcher
    // again and again).
    std::fs::write(live.incoming().join("stray.json"), b"{}").unwrap();
    let start = Instant::now();
    while live.uploads() != [".stray.json.not-an-upload"] {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{:?}",
            live.uploads()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(live.version(), v2);

    // No nginx version in any answer.
    let (_, head, _) = http(live.port, "GET", "/", None, &[]);
    let server = head
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("server:"))
        .unwrap_or_default();
    assert_eq!(server.trim(), "Server: nginx", "{head}");
    // Kept versions are the editors' only: an old bundle may hold what
    // was taken off the site on purpose.
    let kept = format!("/content/versions/{v2}.json");
    assert_eq!(http(live.port, "GET", &kept, None, &[]).0, 401);
    let (code, _, old) = http(live.port, "GET", &kept, Some(&auth), &[]);
    assert_eq!(code, 200);
    assert!(serde_json::from_slice::<Value>(&old).is_ok());
    // The editor's pages are never framed, and no page's form may post
    // elsewhere (with its wasm gone, Enter submits the form natively).
    for page in ["/edytor", "/edytor/", "/en/editor"] {
        let (code, head, _) = http(live.port, "GET", page, None, &[]);
        assert_eq!(code, 200, "{page}");
        let csp = head
            .lines()
            .find(|l| l.starts_with("Content-Security-Policy:"))
            .unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{page}: {csp}");
        assert!(csp.contains("form-action 'self'"), "{page}: {csp}");
    }
    let (_, head, _) = http(live.port, "GET", "/os-czasu", None, &[]);
    assert!(
        head.contains("frame-ancestors 'self' http://127.0.0.1:*"),
        "{head}"
    );
    // Password guessing slows down: 50 tries at once, and past the first
    // few dozen nginx answers 429 (the editor says to wait a minute).
    let codes: Vec<u16> = (0..50)
        .map(|i| {
            let wrong = basic(EDITOR_USER, &format!("zgaduje-{i}"));
            http(live.port, "PUT", &path, Some(&wrong), &body).0
        })
        .collect();
    assert!(codes.iter().all(|c| matches!(c, 401 | 429)), "{codes:?}");
    assert!(
        codes.iter().filter(|&&c| c == 429).count() >= 20,
        "{codes:?}"
    );
}

/// Waits (10 s at most) until the upload folder is empty: the watcher
/// removes what it has published just after saying so.
fn upload_folder_empties(live: &Live) {
    let start = Instant::now();
    while !live.uploads().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "left in the upload folder: {:?}",
            live.uploads()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A fixture file of the fictional centre.
fn fictional(name: &str) -> Vec<u8> {
    std::fs::read(repo_dir().join("tests/fixtures/fictional").join(name)).unwrap()
}

/// Chooses `file` in the file list's input of the file named `name`.
async fn send_file(c: &Client, name: &str, file: &std::path::Path) {
    let input = wait_for(
        c,
        &format!("[data-testid=media-row][data-name=\"{name}\"] [data-testid=media-file]"),
    )
    .await;
    input.send_keys(file.to_str().unwrap()).await.unwrap();
}

async fn verdict(c: &Client, name: &str, text: &str) -> String {
    wait_for_text(
        c,
        &format!("[data-testid=media-row][data-name=\"{name}\"] [data-testid=media-verdict]"),
        text,
    )
    .await
}

/// #32 item 6: the sign-language recording's captions and the recording
/// itself, written by the test, sent from the editor's file list and live
/// on the sign-language page with the next publish; each bad file (an HTML
/// page as a video, captions with a script, a 200 MB recording) refused in
/// the editor with its reason before a byte is sent, the site unchanged.
#[tokio::test]
async fn files_sent_from_the_editor_go_live_on_the_page_that_uses_them() {
    let live = start();
    // The site as a centre with a recording has it: the files put in the
    // upload folder (the administrator's way), then a bundle naming them.
    let auth = basic(EDITOR_USER, EDITOR_PASSWORD);
    for (name, fixture) in [
        ("pjm.webm", "pjm-o-centrum.webm"),
        ("pjm.pl.vtt", "pjm-o-centrum.pl.vtt"),
    ] {
        let put = format!("/upload/{name}");
        let code = http(live.port, "PUT", &put, Some(&auth), &fictional(fixture)).0;
        assert!(matches!(code, 201 | 204), "{name}: {code}");
    }
    let mut b = published();
    b["sign_language"] = serde_json::json!({"videos": [{
        "title": {"pl": "O Centrum w polskim języku migowym", "en": "About the Centre in Polish Sign Language"},
        "file": "pjm.webm",
        "captions": {"pl": "pjm.pl.vtt"},
        "transcript": {"pl": "Centrum pomaga mieszkańcom Wyspy Testowej.", "en": "The Centre helps the people of Test Island."}
    }]});
    let v1 = live.version();
    assert!(matches!(upload(&live, "setup", &v1, &b), 201 | 204));
    let o = live.outcome("setup");
    assert_eq!(o["result"], "published", "{o}");
    upload_folder_empties(&live);
    let v2 = live.version();

    let c = browser(DESKTOP).await;
    open(&c, &live, "/edytor", READY).await;
    // Each file with the page that uses it, its size on the site and a preview.
    let row = "[data-testid=media-row][data-name=\"pjm.webm\"]";
    wait_for_text(
        &c,
        &format!("{row} [data-testid=media-size]"),
        "na stronie: ",
    )
    .await;
    assert!(attr(&c, &format!("{row} [data-testid=media-page]"), "href")
        .await
        .ends_with("/jezyk-migowy"));
    wait_for(&c, &format!("{row} video[src*=\"pjm.webm\"]")).await;
    let vtt_row = "[data-testid=media-row][data-name=\"pjm.pl.vtt\"]";
    wait_for_text(&c, &format!("{vtt_row} pre"), "Wyspy Testowej").await;

    // Bad files, refused here with their reasons: nothing is sent.
    let dir = std::env::temp_dir().join(format!("rops-media-{}", live.port));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    log_in(&c, EDITOR_PASSWORD).await;
    let html_video = write(
        "film.webm",
        b"<!doctype html><title>x</title><script>alert(1)</script>",
    );
    send_file(&c, "pjm.webm", &html_video).await;
    verdict(&c, "pjm.webm", "nie jest nagraniem").await;
    let script_vtt = write(
        "napisy.vtt",
        b"WEBVTT\n\n00:00.000 --> 00:02.000\n<script>alert(1)</script>\n",
    );
    send_file(&c, "pjm.pl.vtt", &script_vtt).await;
    let said = verdict(&c, "pjm.pl.vtt", "wiersz 4").await;
    assert!(said.contains("<script>"), "{said}");
    // 200 MB, never read: its size against the limit, in words.
    let huge = dir.join("duzy.webm");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 << 20)
        .unwrap();
    send_file(&c, "pjm.webm", &huge).await;
    let said = verdict(&c, "pjm.webm", "dopuszczalne jest").await;
    // (200 MiB and the 100 MiB limit, in the decimal megabytes people read.)
    assert!(
        said.contains("209,7 MB") && said.contains("104,9 MB"),
        "{said}"
    );
    assert_eq!(live.uploads(), Vec::<String>::new());
    assert_axe_clean_in_both_themes(&c, "the editor's file list, files refused").await;

    // Good files: the test's own captions and the recording.
    let captions = "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Lektorka>Napisy wysłane z edytora.\n";
    let new_vtt = write("nowe.vtt", captions.as_bytes());
    send_file(&c, "pjm.pl.vtt", &new_vtt).await;
    verdict(&c, "pjm.pl.vtt", "najbliższą publikacją").await;
    let video = write("nagranie.webm", &fictional("pjm-o-centrum.webm"));
    send_file(&c, "pjm.webm", &video).await;
    verdict(&c, "pjm.webm", "najbliższą publikacją").await;
    wait_for_text(
        &c,
        &format!("{vtt_row} [data-testid=media-size]"),
        "wysłany",
    )
    .await;
    assert_eq!(live.uploads(), ["pjm.pl.vtt", "pjm.webm"]);
    // Not live before the publish.
    let (_, _, on_site) = http(live.port, "GET", "/content/pjm.pl.vtt", None, &[]);
    assert_ne!(on_site, captions.as_bytes());

    // Published with the draft (unchanged: the files on their own).
    click(&c, "[data-testid=publish]").await;
    wait_for_text(&c, "[data-testid=publish-done]", "Opublikowano").await;
    let v3 = live.version();
    assert_ne!(v3, v2);
    let said = verdict(&c, "pjm.pl.vtt", "Opublikowano").await;
    assert!(said.contains(&v3), "{said}");
    let (code, _, on_site) = http(live.port, "GET", "/content/pjm.pl.vtt", None, &[]);
    assert_eq!((code, on_site.as_slice()), (200, captions.as_bytes()));
    upload_folder_empties(&live);
    // On the page that uses it: the recording with these captions.
    let page = html(&live, "/jezyk-migowy/");
    assert!(
        page.contains("pjm.webm") && page.contains("pjm.pl.vtt"),
        "{page}"
    );
    assert_axe_clean_in_both_themes(&c, "the editor's file list, published").await;
    open(&c, &live, "/jezyk-migowy", "video").await;
    let track = attr(&c, "video track", "src").await;
    assert!(track.ends_with("content/pjm.pl.vtt"), "{track}");
    let got = c
        .execute_async(
            "const [src, done] = arguments; fetch(src, {cache: 'no-store'}).then(r => r.text()).then(done);",
            vec![track.into()],
        )
        .await
        .unwrap();
    assert_eq!(got.as_str(), Some(captions));
    // The list in English: the same files, their pages and sizes, axe clean.
    open(&c, &live, "/en/editor", READY).await;
    let said = wait_for_text(
        &c,
        &format!("{vtt_row} [data-testid=media-size]"),
        "on the site: ",
    )
    .await;
    assert!(said.contains(&format!("{} B", captions.len())), "{said}");
    assert!(attr(&c, &format!("{row} [data-testid=media-page]"), "href")
        .await
        .ends_with("/en/sign-language"));
    wait_for_text(&c, &format!("{vtt_row} pre"), "Napisy wysłane z edytora").await;
    assert_axe_clean_in_both_themes(&c, "the editor's file list, in English").await;
    // The version before keeps its own captions, for a rollback.
    let kept = format!("/content/versions/media/{v2}.json");
    let (code, _, list) = http(live.port, "GET", &kept, Some(&auth), &[]);
    assert_eq!(code, 200, "{kept}");
    assert!(String::from_utf8_lossy(&list).contains("pjm.pl.vtt"));
    std::fs::remove_dir_all(&dir).unwrap();
    c.close().await.unwrap();
}

/// Each new state of the editor in the language the tests above did not
/// see it in, through axe: published and stale in English; a wrong
/// password, the server's faults and the server gone in Polish.
#[tokio::test]
async fn the_publishing_states_pass_axe_in_the_other_language_too() {
    let mut live = start();
    let c = browser(DESKTOP).await;
    open(&c, &live, "/en/editor", READY).await;
    open_item(&c, "f-events-0").await;
    type_into(&c, "f-events-0-title-pl", "Tytuł z angielskiego edytora").await;
    log_in(&c, EDITOR_PASSWORD).await;
    click(&c, "[data-testid=publish]").await;
    wait_for_text(&c, "[data-testid=publish-done]", "Published").await;
    assert_axe_clean_in_both_themes(&c, "the editor in English, published").await;
    // Another editor publishes; this copy is then stale.
    let v = live.version();
    assert!(matches!(
        upload(&live, "other2", &v, &retitled(2, "Inny tytuł")),
        201 | 204
    ));
    assert_eq!(live.outcome("other2")["result"], "published");
    type_into(
        &c,
        "f-events-0-title-pl",
        "Tytuł z angielskiego edytora, znowu",
    )
    .await;
    click(&c, "[data-testid=publish]").await;
    wait_for_text(&c, "[data-testid=publish-stale]", "Publish anyway").await;
    assert_axe_clean_in_both_themes(&c, "the editor in English, a stale copy").await;
    c.close().await.unwrap();

    // Polish, in a browser of its own (a fresh draft of the live version).
    let c = browser(DESKTOP).await;
    open(&c, &live, "/edytor", READY).await;
    name_a_logo_the_server_lacks(&c).await;
    log_in(&c, "nie-to-hasło").await;
    click(&c, "[data-testid=publish]").await;
    wait_for_text(
        &c,
        "[data-testid=publish-password-wrong]",
        "Nieprawidłowy użytkownik lub hasło",
    )
    .await;
    assert_axe_clean_in_both_themes(&c, "the editor in Polish, wrong password").await;
    log_in(&c, EDITOR_PASSWORD).await;
    click(&c, "[data-testid=publish]").await;
    wait_for_text(&c, "[data-testid=publish-refused]", "rops.svg").await;
    assert_axe_clean_in_both_themes(&c, "the editor in Polish, refused by the server").await;
    live.stop_serving();
    click(&c, "[data-testid=publish]").await;
    wait_for_text(
        &c,
        "[data-testid=publish-unreachable]",
        "Nie udało się połączyć z serwerem",
    )
    .await;
    assert_axe_clean_in_both_themes(&c, "the editor in Polish, server unreachable").await;
    c.close().await.unwrap();
}
