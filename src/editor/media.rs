//! The files on the site, sent from the editor (#32 item 6): every file
//! the draft names (the logo, the easy-to-read pictures, the sign-language
//! videos with their captions and posters, the EU strips), each with the
//! page that uses it, a preview and the size of the file on the site, and a
//! way to send a new one under the name the draft gives it.
//!
//! A chosen file is checked here first with the server's own checks
//! (`rops_content::media_problem`: type by content, size, pixels, WebVTT,
//! SVG), so a wrong file is refused before a byte is sent; then it goes by
//! `PUT` to `<site>upload/<name>` (nginx's WebDAV, the same password as
//! publishing; deploy/rops-site.conf takes only names a bundle may give).
//! The server keeps it until the next publish, checks it again with the
//! bundle that names it, and publishes both, the file kept with that
//! version for rollback (publish's `kept_media`); a file the server
//! refuses is removed there, and its reason comes back at its field. So a
//! file goes live with the next publish of the draft: with no other change,
//! that publishes the file on its own.

use super::publishing::{basic_auth_problem, State};
use super::specs::{field_for, place_of};
use leptos::prelude::*;
use rops_app::content::{self, format, Bundle, FaultKind, Lang, MediaKind, MediaProblem};
use rops_app::nav::{self, Page};
use wasm_bindgen::JsCast;

/// One file the draft names.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaRow {
    /// `$.sign_language.videos[0].file`: where the server's verdict is.
    pub path: String,
    /// The dom id of its field in the form.
    pub field: String,
    /// Where that is, in the editor's words.
    pub place: String,
    pub name: String,
    pub kind: MediaKind,
    /// The page that shows it (below the app's root) and its name.
    pub page: (String, &'static str),
    /// A video's Polish captions, for its preview.
    pub captions: Option<String>,
}

/// Every file `b` names, in bundle order, with the page that uses it.
pub fn rows(b: &Bundle, lang: Lang) -> Vec<MediaRow> {
    let w = words(lang);
    content::media_files(b)
        .into_iter()
        .map(|(path, name, kind)| {
            let at = path.to_string();
            let page = if at.starts_with("$.organisation") {
                (String::new(), w.every_page)
            } else if at.starts_with("$.easy_read") {
                (page_path(Page::EasyRead, lang), w.easy_read)
            } else if at.starts_with("$.sign_language") {
                (page_path(Page::SignLanguage, lang), w.sign_language)
            } else {
                let project = at
                    .strip_prefix("$.projects[")
                    .and_then(|r| r.split(']').next())
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| b.projects.get(i));
                match project {
                    Some(p) => (
                        nav::project_path(lang, p.id.as_str())
                            .trim_start_matches('/')
                            .to_owned(),
                        w.project,
                    ),
                    None => (String::new(), w.every_page),
                }
            };
            let captions = (kind == MediaKind::Video)
                .then(|| {
                    b.sign_language.as_ref().and_then(|s| {
                        s.videos
                            .iter()
                            .find(|v| v.file == name)
                            .map(|v| v.captions.pl.clone())
                    })
                })
                .flatten();
            MediaRow {
                field: field_for(&path, b.default_lang()),
                place: place_of(&path, lang),
                path: at,
                name: name.to_owned(),
                kind,
                page,
                captions,
            }
        })
        .collect()
}

fn page_path(p: Page, lang: Lang) -> String {
    p.path(lang).trim_start_matches('/').to_owned()
}

/// What became of a file chosen in one row.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Idle,
    /// Read and checked here.
    Checking,
    /// Refused here, before sending (why).
    Refused(String),
    Sending,
    /// On the server, waiting for the next publish.
    Waiting,
    /// Published with this version.
    Live(String),
    /// The server's checks refused it (why, from the publish outcome).
    ServerRefused(String),
    /// Not sent (why).
    NotSent(String),
}

