//! The editor's one page: open, edit, check, preview, save, export.
//!
//! The draft lives in this browser's storage after every change (a reload
//! or a crash loses nothing); leaving with changes that were not exported
//! asks first; "discard draft", and opening another file or the published
//! content over unexported changes, ask in a dialog. Export writes the
//! validated bundle in the schema's order of fields (as `content from-xlsx`
//! does), and only when the validator accepts it; otherwise the error
//! summary takes focus and a draft file can be saved instead.

use super::browser::{
    app_root, download, download_bytes, fetch_published, page_lang, read_file, warn_before_leaving,
    XLSX,
};
use super::draft::{self, check, review_warning, Issue, OpenError};
use super::form::{field_link, Ed, Form};
use super::kept::{storage, watch_other_tabs, Kept, StoreError};
use super::store;
use super::strings::ui;
use leptos::prelude::*;
use rops_app::content::{fields, Bundle, Lang};
use serde_json::Value;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What would replace the draft, once confirmed.
#[derive(Debug, Clone, PartialEq)]
enum Replace {
    /// The published content ("discard draft").
    Published,
    /// A file that was opened and read without fault.
    File { name: String, draft: Value },
}

/// What the toolbar last said: a plain note, or a failed opening, or that
/// the export was downloaded (with the way to mark it published).
#[derive(Debug, Clone, PartialEq)]
enum Notice {
    None,
    Info(String),
    Failed(OpenError),
    Exported,
}

