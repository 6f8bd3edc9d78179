//! "Osadź na swojej stronie": a form that writes the embed snippet for a
//! portal editor, with a live preview of exactly that snippet's iframe.

use crate::app::use_lang;
use crate::components::PageHeading;
use crate::content::Lang;
use crate::embed::ACCENTS;
use crate::i18n::ui;
use crate::routes::{to_embed, Page};
use leptos::prelude::*;

/// HTML-escape for attribute values and text in the generated snippet.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The snippet for the chosen options; `origin_base` is the app's absolute
/// base URL (e.g. `https://portal.example/ekonomia/`).
pub fn snippet(
    origin_base: &str,
    view: &str,
    lang: Lang,
    theme: &str,
    accent: &str,
    height: u32,
    id: &str,
) -> String {
    let t = ui(lang);
    let (page, title) = match view {
        "funding" => (Page::Funding, t.embed_title_funding),
        _ => (Page::Timeline, t.embed_title_timeline),
    };
    let path = page.path(lang);
    let mut q = vec![format!("id={id}")];
    if theme == "light" || theme == "dark" {
        q.push(format!("theme={theme}"));
    }
    if ACCENTS.contains(&accent) {
        q.push(format!("accent={accent}"));
    }
    let src = format!(
        "{origin_base}{}?{}",
        to_embed(path).trim_start_matches('/'),
        q.join("&amp;")
    );
    let full = format!("{origin_base}{}", path.trim_start_matches('/'));
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" data-rops-embed loading=\"lazy\" width=\"100%\" height=\"{height}\"></iframe>\n\
         <script src=\"{origin_base}embed.js\" defer></script>\n\
         <noscript><a href=\"{full}\">{title}</a></noscript>",
        title = esc(title),
    )
}

#[component]
pub fn EmbedCode() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    let view_kind = RwSignal::new("timeline".to_owned());
    let embed_lang = RwSignal::new(lang.get_untracked());
    let theme = RwSignal::new("auto".to_owned());
    let accent = RwSignal::new("blue".to_owned());
    let height = RwSignal::new(800u32);
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let code = {
        let base = base.clone();
        Memo::new(move |_| {
            snippet(
                &base,
                &view_kind.get(),
                embed_lang.get(),
                &theme.get(),
                &accent.get(),
                height.get(),
                "rops-1",
            )
        })
    };
    let preview_src = move || {
        // The preview runs the same iframe as the snippet.
        let c = code.get();
        let start = c.find("src=\"").map(|i| i + 5).unwrap_or(0);
        let end = c[start..].find('"').map(|i| start + i).unwrap_or(start);
        c[start..end].replace("&amp;", "&")
    };
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let clip = window().navigator().clipboard();
        let _ = clip.write_text(&code.get_untracked());
        copied.set(true);
    };
    let select = |label: &'static str,
                  id: &'static str,
                  sig: RwSignal<String>,
                  options: Vec<(&'static str, String)>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| sig.set(event_target_value(&ev))>
                    {options.into_iter().map(|(v, l)| view! { <option value=v selected=move || sig.get() == v>{l}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    move || {
        let t = t();
        let l = lang.get();
        view! {
            <PageHeading text=Signal::derive(move || ui(lang.get()).embed_title.to_owned()) site=Signal::derive(move || ui(lang.get()).org_name)/>
            <p>{t.embed_intro}</p>
            <form class="embed-form" on:submit=|ev| ev.prevent_default()>
                {select(t.embed_view, "embed-view", view_kind, vec![("timeline", t.nav_timeline.to_owned()), ("funding", t.nav_funding.to_owned())])}
                <div class="field">
                    <label for="embed-lang">{t.embed_language}</label>
                    <select id="embed-lang" on:change=move |ev| embed_lang.set(if event_target_value(&ev) == "en" { Lang::En } else { Lang::Pl })>
                        <option value="pl" selected=move || embed_lang.get() == Lang::Pl lang="pl">"Polski"</option>
                        <option value="en" selected=move || embed_lang.get() == Lang::En lang="en">"English"</option>
                    </select>
                </div>
                {select(t.embed_theme, "embed-theme", theme, vec![("auto", t.theme_auto.to_owned()), ("light", t.theme_light.to_owned()), ("dark", t.theme_dark.to_owned())])}
                {select(t.embed_accent, "embed-accent", accent, ACCENTS.iter().map(|a| (*a, accent_label(a, l).to_owned())).collect())}
                <div class="field">
                    <label for="embed-height">{t.embed_height}</label>
                    <input id="embed-height" type="number" min="200" max="4000" step="50" prop:value=move || height.get().to_string()
                        on:input=move |ev| {
                            if let Ok(h) = event_target_value(&ev).parse::<u32>() {
                                height.set(h.clamp(200, 4000));
                            }
                        }/>
                </div>
            </form>
            <div class="field">
                <label for="embed-snippet">{t.embed_snippet}</label>
                <textarea id="embed-snippet" data-testid="embed-snippet" readonly rows="7" prop:value=move || code.get()></textarea>
            </div>
            <p>
                <button type="button" class="button" on:click=copy data-testid="copy-snippet">{t.embed_copy}</button>
                <span role="status" class="copy-status">{move || copied.get().then(|| ui(lang.get()).embed_copied)}</span>
            </p>
            <h2>{t.embed_preview}</h2>
            <iframe class="embed-preview" src=preview_src title=t.embed_preview data-rops-embed></iframe>
        }
    }
}

fn accent_label(a: &str, lang: Lang) -> &'static str {
    match (a, lang) {
        ("green", Lang::Pl) => "zielony",
        ("purple", Lang::Pl) => "fioletowy",
        ("red", Lang::Pl) => "czerwony",
        (_, Lang::Pl) => "niebieski",
        ("green", Lang::En) => "green",
        ("purple", Lang::En) => "purple",
        ("red", Lang::En) => "red",
        (_, Lang::En) => "blue",
    }
}
