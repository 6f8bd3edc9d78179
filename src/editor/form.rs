//! The form: every section of the draft as fields, each field with its
//! faults beside it (`aria-invalid`, `aria-describedby`). Fields write the
//! draft as they are typed in; the validator runs on every change.
//!
//! A field reads the draft once, when drawn; structural changes (an item
//! added, moved, duplicated, deleted; another file opened) redraw the form
//! (`Ed::rev`), so an input is never rewritten under the cursor.

use super::draft::{
    self, get, ids_at, len_at, money_value, set, text_at, unique_id, DateParts, Issue, Path,
    Precision,
};
use super::specs::{self, Field, Group, Kind, Section, SectionExt};
use super::strings::{ui, Ui};

use leptos::prelude::*;
use rops_app::content::{fields, Lang, Staff};
use serde_json::Value;
use std::collections::HashSet;

/// The editor's state, shared by the form, the toolbar and the preview.
#[derive(Clone, Copy)]
pub struct Ed {
    pub draft: RwSignal<Value>,
    /// Bumped by structural changes: the form is drawn again.
    pub rev: RwSignal<u64>,
    pub lang: Lang,
    pub issues: Memo<Vec<Issue>>,
    /// Changed since the last export (or since it was opened).
    pub dirty: RwSignal<bool>,
    /// Items shown open (`<details>`), by their dom id.
    pub open: StoredValue<HashSet<String>>,
    /// Ids made in this session from a new item's title (or for a copy):
    /// only these follow the title. An id that was already in the file is
    /// an address (an event's page, a project's funding link) and a
    /// reference target, and changes only when typed by hand.
    pub fresh: StoredValue<HashSet<String>>,
}

impl Ed {
    pub fn t(&self) -> &'static Ui {
        ui(self.lang)
    }

    /// The staff language the editor speaks.
    pub fn staff(&self) -> Staff {
        Staff::from(self.lang)
    }

    /// The draft's languages, the default first. Read when drawn: adding
    /// or removing a language is a structural change, which redraws.
    pub fn langs(&self) -> Vec<Lang> {
        self.draft.with_untracked(fields::languages_of)
    }

    pub fn edit(&self, f: impl FnOnce(&mut Value)) {
        self.draft.update(f);
        self.dirty.set(true);
    }

    /// An edit that changes the form's shape.
    pub fn restructure(&self, f: impl FnOnce(&mut Value)) {
        self.edit(f);
        self.rev.update(|r| *r += 1);
    }

    fn issues_of(&self, id: String) -> Memo<Vec<Issue>> {
        let issues = self.issues;
        Memo::new(move |_| {
            issues.with(|all| all.iter().filter(|i| i.field == id).cloned().collect())
        })
    }
}

