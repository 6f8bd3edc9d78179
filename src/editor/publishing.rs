//! Publishing from the editor: the checked bundle goes to the site's own
//! server, which checks it again and publishes it, and the outcome comes
//! back here (docs/staff.md, "Publikowanie z edytora / Publishing from the
//! editor").
//!
//! - **Sending**: an HTTP `PUT` of the bundle to `<site>upload/<request>@<version>.json`,
//!   same origin, with the editor's user and password (Basic, over HTTPS on
//!   a server: nginx's WebDAV module behind `auth_basic`, deploy/). The
//!   version is the live one this draft was made from: the server refuses
//!   an upload made from an older one (the second of two editors is told,
//!   never silently overwrites the first).
//! - **The outcome**: the server's publisher (`publish --watch`) writes it
//!   into `<site>publish-status.json` under the request id; this page reads
//!   that file every 0.7 s until it is there (60 s at most).
//! - **Rollback**: the status lists the versions kept; one is sent again,
//!   as an upload like any other, so it is checked against today's schema
//!   and refused with its faults if it no longer passes.
//!
//! Nothing here touches the draft: whatever the server says, the draft
//! stays as it is, stored on this device.

use super::draft::Issue;
use super::form::focus_field;
use super::specs::{field_for, place_of};
use super::store;
use leptos::prelude::*;
use rops_app::content::{JsonPath, Lang};
use rops_app::status::{self, Outcome, Status, Verdict, Version};
use wasm_bindgen::JsCast;

/// How long the page waits for the server's publisher, and how often it looks.
const WAIT_MS: f64 = 60_000.0;
const POLL_MS: i32 = 700;

/// Where the panel is.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    Idle,
    /// No user or password typed: nothing sent.
    NoLogin,
    /// The draft has faults: nothing sent.
    Invalid,
    Sending,
    /// Sent; the server has not said yet.
    Waiting,
    /// Live as `version`; `restored` names the version sent again, for a rollback.
    Published {
        version: String,
        restored: Option<String>,
    },
    /// The server's checks found faults: nothing changed.
    Refused(Vec<Issue>),
    /// Another version went live after this draft's copy was made.
    Stale {
        live: String,
    },
    WrongPassword,
    /// Too many tries from this address in a short time (nginx's
    /// `limit_req` on the upload location, against password guessing).
    TooManyTries,
    /// Larger than the server takes (the file's size in bytes).
    TooLarge(usize),
    /// The server does not take uploads here (no publishing set up).
    NotAccepted(u16),
    /// The server failed (its HTTP status): not the content's fault.
    ServerError(u16),
    /// No answer at all: offline, or the server is down.
    Unreachable,
    /// Sent, but no outcome within [`WAIT_MS`]: the request, to look again.
    NoAnswer {
        request: String,
        restored: Option<String>,
    },
    /// The server could not publish (its message).
    Failed(String),
    /// A kept version could not be fetched (its file, the HTTP status).
    VersionUnavailable(String, u16),
}

/// What the upload's HTTP status says: go on waiting for the publisher
/// (`Ok`), or the state to show.
/// `size` is the file's, for the message when it is too large.
pub fn after_put(code: u16, size: usize) -> Result<(), State> {
    match code {
        200 | 201 | 204 => Ok(()),
        401 => Err(State::WrongPassword),
        413 => Err(State::TooLarge(size)),
        429 => Err(State::TooManyTries),
        // No upload location here (404, 405), or it is closed (403).
        403..=405 => Err(State::NotAccepted(code)),
        // The location is there but cannot store (409: the folder is
        // missing; 5xx: permissions, disk): the administrator's to mend.
        c => Err(State::ServerError(c)),
    }
}

