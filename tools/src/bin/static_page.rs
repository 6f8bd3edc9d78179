//! Renders the bundle as a zero-JavaScript HTML page (the seed's events as a
//! plain list, the funding figures as a table): the baseline the performance
//! benchmark compares the app with. Not shipped.
//!
//!     cargo run -p rops-tools --bin static-page -- public/content/bundle.json > /tmp/static/index.html

fn main() -> std::process::ExitCode {
    use rops_content::{self as content, format, Lang};

    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: static-page BUNDLE.json > index.html");
        return std::process::ExitCode::from(2);
    };
    let b = match std::fs::read(&path)
        .map_err(|e| e.to_string())
        .and_then(|t| content::parse_bytes(&t).map_err(|e| e.to_string()))
    {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let l = Lang::Pl;
    let mut h = String::new();
    h.push_str("<!doctype html><html lang=\"pl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    h.push_str(&format!(
        "<title>Oś czasu | {}</title>",
        esc(b.organisation.name.in_lang(l))
    ));
    h.push_str("<style>body{font:1rem/1.55 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:0 1rem;color:#1a1a1a}li{margin:.75rem 0}</style></head><body>");
    h.push_str(&format!(
        "<header><p><strong>{}</strong></p></header><main><h1>Oś czasu</h1><ol>",
        esc(b.organisation.name.in_lang(l))
    ));
    for e in b.events_chronological() {
        h.push_str(&format!(
            "<li><p><strong>{}</strong> · {}</p><h2>{}</h2><p>{}</p></li>",
            esc(&format::date(e.date, l)),
            e.kind.as_str(),
            esc(e.title.in_lang(l)),
            esc(e.description.in_lang(l))
        ));
    }
    h.push_str("</ol></main></body></html>\n");
    print!("{h}");
    std::process::ExitCode::SUCCESS
}