#[component]
pub fn EditorPage() -> impl IntoView {
    let lang = page_lang();
    let t = ui(lang);
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.as_str());
    }
    document().set_title(t.title);
    if let Some(theme) = rops_app::prefs::stored_theme() {
        rops_app::prefs::apply_theme(theme);
    }

    let draft = RwSignal::new(Value::Null);
    let checked = Memo::new(move |_| {
        draft.with(|v| {
            if v.is_null() {
                return (None, vec![]);
            }
            let c = check(v, lang);
            let mut issues = c.issues;
            if let Some(b) = &c.bundle {
                issues.extend(review_warning(b, v, lang, today()));
            }
            (c.bundle.map(Arc::new), issues)
        })
    });
    let issues = Memo::new(move |_| checked.with(|c| c.1.clone()));
    let ed = Ed {
        draft,
        rev: RwSignal::new(0),
        lang,
        issues,
        dirty: RwSignal::new(false),
        open: StoredValue::new(Default::default()),
        fresh: StoredValue::new(Default::default()),
    };
    let notice = RwSignal::new(Notice::None);
    let dialog_ref = NodeRef::<leptos::html::Dialog>::new();
    let store_problem = RwSignal::new(None::<StoreError>);
    let loaded = RwSignal::new(false);
    let kept = StoredValue::new(Kept::new());
    // A newer draft saved by another tab, which this one will not save over.
    let conflict = RwSignal::new(None::<store::Record>);
    // The live version the draft was made from (see publishing.rs).
    let base = RwSignal::new(None::<String>);
    // The same editor is open in another tab.
    let elsewhere = RwSignal::new(false);

    // The draft as it was left, or the published content. The draft in
    // storage goes only once the published content has arrived: offline,
    // with no copy on this device, "discard" keeps the draft.
    let open_published = move |done: Option<&'static str>| {
        leptos::task::spawn_local(async move {
            // The version first: if another goes live between the two
            // fetches, the draft names the older one, and a publish from it
            // is refused as stale rather than replacing the newer one.
            let live = super::publishing::fetch_status(&app_root())
                .await
                .and_then(|s| s.version);
            match fetch_published(lang).await {
                Ok((v, from_device)) => {
                    base.set(live);
                    draft.set(v);
                    ed.dirty.set(false);
                    ed.rev.update(|r| *r += 1);
                    kept.with_value(Kept::forget);
                    match (from_device, done) {
                        (true, _) => notice.set(Notice::Info(t.published_from_device.into())),
                        (false, Some(m)) => notice.set(Notice::Info(m.into())),
                        (false, None) => {}
                    }
                }
                Err(e) => notice.set(Notice::Failed(e)),
            }
            loaded.set(true);
        });
    };
    if storage().is_err() {
        store_problem.set(Some(StoreError::Refused));
    }
    match kept.with_value(Kept::load) {
        Some(r) => {
            kept.with_value(|k| k.rev.store(r.rev, Relaxed));
            base.set(r.base);
            draft.set(r.draft);
            ed.dirty.set(r.dirty);
            loaded.set(true);
            // Said with its time: a draft stored before a save was refused
            // is that time's draft, and the changes after it are lost.
            let mut said = t.restored.replace("{time}", &store::clock(r.saved_at));
            if r.saved_at == 0.0 {
                said = t.restored_undated.into();
            }
            if let Some(since) = kept.with_value(Kept::unsaved_since) {
                said = format!(
                    "{said} {}",
                    t.lost_since.replace("{time}", &store::clock(since))
                );
            }
            notice.set(Notice::Info(said));
        }
        None => open_published(None),
    }

    // Autosave: every change, as soon as it is made, unless another tab
    // has saved a newer draft (then the person chooses).
    let save = move |v: &Value, dirty: bool| match kept
        .with_value(|k| k.save(v, dirty, base.get_untracked()))
    {
        Ok(None) => store_problem.set(None),
        Ok(Some(newer)) => conflict.set(Some(newer)),
        Err(e) => store_problem.set(Some(e)),
    };
    Effect::new(move |first: Option<()>| {
        let dirty = ed.dirty.get();
        let held = conflict.with(Option::is_some);
        draft.with(|v| {
            if first.is_some() && !v.is_null() && dirty && !held {
                save(v, dirty);
            }
        });
    });

    watch_other_tabs(kept, conflict, elsewhere);
    // The other tab's draft, or this one over it.
    let take_theirs = Callback::new({
        move |()| {
            if let Some(r) = conflict.get_untracked() {
                kept.with_value(|k| k.rev.store(r.rev, Relaxed));
                base.set(r.base);
                draft.set(r.draft);
                ed.dirty.set(r.dirty);
                ed.rev.update(|n| *n += 1);
                conflict.set(None);
                notice.set(Notice::Info(t.conflict_taken.into()));
            }
        }
    });
    let keep_mine = Callback::new({
        move |()| {
            if let Some(r) = conflict.get_untracked() {
                kept.with_value(|k| k.rev.store(r.rev, Relaxed));
                conflict.set(None);
                draft.with_untracked(|v| save(v, ed.dirty.get_untracked()));
                notice.set(Notice::Info(t.conflict_kept.into()));
            }
        }
    });

    warn_before_leaving(ed.dirty, t.leave_warning);

    let summary = NodeRef::<leptos::html::Div>::new();
    let mark_published = Callback::new(move |()| {
        ed.dirty.set(false);
        draft.with_untracked(|v| save(v, false));
        notice.set(Notice::Info(t.marked_published.into()));
    });
    // Publishing from the editor: the checked draft's file (`None` when
    // it has faults: the error summary takes focus, the panel says why).
    // Once live, the draft is made from the new version; it has no
    // unpublished changes left only if it was not edited while it was
    // being sent.
    let sent = StoredValue::new(None::<String>);
    let publish_text = Callback::new(move |()| {
        let text = checked.with_untracked(|c| c.0.as_deref().map(draft::bundle_text));
        match &text {
            Some(_) => sent.set_value(text.clone()),
            None => {
                if let Some(s) = summary.get_untracked() {
                    let _ = s.focus();
                }
            }
        }
        text
    });
    let on_published = Callback::new(move |version: String| {
        base.set(Some(version));
        let now = checked.with_untracked(|c| c.0.as_deref().map(draft::bundle_text));
        let unchanged = now.is_some() && sent.with_value(|s| *s == now);
        if unchanged {
            ed.dirty.set(false);
        }
        draft.with_untracked(|v| save(v, !unchanged));
    });
    // Another draft replaces this one only once the user says so, when
    // this one has changes that were not exported.
    let pending = RwSignal::new(None::<Replace>);
    let apply = move |r: Replace| match r {
        Replace::Published => open_published(Some(t.discarded)),
        Replace::File { name, draft: v } => {
            // A file from disk was made from no version this page knows:
            // publishing it over a live site is refused as stale until the
            // person says to publish anyway.
            base.set(None);
            draft.set(v);
            ed.dirty.set(true);
            ed.rev.update(|r| *r += 1);
            notice.set(Notice::Info(format!("{}: {name}", t.opened)));
        }
    };
    let replace = move |r: Replace| {
        if !ed.dirty.get_untracked() {
            return apply(r);
        }
        pending.set(Some(r));
        if let Some(d) = dialog_ref.get_untracked() {
            let _ = d.show_modal();
        }
    };

    let dialog = dialog_ref;
    let ask_discard = Callback::new(move |()| {
        pending.set(Some(Replace::Published));
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    });
    let confirm = Callback::new(move |()| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        if let Some(r) = pending.get_untracked() {
            pending.set(None);
            apply(r);
        }
    });
    let keep = Callback::new(move |()| {
        pending.set(None);
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    });

    let root = app_root();

    let shown = Memo::new(move |prev: Option<&Option<Arc<Bundle>>>| {
        checked
            .with(|c| c.0.clone())
            .or_else(|| prev.cloned().flatten())
    });
    let stale = Signal::derive(move || checked.with(|c| c.0.is_none()));
    let files = Memo::new(move |_| {
        shown.with(|b| {
            b.as_deref()
                .map(|b| super::media::rows(b, lang))
                .unwrap_or_default()
        })
    });

    view! {
        <EditorHeader lang root=root.clone()/>
        <main class="page ed-page" id="main">
            <h1 id="f" tabindex="-1">{t.title}</h1>
            <p>{t.intro}</p>
            <Toolbar lang checked draft notice summary replace=Callback::new(replace) ask_discard/>
            <Status lang notice store_problem elsewhere mark_published/>
            <ConflictBanner lang conflict take_theirs keep_mine/>
            <Summary ed summary/>
            <super::languages::LanguagesPanel ed/>
            <super::publishing::PublishPanel lang root=root.clone() text=publish_text base published=on_published
                files=files.into()
                default=Signal::derive(move || draft.with(|v| fields::languages_of(v)[0]))/>
            <div class="ed-columns">
                <div class="ed-columns__form" id="editor-form" tabindex="-1">
                    <Show when=move || loaded.get() && !draft.with(Value::is_null)
                        fallback=move || view! { <p>{t.loading}</p> }>
                        <Form ed/>
                    </Show>
                </div>
                <super::preview::Preview shown stale lang root=root.clone()/>
            </div>
        </main>
        <ReplaceDialog lang dialog pending confirm keep/>
    }
}