/// The state the publisher's outcome leads to.
pub fn state_of(o: &Outcome, restored: Option<&str>, lang: Lang, default: Lang) -> State {
    match o.result {
        Verdict::Published => State::Published {
            version: o.version.clone().unwrap_or_default(),
            restored: restored.map(str::to_owned),
        },
        Verdict::Refused => {
            let mut issues = issues_of(&o.faults, lang, default);
            // The status lists the first faults only (status::MAX_FAULTS).
            let (total, shown) = (o.total_faults(), o.faults.len());
            if total > shown {
                issues.push(Issue {
                    field: "f".into(),
                    place: String::new(),
                    path: "$".into(),
                    missing: None,
                    // (No count of "more": Polish would need its plural.)
                    message: match lang {
                        Lang::Pl => format!(
                            "Błędów jest więcej (razem: {total}); powyżej pierwsze {shown}: popraw je i sprawdź treść ponownie, a edytor pokaże resztę"
                        ),
                        _ => format!(
                            "There are more faults ({total} in all); the first {shown} are above: correct them and check the content again, and the editor shows the rest"
                        ),
                    },
                    warning: false,
                });
            }
            State::Refused(issues)
        }
        Verdict::Stale => State::Stale {
            live: o.version.clone().unwrap_or_default(),
        },
        Verdict::Failed => State::Failed(
            o.message
                .as_ref()
                .map(|m| m.in_lang(lang).to_owned())
                .unwrap_or_default(),
        ),
    }
}

/// The server's faults as the editor's own issues: each at its field, in
/// the editor's words, with the line and column in the file sent.
/// `default`: the draft's default language, whose input a fault at a
/// whole text is shown at.
pub fn issues_of(faults: &[status::Fault], lang: Lang, default: Lang) -> Vec<Issue> {
    faults
        .iter()
        .map(|f| {
            let path = JsonPath::parse(&f.path);
            let at = match (f.line, f.column) {
                (Some(l), Some(c)) => match lang {
                    Lang::Pl => format!(" (wiersz {l}, kolumna {c})"),
                    _ => format!(" (line {l}, column {c})"),
                },
                _ => String::new(),
            };
            Issue {
                field: path
                    .as_ref()
                    .map_or_else(|| "f".into(), |p| field_for(p, default)),
                place: path
                    .as_ref()
                    .map_or_else(|| f.path.clone(), |p| place_of(p, lang)),
                path: f.path.clone(),
                message: format!("{}{at}", f.message.in_lang(lang)),
                warning: false,
                missing: None,
            }
        })
        .collect()
}

/// A request id: 16 base-36 digits from two random numbers.
fn request_id() -> String {
    let mut s = String::new();
    for _ in 0..2 {
        let mut n = (js_sys::Math::random() * 36f64.powi(8)) as u64;
        for _ in 0..8 {
            s.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
            n /= 36;
        }
    }
    s
}

/// What a refused upload's HTTP status says of the login, for a file sent
/// from the file list (media.rs) as for the bundle.
pub fn basic_auth_problem(code: u16, lang: Lang) -> Option<String> {
    let w = words(lang);
    match code {
        401 => Some(w.wrong_password.into()),
        429 => Some(w.too_many.into()),
        _ => None,
    }
}