/// The file list, inside the publishing panel: `login` gives the editor's
/// credentials (or says they are missing), `state` is the panel's, whose
/// outcomes carry the server's verdict on the files sent.
#[component]
pub fn MediaList(
    lang: Lang,
    root: String,
    rows: Signal<Vec<MediaRow>>,
    login: Callback<(), Option<String>>,
    state: RwSignal<State>,
) -> impl IntoView {
    let w = words(lang);
    let root = StoredValue::new(root);
    view! {
        <section class="ed-media" aria-labelledby="media-heading" data-testid="media-list">
            <h3 id="media-heading">{w.heading}</h3>
            <p class="ed-hint">{w.hint}</p>
            <Show when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! { <p data-testid="media-none">{w.none}</p> }>
                <ul class="ed-media__list">
                    <For each=move || rows.get()
                        key=|r| (r.path.clone(), r.name.clone())
                        let:row>
                        <Row lang root=root.get_value() row login state/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn Row(
    lang: Lang,
    root: String,
    row: MediaRow,
    login: Callback<(), Option<String>>,
    state: RwSignal<State>,
) -> impl IntoView {
    let w = words(lang);
    let step = RwSignal::new(Step::Idle);
    // The file on the site: None until known, then its size if it is there.
    let live = RwSignal::new(None::<Option<u64>>);
    // A file chosen here: its object URL for the preview, and its size.
    let local = RwSignal::new(None::<(String, u64)>);
    // An object URL keeps its file (up to 100 MiB) in memory until it is
    // revoked: the one replaced, and the last one when the row goes.
    let set_local = move |new: Option<(String, u64)>| {
        if let Some((old, _)) = local.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        local.set(new);
    };
    on_cleanup(move || {
        if let Some((old, _)) = local.try_get_untracked().flatten() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
    });
    // Bumped when a publish may have changed the file on the site.
    let round = RwSignal::new(0u32);
    let url = format!("{root}content/{}", row.name);
    let kind = row.kind;
    {
        let url = url.clone();
        Effect::new(move |_| {
            let n = round.get();
            let url = format!("{url}?r={n}");
            leptos::task::spawn_local(
                async move { live.set(Some(size_on_site(&url, kind).await)) },
            );
        });
    }
    // The server's verdict, from the publishing panel's outcome.
    let path = row.path.clone();
    Effect::new(move |_| match state.get() {
        State::Published { version, .. } => {
            if step.get_untracked() == Step::Waiting {
                step.set(Step::Live(version));
                set_local(None);
            }
            round.update(|n| *n += 1);
        }
        State::Refused(issues) => {
            if let Some(i) = issues.iter().find(|i| i.path == path) {
                if step.get_untracked() == Step::Waiting {
                    step.set(Step::ServerRefused(i.message.clone()));
                    set_local(None);
                }
            }
        }
        _ => {}
    });

    let input_id = format!("media-{}", row.field.trim_start_matches("f-"));
    let name = StoredValue::new(row.name.clone());
    let site = StoredValue::new(root.clone());
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // The same file may be chosen again after a correction.
        input.set_value("");
        let Some(auth) = login.run(()) else {
            step.set(Step::NotSent(w.no_login.into()));
            return;
        };
        step.set(Step::Checking);
        leptos::task::spawn_local(async move {
            let name = name.get_value();
            if let Err(why) = check(&file, kind, &name, lang).await {
                step.set(Step::Refused(why));
                return;
            }
            step.set(Step::Sending);
            let size = file.size() as u64;
            let sent = send(&site.get_value(), &name, &file, kind, &auth).await;
            match sent {
                Ok(()) => {
                    if let Ok(u) = web_sys::Url::create_object_url_with_blob(&file) {
                        set_local(Some((u, size)));
                    }
                    step.set(Step::Waiting);
                }
                Err(code) => step.set(Step::NotSent(http_problem(code, size, kind, lang))),
            }
        });
    };

    let (page_href, page_label) = row.page.clone();
    let page_href = format!("{root}{page_href}");
    let captions_url = row.captions.as_ref().map(|c| format!("{root}content/{c}"));
    let preview = move || {
        let src = match local.get() {
            Some((u, _)) => u,
            None if matches!(live.get(), Some(Some(_))) => {
                format!("{}?r={}", url, round.get())
            }
            None => return None,
        };
        Some(preview_of(
            kind,
            src,
            captions_url.clone(),
            name.get_value(),
            lang,
        ))
    };
    let size_text = move || match (local.get(), live.get()) {
        (Some((_, size)), _) => w.size_sent.replace("{size}", &size_in_words(size, lang)),
        (None, Some(Some(size))) => w.size_live.replace("{size}", &size_in_words(size, lang)),
        (None, Some(None)) => w.not_on_site.into(),
        (None, None) => String::new(),
    };
    let verdict = move || match step.get() {
        Step::Idle => String::new(),
        Step::Checking => w.checking.into(),
        Step::Refused(why) => format!("{} {why}", w.refused_here),
        Step::Sending => w.sending.into(),
        Step::Waiting => w.waiting.into(),
        Step::Live(v) => w.live.replace("{version}", &v),
        Step::ServerRefused(why) => format!("{} {why}", w.refused_there),
        Step::NotSent(why) => why,
    };
    let problem = move || {
        matches!(
            step.get(),
            Step::Refused(_) | Step::ServerRefused(_) | Step::NotSent(_)
        )
    };
    let field = row.field.clone();
    view! {
        <li class="ed-media__row" data-testid="media-row" data-path=row.path.clone() data-name=row.name.clone()>
            <p class="ed-media__name">
                <a href=format!("#{}", row.field) on:click=move |ev| {
                    ev.prevent_default();
                    super::form::focus_field(&field);
                }>{row.place.clone()}</a>
                ": " <code>{row.name.clone()}</code>
            </p>
            <p class="ed-hint">
                {w.used_on} " " <a href=page_href data-testid="media-page">{page_label}</a>
                " · " <span data-testid="media-size">{size_text}</span>
            </p>
            <div class="ed-media__preview" data-testid="media-preview">{preview}</div>
            <div class="field">
                <label for=input_id.clone()>{w.choose.replace("{name}", &row.name)}</label>
                <input type="file" id=input_id accept=accept(kind) data-testid="media-file"
                    on:change=on_change/>
            </div>
            <p role="status" data-testid="media-verdict"
                class=move || if problem() { "ed-warning" } else { "" }>{verdict}</p>
        </li>
    }
}

/// The preview of a file at `src`.
fn preview_of(
    kind: MediaKind,
    src: String,
    captions: Option<String>,
    name: String,
    lang: Lang,
) -> AnyView {
    let w = words(lang);
    match kind {
        MediaKind::Logo | MediaKind::Picture => view! {
            <img src=src alt=w.preview_of.replace("{name}", &name) class="ed-media__picture"/>
        }
        .into_any(),
        MediaKind::Video => view! {
            <video src=src controls=true preload="metadata" class="ed-media__video"
                aria-label=w.preview_of.replace("{name}", &name)>
                {captions.map(|c| view! { <track kind="captions" srclang="pl" label="Polski" src=c/> })}
            </video>
        }
        .into_any(),
        MediaKind::Captions => {
            let text = RwSignal::new(String::new());
            leptos::task::spawn_local(async move {
                if let Ok(r) = gloo_net::http::Request::get(&src).send().await {
                    if let Ok(t) = r.text().await {
                        // The first cues are enough to tell the file.
                        text.set(t.chars().take(400).collect());
                    }
                }
            });
            view! {
                <pre class="ed-media__captions" tabindex="0"
                    aria-label=w.preview_of.replace("{name}", &name)>{move || text.get()}</pre>
            }
            .into_any()
        }
    }
}

/// The size of the file on the site, if it is there. A video by its
/// headers (never downloaded); the others are small, and counted as read
/// (a compressed answer's length is not the file's).
async fn size_on_site(url: &str, kind: MediaKind) -> Option<u64> {
    use gloo_net::http::{Method, RequestBuilder};
    let method = if kind == MediaKind::Video {
        Method::HEAD
    } else {
        Method::GET
    };
    let r = RequestBuilder::new(url)
        .method(method)
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .ok()?;
    if !r.ok() {
        return None;
    }
    if kind == MediaKind::Video {
        return r.headers().get("content-length")?.parse().ok();
    }
    r.binary().await.ok().map(|b| b.len() as u64)
}

/// The server's checks, here: the size first (a 200 MB file is never read),
/// then the content (a video by its head).
async fn check(
    file: &web_sys::File,
    kind: MediaKind,
    name: &str,
    lang: Lang,
) -> Result<(), String> {
    let fault = |p: MediaProblem| FaultKind::Media(p).message(lang);
    if let Some(p) = kind.size_problem(file.size() as u64) {
        return Err(fault(p));
    }
    let blob: web_sys::Blob = match kind.head_bytes() {
        Some(n) => file
            .slice_with_f64_and_f64(0.0, n as f64)
            .map_err(|_| words(lang).unreadable.to_owned())?,
        None => file.clone().unchecked_into(),
    };
    let buf = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| words(lang).unreadable.to_owned())?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    match content::media_problem(kind, name, &bytes) {
        Some(p) => Err(fault(p)),
        None => Ok(()),
    }
}