/// The toolbar: open a file (JSON, a workbook, a folder's CSV files) or
/// the published content, export the checked draft as JSON or a workbook,
/// save the draft as a file, discard it. Only a valid draft has a bundle
/// to export: otherwise it says so and the error summary takes focus.
#[component]
fn Toolbar(
    lang: Lang,
    checked: Memo<(Option<Arc<Bundle>>, Vec<Issue>)>,
    draft: RwSignal<Value>,
    notice: RwSignal<Notice>,
    summary: NodeRef<leptos::html::Div>,
    replace: Callback<Replace>,
    ask_discard: Callback<()>,
) -> impl IntoView {
    let t = ui(lang);
    let refuse = move || {
        notice.set(Notice::Info(t.export_invalid.into()));
        if let Some(s) = summary.get_untracked() {
            let _ = s.focus();
        }
    };
    let export = move |_| {
        let Some(text) = checked.with_untracked(|c| c.0.as_deref().map(draft::bundle_text)) else {
            return refuse();
        };
        // Downloaded is not published (nor even saved: the save dialog
        // may have been cancelled): the draft keeps its changes marked
        // until the person says the file was published.
        match download("bundle.json", &text) {
            Ok(()) => notice.set(Notice::Exported),
            Err(e) => notice.set(Notice::Failed(OpenError::Read(format!("{e:?}")))),
        }
    };
    // The draft as a workbook, one sheet per section (the same file as
    // `content to-xlsx`): to edit in a spreadsheet and open here again.
    // Only a valid draft has a bundle to write, as with the export.
    let export_xlsx = move |_| {
        let Some(bundle) = checked.with_untracked(|c| c.0.clone()) else {
            return refuse();
        };
        if let Some(l) = rops_workbook::sheet::language_without_columns(&bundle) {
            let msg = t.xlsx_language.replace("{lang}", l.as_str());
            return notice.set(Notice::Failed(OpenError::Read(msg)));
        }
        let written =
            rops_workbook::xlsx::write_xlsx(&rops_workbook::sheet::to_tables(&bundle), None)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    download_bytes("tresc.xlsx", XLSX, &bytes).map_err(|e| format!("{e:?}"))
                });
        match written {
            Ok(()) => notice.set(Notice::Info(t.xlsx_done.into())),
            Err(e) => notice.set(Notice::Failed(OpenError::Read(e))),
        }
    };
    let save_draft_file = move |_| {
        let text = draft.with_untracked(draft::draft_file);
        let _ = download("szkic-tresci.json", &text);
    };
    let on_file = move |ev: leptos::ev::Event| open_files(ev, lang, notice, replace);

    view! {
        <div class="ed-toolbar" role="group" aria-label=t.open_heading>
            <div class="field">
                <label for="open-file">{t.open_file}</label>
                <p class="ed-hint" id="open-file-hint">{t.open_file_hint}</p>
                <input id="open-file" type="file" data-testid="open-file"
                    multiple accept=".json,.xlsx,.ods,.csv,application/json,text/csv" aria-describedby="open-file-hint"
                    on:change=on_file/>
            </div>
            <button type="button" class="button button--secondary" data-testid="open-published"
                on:click=move |_| replace.run(Replace::Published)>
                {t.open_published}
            </button>
            <button type="button" class="button" data-testid="export" on:click=export>{t.export}</button>
            <button type="button" class="button button--secondary" data-testid="export-xlsx" on:click=export_xlsx>
                {t.export_xlsx}
            </button>
            <button type="button" class="button button--secondary" data-testid="save-draft" on:click=save_draft_file>
                {t.save_draft_file}
            </button>
            <button type="button" class="button button--secondary" data-testid="discard" on:click=move |_| ask_discard.run(())>
                {t.discard}
            </button>
        </div>
    }
}

