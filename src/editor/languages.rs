//! The draft's languages (#33): each with how many of its translations
//! are missing and a list of them (the "translations missing" filter), a
//! language added, and one removed after a confirmation that says how
//! many texts go with it. The texts are found through the field
//! declaration (`rops_content::fields`), as the validator finds them.

use super::draft::Issue;
use super::form::{field_link, focus_soon, Ed};
use leptos::prelude::*;
use rops_app::content::{fields, Lang, Staff};

struct Words {
    heading: &'static str,
    intro: &'static str,
    default: &'static str,
    missing: &'static str,
    show_missing: &'static str,
    all_missing: &'static str,
    none_missing: &'static str,
    remove: &'static str,
    add_label: &'static str,
    add: &'static str,
    /// "Remove X? Its N texts…": the language's name and the count.
    confirm: fn(&str, usize) -> String,
    confirm_yes: &'static str,
    confirm_no: &'static str,
    added: fn(&str) -> String,
    removed: fn(&str, usize) -> String,
}

fn words(staff: Staff) -> &'static Words {
    match staff {
        Staff::Pl => &PL,
        Staff::En => &EN,
    }
}

static PL: Words = Words {
    heading: "Języki treści",
    intro: "Każdy tekst ma pole w każdym z tych języków. Pierwszy jest domyślny: każdy tekst musi go mieć, a gdzie brakuje tłumaczenia, strona pokazuje tekst w języku domyślnym.",
    default: "język domyślny",
    missing: "brakujące tłumaczenia",
    show_missing: "Pokaż brakujące",
    all_missing: "Brakujące tłumaczenia we wszystkich językach",
    none_missing: "Nie brakuje żadnego tłumaczenia.",
    remove: "Usuń język",
    add_label: "Dodaj język",
    add: "Dodaj",
    confirm: |name, n| {
        format!("Usunąć język {name}? Z wersji roboczej zniknie każdy tekst w tym języku (tekstów: {n}). Cofnąć to można tylko, wczytując treść od nowa.")
    },
    confirm_yes: "Tak, usuń język i jego teksty",
    confirm_no: "Anuluj",
    added: |name| format!("Dodano język {name}. Jego tłumaczenia są na liście brakujących."),
    removed: |name, n| format!("Usunięto język {name} i jego teksty (tekstów: {n})."),
};

static EN: Words = Words {
    heading: "Content languages",
    intro: "Every text has a field in each of these languages. The first is the default: every text must have it, and where a translation is missing the site shows the default language's text.",
    default: "default language",
    missing: "missing translations",
    show_missing: "Show missing",
    all_missing: "Missing translations in all languages",
    none_missing: "No translation is missing.",
    remove: "Remove language",
    add_label: "Add a language",
    add: "Add",
    confirm: |name, n| {
        format!("Remove {name}? Every text in it goes from the draft ({n} texts). Only opening the content again brings them back.")
    },
    confirm_yes: "Yes, remove the language and its texts",
    confirm_no: "Cancel",
    added: |name| format!("{name} added. Its translations are in the list of missing ones."),
    removed: |name, n| format!("{name} removed with its texts ({n})."),
};