/// `Basic …` for `user` and `password`, as UTF-8 (nginx compares bytes).
fn basic_auth(user: &str, password: &str) -> String {
    // btoa takes one character per byte.
    let bytes: String = format!("{user}:{password}")
        .bytes()
        .map(char::from)
        .collect();
    let encoded = window().btoa(&bytes).unwrap_or_default();
    format!("Basic {encoded}")
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// The site's `publish-status.json`, past every cache; `None` when the
/// site has none (no publisher) or it cannot be read.
pub async fn fetch_status(root: &str) -> Option<Status> {
    let resp = gloo_net::http::Request::get(&format!("{root}publish-status.json"))
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .ok()?;
    if !resp.ok() {
        return None;
    }
    resp.json().await.ok()
}

/// Sends `text` as an upload made from version `base`, and waits for the
/// publisher's outcome (telling `state` when it is sent).
#[allow(clippy::too_many_arguments)] // each is one thing the request needs
async fn send(
    root: &str,
    text: String,
    base: &str,
    auth: &str,
    restored: Option<String>,
    lang: Lang,
    default: Lang,
    state: RwSignal<State>,
) -> State {
    let request = request_id();
    let size = text.len();
    let url = format!("{root}upload/{}", status::upload_name(&request, base));
    // Credentials omitted: the password goes in this request's own header,
    // and a refused one comes back here instead of opening the browser's
    // own login box.
    let sent = gloo_net::http::Request::put(&url)
        .header("Authorization", auth)
        .header("Content-Type", "application/json")
        .credentials(web_sys::RequestCredentials::Omit)
        .cache(web_sys::RequestCache::NoStore)
        .body(text);
    let resp = match sent {
        Ok(r) => r.send().await,
        Err(e) => return State::Failed(e.to_string()),
    };
    let code = match resp {
        Ok(r) => r.status(),
        Err(_) => return State::Unreachable,
    };
    if let Err(s) = after_put(code, size) {
        return s;
    }
    state.set(State::Waiting);
    wait_for(root, request, restored, lang, default).await
}

/// Looks for the outcome of `request` in the status until it is there or
/// [`WAIT_MS`] have passed.
async fn wait_for(
    root: &str,
    request: String,
    restored: Option<String>,
    lang: Lang,
    default: Lang,
) -> State {
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < WAIT_MS {
        sleep(POLL_MS).await;
        if let Some(o) = fetch_status(root)
            .await
            .and_then(|s| s.outcome(&request).cloned())
        {
            return state_of(&o, restored.as_deref(), lang, default);
        }
    }
    State::NoAnswer { request, restored }
}

/// The panel's words, in both languages.
struct Words {
    heading: &'static str,
    hint: &'static str,
    user: &'static str,
    password: &'static str,
    publish: &'static str,
    sending: &'static str,
    waiting: &'static str,
    /// With `{version}`.
    published: &'static str,
    /// With `{old}` and `{version}`.
    restored: &'static str,
    see_site: &'static str,
    refused: &'static str,
    /// With `{live}`.
    stale: &'static str,
    publish_anyway: &'static str,
    wrong_password: &'static str,
    too_many: &'static str,
    /// With `{size}`.
    too_large: &'static str,
    /// With `{code}`.
    not_accepted: &'static str,
    /// With `{code}`.
    server_error: &'static str,
    invalid: &'static str,
    check_again: &'static str,
    /// With `{file}` and `{code}`.
    version_unavailable: &'static str,
    /// With `{version}` and `{time}`: the restore button's full name,
    /// which starts with its visible text (WCAG 2.5.3).
    restore_label: &'static str,
    unreachable: &'static str,
    no_answer: &'static str,
    failed: &'static str,
    kept: &'static str,
    versions: &'static str,
    live: &'static str,
    /// With `{n}`.
    events: &'static str,
    restore: &'static str,
    no_password: &'static str,
}

static PL: Words = Words {
    heading: "Publikowanie na stronie",
    hint: "Serwer strony sprawdzi treść jeszcze raz i opublikuje ją w kilka sekund. Użytkownika i hasło nadaje administrator strony.",
    user: "Użytkownik",
    password: "Hasło",
    publish: "Opublikuj",
    sending: "Wysyłanie treści…",
    waiting: "Wysłano. Serwer sprawdza i publikuje treść…",
    published: "Opublikowano: treść jest na stronie (wersja {version}).",
    restored: "Przywrócono wersję {old}: jest na stronie jako wersja {version}. Szkic się nie zmienił; aby edytować przywróconą treść, wybierz „Otwórz opublikowaną treść”.",
    see_site: "Zobacz stronę",
    refused: "Serwer nie opublikował treści, bo ma błędy. Na stronie nic się nie zmieniło. Popraw pola z listy i opublikuj ponownie:",
    stale: "Od otwarcia tej kopii ktoś opublikował inną wersję ({live}); na stronie nic się nie zmieniło. Otwórz opublikowaną treść (ta kopia zostanie zastąpiona) albo opublikuj mimo to, zastępując tamtą wersję.",
    publish_anyway: "Opublikuj mimo to",
    wrong_password: "Nieprawidłowy użytkownik lub hasło: serwer nie przyjął treści. Sprawdź dane logowania i spróbuj ponownie.",
    too_many: "Serwer przyjmuje z jednego adresu tylko kilka prób na minutę (ochrona hasła przed zgadywaniem): odczekaj minutę i opublikuj ponownie.",
    too_large: "Serwer nie przyjął treści: plik ma {size}, więcej, niż pozwala ustawienie serwera (client_max_body_size, w paczce 8 MiB). Poproś administratora o zwiększenie limitu.",
    not_accepted: "Ten serwer nie przyjmuje publikacji z edytora (HTTP {code}). Wyeksportuj bundle.json i przekaż go administratorowi.",
    server_error: "Serwer nie mógł przyjąć treści (HTTP {code}): to błąd serwera, nie treści. Powiedz administratorowi.",
    invalid: "Szkic ma błędy (zestawienie wyżej): popraw je, zanim opublikujesz.",
    check_again: "Sprawdź ponownie",
    version_unavailable: "Nie udało się pobrać zachowanej wersji ({file}, HTTP {code}); nic nie wysłano. Odśwież stronę, aby zobaczyć aktualną listę wersji.",
    restore_label: "Przywróć tę wersję: {version} z {time}",
    unreachable: "Nie udało się połączyć z serwerem (brak sieci albo serwer nie działa). Spróbuj ponownie za chwilę.",
    no_answer: "Serwer przyjął treść, ale nie opublikował jej w ciągu minuty: usługa publikowania może nie działać. Powiedz administratorowi (stan: publish-status.json).",
    failed: "Serwer nie opublikował treści; na stronie nic się nie zmieniło:",
    kept: "Szkic jest zachowany w tej przeglądarce.",
    versions: "Opublikowane wersje",
    live: "na stronie",
    events: "wydarzeń: {n}",
    restore: "Przywróć tę wersję",
    no_password: "Nic nie wysłano: wpisz użytkownika i hasło w polach „Użytkownik” i „Hasło”.",
};

static EN: Words = Words {
    heading: "Publishing on the site",
    hint: "The site's server checks the content again and publishes it within seconds. The site's administrator gives you a user name and password.",
    user: "User",
    password: "Password",
    publish: "Publish",
    sending: "Sending the content…",
    waiting: "Sent. The server is checking and publishing the content…",
    published: "Published: the content is on the site (version {version}).",
    restored: "Version {old} restored: it is on the site as version {version}. The draft did not change; to edit the restored content, choose “Open the published content”.",
    see_site: "See the site",
    refused: "The server did not publish the content because it has faults. Nothing changed on the site. Correct the fields listed and publish again:",
    stale: "Someone published another version ({live}) after this copy was opened; nothing changed on the site. Open the published content (this copy is replaced), or publish anyway, replacing that version.",
    publish_anyway: "Publish anyway",
    wrong_password: "Wrong user or password: the server did not take the content. Check your login and try again.",
    too_many: "The server takes only a few tries a minute from one address (so that passwords cannot be guessed): wait a minute and publish again.",
    too_large: "The server did not take the content: the file is {size}, more than the server's setting allows (client_max_body_size, 8 MiB as shipped). Ask the administrator to raise the limit.",
    not_accepted: "This server does not take publications from the editor (HTTP {code}). Export bundle.json and hand it to the administrator.",
    server_error: "The server could not take the content (HTTP {code}): a fault of the server, not of the content. Tell the administrator.",
    invalid: "The draft has faults (listed above): correct them before publishing.",
    check_again: "Check again",
    version_unavailable: "The kept version could not be fetched ({file}, HTTP {code}); nothing was sent. Reload the page to see the current list of versions.",
    restore_label: "Restore this version: {version} of {time}",
    unreachable: "Could not reach the server (no network, or the server is down). Try again in a moment.",
    no_answer: "The server took the content but has not published it within a minute: its publishing service may be stopped. Tell the administrator (status: publish-status.json).",
    failed: "The server did not publish the content; nothing changed on the site:",
    kept: "The draft is kept in this browser.",
    versions: "Published versions",
    live: "live",
    events: "events: {n}",
    restore: "Restore this version",
    no_password: "Nothing was sent: enter the user and password in the “User” and “Password” fields.",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Pl => &PL,
        _ => &EN,
    }
}