/// Sends `file` as `name`; the HTTP status when it was not taken (0: no
/// answer).
async fn send(
    root: &str,
    name: &str,
    file: &web_sys::File,
    kind: MediaKind,
    auth: &str,
) -> Result<(), u16> {
    let sent = gloo_net::http::Request::put(&format!("{root}upload/{name}"))
        .header("Authorization", auth)
        .header("Content-Type", mime(kind, name))
        .credentials(web_sys::RequestCredentials::Omit)
        .cache(web_sys::RequestCache::NoStore)
        .body(wasm_bindgen::JsValue::from(file.clone()))
        .map_err(|_| 0u16)?;
    match sent.send().await {
        Ok(r) if matches!(r.status(), 200 | 201 | 204) => Ok(()),
        Ok(r) => Err(r.status()),
        Err(_) => Err(0),
    }
}

fn http_problem(code: u16, size: u64, kind: MediaKind, lang: Lang) -> String {
    let w = words(lang);
    match code {
        0 => w.unreachable.into(),
        413 => FaultKind::Media(MediaProblem::TooLarge {
            bytes: size,
            limit: kind.limit(),
        })
        .message(lang),
        // No location for files here: a server set up before the editor
        // sent files (deploy/rops-site.conf of an older release).
        403..=405 => w.not_accepted.replace("{code}", &code.to_string()),
        c => basic_auth_problem(c, lang)
            .unwrap_or_else(|| w.server_error.replace("{code}", &c.to_string())),
    }
}