/// The faults of one field, below it; the id is what `aria-describedby` names.
fn messages(ed: Ed, id: String, issues: Memo<Vec<Issue>>) -> impl IntoView {
    let t = ed.t();
    move || {
        let list = issues.get();
        (!list.is_empty()).then(|| {
            view! {
                <ul class="ed-field__errors" id=format!("{id}-err")>
                    {list
                        .into_iter()
                        .map(|i| {
                            let prefix = if i.warning { t.warning } else { t.error };
                            view! {
                                <li class:ed-field__warning=i.warning>
                                    <span class="visually-hidden">{prefix} ": "</span>
                                    {i.message}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
    }
}

fn described_by(
    id: &str,
    hint: bool,
    issues: Memo<Vec<Issue>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let (hint_id, err_id) = (format!("{id}-hint"), format!("{id}-err"));
    move || {
        let mut ids = vec![];
        if hint {
            ids.push(hint_id.clone());
        }
        if issues.with(|v| !v.is_empty()) {
            ids.push(err_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

fn invalid(issues: Memo<Vec<Issue>>) -> impl Fn() -> Option<&'static str> + Send + Sync {
    move || {
        issues
            .with(|v| v.iter().any(|i| !i.warning))
            .then_some("true")
    }
}

/// One input of a text, in one of the draft's languages, with its faults.
/// `on_default` hears each change of the default language's string.
fn text_input(
    ed: Ed,
    path: Path,
    lang: Lang,
    caption: String,
    long: bool,
    optional: bool,
    on_default: Option<Callback<(String, String)>>,
) -> impl IntoView {
    let lang_key = lang.as_str();
    let id = format!("{}-{lang_key}", path.dom_id());
    let issues = ed.issues_of(id.clone());
    let initial = ed.draft.with_untracked(|v| text_at(v, &path.key(lang_key)));
    let write = {
        let path = path.clone();
        move |s: String| {
            let langs = ed.langs();
            let old = ed
                .draft
                .with_untracked(|v| text_at(v, &path.key(langs[0].as_str())));
            ed.edit(|v| write_text(v, &path, lang, s.clone(), optional, &langs));
            if let Some(cb) = on_default {
                cb.run((old, s));
            }
        }
    };
    let by = described_by(&id, false, issues);
    let inv = invalid(issues);
    let input = if long {
        view! {
            <textarea id=id.clone() lang=lang_key rows="3" aria-invalid=inv aria-describedby=by
                on:input=move |ev| write(event_target_value(&ev))>{initial}</textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" lang=lang_key prop:value=initial aria-invalid=inv
                aria-describedby=by on:input=move |ev| write(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! {
        <div class="field ed-field">
            <label for=id.clone()>{caption}</label>
            {input}
            {messages(ed, id, issues)}
        </div>
    }
}

/// Writes one language of a text. An emptied translation is removed (the
/// default language's text is shown instead, and the languages panel
/// counts it missing); an optional text with none is null. `langs`: the
/// draft's, the default first.
fn write_text(v: &mut Value, path: &Path, lang: Lang, s: String, optional: bool, langs: &[Lang]) {
    let default = langs.first().copied().unwrap_or_default();
    if !get(v, path).is_some_and(Value::is_object) {
        set(v, path, serde_json::json!({ default.as_str(): "" }));
    }
    if lang != default && s.is_empty() {
        if let Some(Value::Object(o)) = draft_mut(v, path) {
            o.remove(lang.as_str());
        }
    } else {
        set(v, &path.key(lang.as_str()), Value::String(s));
    }
    if optional
        && langs
            .iter()
            .all(|l| text_at(v, &path.key(l.as_str())).is_empty())
    {
        set(v, path, Value::Null);
    }
}

fn draft_mut<'a>(v: &'a mut Value, p: &Path) -> Option<&'a mut Value> {
    p.0.iter().try_fold(v, |v, seg| match seg {
        draft::Seg::Key(k) => v.get_mut(*k),
        draft::Seg::Index(i) => v.get_mut(*i),
    })
}

/// A text in each of the draft's languages: one column each, the default
/// first.
fn text_pair(
    ed: Ed,
    path: Path,
    caption: &'static str,
    long: bool,
    optional: bool,
    on_default: Option<Callback<(String, String)>>,
) -> impl IntoView {
    let staff = ed.staff();
    let inputs = ed
        .langs()
        .into_iter()
        .enumerate()
        .map(|(i, lang)| {
            let caption = format!("{caption} ({})", lang.in_words(staff));
            let on = if i == 0 { on_default } else { None };
            text_input(ed, path.clone(), lang, caption, long, optional, on)
        })
        .collect_view();
    view! {
        <fieldset class="ed-pair">
            <legend>{caption}</legend>
            <div class="ed-pair__inputs">{inputs}</div>
        </fieldset>
    }
}

/// A one-line value: a string, an optional string, an id, a count.
fn plain_input(ed: Ed, path: Path, caption: &'static str, kind: Kind) -> impl IntoView {
    let t = ed.t();
    let id = path.dom_id();
    let issues = ed.issues_of(id.clone());
    let hint = matches!(kind, Kind::Id);
    let read = {
        let path = path.clone();
        move |v: &Value| match get(v, &path) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    // An id can change under the field (made from the title): it follows the draft.
    let value = {
        let read = read.clone();
        move || ed.draft.with(|v| read(v))
    };
    let initial = ed.draft.with_untracked(|v| read(v));
    let write = move |s: String| {
        let new = match kind {
            Kind::OptStr if s.trim().is_empty() => Value::Null,
            Kind::Count => s
                .trim()
                .parse::<u64>()
                .map(Value::from)
                .unwrap_or(Value::String(s)),
            _ => Value::String(s),
        };
        ed.edit(|v| {
            set(v, &path, new);
        });
    };
    let by = described_by(&id, hint, issues);
    let inv = invalid(issues);
    let input = if hint {
        view! {
            <input id=id.clone() type="text" prop:value=value aria-invalid=inv aria-describedby=by
                autocomplete="off" spellcheck="false"
                on:input=move |ev| write(event_target_value(&ev))/>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" prop:value=initial aria-invalid=inv aria-describedby=by
                inputmode=matches!(kind, Kind::Count).then_some("numeric")
                on:input=move |ev| write(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! {
        <div class="field ed-field">
            <label for=id.clone()>{caption}</label>
            {hint.then(|| view! { <p class="ed-hint" id=format!("{id}-hint")>{t.id_hint}</p> })}
            {input}
            {messages(ed, id, issues)}
        </div>
    }
}

/// A closed set or a reference to another list's item.
fn choice(ed: Ed, path: Path, caption: &'static str, kind: Kind) -> impl IntoView {
    let t = ed.t();
    let lang = ed.lang;
    let id = path.dom_id();
    let issues = ed.issues_of(id.clone());
    let optional = matches!(kind, Kind::OptChoice(_) | Kind::OptRef(_));
    let current = {
        let path = path.clone();
        move || ed.draft.with(|v| text_at(v, &path))
    };
    let options = move || -> Vec<(String, String)> {
        match kind {
            Kind::Choice(c) | Kind::OptChoice(c) => c
                .iter()
                .map(|(v, pl, en)| {
                    let l = if lang == Lang::Pl { pl } else { en };
                    (v.to_string(), l.to_string())
                })
                .collect(),
            Kind::Ref(list) | Kind::OptRef(list) => ed.draft.with(|v| {
                ids_at(v, &Path::root().key(list))
                    .into_iter()
                    .map(|i| (i.clone(), i))
                    .collect()
            }),
            _ => vec![],
        }
    };
    let write = move |s: String| {
        let new = if s.is_empty() && optional {
            Value::Null
        } else {
            Value::String(s)
        };
        ed.edit(|v| {
            set(v, &path, new);
        });
    };
    let by = described_by(&id, false, issues);
    let inv = invalid(issues);
    view! {
        <div class="field ed-field">
            <label for=id.clone()>{caption}</label>
            <select id=id.clone() aria-invalid=inv aria-describedby=by
                on:change=move |ev| write(event_target_value(&ev))>
                {optional.then(|| view! { <option value="">{t.none}</option> })}
                {move || {
                    let cur = current();
                    let options = options();
                    // A value that is none of the options (its item was
                    // deleted or renamed; a required one left empty): an
                    // empty choice is shown selected, so that picking the
                    // first option is a change like any other.
                    let lost = if cur.is_empty() {
                        !optional
                    } else {
                        !options.iter().any(|(v, _)| *v == cur)
                    };
                    let placeholder = lost.then(|| {
                        view! { <option value="" selected=true disabled=true>{t.choose}</option> }
                    });
                    let options = options
                        .into_iter()
                        .map(|(v, l)| {
                            let sel = v == cur;
                            view! { <option value=v selected=sel>{l}</option> }
                        })
                        .collect_view();
                    (placeholder, options)
                }}
            </select>
            {messages(ed, id, issues)}
        </div>
    }
}

/// An amount typed as people write it; empty is "not given".
fn money(ed: Ed, path: Path, caption: &'static str) -> impl IntoView {
    let t = ed.t();
    let id = path.dom_id();
    let issues = ed.issues_of(id.clone());
    let (amount, currency) = ed.draft.with_untracked(|v| {
        (
            text_at(v, &path.key("amount")),
            Some(text_at(v, &path.key("currency")))
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| "PLN".into()),
        )
    });
    let typed = RwSignal::new(amount.clone());
    let cur = RwSignal::new(currency.clone());
    let write = move || {
        let new = money_value(&typed.get_untracked(), &cur.get_untracked());
        ed.edit(|v| {
            set(v, &path, new);
        });
    };
    let write2 = write.clone();
    let by = described_by(&id, true, issues);
    let inv = invalid(issues);
    let cur_id = format!("{id}-currency");
    view! {
        <fieldset class="ed-money">
            <legend>{caption}</legend>
            <p class="ed-hint" id=format!("{id}-hint")>{t.money_hint}</p>
            <div class="ed-money__inputs">
                <div class="field ed-field">
                    <label for=id.clone()>{caption}</label>
                    <input id=id.clone() type="text" inputmode="decimal" prop:value=amount
                        aria-invalid=inv aria-describedby=by
                        on:input=move |ev| {
                            typed.set(event_target_value(&ev));
                            write();
                        }/>
                </div>
                <div class="field ed-field">
                    <label for=cur_id.clone()>{t.currency}</label>
                    <select id=cur_id on:change=move |ev| {
                        cur.set(event_target_value(&ev));
                        write2();
                    }>
                        {["PLN", "EUR"]
                            .map(|c| view! { <option value=c selected={c == currency}>{c}</option> })
                            .collect_view()}
                    </select>
                </div>
            </div>
            {messages(ed, id, issues)}
        </fieldset>
    }
}

/// A date at the precision the source gives: one layout of inputs each.
/// `days_only`: the declaration's dates, which the template gives as days.
fn date(ed: Ed, path: Path, caption: &'static str, days_only: bool) -> impl IntoView {
    let t = ed.t();
    let id = path.dom_id();
    let issues = ed.issues_of(id.clone());
    let init = ed
        .draft
        .with_untracked(|v| DateParts::of(get(v, &path).unwrap_or(&Value::Null)));
    let precision = RwSignal::new(init.precision);
    let parts = init.parts.clone().map(RwSignal::new);
    let write = move || {
        let d = DateParts {
            precision: precision.get_untracked(),
            parts: parts.map(|p| p.get_untracked()),
        };
        ed.edit(|v| {
            set(v, &path, d.value());
        });
    };
    let by = described_by(&id, true, issues);
    let inv = invalid(issues);
    let write_part = write.clone();
    let id_part = id.clone();
    let part = move |n: usize, caption: &'static str, numeric: bool| {
        let write = write_part.clone();
        let id = id_part.clone();
        let pid = format!("{id}-{n}");
        let by = described_by(&id, true, issues);
        view! {
            <div class="field ed-field ed-date__part">
                <label for=pid.clone()>{caption}</label>
                <input id=pid type="text" prop:value=parts[n].get_untracked()
                    inputmode=numeric.then_some("numeric") aria-invalid=invalid(issues)
                    aria-describedby=by
                    on:input=move |ev| {
                        parts[n].set(event_target_value(&ev));
                        write();
                    }/>
            </div>
        }
    };
    let id2 = id.clone();
    view! {
        <fieldset class="ed-date">
            <legend>{caption}</legend>
            <p class="ed-hint" id=format!("{id}-hint")>{if days_only { t.day_hint } else { t.date_hint }}</p>
            <div class="ed-date__inputs">
                <div class="field ed-field">
                    <label for=id2.clone()>{t.precision}</label>
                    <select id=id2 aria-invalid=inv aria-describedby=by on:change=move |ev| {
                        precision.set(Precision::parse(&event_target_value(&ev)));
                        write();
                    }>
                        {Precision::ALL
                            .iter()
                            .zip(t.precisions)
                            // Only a day or nothing where a day is asked for;
                            // a draft's other precision stays shown, so its
                            // fault can be seen and mended.
                            .filter(|(p, _)| {
                                !days_only
                                    || matches!(p, Precision::Day | Precision::NotGiven)
                                    || **p == init.precision
                            })
                            .map(|(p, l)| {
                                view! {
                                    <option value=p.as_str() selected={*p == init.precision}>{l}</option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                {move || match precision.get() {
                    Precision::NotGiven => ().into_any(),
                    Precision::Year => part(0, t.year, true).into_any(),
                    Precision::Month => {
                        view! { {part(0, t.year, true)} {part(1, t.month, true)} }.into_any()
                    }
                    Precision::Day => {
                        view! { {part(0, t.year, true)} {part(1, t.month, true)} {part(2, t.day, true)} }
                            .into_any()
                    }
                    Precision::Range => {
                        view! { {part(0, t.start, false)} {part(1, t.end, false)} }.into_any()
                    }
                    Precision::OpenRange => part(0, t.start, false).into_any(),
                }}
            </div>
            {messages(ed, id, issues)}
        </fieldset>
    }
}

/// An optional pair of strings, null while both are empty.
fn opt_pair(
    ed: Ed,
    path: Path,
    caption: &'static str,
    pair: &'static [(&'static str, &'static str, &'static str); 2],
) -> impl IntoView {
    let inputs = pair
        .iter()
        .map(|&(key, pl, en)| {
            let id = format!("{}-{key}", path.dom_id());
            let issues = ed.issues_of(id.clone());
            let initial = ed.draft.with_untracked(|v| text_at(v, &path.key(key)));
            let path = path.clone();
            let write = move |s: String| {
                ed.edit(|v| {
                    set(v, &path.key(key), Value::String(s));
                    let empty = |k| text_at(v, &path.key(k)).is_empty();
                    if empty(pair[0].0) && empty(pair[1].0) {
                        set(v, &path, Value::Null);
                    }
                });
            };
            let sub = if ed.lang == Lang::Pl { pl } else { en };
            view! {
                <div class="field ed-field">
                    <label for=id.clone()>{format!("{caption} – {sub}")}</label>
                    <input id=id.clone() type="text" prop:value=initial aria-invalid=invalid(issues)
                        aria-describedby=described_by(&id, false, issues)
                        on:input=move |ev| write(event_target_value(&ev))/>
                    {messages(ed, id, issues)}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="ed-pair">
            <legend>{caption}</legend>
            <div class="ed-pair__inputs">{inputs}</div>
        </fieldset>
    }
}

/// An optional group of strings and texts (a logo, a picture, an
/// address, a licence): one input per part, a text part one per draft
/// language; all empty is none. A file's name is only its name: the file
/// itself goes beside the bundle when publishing.
fn group(ed: Ed, path: Path, caption: &'static str, g: &'static Group) -> impl IntoView {
    let staff = ed.staff();
    let langs = ed.langs();
    let first_part = specs::part_path(&path, g.parts[0].keys).dom_id();
    let first = if g.parts[0].text {
        format!("{first_part}-{}", langs[0].as_str())
    } else {
        first_part
    };
    let hint_id = format!("{first}-hint");
    // One input per (part, language): a plain part has no language.
    let inputs: Vec<(&'static specs::Part, Option<Lang>)> = g
        .parts
        .iter()
        .flat_map(|part| {
            if part.text {
                langs.iter().map(|l| (part, Some(*l))).collect::<Vec<_>>()
            } else {
                vec![(part, None)]
            }
        })
        .collect();
    let inputs = inputs
        .into_iter()
        .map(|(part, lang)| {
            let at = specs::part_path(&path, part.keys);
            let id = match lang {
                Some(l) => format!("{}-{}", at.dom_id(), l.as_str()),
                None => at.dom_id(),
            };
            let issues = ed.issues_of(id.clone());
            let initial = ed.draft.with_untracked(|v| match lang {
                Some(l) => text_at(v, &at.key(l.as_str())),
                None => text_at(v, &at),
            });
            let path = path.clone();
            let write = move |s: String| {
                let langs = ed.langs();
                ed.edit(|v| {
                    if !get(v, &path).is_some_and(Value::is_object) {
                        set(v, &path, g.skeleton(langs[0]));
                    }
                    match lang {
                        Some(l) => write_text(v, &at, l, s, false, &langs),
                        None => {
                            set(v, &at, Value::String(s));
                        }
                    }
                    let empty = g.parts.iter().all(|p| {
                        let at = specs::part_path(&path, p.keys);
                        if p.text {
                            langs
                                .iter()
                                .all(|l| text_at(v, &at.key(l.as_str())).trim().is_empty())
                        } else {
                            text_at(v, &at).trim().is_empty()
                        }
                    });
                    if empty {
                        set(v, &path, Value::Null);
                    }
                });
            };
            let name = part.label(staff);
            let label = match lang {
                Some(l) => format!("{name} ({})", l.in_words(staff)),
                None => name.to_owned(),
            };
            let hinted = id == first;
            view! {
                <div class="field ed-field">
                    <label for=id.clone()>{label}</label>
                    <input id=id.clone() type="text" lang=lang.map(Lang::as_str)
                        prop:value=initial aria-invalid=invalid(issues)
                        aria-describedby=described_by(&id, hinted, issues)
                        on:input=move |ev| write(event_target_value(&ev))/>
                    {messages(ed, id, issues)}
                </div>
            }
        })
        .collect_view();
    let hint = g.hint(staff);
    view! {
        <fieldset class="ed-pair">
            <legend>{caption}</legend>
            <p class="ed-hint" id=hint_id>{hint}</p>
            <div class="ed-pair__inputs">{inputs}</div>
        </fieldset>
    }
}

/// A list of strings (the organisation's pages elsewhere), one input each.
fn str_list(ed: Ed, path: Path, caption: &'static str) -> impl IntoView {
    let t = ed.t();
    let n = ed.draft.with_untracked(|v| len_at(v, &path));
    let id = path.dom_id();
    let items = (0..n)
        .map(|i| {
            let item = path.index(i);
            let list = path.clone();
            let add_id = format!("{id}-add");
            let item_id = item.dom_id();
            let issues = ed.issues_of(item_id.clone());
            let initial = ed.draft.with_untracked(|v| text_at(v, &item));
            let write = move |s: String| {
                ed.edit(|v| {
                    set(v, &item, Value::String(s));
                });
            };
            view! {
                <div class="ed-list__item">
                    <div class="field ed-field">
                        <label for=item_id.clone()>{format!("{caption} {}", i + 1)}</label>
                        <input id=item_id.clone() type="text" prop:value=initial
                            aria-invalid=invalid(issues)
                            aria-describedby=described_by(&item_id, false, issues)
                            on:input=move |ev| write(event_target_value(&ev))/>
                        {messages(ed, item_id, issues)}
                    </div>
                    <button type="button" class="button button--secondary"
                        on:click=move |_| {
                            ed.restructure(|v| specs::delete_item(v, &list, i));
                            focus_soon(add_id.clone());
                        }>
                        {t.delete} <span class="visually-hidden">": " {caption} " " {i + 1}</span>
                    </button>
                </div>
            }
        })
        .collect_view();
    let add_path = path.clone();
    let new_input = format!("{id}-{n}");
    view! {
        <fieldset class="ed-list" id=id.clone()>
            <legend>{caption}</legend>
            {items}
            <button type="button" class="button button--secondary" id=format!("{id}-add")
                on:click=move |_| {
                    ed.restructure(|v| {
                        draft::push_item(v, &add_path, Value::String(String::new()));
                    });
                    focus_soon(new_input.clone());
                }>
                {t.add} <span class="visually-hidden">": " {caption}</span>
            </button>
        </fieldset>
    }
}

/// A list of texts (a project's activities, the declaration's lists).
fn text_list(ed: Ed, path: Path, caption: &'static str) -> impl IntoView {
    let t = ed.t();
    let n = ed.draft.with_untracked(|v| len_at(v, &path));
    let id = path.dom_id();
    let items = (0..n)
        .map(|i| {
            let item = path.index(i);
            let list = path.clone();
            let add_id = format!("{}-add", path.dom_id());
            view! {
                <div class="ed-list__item">
                    {text_pair(ed, item, caption, true, false, None)}
                    <button type="button" class="button button--secondary"
                        on:click=move |_| {
                            ed.restructure(|v| specs::delete_item(v, &list, i));
                            focus_soon(add_id.clone());
                        }>
                        {t.delete} <span class="visually-hidden">": " {caption} " " {i + 1}</span>
                    </button>
                </div>
            }
        })
        .collect_view();
    let add_path = path.clone();
    let default = ed.langs()[0].as_str();
    let new_input = format!("{id}-{n}-{default}");
    view! {
        <fieldset class="ed-list" id=id.clone()>
            <legend>{caption}</legend>
            {items}
            <button type="button" class="button button--secondary" id=format!("{id}-add")
                on:click=move |_| {
                    ed.restructure(|v| {
                        draft::push_item(v, &add_path, serde_json::json!({ default: "" }));
                    });
                    focus_soon(new_input.clone());
                }>
                {t.add} <span class="visually-hidden">": " {caption}</span>
            </button>
        </fieldset>
    }
}

fn field(ed: Ed, item: Path, spec: Field, section: Section) -> AnyView {
    let caption = spec.label(ed.staff());
    let path = item.keys(spec.key);
    match spec.kind {
        Kind::Text { long } => {
            // A new item's id follows its title in the default language,
            // until it is set by hand.
            let on_pl = (section.has_ids() && spec.key == section.title).then(|| {
                let item = item.clone();
                Callback::new(move |(old, new): (String, String)| {
                    let list = section.path();
                    ed.draft.update(|v| {
                        let id = text_at(v, &item.key("id"));
                        let others: Vec<String> =
                            ids_at(v, &list).into_iter().filter(|i| *i != id).collect();
                        let from_old = unique_id(&draft::slug(&old), &others);
                        let fresh = ed.fresh.with_value(|f| f.contains(&id));
                        if id.is_empty() || (fresh && id == from_old) {
                            let new_id = unique_id(&draft::slug(&new), &others);
                            ed.fresh.update_value(|f| {
                                f.remove(&id);
                                f.insert(new_id.clone());
                            });
                            set(v, &item.key("id"), Value::String(new_id));
                        }
                    });
                })
            });
            text_pair(ed, path, caption, long, false, on_pl).into_any()
        }
        Kind::OptText { long } => text_pair(ed, path, caption, long, true, None).into_any(),
        Kind::Str | Kind::OptStr | Kind::Id | Kind::Count => {
            plain_input(ed, path, caption, spec.kind).into_any()
        }
        Kind::Date => date(ed, path, caption, false).into_any(),
        Kind::Day => date(ed, path, caption, true).into_any(),
        Kind::Money => money(ed, path, caption).into_any(),
        Kind::Choice(_) | Kind::OptChoice(_) | Kind::Ref(_) | Kind::OptRef(_) => {
            choice(ed, path, caption, spec.kind).into_any()
        }
        Kind::TextList => text_list(ed, path, caption).into_any(),
        Kind::StrList => str_list(ed, path, caption).into_any(),
        Kind::OptPair(pair) => opt_pair(ed, path, caption, pair).into_any(),
        Kind::Group(g) => group(ed, path, caption, g).into_any(),
    }
}

/// One item of a list section, folded; its tools move, copy and delete it.
fn item_view(ed: Ed, section: Section, i: usize, n: usize) -> impl IntoView {
    let t = ed.t();
    let list = section.path();
    let item = list.index(i);
    let id = item.dom_id();
    let title_path = item.keys(section.title).key(ed.langs()[0].as_str());
    let heading = {
        let title_path = title_path.clone();
        move || {
            let title = ed.draft.with(|v| text_at(v, &title_path));
            format!("{} {}: {}", t.item, i + 1, title)
        }
    };
    let open = ed.open.with_value(|o| o.contains(&id));
    let toggled = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            use wasm_bindgen::JsCast;
            let is_open = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|d| d.open());
            ed.open.update_value(|o| {
                if is_open {
                    o.insert(id.clone());
                } else {
                    o.remove(&id);
                }
            });
        }
    };
    // After a move or a copy the form is drawn again: the item lands open,
    // with focus on its heading, so keyboard users stay where they were.
    let reopen = move |at: usize| {
        let id = list.index(at).dom_id();
        focus_soon(format!("{id}-label"));
        ed.open.update_value(|o| {
            o.insert(id);
        });
    };
    let section_heading = section.path().dom_id();
    let l = section.path();
    let (l1, l2, l3, l4) = (l.clone(), l.clone(), l.clone(), l);
    let (r1, r2, r3) = (reopen.clone(), reopen.clone(), reopen);
    let label_id = format!("{id}-label");
    let fields = section
        .fields
        .iter()
        .map(|spec| field(ed, item.clone(), *spec, section))
        .collect_view();
    view! {
        <details class="ed-item" id=id.clone() tabindex="-1" open=open on:toggle=toggled>
            <summary id=label_id.clone()>{heading}</summary>
            <div class="ed-item__tools" role="group" aria-labelledby=label_id.clone()>
                <button type="button" class="button button--secondary" disabled={i == 0} data-testid="move-up"
                    on:click=move |_| { r1(i - 1); ed.restructure(|v| { draft::move_item(v, &l1, i, i - 1); }) }>
                    {t.move_up}
                </button>
                <button type="button" class="button button--secondary" disabled={i + 1 >= n} data-testid="move-down"
                    on:click=move |_| { r2(i + 1); ed.restructure(|v| { draft::move_item(v, &l2, i, i + 1); }) }>
                    {t.move_down}
                </button>
                <button type="button" class="button button--secondary" data-testid="duplicate-item"
                    on:click=move |_| {
                        r3(i + 1);
                        ed.restructure(|v| {
                            if draft::duplicate_item(v, &l3, i) {
                                // The copy's id follows its title, as a new item's does.
                                let id = text_at(v, &l3.index(i + 1).key("id"));
                                ed.fresh.update_value(|f| { f.insert(id); });
                            }
                        })
                    }>
                    {t.duplicate}
                </button>
                <button type="button" class="button button--secondary" data-testid="delete-item"
                    on:click=move |_| {
                        ed.restructure(|v| specs::delete_item(v, &l4, i));
                        focus_soon(section_heading.clone());
                    }>
                    {t.delete}
                </button>
            </div>
            {fields}
        </details>
    }
}

fn section_view(ed: Ed, section: Section) -> impl IntoView {
    let t = ed.t();
    let path = section.path();
    let id = path.dom_id();
    let name = section.label.get(ed.staff());
    let body = if section.list {
        let n = ed.draft.with_untracked(|v| len_at(v, &path));
        let items = (0..n).map(|i| item_view(ed, section, i, n)).collect_view();
        let default = ed.langs()[0];
        let add = move |_| {
            let at = ed.draft.with_untracked(|v| len_at(v, &path));
            let new_id = path.index(at).dom_id();
            ed.open.update_value(|o| {
                o.insert(new_id.clone());
            });
            ed.restructure(|v| {
                let first = ids_at(v, &Path::root().key("sources")).into_iter().next();
                draft::push_item(
                    v,
                    &path,
                    specs::new_item(&section, first.as_deref(), default),
                );
            });
            focus_soon(format!(
                "{new_id}-{}-{}",
                section.title.replace('_', "-"),
                default.as_str()
            ));
        };
        view! {
            {items}
            <button type="button" class="button" data-testid=format!("add-{}", section.testid()) on:click=add>
                {t.add} <span class="visually-hidden">": " {name}</span>
            </button>
        }
        .into_any()
    } else {
        section
            .fields
            .iter()
            .map(|spec| field(ed, path.clone(), *spec, section))
            .collect_view()
            .into_any()
    };
    let hid = id.clone();
    view! {
        <section class="ed-section" aria-labelledby=id data-testid=format!("section-{}", section.testid())>
            <h2 id=hid tabindex="-1">{name}</h2>
            {body}
        </section>
    }
}

/// A link to the field an issue is at, which focuses it (opening its
/// folded item): the error summary's, the missing translations' list.
pub fn field_link(field: String, text: String) -> impl IntoView {
    let to = field.clone();
    view! {
        <li>
            <a href=format!("#{field}") on:click=move |ev| {
                ev.prevent_default();
                focus_field(&to);
            }>{text}</a>
        </li>
    }
}

/// Moves focus to the element with this id once the form is drawn again.
pub fn focus_soon(id: String) {
    request_animation_frame(move || focus_field(&id));
}

/// Focuses a field (opening its folded item), or the nearest thing that
/// holds it: the id without its last part, and so on.
pub fn focus_field(id: &str) {
    use wasm_bindgen::JsCast;
    let doc = document();
    let mut id = id.to_owned();
    loop {
        if let Some(el) = doc.get_element_by_id(&id) {
            let mut up = el.parent_element();
            while let Some(p) = up {
                if let Some(d) = p.dyn_ref::<web_sys::HtmlDetailsElement>() {
                    d.set_open(true);
                }
                up = p.parent_element();
            }
            if let Some(d) = el.dyn_ref::<web_sys::HtmlDetailsElement>() {
                d.set_open(true);
            }
            if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
            return;
        }
        match id.rfind('-') {
            Some(i) => id.truncate(i),
            None => return,
        }
    }
}

/// The whole form, drawn again after each structural change.
#[component]
pub fn Form(ed: Ed) -> impl IntoView {
    move || {
        ed.rev.track();
        let content_date = Path::root().key("content_date");
        let caption = if ed.lang == Lang::Pl {
            "Treść według stanu na"
        } else {
            "Content as of"
        };
        view! {
            <div class="ed-form">
                {date(ed, content_date, caption, false)}
                {specs::SECTIONS.iter().map(|s| section_view(ed, *s)).collect_view()}
            </div>
        }
    }
}