/// The files chosen in "open": one JSON or workbook file, or a folder's
/// CSV files (one per sheet). Read and checked, they go to `replace`; what
/// cannot be opened is said in `notice`, and the draft stays.
fn open_files(
    ev: leptos::ev::Event,
    lang: Lang,
    notice: RwSignal<Notice>,
    replace: Callback<Replace>,
) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(list) = input.files() else {
        return;
    };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    input.set_value("");
    // Several files, or one CSV: a folder's CSV files, one per sheet.
    if files.len() > 1
        || files
            .iter()
            .any(|f| f.name().to_lowercase().ends_with(".csv"))
    {
        let size: u64 = files.iter().map(|f| f.size() as u64).sum();
        if size > draft::MAX_OPEN_BYTES {
            notice.set(Notice::Failed(OpenError::TooLarge {
                size,
                limit: draft::MAX_OPEN_BYTES,
            }));
            return;
        }
        let name = files
            .iter()
            .map(web_sys::File::name)
            .collect::<Vec<_>>()
            .join(", ");
        leptos::task::spawn_local(async move {
            let mut read = vec![];
            for f in &files {
                match read_file(f).await {
                    Ok(bytes) => read.push((f.name(), bytes)),
                    Err(e) => return notice.set(Notice::Failed(e)),
                }
            }
            match draft::open_csv(&read, lang) {
                Ok(v) => replace.run(Replace::File { name, draft: v }),
                Err(e) => notice.set(Notice::Failed(e)),
            }
        });
        return;
    }
    let Some(file) = files.into_iter().next() else {
        return;
    };
    let name = file.name();
    // A huge file is refused before it is read.
    let size = file.size() as u64;
    if size > draft::MAX_OPEN_BYTES {
        notice.set(Notice::Failed(OpenError::TooLarge {
            size,
            limit: draft::MAX_OPEN_BYTES,
        }));
        return;
    }
    leptos::task::spawn_local(async move {
        let opened = match read_file(&file).await {
            Ok(bytes) => draft::open(&name, &bytes, lang),
            Err(e) => Err(e),
        };
        match opened {
            Ok(v) => replace.run(Replace::File { name, draft: v }),
            Err(e) => notice.set(Notice::Failed(e)),
        }
    });
}