/// The publishing panel. `text` gives the checked draft's bundle file, or
/// `None` when the draft has faults (the page then focuses its error
/// summary); `base` is the live version the draft was made from;
/// `published` hears the new live version when this draft went live.
#[component]
pub fn PublishPanel(
    lang: Lang,
    root: String,
    text: Callback<(), Option<String>>,
    base: RwSignal<Option<String>>,
    published: Callback<String>,
    /// The files the draft names (media.rs).
    files: Signal<Vec<super::media::MediaRow>>,
    /// The draft's default language (where a fault at a whole text shows).
    default: Signal<Lang>,
) -> impl IntoView {
    let w = words(lang);
    let state = RwSignal::new(State::Idle);
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let site = StoredValue::new(root.clone());
    let status = RwSignal::new(None::<Status>);
    let result_ref = NodeRef::<leptos::html::Div>::new();
    leptos::task::spawn_local(async move {
        let root = site.get_value();
        status.set(fetch_status(&root).await);
    });
    let busy = move || matches!(state.get_untracked(), State::Sending | State::Waiting);

    // The outcome is shown; a refusal takes focus, so its list is read
    // first and its links are at hand.
    let show = move |s: State| {
        let focus = matches!(s, State::Refused(_));
        state.set(s);
        if focus {
            if let Some(el) = result_ref.get_untracked() {
                let _ = el.focus();
            }
        }
    };
    // Sends `body` made from `from`; `restored` names a rolled-back version.
    // (The buttons stay enabled while sending, so that focus never falls
    // to the page: a second press is simply ignored.)
    // The editor's credentials, or `None` (and the empty field focused).
    let login = move || {
        let (u, p) = (user.get_untracked(), password.get_untracked());
        if u.is_empty() || p.is_empty() {
            state.set(State::NoLogin);
            let empty = if u.is_empty() {
                "publish-user"
            } else {
                "publish-password"
            };
            if let Some(el) = document().get_element_by_id(empty) {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            return None;
        }
        Some(basic_auth(&u, &p))
    };
    let go = move |body: String, from: String, restored: Option<String>| {
        if busy() {
            return;
        }
        let Some(auth) = login() else {
            return;
        };
        state.set(State::Sending);
        leptos::task::spawn_local(async move {
            let root = site.get_value();
            let own = restored.is_none();
            let s = send(
                &root,
                body,
                &from,
                &auth,
                restored,
                lang,
                default.get_untracked(),
                state,
            )
            .await;
            if let (State::Published { version, .. }, true) = (&s, own) {
                published.run(version.clone());
            }
            status.set(fetch_status(&root).await);
            show(s);
        });
    };
    let publish = Callback::new(move |force: Option<String>| {
        if busy() {
            return;
        }
        let Some(body) = text.run(()) else {
            state.set(State::Invalid);
            return;
        };
        let from = force
            .or_else(|| base.get_untracked())
            .unwrap_or_else(|| "none".into());
        go(body, from, None);
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        publish.run(None);
    };
    let check_again = Callback::new(move |(request, restored): (String, Option<String>)| {
        state.set(State::Waiting);
        leptos::task::spawn_local(async move {
            let root = site.get_value();
            let own = restored.is_none();
            let s = wait_for(&root, request, restored, lang, default.get_untracked()).await;
            if let (State::Published { version, .. }, true) = (&s, own) {
                published.run(version.clone());
            }
            status.set(fetch_status(&root).await);
            show(s);
        });
    });
    let restore = Callback::new(move |v: Version| {
        if busy() {
            return;
        }
        // Kept versions are the editors' only (deploy/rops-site.conf):
        // an old bundle may hold what was taken off the site on purpose.
        let Some(auth) = login() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let root = site.get_value();
            let live = fetch_status(&root).await.and_then(|s| s.version);
            let got = gloo_net::http::Request::get(&format!("{root}{}", v.file))
                .header("Authorization", &auth)
                .credentials(web_sys::RequestCredentials::Omit)
                .cache(web_sys::RequestCache::NoStore)
                .send()
                .await;
            match got {
                Ok(r) if r.ok() => match r.text().await {
                    Ok(body) => go(body, live.unwrap_or_else(|| "none".into()), Some(v.version)),
                    Err(_) => state.set(State::Unreachable),
                },
                Ok(r) if r.status() == 401 => state.set(State::WrongPassword),
                Ok(r) if r.status() == 429 => state.set(State::TooManyTries),
                Ok(r) => state.set(State::VersionUnavailable(v.file.clone(), r.status())),
                Err(_) => state.set(State::Unreachable),
            }
        });
    });

    view! {
        <section class="ed-publish" aria-labelledby="publish-heading" data-testid="publish-panel">
            <h2 id="publish-heading">{w.heading}</h2>
            <p class="ed-hint">{w.hint}</p>
            // POST: were the wasm to fail, Enter would submit the form
            // natively, and a GET puts the password into the address.
            <form class="ed-toolbar" method="post" on:submit=on_submit>
                <div class="field">
                    <label for="publish-user">{w.user}</label>
                    <input id="publish-user" name="username" autocomplete="username" data-testid="publish-user"
                        prop:value=user on:input=move |ev| user.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="publish-password">{w.password}</label>
                    <input id="publish-password" name="password" type="password" autocomplete="current-password"
                        data-testid="publish-password"
                        prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button" data-testid="publish">{w.publish}</button>
            </form>
            // One live region for every outcome; focused on a refusal.
            <div class="ed-status" role="status" tabindex="-1" node_ref=result_ref data-testid="publish-status">
                <Outcome lang root=root.clone() state publish check_again/>
            </div>
            <Versions lang status restore/>
            <super::media::MediaList lang root rows=files
                login=Callback::new(move |()| login()) state/>
        </section>
    }
}