/// A file's size as people read it: bytes below a kilobyte ("75 B"),
/// then kilobytes and megabytes with one decimal ("8,0 kB", "1,2 MB").
fn size_in_words(bytes: u64, lang: Lang) -> String {
    if bytes >= 1_000_000 {
        return format::megabytes(bytes, lang);
    }
    if bytes < 1_000 {
        return format!("{bytes} B");
    }
    let kb = format!("{:.1} kB", bytes as f64 / 1000.0);
    kb.replace('.', &format::decimal_separator(lang).to_string())
}

fn mime(kind: MediaKind, name: &str) -> &'static str {
    match kind {
        MediaKind::Logo | MediaKind::Picture if name.ends_with(".png") => "image/png",
        MediaKind::Logo | MediaKind::Picture => "image/svg+xml",
        MediaKind::Video if name.ends_with(".mp4") => "video/mp4",
        MediaKind::Video => "video/webm",
        MediaKind::Captions => "text/vtt",
    }
}

fn accept(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Logo | MediaKind::Picture => ".svg,.png,image/svg+xml,image/png",
        MediaKind::Video => ".webm,.mp4,video/webm,video/mp4",
        MediaKind::Captions => ".vtt,text/vtt",
    }
}

struct Words {
    heading: &'static str,
    hint: &'static str,
    none: &'static str,
    used_on: &'static str,
    every_page: &'static str,
    easy_read: &'static str,
    sign_language: &'static str,
    project: &'static str,
    /// With `{name}`.
    choose: &'static str,
    /// With `{name}`.
    preview_of: &'static str,
    /// With `{size}`.
    size_live: &'static str,
    /// With `{size}`.
    size_sent: &'static str,
    not_on_site: &'static str,
    checking: &'static str,
    refused_here: &'static str,
    sending: &'static str,
    waiting: &'static str,
    /// With `{version}`.
    live: &'static str,
    refused_there: &'static str,
    no_login: &'static str,
    unreadable: &'static str,
    unreachable: &'static str,
    /// With `{code}`.
    server_error: &'static str,
    /// With `{code}`.
    not_accepted: &'static str,
}