/// The languages panel, above the form.
#[component]
pub fn LanguagesPanel(ed: Ed) -> impl IntoView {
    let staff = ed.staff();
    let w = words(staff);
    let langs = Memo::new(move |_| ed.draft.with(fields::languages_of));
    // The language whose missing translations are listed (None: all).
    let filter = RwSignal::new(None::<Lang>);
    // The language about to be removed, while the question is asked.
    let confirm = RwSignal::new(None::<Lang>);
    let said = RwSignal::new(String::new());
    let missing = Memo::new(move |_| {
        ed.issues.with(|v| {
            v.iter()
                .filter(|i| i.missing.is_some())
                .cloned()
                .collect::<Vec<Issue>>()
        })
    });
    let count = move |l: Lang| missing.with(|m| m.iter().filter(|i| i.missing == Some(l)).count());
    let row = move |(i, l): (usize, Lang)| {
        let name = l.name_in(staff);
        let status = if i == 0 {
            w.default.to_owned()
        } else {
            format!("{}: {}", w.missing, count(l))
        };
        view! {
            <li data-testid=format!("language-{}", l.as_str())>
                <span lang=l.as_str()>{l.own_name()}</span>
                {(!l.own_name().eq_ignore_ascii_case(name)).then(|| format!(" ({name})"))}
                " — " {status}
                {(i > 0).then(|| view! {
                    <button type="button" class="button button--secondary" data-testid="show-missing"
                        on:click=move |_| filter.set(Some(l))>
                        {w.show_missing} <span class="visually-hidden">": " {name}</span>
                    </button>
                    <button type="button" class="button button--secondary" data-testid="remove-language"
                        id=format!("remove-language-{}", l.as_str())
                        on:click=move |_| {
                            confirm.set(Some(l));
                            focus_soon("remove-language-no".into());
                        }>
                        {w.remove} <span class="visually-hidden">": " {name}</span>
                    </button>
                })}
            </li>
        }
    };
    let question = move || {
        confirm.get().map(|l| {
            let name = l.name_in(staff);
            let n = ed.draft.with_untracked(|v| fields::texts_in(v, l));
            view! {
                <div class="ed-warning" role="alertdialog" aria-labelledby="remove-language-q"
                    data-testid="remove-language-question">
                    <p id="remove-language-q">{(w.confirm)(name, n)}</p>
                    <div class="ed-toolbar">
                        <button type="button" class="button" data-testid="remove-language-yes"
                            on:click=move |_| {
                                let mut dropped = 0;
                                ed.restructure(|v| dropped = fields::remove_language(v, l));
                                confirm.set(None);
                                if filter.get_untracked() == Some(l) {
                                    filter.set(None);
                                }
                                said.set((w.removed)(name, dropped));
                                focus_soon("add-language".into());
                            }>
                            {w.confirm_yes}
                        </button>
                        <button type="button" class="button button--secondary" id="remove-language-no"
                            data-testid="remove-language-no"
                            on:click=move |_| {
                                confirm.set(None);
                                focus_soon(format!("remove-language-{}", l.as_str()));
                            }>
                            {w.confirm_no}
                        </button>
                    </div>
                </div>
            }
        })
    };
    let addable = move || {
        langs.with(|ls| {
            Lang::ALL
                .into_iter()
                .filter(|l| !ls.contains(l))
                .collect::<Vec<_>>()
        })
    };
    let picked = RwSignal::new(String::new());
    let add = move |_| {
        let tag = picked.get_untracked();
        let Some(l) = Lang::exact(&tag).or_else(|| addable().first().copied()) else {
            return;
        };
        ed.restructure(|v| fields::add_language(v, l));
        picked.set(String::new());
        said.set((w.added)(l.name_in(staff)));
    };
    let listed = move || {
        let f = filter.get();
        missing.with(|m| {
            m.iter()
                .filter(|i| f.is_none() || i.missing == f)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let link = |i: Issue| field_link(i.field, i.place);
    let list_title = move || match filter.get() {
        Some(l) => format!("{} — {} ({})", w.missing, l.name_in(staff), listed().len()),
        None => format!("{} ({})", w.all_missing, listed().len()),
    };
    view! {
        <section class="ed-languages" aria-labelledby="languages-title" data-testid="languages">
            <h2 id="languages-title">{w.heading}</h2>
            <p class="ed-hint">{w.intro}</p>
            <ul>{move || langs.get().into_iter().enumerate().map(row).collect_view()}</ul>
            {question}
            <Show when=move || !addable().is_empty()>
                <div class="ed-toolbar">
                    <label for="add-language">{w.add_label}</label>
                    <select id="add-language" data-testid="add-language"
                        on:change=move |ev| picked.set(event_target_value(&ev))>
                        {move || addable()
                            .into_iter()
                            .map(|l| view! {
                                <option value=l.as_str()>{l.own_name()} " (" {l.name_in(staff)} ")"</option>
                            })
                            .collect_view()}
                    </select>
                    <button type="button" class="button button--secondary" data-testid="add-language-button"
                        on:click=add>{w.add}</button>
                </div>
            </Show>
            <details class="ed-warnings" data-testid="missing-translations"
                prop:open=move || filter.get().is_some()>
                <summary>{list_title}</summary>
                <Show when=move || filter.get().is_some()>
                    <button type="button" class="button button--secondary" on:click=move |_| filter.set(None)>
                        {w.all_missing}
                    </button>
                </Show>
                <Show when=move || !listed().is_empty() fallback=move || view! { <p>{w.none_missing}</p> }>
                    <ul>{move || listed().into_iter().map(link).collect_view()}</ul>
                </Show>
            </details>
            <p class="visually-hidden" aria-live="polite" data-testid="languages-said">{move || said.get()}</p>
        </section>
    }
}