/// What the last publish came to, in the panel's live region: each
/// outcome with what to do next (publish anyway over a newer version, ask
/// the server again, or what to tell the administrator).
#[component]
fn Outcome(
    lang: Lang,
    root: String,
    state: RwSignal<State>,
    publish: Callback<Option<String>>,
    check_again: Callback<(String, Option<String>)>,
) -> impl IntoView {
    let w = words(lang);
    let site_link = match lang {
        Lang::Pl => root.clone(),
        _ => format!("{root}en"),
    };
    let result = move || {
        let s = state.get();
        let link = site_link.clone();
        match s {
            State::Idle => ().into_any(),
            State::NoLogin => view! { <p class="ed-warning" data-testid="publish-missing">{w.no_password}</p> }.into_any(),
            State::Invalid => view! { <p class="ed-warning" data-testid="publish-invalid">{w.invalid}</p> }.into_any(),
            State::Sending => view! { <p>{w.sending}</p> }.into_any(),
            State::Waiting => view! { <p>{w.waiting}</p> }.into_any(),
            State::Published { version, restored } => {
                let said = match restored {
                    Some(old) => w.restored.replace("{old}", &old).replace("{version}", &version),
                    None => w.published.replace("{version}", &version),
                };
                view! {
                    <p data-testid="publish-done">{said} " "
                        <a href=link data-testid="publish-link">{w.see_site}</a>
                    </p>
                }
                .into_any()
            }
            State::Refused(issues) => view! {
                <div class="error-panel" data-testid="publish-refused">
                    <p>{w.refused}</p>
                    <ul>
                        {issues.into_iter().map(|i| {
                            let field = i.field.clone();
                            view! {
                                <li><a href=format!("#{}", i.field) on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_field(&field);
                                }>{i.place} ": " {i.message}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                    <p>{w.kept}</p>
                </div>
            }
            .into_any(),
            State::Stale { live } => view! {
                <div class="error-panel" data-testid="publish-stale">
                    <p>{w.stale.replace("{live}", &live)}</p>
                    <button type="button" class="button button--secondary" data-testid="publish-anyway"
                        on:click=move |_| publish.run(Some(live.clone()))>{w.publish_anyway}</button>
                </div>
            }
            .into_any(),
            State::NoAnswer { request, restored } => view! {
                <div class="error-panel" data-testid="publish-no-answer">
                    <p>{w.no_answer}</p>
                    <p>{w.kept}</p>
                    <button type="button" class="button button--secondary" data-testid="publish-check-again"
                        on:click=move |_| check_again.run((request.clone(), restored.clone()))>{w.check_again}</button>
                </div>
            }
            .into_any(),
            State::WrongPassword => problem("publish-password-wrong", w.wrong_password.into(), w),
            State::TooManyTries => problem("publish-too-many", w.too_many.into(), w),
            State::TooLarge(size) => problem(
                "publish-too-large",
                w.too_large.replace("{size}", &megabytes(size, lang)),
                w,
            ),
            State::NotAccepted(code) => problem(
                "publish-not-accepted",
                w.not_accepted.replace("{code}", &code.to_string()),
                w,
            ),
            State::ServerError(code) => problem(
                "publish-server-error",
                w.server_error.replace("{code}", &code.to_string()),
                w,
            ),
            State::Unreachable => problem("publish-unreachable", w.unreachable.into(), w),
            State::Failed(m) => problem("publish-failed", format!("{} {m}", w.failed), w),
            State::VersionUnavailable(file, code) => problem(
                "publish-version-unavailable",
                w.version_unavailable
                    .replace("{file}", &file)
                    .replace("{code}", &code.to_string()),
                w,
            ),
        }
    };
    result
}

/// The kept versions, newest first, each but the live one with a button
/// that publishes it again.
#[component]
fn Versions(
    lang: Lang,
    status: RwSignal<Option<Status>>,
    restore: Callback<Version>,
) -> impl IntoView {
    let w = words(lang);
    let versions =
        move || status.with(|s| s.as_ref().map(|s| s.versions.clone()).unwrap_or_default());
    // Keyed by name and whether live: an entry is drawn again only when it
    // stops (or starts) being the live one, so a focused button stays.
    let is_live = move |v: &str| {
        status.with_untracked(|s| s.as_ref().and_then(|s| s.version.as_deref()) == Some(v))
    };
    view! {
    <Show when=move || { versions().len() > 1 }>
                <details class="ed-versions" data-testid="versions">
                    <summary>{w.versions} " (" {move || versions().len()} ")"</summary>
                    <ul>
                        <For each=versions key=move |v| (v.version.clone(), is_live(&v.version)) let:v>
                            {
                                let when = store::clock(js_sys::Date::parse(&v.published_at));
                                let name = v.name.in_lang(lang).to_owned();
                                let count = w.events.replace("{n}", &v.events.to_string());
                                let label = w.restore_label.replace("{version}", &v.version).replace("{time}", &when);
                                let live = is_live(&v.version);
                                let target = v.clone();
                                view! {
                                    <li data-testid="version">
                                        <time datetime=v.published_at.clone()>{when}</time>
                                        " — " {name} ", " {count} " (" <code>{v.version.clone()}</code> ")"
                                        {if live {
                                            view! { " — " <strong>{w.live}</strong> }.into_any()
                                        } else {
                                            view! {
                                                " "
                                                <button type="button" class="button button--secondary" data-testid="restore"
                                                    aria-label=label on:click=move |_| restore.run(target.clone())>{w.restore}</button>
                                            }.into_any()
                                        }}
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </details>
            </Show>
    }
}

/// `bytes` in MB, as people write it in `lang`.
fn megabytes(bytes: usize, lang: Lang) -> String {
    rops_app::content::format::megabytes(bytes as u64, lang)
}

/// A refusal without faults to list: what happened, and that the draft
/// is safe.
fn problem(testid: &'static str, said: String, w: &'static Words) -> AnyView {
    view! {
        <div class="error-panel" data-testid=testid>
            <p>{said}</p>
            <p>{w.kept}</p>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rops_app::status::Text;

    #[test]
    fn the_uploads_answer_is_read_as_a_state() {
        for ok in [200, 201, 204] {
            assert_eq!(after_put(ok, 10), Ok(()));
        }
        assert_eq!(after_put(401, 10), Err(State::WrongPassword));
        assert_eq!(after_put(429, 10), Err(State::TooManyTries));
        assert_eq!(after_put(413, 9_500_000), Err(State::TooLarge(9_500_000)));
        assert_eq!(after_put(405, 10), Err(State::NotAccepted(405)));
        assert_eq!(after_put(404, 10), Err(State::NotAccepted(404)));
        assert_eq!(after_put(403, 10), Err(State::NotAccepted(403)));
        // The folder missing, permissions, a full disk: the server's fault.
        for code in [409, 500, 502, 507] {
            assert_eq!(after_put(code, 10), Err(State::ServerError(code)));
        }
        assert_eq!(megabytes(9_500_000, Lang::Pl), "9,5 MB");
        assert_eq!(megabytes(9_500_000, Lang::En), "9.5 MB");
    }

    #[test]
    fn a_servers_faults_find_their_fields() {
        let faults = vec![
            status::Fault {
                path: "$.events[0].title.pl".into(),
                line: Some(40),
                column: Some(18),
                message: Text {
                    pl: "pusty tekst".into(),
                    en: "empty text".into(),
                },
            },
            status::Fault {
                path: "not a path".into(),
                line: None,
                column: None,
                message: Text {
                    pl: "coś".into(),
                    en: "something".into(),
                },
            },
        ];
        let pl = issues_of(&faults, Lang::Pl, Lang::Pl);
        assert_eq!(pl[0].field, "f-events-0-title-pl");
        assert_eq!(pl[0].message, "pusty tekst (wiersz 40, kolumna 18)");
        assert_eq!(
            pl[0].place,
            place_of(&JsonPath::parse("$.events[0].title.pl").unwrap(), Lang::Pl)
        );
        // A path the editor cannot read still shows, at the form's top.
        assert_eq!(pl[1].field, "f");
        assert_eq!(pl[1].place, "not a path");
        let en = issues_of(&faults, Lang::En, Lang::Pl);
        assert_eq!(en[0].message, "empty text (line 40, column 18)");
    }

    #[test]
    fn every_outcome_has_its_state() {
        let o = |result, version: Option<&str>| Outcome {
            request: "r".into(),
            result,
            at: String::new(),
            version: version.map(str::to_owned),
            faults: vec![],
            fault_count: 0,
            message: Some(Text {
                pl: "dysk pełny".into(),
                en: "disk full".into(),
            }),
        };
        assert_eq!(
            state_of(
                &o(Verdict::Published, Some("v2")),
                Some("v1"),
                Lang::Pl,
                Lang::Pl
            ),
            State::Published {
                version: "v2".into(),
                restored: Some("v1".into())
            }
        );
        assert_eq!(
            state_of(&o(Verdict::Stale, Some("v3")), None, Lang::Pl, Lang::Pl),
            State::Stale { live: "v3".into() }
        );
        assert_eq!(
            state_of(&o(Verdict::Failed, None), None, Lang::En, Lang::Pl),
            State::Failed("disk full".into())
        );
        assert_eq!(
            state_of(&o(Verdict::Refused, None), None, Lang::En, Lang::Pl),
            State::Refused(vec![])
        );
    }
}
