//! What the law asks of a public body's pages, end to end on a published
//! site: the three forms of art. 6 pkt 3 lit. c of the 2019 accessibility
//! act linked from every footer (easy-to-read text, Polish Sign Language
//! with captions that really show, machine-readable text), the 2024
//! declaration template, EU visibility on funded projects, JSON-LD in every
//! head and the open-data files, all from the fictional bundle (which fills
//! every field) with titles made to break out of a script element or a
//! spreadsheet; and the honest empty states of the shipped bundle.

use rops_e2e::*;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

/// A folder of this test's own, removed when the test passes.
struct WorkDir(PathBuf);

impl WorkDir {
    fn new(name: &str) -> WorkDir {
        let dir = std::env::temp_dir().join(format!("rops-legal-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        WorkDir(dir)
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// A title that tries everything: a formula, the CSV separator, quotes, a
/// line's worth of markup that would end a script element, a comment.
const HOSTILE: &str = "=1+1; \"cytat\" 'apostrof' </script><script>alert(1)</script><!-- koniec";

/// The fictional bundle's folder, copied, with its first event's and first
/// project's titles made hostile; published with `--local` into a copy of
/// the shipped dist/. Returns (work, dist, bundle).
fn published_fictional(name: &str) -> (WorkDir, PathBuf, Value) {
    let work = WorkDir::new(name);
    let fixture = repo_dir().join("tests/fixtures/fictional");
    let content = work.0.join("content");
    copy_dir(&fixture, &content);
    let path = content.join("bundle.json");
    let mut b: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    b["events"][0]["title"]["pl"] = HOSTILE.into();
    b["events"][0]["title"]["en"] = HOSTILE.into();
    b["projects"][0]["name"]["pl"] = HOSTILE.into();
    std::fs::write(&path, serde_json::to_string_pretty(&b).unwrap()).unwrap();
    let dist = work.0.join("dist");
    copy_dir(&dist_dir(), &dist);
    let out = Command::new(publish_exe())
        .arg("--local")
        .arg(&path)
        .arg(&dist)
        .current_dir(repo_dir())
        .env_remove("ROPS_SITE_URL")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "publish: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (work, dist, b)
}

fn file_of(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "index.html".into(),
        p => format!("{p}/index.html"),
    }
}

/// Every full-site page of a bundle, as (path, lang).
fn full_pages(b: &Value) -> Vec<(String, &'static str)> {
    let mut out = vec![];
    for r in ROUTES {
        if *r == EVENT {
            for e in b["events"].as_array().unwrap() {
                let id = e["id"].as_str().unwrap();
                out.push((format!("{}/{id}", TIMELINE.pl), "pl"));
                out.push((format!("{}/{id}", TIMELINE.en), "en"));
            }
        } else if *r == PROJECT {
            for p in b["projects"].as_array().unwrap() {
                let id = p["id"].as_str().unwrap();
                out.push((format!("/projekty/{id}"), "pl"));
                out.push((format!("/en/projects/{id}"), "en"));
            }
        } else {
            out.push((r.pl.to_owned(), "pl"));
            out.push((r.en.to_owned(), "en"));
        }
    }
    out
}

/// The JSON-LD blocks of a page: each script element's text, parsed. A
/// block that ends early (a `</script>` inside it) does not parse.
fn json_ld(html: &str) -> Vec<Value> {
    let open = "<script type=\"application/ld+json\">";
    html.match_indices(open)
        .map(|(i, _)| {
            let body = &html[i + open.len()..];
            let end = body.find("</script>").expect("a closed script element");
            serde_json::from_str(&body[..end])
                .unwrap_or_else(|e| panic!("JSON-LD does not parse ({e}): {}", &body[..end]))
        })
        .collect()
}

/// Every node of the blocks (`@graph` members, or the block itself).
fn nodes(blocks: &[Value]) -> Vec<Value> {
    blocks
        .iter()
        .flat_map(|b| match b.get("@graph") {
            Some(Value::Array(g)) => g.clone(),
            _ => vec![b.clone()],
        })
        .collect()
}

fn typed<'a>(nodes: &'a [Value], t: &str) -> Vec<&'a Value> {
    nodes
        .iter()
        .filter(|n| match &n["@type"] {
            Value::String(s) => s == t,
            Value::Array(a) => a.iter().any(|x| x == t),
            _ => false,
        })
        .collect()
}

/// The value of `<meta name=… content=…>` (attribute order as publish writes it).
fn meta_name(html: &str, name: &str) -> Option<String> {
    let needle = format!("<meta name=\"{name}\" content=\"");
    let at = html.find(&needle)? + needle.len();
    let end = html[at..].find('"')?;
    Some(html[at..at + end].replace("&amp;", "&"))
}

#[tokio::test]
async fn every_page_carries_the_law_s_links_meta_and_structured_data() {
    let (_work, dist, b) = published_fictional("t1");
    let mut failures = vec![];
    for (path, lang) in full_pages(&b) {
        let html = std::fs::read_to_string(dist.join(file_of(&path)))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut fail = |m: String| failures.push(format!("{path}: {m}"));
        // The footer's three forms, prerendered (so they work before the app starts).
        for id in ["etr-link", "pjm-link", "text-file-link", "open-data-link"] {
            if !html.contains(&format!("data-testid=\"{id}\"")) {
                fail(format!("no {id} in the footer"));
            }
        }
        // The declaration's address, absolute, in the page's language.
        let decl = if lang == "pl" {
            DECLARATION.pl
        } else {
            DECLARATION.en
        };
        match meta_name(&html, "deklaracja-dostępności") {
            Some(u) if u.starts_with("http") && u.ends_with(decl.trim_start_matches('/')) => {}
            other => fail(format!("meta deklaracja-dostępności is {other:?}")),
        }
        let n = nodes(&json_ld(&html));
        let org = typed(&n, "GovernmentOrganization");
        if org.len() != 1 {
            fail(format!("{} GovernmentOrganization nodes", org.len()));
        } else if org[0]["name"].as_str() != b["organisation"]["name"][lang].as_str() {
            fail(format!("organisation named {}", org[0]["name"]));
        }
        if let Some(id) = path
            .rsplit('/')
            .next()
            .filter(|_| path.contains("/os-czasu/") || path.contains("/timeline/"))
        {
            let e = b["events"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["id"] == id)
                .unwrap();
            // An award is the organisation's, and an undated entry no
            // event anyone could attend: neither is an Event.
            let ev = typed(&n, "Event");
            let attended = !e["date"].is_null() && e["kind"] != "award";
            if !attended && !ev.is_empty() {
                fail(format!("{} is an Event node: {ev:?}", e["id"]));
            } else if attended
                && (ev.len() != 1 || ev[0]["name"].as_str() != e["title"][lang].as_str())
            {
                fail(format!(
                    "Event node {ev:?}, expected the title {}",
                    e["title"][lang]
                ));
            }
            if typed(&n, "BreadcrumbList").is_empty() {
                fail("no BreadcrumbList".into());
            }
        }
        if path == FUNDING.pl || path == FUNDING.en {
            let grants = typed(&n, "MonetaryGrant");
            if grants.len() != b["projects"].as_array().unwrap().len() {
                fail(format!("{} MonetaryGrant nodes", grants.len()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // The hostile title is in the event page's JSON-LD as it was written,
    // and nowhere in the page as markup.
    let e0 = b["events"][0]["id"].as_str().unwrap();
    let html =
        std::fs::read_to_string(dist.join(file_of(&format!("{}/{e0}", TIMELINE.pl)))).unwrap();
    assert!(
        !html.contains("<script>alert(1)"),
        "the title became markup"
    );
    let n = nodes(&json_ld(&html));
    assert_eq!(typed(&n, "Event")[0]["name"], HOSTILE);
}

#[tokio::test]
async fn open_data_and_the_machine_readable_text_parse_and_keep_every_character() {
    let (_work, dist, b) = published_fictional("t2");
    // Python's csv and json modules, as a reuser of the data would read it.
    let script = r#"
import csv, io, json, sys
d = sys.argv[1]
out = {}
for name in ["projekty.csv", "wydarzenia.csv"]:
    raw = open(f"{d}/dane/{name}", "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), name + ": no BOM"
    text = raw.decode("utf-8-sig")
    out[name] = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";", quotechar='"'))
out["dataset"] = json.load(open(f"{d}/dane/dataset.jsonld", encoding="utf-8"))
print(json.dumps(out))
"#;
    let run = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&dist)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let data: Value = serde_json::from_slice(&run.stdout).unwrap();
    let projects = data["projekty.csv"].as_array().unwrap();
    let events = data["wydarzenia.csv"].as_array().unwrap();
    assert_eq!(projects.len(), b["projects"].as_array().unwrap().len());
    assert_eq!(events.len(), b["events"].as_array().unwrap().len());
    // A cell that a spreadsheet would run as a formula starts with ' and
    // otherwise keeps every character: the separator, quotes, markup.
    let guarded = format!("'{HOSTILE}");
    let cells = |rows: &[Value]| -> Vec<String> {
        rows.iter()
            .flat_map(|r| {
                r.as_object()
                    .unwrap()
                    .values()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    assert!(cells(events).contains(&guarded), "{events:#?}");
    assert!(cells(projects).contains(&guarded), "{projects:#?}");
    assert!(
        cells(projects)
            .iter()
            .any(|c| c.contains("kohesio.ec.europa.eu") && c.ends_with("Q0000001")),
        "the Kohesio page of the project: {projects:#?}"
    );
    assert!(cells(projects)
        .iter()
        .any(|c| c == "TEST/1.1/0001/04 (dane testowe)"));

    // The dataset's description: DCAT, with its licence and three files.
    let ds = &data["dataset"];
    let text = ds.to_string();
    for needle in [
        "dcat",
        "creativecommons.org/licenses/by/4.0",
        "projekty.csv",
        "wydarzenia.csv",
        "content/bundle.json",
    ] {
        assert!(
            text.contains(needle),
            "dataset.jsonld lacks {needle}: {ds:#}"
        );
    }

    // The machine-readable text: UTF-8, the organisation's own words.
    for (file, lang) in [("o-nas.txt", "pl"), ("en/about.txt", "en")] {
        let t = String::from_utf8(std::fs::read(dist.join(file)).unwrap()).expect("UTF-8");
        for key in ["name", "summary", "legal_basis"] {
            let want = b["organisation"][key][lang].as_str().unwrap();
            assert!(t.contains(want), "{file} lacks the {key}: {want}");
        }
        // Its activity: a project's own activities, and the events.
        let activity = b["projects"][0]["activities"][0][lang].as_str().unwrap();
        assert!(t.contains(activity), "{file} lacks the activity {activity}");
        let event = b["events"][1]["description"][lang].as_str().unwrap();
        assert!(t.contains(event), "{file} lacks the event {event}");
        let html_file = file.replace(".txt", ".html");
        let h = std::fs::read_to_string(dist.join(&html_file)).unwrap();
        assert!(h.contains(&format!("lang=\"{lang}\"")), "{html_file}");
        assert!(
            !h.contains("<script>alert(1)"),
            "{html_file}: markup from the bundle"
        );
    }
}

#[tokio::test]
async fn the_pages_of_the_three_forms_work_in_the_browser() {
    let (_work, dist, b) = published_fictional("t3");
    let s = Server::start_at(dist.clone(), "/").await;
    let c = browser(DESKTOP).await;
    for lang in ["pl", "en"] {
        // Easy to read: the sections in order, each heading then its text.
        let path = if lang == "pl" {
            EASY_READ.pl
        } else {
            EASY_READ.en
        };
        open(&c, &s, path, "[data-testid=etr-section]").await;
        // The footer's contact block: the seat, and each way to reach
        // the organisation the bundle gives, in the page's language.
        let contact = text(&c, "footer [data-testid=contact]").await;
        for want in [
            b["organisation"]["address"]["street"].as_str().unwrap(),
            b["contact"]["phone"].as_str().unwrap(),
            b["contact"]["email"].as_str().unwrap(),
            b["contact"]["epuap"].as_str().unwrap(),
            b["contact"]["office_hours"][lang].as_str().unwrap(),
            b["contact"]["deaf"][lang].as_str().unwrap(),
        ] {
            assert!(
                contact.contains(want),
                "{want} not in the footer: {contact}"
            );
        }
        let headings = texts(&c, "[data-testid=etr-section] h2").await;
        let want: Vec<String> = b["easy_read"]["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|sec| sec["heading"][lang].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(headings, want);
        // Then how to contact us, from the contact fields.
        let contact = text(&c, "[data-testid=etr-contact]").await;
        for want in [
            b["contact"]["phone"].as_str().unwrap(),
            b["contact"]["deaf"][lang].as_str().unwrap(),
        ] {
            assert!(contact.contains(want), "{want} not in {contact}");
        }
        let alt = attr(&c, ".easy-read__picture", "alt").await;
        assert_eq!(
            alt,
            b["easy_read"]["sections"][0]["picture"]["alt"][lang]
                .as_str()
                .unwrap()
        );
        assert_axe_clean_in_both_themes(&c, path).await;

        // Sign language: nothing plays by itself; played, the reader's
        // language's captions show, cue by cue.
        let path = if lang == "pl" {
            SIGN_LANGUAGE.pl
        } else {
            SIGN_LANGUAGE.en
        };
        open(&c, &s, path, "[data-testid=pjm-video]").await;
        let v = js(&c, "const v = document.querySelector('video'); return {paused: v.paused, autoplay: v.autoplay, controls: v.controls, tracks: v.textTracks.length}").await;
        assert_eq!(v["paused"], true, "nothing autoplays");
        assert_eq!(v["autoplay"], false);
        assert_eq!(v["controls"], true);
        assert_eq!(v["tracks"], 2);
        js(
            &c,
            "const v = document.querySelector('video'); v.muted = true; v.play(); return null",
        )
        .await;
        let first_cue = if lang == "pl" {
            "Centrum pomaga mieszkańcom Wyspy Testowej."
        } else {
            "The Centre helps the people of Test Island."
        };
        wait_js(
            &c,
            &format!(
                "(() => {{ const v = document.querySelector('video'); const t = [...v.textTracks].find(t => t.mode === 'showing'); return v.currentTime > 0.2 && t && t.language === '{lang}' && t.activeCues && t.activeCues.length > 0 && t.activeCues[0].text === {first_cue:?}; }})()"
            ),
        )
        .await;
        let transcript = text(&c, "[data-testid=transcript]").await;
        assert_eq!(
            transcript,
            b["sign_language"]["videos"][0]["transcript"][lang]
                .as_str()
                .unwrap()
        );
        js(&c, "document.querySelector('video').pause(); return null").await;
        assert_axe_clean_in_both_themes(&c, path).await;

        // The footer's machine-readable text answers, as plain UTF-8 text.
        let href = attr(&c, "[data-testid=text-file-link]", "href").await;
        let got = js(
            &c,
            &format!(
                "return fetch({href:?}).then(r => r.headers.get('content-type') + '|' + r.status)"
            ),
        )
        .await;
        assert_eq!(
            got.as_str(),
            Some("text/plain; charset=utf-8|200"),
            "{href}"
        );

        // The funding page: each funded project's card carries the EU's
        // acknowledgement in one line, leading to the project's page.
        let path = if lang == "pl" { FUNDING.pl } else { FUNDING.en };
        open(&c, &s, path, FUNDING.ready).await;
        let statement_want = if lang == "pl" {
            "Projekt współfinansowany przez Unię Europejską ze środków Europejskiego Funduszu Społecznego"
        } else {
            "Project co-financed by the European Union from the European Social Fund"
        };
        let project_page = if lang == "pl" {
            "/projekty/pracownia-testowa"
        } else {
            "/en/projects/pracownia-testowa"
        };
        let card = "[data-testid=project-pracownia-testowa]";
        assert_eq!(
            text(&c, &format!("{card} [data-testid=eu-ack]")).await,
            statement_want
        );
        let ack = attr(&c, &format!("{card} [data-testid=eu-ack] a"), "href").await;
        assert!(ack.ends_with(project_page), "{ack}");
        assert!(
            !exists(
                &c,
                "[data-testid=project-punkt-testowy] [data-testid=eu-ack]"
            )
            .await,
            "not EU-funded"
        );
        // Every page naming a funded project says so in one line: the
        // about page's card and the page of an event of that project.
        let about = if lang == "pl" { ABOUT.pl } else { ABOUT.en };
        open(&c, &s, about, ABOUT.ready).await;
        let about_card = "[data-testid=about-project-pracownia-testowa]";
        assert_eq!(
            text(&c, &format!("{about_card} [data-testid=eu-ack]")).await,
            statement_want
        );
        assert!(
            !exists(
                &c,
                "[data-testid=about-project-punkt-testowy] [data-testid=eu-ack]"
            )
            .await
        );
        let event = if lang == "pl" {
            "/os-czasu/2004-pracownia-testowa"
        } else {
            "/en/timeline/2004-pracownia-testowa"
        };
        // The timeline's card of that event says it in words (its link
        // leads to the event's page); a card of an unfunded project does not.
        let timeline = if lang == "pl" {
            TIMELINE.pl
        } else {
            TIMELINE.en
        };
        open(&c, &s, timeline, TIMELINE.ready).await;
        assert_eq!(
            text(
                &c,
                "[data-event-id=\"2004-pracownia-testowa\"] [data-testid=eu-ack-text]"
            )
            .await,
            statement_want
        );
        assert!(
            !exists(
                &c,
                "[data-event-id=\"2020-wyroznienie\"] [data-testid=eu-ack-text]"
            )
            .await
        );
        open(&c, &s, event, "[data-testid=event-detail]").await;
        assert_eq!(text(&c, "[data-testid=eu-ack]").await, statement_want);
        // From there to the project's page, by its name.
        click(&c, "[data-testid=event-project-page]").await;
        wait_js(&c, &format!("location.pathname === {project_page:?}")).await;

        // The project's page opens with the marks: the strip with its
        // alternative text and the statement, before the heading, inside
        // the first screen; then its aims, results and money.
        open(&c, &s, project_page, "[data-testid=eu-mark]").await;
        let alt = attr(&c, "[data-testid=eu-strip]", "alt").await;
        assert_eq!(
            alt,
            b["projects"][0]["eu_visibility"]["strip"]["alt"][lang]
                .as_str()
                .unwrap()
        );
        assert_eq!(text(&c, "[data-testid=eu-statement]").await, statement_want);
        assert_eq!(
            text(&c, "h1").await,
            b["projects"][0]["name"][lang].as_str().unwrap()
        );
        let order = js(&c, "return !!(document.querySelector('[data-testid=eu-mark]').compareDocumentPosition(document.querySelector('h1')) & Node.DOCUMENT_POSITION_FOLLOWING)").await;
        assert_eq!(order, true, "the marks come before the heading");
        strip_in_first_screen(&c, 800.0).await;
        assert_eq!(
            text(&c, "[data-testid=results]").await,
            b["projects"][0]["results"][lang].as_str().unwrap()
        );
        assert_eq!(
            text(&c, "[data-testid=contract-number]").await,
            "TEST/1.1/0001/04 (dane testowe)"
        );
        let k = attr(&c, "[data-testid=kohesio] a", "href").await;
        assert_eq!(
            k,
            format!("https://kohesio.ec.europa.eu/{lang}/projects/Q0000001")
        );
        assert_axe_clean_in_both_themes(&c, project_page).await;
        // Not EU-funded: no marks, and the page says nothing of the EU.
        let plain = project_page.replace("pracownia-testowa", "punkt-testowy");
        open(&c, &s, &plain, "[data-testid=project-punkt-testowy]").await;
        assert!(!exists(&c, "[data-testid=eu-mark]").await);

        open(&c, &s, path, FUNDING.ready).await;
        let statuses = js(&c, "return Promise.all([...document.querySelectorAll('[data-testid=open-data] a[download]')].map(a => fetch(a.href).then(r => r.status)))").await;
        assert_eq!(statuses, serde_json::json!([200, 200, 200]));
        assert!(text(&c, "[data-testid=licence]")
            .await
            .contains("CC BY 4.0"));
        // The same files from the funding embed, which shows the section too.
        let embed = if lang == "pl" {
            "/embed/finansowanie"
        } else {
            "/en/embed/funding"
        };
        open(&c, &s, embed, FUNDING.ready).await;
        let statuses = js(&c, "return Promise.all([...document.querySelectorAll('[data-testid=open-data] a[download]')].map(a => fetch(a.href).then(r => a.pathname + ' ' + r.status)))").await;
        let statuses: Vec<&str> = statuses
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(statuses.len(), 3, "{statuses:?}");
        for st in statuses {
            assert!(
                st.ends_with(" 200") && st.contains("/dane/") && !st.contains("/embed/"),
                "{st}"
            );
        }

        // The declaration: the 2024 template's new parts, filled in.
        let path = if lang == "pl" {
            DECLARATION.pl
        } else {
            DECLARATION.en
        };
        open(&c, &s, path, DECLARATION.ready).await;
        // The kind of solution is the template's word; the bundle's scope
        // says more after the introduction.
        let website = if lang == "pl" {
            "strony internetowej"
        } else {
            "website"
        };
        assert_eq!(text(&c, "#a11y-zakres").await, website);
        let main = text(&c, "main").await;
        let scope = b["accessibility"]["scope"][lang].as_str().unwrap();
        assert!(main.contains(scope), "no scope in {main}");
        for (id, key) in [("a11y-ocena", "burden"), ("a11y-aplikacje", "applications")] {
            let want = b["accessibility"][key][lang].as_str().unwrap();
            let got = js(&c, &format!("const e = document.getElementById('{id}'); return (e.textContent + ' ' + (e.nextElementSibling ? e.nextElementSibling.textContent : ''))")).await;
            assert!(got.as_str().unwrap().contains(want), "{id}: {got}");
        }
        let rpo = js(&c, "return [...document.querySelectorAll('main a')].filter(a => a.href === 'https://bip.brpo.gov.pl/').length").await;
        assert_eq!(rpo, 1, "the link to the RPO");
    }
    // The privacy page: the bundle's clause, and what this browser holds
    // after a visit that stored all a visitor can store (a theme, a
    // language, the offline copies), each listed on the page.
    open(&c, &s, ABOUT.pl, ABOUT.ready).await;
    click(&c, "[data-testid=theme-switch]").await;
    click(&c, "[data-testid=lang-switch] a[hreflang=en]").await;
    wait_for_text(&c, "h1", "About").await;
    wait_saved_for_offline(&c).await;
    for lang in ["pl", "en"] {
        let path = if lang == "pl" { PRIVACY.pl } else { PRIVACY.en };
        open(&c, &s, path, PRIVACY.ready).await;
        for (id, key) in [
            ("privacy-controller", "controller"),
            ("privacy-dpo", "dpo"),
            ("privacy-purposes", "purposes"),
        ] {
            let got = text(&c, &format!("[data-testid={id}] p")).await;
            assert_eq!(got, b["privacy"][key][lang].as_str().unwrap(), "{id}");
        }
        let logs = text(&c, "[data-testid=privacy-logs]").await;
        let retention = b["privacy"]["log_retention"][lang].as_str().unwrap();
        assert!(logs.contains(retention), "{logs}");
        assert!(!exists(&c, "[data-testid=privacy-missing]").await);
        let held = js(&c, "return (async () => [...Object.keys(localStorage), ...Object.keys(sessionStorage), ...(await caches.keys())])()").await;
        let held: Vec<String> = serde_json::from_value(held).unwrap();
        for want in ["rops.theme", "rops.lang"] {
            assert!(
                held.iter().any(|h| h == want),
                "{want} not stored: {held:?}"
            );
        }
        assert!(
            held.iter().any(|h| h.starts_with("rops-shell-")),
            "{held:?}"
        );
        assert!(
            held.iter().any(|h| h.starts_with("rops-content-")),
            "{held:?}"
        );
        let listed = js(&c, "return [...document.querySelectorAll('[data-testid=storage-table] tbody tr')].map(r => r.dataset.name)").await;
        let listed: Vec<String> = serde_json::from_value(listed).unwrap();
        for h in &held {
            assert!(
                listed
                    .iter()
                    .any(|n| h == n || (n.ends_with(['-', '@', 'v']) && h.starts_with(n.as_str()))),
                "{h} is on this device but not on the privacy page: {listed:?}"
            );
        }
        assert_eq!(js(&c, "return document.cookie").await, "", "no cookies");
        let uodo = attr(&c, "[data-testid=privacy-rights] a", "href").await;
        assert_eq!(uodo, "https://uodo.gov.pl/");
        assert_axe_clean_in_both_themes(&c, path).await;
    }

    // On a phone too, the project's marks are seen on landing.
    c.close().await.unwrap();
    let c = browser(PHONE).await;
    for page in ["/projekty/pracownia-testowa", "/en/projects/siec-testowa"] {
        open(&c, &s, page, "[data-testid=eu-mark]").await;
        strip_in_first_screen(&c, PHONE.1 as f64).await;
    }
    c.close().await.unwrap();
    let c = browser(DESKTOP).await;
    // The head's declaration address follows a switch of language made in
    // the page, as each prerendered page has its own.
    let declaration_meta =
        "return document.querySelector('meta[name=\"deklaracja-dostępności\"]').content";
    open(&c, &s, FUNDING.pl, FUNDING.ready).await;
    let pl = js(&c, declaration_meta).await;
    assert!(pl.as_str().unwrap().ends_with(DECLARATION.pl), "{pl}");
    click(&c, "[data-testid=lang-switch] a[hreflang=en]").await;
    wait_for_text(&c, "h1", "Funding").await;
    let en = js(&c, declaration_meta).await;
    assert_eq!(
        en.as_str().unwrap(),
        pl.as_str().unwrap().replace(DECLARATION.pl, DECLARATION.en)
    );
    c.close().await.unwrap();
    drop(s);
}

/// The logo strip, loaded, lies wholly inside the first screen of height
/// `screen` (the window may be taller): seen on landing, without scrolling.
async fn strip_in_first_screen(c: &Client, screen: f64) {
    wait_js(
        c,
        "(() => { const i = document.querySelector('[data-testid=eu-strip]'); return i && i.complete && i.naturalWidth > 0; })()",
    )
    .await;
    let r = js(c, "window.scrollTo(0, 0); const r = document.querySelector('[data-testid=eu-strip]').getBoundingClientRect(); return [r.top, r.bottom, r.height, window.innerHeight]").await;
    let (top, bottom, height) = (
        r[0].as_f64().unwrap(),
        r[1].as_f64().unwrap(),
        r[2].as_f64().unwrap(),
    );
    assert!(height > 10.0, "the strip is drawn: {r}");
    assert!(
        top >= 0.0 && bottom <= screen.min(r[3].as_f64().unwrap()),
        "the strip is not in the first {screen} px: {r}"
    );
}

#[tokio::test]
async fn the_shipped_bundle_says_honestly_what_is_missing() {
    let (s, c) = app_and_browser(DESKTOP).await;
    // No recording yet: what is being prepared, and whom to ask.
    open(&c, &s, SIGN_LANGUAGE.pl, "[data-testid=preparing]").await;
    let p = text(&c, "[data-testid=preparing]").await;
    assert!(p.contains("jest w przygotowaniu"), "{p}");
    assert!(!exists(&c, "video").await);
    // No contact in the source: said plainly, with the declaration's way
    // to ask for the information in another form.
    assert_eq!(
        text(&c, "[data-testid=no-contact]").await,
        "Danych kontaktowych jeszcze nie podaliśmy."
    );
    assert!(!exists(&c, "[data-testid=contact]").await);
    // The easy-to-read text ends with how to contact us: honestly none yet.
    open(&c, &s, EASY_READ.pl, "[data-testid=etr-contact]").await;
    assert_eq!(
        text(&c, "[data-testid=etr-contact] [data-testid=no-contact]").await,
        "Danych kontaktowych jeszcze nie podaliśmy."
    );
    // The EU-funded project without its logo strip says so on its page,
    // first, with the statement; the source gives no results, said too.
    open(&c, &s, "/en/projects/mokes", "[data-testid=eu-mark]").await;
    assert_eq!(
        text(&c, "[data-testid=eu-strip-missing]").await,
        "The programme's logo strip is not in the content yet."
    );
    assert_eq!(
        text(&c, "[data-testid=results]").await,
        "The source does not give this project's results."
    );
    // No privacy clause in the source: each part says it is being completed.
    open(&c, &s, PRIVACY.pl, PRIVACY.ready).await;
    assert_eq!(
        texts(&c, "[data-testid=privacy-missing]").await,
        vec!["informacja w trakcie uzupełniania"; 4]
    );
    open(&c, &s, FUNDING.en, FUNDING.ready).await;
    assert!(text(&c, "[data-testid=licence]")
        .await
        .contains("being completed"));
    // The footer's open data leads to the funding page's section, focused.
    open(&c, &s, ABOUT.en, ABOUT.ready).await;
    click(&c, "[data-testid=open-data-link]").await;
    wait_js(
        &c,
        "document.activeElement && document.activeElement.id === 'dane-otwarte'",
    )
    .await;
    assert_eq!(current_path(&c).await, FUNDING.en);
    // The declaration's new parts the organisation has not given.
    open(&c, &s, DECLARATION.pl, DECLARATION.ready).await;
    assert_eq!(text(&c, "#a11y-zakres").await, "strony internetowej");
    // No address in the bundle: the one the site is served from, linked.
    let url = js(&c, "return document.getElementById('a11y-url').href").await;
    let base = js(&c, "return document.baseURI").await;
    assert_eq!(url, base, "a11y-url");
    assert!(!exists(&c, "#a11y-ocena").await, "no burden analysis given");
    assert!(
        !exists(&c, "#a11y-aplikacje").await,
        "optional, and not given"
    );
    c.close().await.unwrap();
}