static PL: Words = Words {
    heading: "Pliki na stronie",
    hint: "Logo, obrazki tekstu łatwego do czytania, nagrania w polskim języku migowym z napisami i plakatami oraz paski znaków UE. Wybierz nowy plik przy jego nazwie: edytor go sprawdzi i wyśle na serwer, a serwer sprawdzi go jeszcze raz i opublikuje z najbliższą publikacją („Opublikuj” powyżej; bez innych zmian w treści opublikuje sam plik). Każda wersja strony zachowuje swoje pliki, więc przywrócenie wersji przywraca i je.",
    none: "Treść nie podaje jeszcze żadnego pliku. Wpisz nazwę pliku w jego polu formularza (np. logo), a pojawi się tutaj.",
    used_on: "Używany na stronie:",
    every_page: "każda strona (nagłówek)",
    easy_read: "Tekst łatwy do czytania",
    sign_language: "Polski język migowy",
    project: "strona projektu",
    choose: "Wyślij nowy plik „{name}”",
    preview_of: "Podgląd pliku {name}",
    size_live: "na stronie: {size}",
    size_sent: "wysłany: {size}",
    not_on_site: "tego pliku nie ma jeszcze na stronie",
    checking: "Sprawdzanie pliku…",
    refused_here: "Nie wysłano pliku:",
    sending: "Wysyłanie pliku…",
    waiting: "Plik jest na serwerze. Trafi na stronę z najbliższą publikacją: naciśnij „Opublikuj” powyżej.",
    live: "Opublikowano: plik jest na stronie (wersja {version}).",
    refused_there: "Serwer nie przyjął pliku:",
    no_login: "Nie wysłano pliku: wpisz użytkownika i hasło w polach „Użytkownik” i „Hasło” powyżej.",
    unreadable: "Nie udało się odczytać pliku z dysku: wybierz go ponownie.",
    unreachable: "Nie udało się połączyć z serwerem (brak sieci albo serwer nie działa). Spróbuj ponownie za chwilę.",
    server_error: "Serwer nie przyjął pliku (HTTP {code}): to błąd serwera, nie pliku. Powiedz administratorowi.",
    not_accepted: "Ten serwer nie przyjmuje jeszcze plików z edytora (HTTP {code}). Poproś administratora o zaktualizowanie konfiguracji nginx (DEPLOY.md, „Pliki z edytora”) albo przekaż mu plik.",
};

static EN: Words = Words {
    heading: "Files on the site",
    hint: "The logo, the easy-to-read pictures, the Polish Sign Language recordings with their captions and posters, and the EU strips. Choose a new file by its name: the editor checks it and sends it to the server, which checks it again and publishes it with the next publish (\"Publish\" above; with no other change to the content, it publishes the file on its own). Each version of the site keeps its files, so restoring a version restores them too.",
    none: "The content names no file yet. Enter a file's name in its field of the form (the logo, for instance), and it appears here.",
    used_on: "Used on:",
    every_page: "every page (the header)",
    easy_read: "Easy to read",
    sign_language: "Polish Sign Language",
    project: "the project's page",
    choose: "Send a new file “{name}”",
    preview_of: "Preview of {name}",
    size_live: "on the site: {size}",
    size_sent: "sent: {size}",
    not_on_site: "this file is not on the site yet",
    checking: "Checking the file…",
    refused_here: "The file was not sent:",
    sending: "Sending the file…",
    waiting: "The file is on the server. It goes live with the next publish: press “Publish” above.",
    live: "Published: the file is on the site (version {version}).",
    refused_there: "The server did not take the file:",
    no_login: "The file was not sent: enter the user and password in the “User” and “Password” fields above.",
    unreadable: "The file could not be read from the disk: choose it again.",
    unreachable: "Could not reach the server (no network, or the server is down). Try again in a moment.",
    server_error: "The server did not take the file (HTTP {code}): a fault of the server, not of the file. Tell the administrator.",
    not_accepted: "This server does not take files from the editor yet (HTTP {code}). Ask the administrator to update the nginx configuration (DEPLOY.md, \"Files from the editor\"), or hand them the file.",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Pl => &PL,
        _ => &EN,
    }
}
