//! "Osadź na swojej stronie": a form that writes the embed snippet for a
//! portal editor, with a live preview of exactly that snippet's iframe.

use crate::components::PageHeading;
use crate::content::{EmbedTitles, Lang};
use crate::data::use_content;
use crate::i18n::{accent_label, nav_label, ui, use_lang};
use crate::nav::{to_embed, EmbedOptions, Page};
use crate::prefs::{Accent, Theme};
use leptos::prelude::*;

/// HTML-escape for attribute values and text in the generated snippet.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The views a portal can embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedView {
    Timeline,
    Funding,
}

impl EmbedView {
    pub const ALL: [EmbedView; 2] = [EmbedView::Timeline, EmbedView::Funding];

    pub fn as_str(self) -> &'static str {
        match self {
            EmbedView::Timeline => "timeline",
            EmbedView::Funding => "funding",
        }
    }

    pub fn parse(s: &str) -> Option<EmbedView> {
        EmbedView::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn page(self) -> Page {
        match self {
            EmbedView::Timeline => Page::Timeline,
            EmbedView::Funding => Page::Funding,
        }
    }

    /// The iframe's title (its accessible name on the portal's page), from the bundle.
    pub fn title(self, titles: &EmbedTitles, lang: Lang) -> &str {
        match self {
            EmbedView::Timeline => titles.timeline.in_lang(lang),
            EmbedView::Funding => titles.funding.in_lang(lang),
        }
    }
}

/// Everything the editor chose for one embed.
#[derive(Debug, Clone, PartialEq)]
pub struct Snippet {
    pub view: EmbedView,
    pub lang: Lang,
    /// Initial height in CSS px, until the embed reports its own.
    pub height: u32,
    /// What goes into the embed's address (id, theme, accent).
    pub options: EmbedOptions,
}

impl Snippet {
    /// The embed's address below `origin_base` (the app's absolute base URL,
    /// e.g. `https://portal.example/ekonomia/`).
    pub fn src(&self, origin_base: &str) -> String {
        let path = to_embed(self.view.page().path(self.lang));
        format!(
            "{origin_base}{}?{}",
            path.trim_start_matches('/'),
            self.options.to_query()
        )
    }

    /// The code to paste: the iframe named `title` (no inline style: a
    /// portal's strict CSP would block it; embed.js sizes the frame through
    /// CSSOM), the host script, and a plain link for readers without scripts.
    pub fn html(&self, origin_base: &str, title: &str) -> String {
        let title = esc(title);
        let full = format!(
            "{origin_base}{}",
            self.view.page().path(self.lang).trim_start_matches('/')
        );
        format!(
            "<iframe src=\"{src}\" title=\"{title}\" data-rops-embed loading=\"lazy\" width=\"100%\" height=\"{h}\"></iframe>\n\
             <script src=\"{origin_base}embed.js\" defer></script>\n\
             <noscript><a href=\"{full}\">{title}</a></noscript>",
            src = esc(&self.src(origin_base)),
            h = self.height,
        )
    }
}