/// The skip link, and the header: back to the site, the theme switch and
/// the other language's editor.
#[component]
fn EditorHeader(lang: Lang, root: String) -> impl IntoView {
    let t = ui(lang);
    // With <base href> (the editor's folder), a bare "#editor-form" would
    // load another page: the page's own address, and focus moved by hand.
    let skip_href = format!(
        "{}#editor-form",
        window().location().pathname().unwrap_or_default()
    );
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(form) = document().get_element_by_id("editor-form") {
            let _ = form.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    let (other_href, other_lang) = match lang {
        Lang::Pl => (format!("{root}en/editor"), "en"),
        _ => (format!("{root}edytor"), "pl"),
    };
    let site_href = match lang {
        Lang::Pl => root.clone(),
        _ => format!("{root}en"),
    };
    let theme = RwSignal::new(rops_app::prefs::current_theme());
    let toggle_theme = move |_| {
        let next = theme.get_untracked().other();
        rops_app::prefs::apply_theme(next);
        rops_app::prefs::store_theme(next);
        theme.set(next);
    };
    view! {
        <a class="skip-link" href=skip_href on:click=skip>{if lang == Lang::Pl { "Przejdź do formularza" } else { "Skip to the form" }}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__name" href=site_href>{t.back_to_site}</a>
                <div class="site-header__tools">
                    <button type="button" class="theme-switch" data-testid="theme-switch"
                        aria-pressed=move || if theme.get() == rops_app::prefs::Theme::Dark { "true" } else { "false" }
                        on:click=toggle_theme>{t.theme_dark}</button>
                    <a class="lang-switch" href=other_href lang=other_lang hreflang=other_lang
                        aria-label=t.other_lang_label data-testid="lang-switch">{t.other_lang}</a>
                </div>
            </div>
        </header>
    }
}

/// What the toolbar last said, whether the draft can be kept on this
/// device, and whether another tab has this editor open.
#[component]
fn Status(
    lang: Lang,
    notice: RwSignal<Notice>,
    store_problem: RwSignal<Option<StoreError>>,
    elsewhere: RwSignal<bool>,
    mark_published: Callback<()>,
) -> impl IntoView {
    let t = ui(lang);
    let notice_view = move || match notice.get() {
        Notice::None => ().into_any(),
        Notice::Info(s) => view! { <p>{s}</p> }.into_any(),
        Notice::Exported => view! {
            <p>{t.export_done} " "
                <button type="button" class="button button--secondary" data-testid="mark-published"
                    on:click=move |_| mark_published.run(())>{t.mark_published}</button>
            </p>
        }
        .into_any(),
        Notice::Failed(e) => view! {
            <div class="error-panel" data-testid="open-error">
                <h2 class="error-panel__title">{t.open_failed}</h2>
                <p>{e.message(lang)}</p>
                <ul>{e.details().iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
    };
    let store_view = move || {
        store_problem.get().map(|p| {
            let s = match p {
                StoreError::Refused => t.storage_refused,
                StoreError::Full => t.storage_full,
            };
            view! { <p class="ed-warning" data-testid="storage-problem">{s}</p> }
        })
    };
    view! {
        <div class="ed-status" role="status" data-testid="status">{notice_view}{store_view}
            {move || elsewhere.get().then(|| view! { <p class="ed-warning" data-testid="elsewhere">{t.elsewhere}</p> })}
        </div>
    }
}

/// A newer draft saved by another tab: take it, or keep this one over it.
#[component]
fn ConflictBanner(
    lang: Lang,
    conflict: RwSignal<Option<store::Record>>,
    take_theirs: Callback<()>,
    keep_mine: Callback<()>,
) -> impl IntoView {
    let t = ui(lang);
    view! {
        <Show when=move || conflict.with(Option::is_some)>
            <div class="error-panel" role="alert" data-testid="conflict">
                <p>{move || t.conflict.replace("{time}", &conflict.with(|c| c.as_ref().map(|r| store::clock(r.saved_at)).unwrap_or_default()))}</p>
                <div class="ed-toolbar">
                    <button type="button" class="button" data-testid="conflict-theirs" on:click=move |_| take_theirs.run(())>{t.conflict_theirs}</button>
                    <button type="button" class="button button--secondary" data-testid="conflict-mine" on:click=move |_| keep_mine.run(())>{t.conflict_mine}</button>
                </div>
            </div>
        </Show>
    }
}

/// The question before unexported changes are replaced (by the published
/// content, or by a file that was opened).
#[component]
fn ReplaceDialog(
    lang: Lang,
    dialog: NodeRef<leptos::html::Dialog>,
    pending: RwSignal<Option<Replace>>,
    confirm: Callback<()>,
    keep: Callback<()>,
) -> impl IntoView {
    let t = ui(lang);
    view! {
        <dialog class="ed-dialog" node_ref=dialog aria-labelledby="discard-q" data-testid="discard-dialog">
            <p id="discard-q">
                {move || match pending.get() {
                    Some(Replace::File { name, .. }) => format!("{} ({name})", t.replace_question),
                    _ => t.discard_question.to_owned(),
                }}
            </p>
            <div class="ed-toolbar">
                <button type="button" class="button" data-testid="discard-yes" on:click=move |_| confirm.run(())>
                    {move || match pending.get() {
                        Some(Replace::File { .. }) => t.replace_yes,
                        _ => t.discard_yes,
                    }}
                </button>
                <button type="button" class="button button--secondary" data-testid="discard-no" autofocus on:click=move |_| keep.run(())>{t.discard_no}</button>
            </div>
        </dialog>
    }
}

/// Every fault, each a link to its field; then the warnings (which do
/// not stop an export). Focused when an export is refused.
#[component]
fn Summary(ed: Ed, summary: NodeRef<leptos::html::Div>) -> impl IntoView {
    let t = ed.t();
    let errors = Memo::new(move |_| {
        ed.issues
            .with(|v| v.iter().filter(|i| !i.warning).cloned().collect::<Vec<_>>())
    });
    let warnings = Memo::new(move |_| {
        ed.issues.with(|v| {
            // Missing translations are the languages panel's list.
            v.iter()
                .filter(|i| i.warning && i.missing.is_none())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let link = |i: Issue| field_link(i.field, format!("{}: {}", i.place, i.message));
    view! {
        <div class="error-summary" tabindex="-1" node_ref=summary data-testid="error-summary"
            aria-labelledby="error-summary-title" hidden=move || errors.with(Vec::is_empty)>
            <h2 id="error-summary-title">{t.summary_title}</h2>
            <ul>{move || errors.get().into_iter().map(link).collect_view()}</ul>
        </div>
        <Show when=move || !warnings.with(Vec::is_empty)>
            <details class="ed-warnings" data-testid="warnings">
                <summary>{t.summary_warnings} " (" {move || warnings.with(Vec::len)} ")"</summary>
                <ul>{move || warnings.get().into_iter().map(link).collect_view()}</ul>
            </details>
        </Show>
        <p class="visually-hidden" aria-live="polite">
            {move || if errors.with(Vec::is_empty) { t.valid.to_owned() } else { format!("{}: {}", t.summary_title, errors.with(Vec::len)) }}
        </p>
    }
}

/// Today in the editor's own time zone: when the declaration's yearly
/// review falls due is a matter of the staff's calendar.
fn today() -> (u16, u8, u8) {
    let now = js_sys::Date::new_0();
    (
        now.get_full_year().clamp(0, 9999) as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
}
