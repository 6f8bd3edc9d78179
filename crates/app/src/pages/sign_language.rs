//! Information in Polish Sign Language (PJM): art. 6 pkt 3 lit. c of the
//! 2019 accessibility act. Each recording is a native `<video controls>` of
//! a file beside the bundle (never a third-party player, which would track
//! visitors and break offline), with a caption track per language and the
//! text of the recording below it. Nothing plays until the visitor asks.

use crate::components::{preparing, PageHeading, WithContent};
use crate::content::{paragraphs, Bundle, Lang, SignVideo};
use crate::i18n::{legal, text_of, use_lang};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SignLanguage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageHeading text=Signal::derive(move || legal(lang.get()).pjm_title.to_owned())/>
        <WithContent render=move |b| view! { <Videos bundle=b/> }/>
    }
}

#[component]
fn Videos(
    /// The checked content.
    bundle: Arc<Bundle>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        match &bundle.sign_language {
            Some(sl) => sl
                .videos
                .iter()
                .enumerate()
                .map(|(i, v)| video(v, i, lang))
                .collect_view()
                .into_any(),
            None => preparing(&bundle, legal(lang).pjm_missing, lang).into_any(),
        }
    }
}

fn video(v: &SignVideo, i: usize, lang: Lang) -> impl IntoView {
    let l = legal(lang);
    let (title, title_lang) = text_of(&v.title, lang);
    let (transcript, transcript_lang) = text_of(&v.transcript, lang);
    let id = format!("pjm-{}", i + 1);
    let video_by = id.clone();
    let src = format!("content/{}", v.file);
    let mime = if v.file.ends_with(".mp4") {
        "video/mp4"
    } else {
        "video/webm"
    };
    // The reader's language's captions are shown by default; Polish when
    // there are no English ones.
    let en_shown = lang == Lang::En && v.captions.en.is_some();
    let track = |file: &str, track_lang: Lang, default: bool| {
        view! {
            <track kind="captions" src=format!("content/{file}") srclang=track_lang.as_str()
                label=legal(track_lang).captions_label default=default/>
        }
    };
    let en = v.captions.en.as_ref().map(|f| track(f, Lang::En, en_shown));
    view! {
        <section class="sign-video" data-testid="pjm-video">
            <h2 id=id lang=title_lang>{title}</h2>
            <video controls preload="metadata" playsinline
                poster=v.poster.as_ref().map(|p| format!("content/{p}"))
                aria-labelledby=video_by>
                <source src=src.clone() type=mime/>
                {track(&v.captions.pl, Lang::Pl, !en_shown)}
                {en}
                <p>{l.video_fallback} " " <a href=src.clone() download="">{v.file.clone()}</a></p>
            </video>
            <h3>{l.transcript}</h3>
            // Its paragraphs as paragraphs: one block of text is hard to
            // follow, and a blank line in the bundle means a new one.
            <div class="sign-video__transcript" lang=transcript_lang data-testid="transcript">
                {paragraphs(&transcript).into_iter().map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
            </div>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::Prerender;
    use crate::content::{parse, Lang};
    use crate::nav::Page;
    use std::sync::Arc;

    #[test]
    fn a_transcript_keeps_its_paragraphs() {
        let mut b = parse(include_str!(
            "../../../../tests/fixtures/fictional/bundle.json"
        ))
        .unwrap();
        let v = &mut b.sign_language.as_mut().unwrap().videos[0];
        v.transcript
            .set(Lang::Pl, "Pierwszy akapit.\n\nDrugi <b>akapit</b>.");
        let r = Prerender::new(
            Arc::new(b),
            crate::site_url::SiteUrl::parse("https://example.org/").unwrap(),
            "",
        );
        let html = r.page(Page::SignLanguage.path(Lang::Pl), "").0;
        let start = html.find("data-testid=\"transcript\"").unwrap();
        let div = &html[start..start + html[start..].find("</div>").unwrap()];
        assert_eq!(div.matches("<p>").count(), 2, "{div}");
        assert!(
            div.contains("<p>Pierwszy akapit.</p><p>Drugi &lt;b&gt;akapit&lt;/b&gt;.</p>"),
            "{div}"
        );
    }

    fn page(b: crate::content::Bundle, lang: Lang) -> String {
        let r = Prerender::new(
            Arc::new(b),
            crate::site_url::SiteUrl::parse("https://example.org/").unwrap(),
            "",
        );
        r.page(Page::SignLanguage.path(lang), "").0
    }

    /// With no recording yet, the page never ends without a way forward:
    /// the organisation's contact, else the declaration's, else it says
    /// plainly that none is given; and the footer has the contact on every
    /// page where the bundle gives one.
    #[test]
    fn without_a_recording_the_page_offers_a_way_to_reach_the_centre() {
        let mut b = parse(include_str!(
            "../../../../tests/fixtures/fictional/bundle.json"
        ))
        .unwrap();
        b.sign_language = None;
        let html = page(b.clone(), Lang::Pl);
        let notice = &html[html.find("data-testid=\"preparing\"").unwrap()..];
        let notice = &notice[..notice.find("</div>").unwrap()];
        for want in [
            "href=\"tel:+48000000001\"",
            "href=\"mailto:sekretariat@example.org\"",
            "Dla osób głuchych",
            "Skrytka ePUAP",
            "/WyspaTestowa/SkrytkaESP",
        ] {
            assert!(notice.contains(want), "{want} not in {notice}");
        }
        // The footer carries the same details, with the seat's address.
        let footer = &html[html.find("<footer").unwrap()..];
        assert!(
            footer.contains("<address data-testid=\"contact\""),
            "{footer}"
        );
        assert!(footer.contains("ul. Testowa 1 (dane testowe), 00-000 Wyspa Testowa"));
        // No contact of the organisation's: the declaration's.
        b.contact = Default::default();
        b.organisation.address = None;
        let html = page(b.clone(), Lang::Pl);
        assert!(html.contains("mailto:dostepnosc@example.org"));
        assert!(!html.contains("<address"), "no contact, no block");
        // None at all: said plainly.
        b.accessibility.email = None;
        b.accessibility.phone = None;
        let html = page(b, Lang::En);
        assert!(
            html.contains("We have not given our contact details yet."),
            "{html}"
        );
    }
}