#[component]
pub fn EmbedCode() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    let view_kind = RwSignal::new(EmbedView::Timeline.as_str().to_owned());
    let embed_lang = RwSignal::new(lang.get_untracked());
    let theme = RwSignal::new("auto".to_owned());
    // "" is the site's own accent: nothing in the address.
    let accent = RwSignal::new(String::new());
    let height = RwSignal::new(800u32);
    let base = crate::nav::site_url();
    let content = use_content();
    // The frame's id in the host's messages: the organisation's slug, so two
    // centres' embeds on one portal page never share one.
    let embed_langs = move || match content.state.get() {
        Some(Ok(b)) => b.languages().to_vec(),
        _ => vec![lang.get()],
    };
    let frame_id = move || match content.state.get() {
        Some(Ok(b)) => format!("{}-1", b.organisation.slug),
        _ => "embed-1".to_owned(),
    };
    let chosen = Memo::new(move |_| Snippet {
        view: EmbedView::parse(&view_kind.get()).unwrap_or(EmbedView::Timeline),
        lang: embed_lang.get(),
        height: height.get(),
        options: EmbedOptions {
            id: Some(frame_id()),
            theme: Theme::parse(&theme.get()),
            accent: Accent::parse(&accent.get()),
        },
    });
    let code = {
        let base = base.clone();
        Memo::new(move |_| {
            let s = chosen.get();
            // The bundle names the embeds; until it is loaded, the view's own name.
            let title = match content.state.get() {
                Some(Ok(b)) => s
                    .view
                    .title(&b.organisation.embed_titles, s.lang)
                    .to_owned(),
                _ => nav_label(s.view.page(), s.lang).to_owned(),
            };
            s.html(&base, &title)
        })
    };
    // The preview runs the same iframe as the snippet, from this site's own
    // path (the snippet's absolute address is the published one, which a
    // copy served elsewhere, e.g. a test server, must not frame).
    let own_base = format!("{}/", crate::nav::use_nav().base());
    let preview_src = move || chosen.get().src(&own_base);
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
        let preview_src = preview_src.clone();
        view! {
            <PageHeading text=Signal::derive(move || ui(lang.get()).embed_title.to_owned())/>
            <p>{t.embed_intro}</p>
            <form class="embed-form" on:submit=|ev| ev.prevent_default()>
                {select(t.embed_view, "embed-view", view_kind, EmbedView::ALL.iter().map(|v| (v.as_str(), nav_label(v.page(), l).to_owned())).collect())}
                <div class="field">
                    <label for="embed-lang">{t.embed_language}</label>
                    <select id="embed-lang" on:change=move |ev| embed_lang.set(Lang::from_tag(&event_target_value(&ev)).unwrap_or_default())>
                        // Every language the bundle publishes in, by its own name.
                        {move || embed_langs().into_iter().map(|l| view! {
                            <option value=l.as_str() selected=move || embed_lang.get() == l lang=l.as_str()>{l.own_name()}</option>
                        }).collect_view()}
                    </select>
                </div>
                {select(t.embed_theme, "embed-theme", theme, vec![("auto", t.theme_auto.to_owned()), ("light", t.theme_light.to_owned()), ("dark", t.theme_dark.to_owned())])}
                {select(t.embed_accent, "embed-accent", accent, std::iter::once(("", t.accent_default.to_owned())).chain(Accent::ALL.iter().map(|a| (a.as_str(), accent_label(*a, l).to_owned()))).collect())}
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
            // Drawn by the running app once the content has settled, so that
            // the frame loads once, at its final address (its id comes from
            // the bundle); not in the published page, whose frame the
            // takeover would replace in the middle of its load (a second
            // copy of the whole app loading for nothing, and WebKit's
            // driver was seen to hang on this page for good).
            <Show
                when=move || cfg!(target_arch = "wasm32") && content.state.with(Option::is_some)
                fallback=|| view! { <div class="embed-preview"></div> }
            >
                <iframe class="embed-preview" src=preview_src.clone() title=t.embed_preview data-rops-embed></iframe>
            </Show>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_has_the_chosen_options_and_no_inline_style() {
        let s = Snippet {
            view: EmbedView::Funding,
            lang: Lang::En,
            height: 640,
            options: EmbedOptions {
                id: Some("rops-1".into()),
                theme: Some(Theme::Dark),
                accent: None,
            },
        };
        let html = s.html("https://portal.example/ekonomia/", "Finansowanie \"A&B\"");
        assert!(
            html.contains("title=\"Finansowanie &quot;A&amp;B&quot;\""),
            "{html}"
        );
        assert!(
            html.contains(
                "src=\"https://portal.example/ekonomia/en/embed/funding?id=rops-1&amp;theme=dark\""
            ),
            "{html}"
        );
        assert!(html.contains("height=\"640\""));
        assert!(html.contains("https://portal.example/ekonomia/embed.js"));
        assert!(html.contains("<noscript><a href=\"https://portal.example/ekonomia/en/funding\">"));
        assert!(!html.contains("style"));
        assert_eq!(s.src("/"), "/en/embed/funding?id=rops-1&theme=dark");
    }
}
