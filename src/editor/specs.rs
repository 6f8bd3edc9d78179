//! What the form shows of each section: one table of fields per section,
//! read by the form (which field to draw) and by [`field_for`] (which
//! field a validator fault belongs to), so the two cannot disagree.

use super::draft::{fault_dom_id, Path, Seg};
use rops_es::content::{JsonPath, Lang, Segment};
use serde_json::{json, Value};

/// A closed set: the value in the bundle, then its Polish and English label.
pub type Choices = &'static [(&'static str, &'static str, &'static str)];

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// `{pl, en?}`; `long` draws text areas.
    Text {
        long: bool,
    },
    /// A text or null.
    OptText {
        long: bool,
    },
    Str,
    /// A string or null (empty is null).
    OptStr,
    /// An id, made from the item's title while it is new.
    Id,
    Date,
    Money,
    Choice(Choices),
    OptChoice(Choices),
    /// An id of an item of this list.
    Ref(&'static str),
    OptRef(&'static str),
    /// A whole number ≥ 0.
    Count,
    /// A list of texts.
    TextList,
    /// An optional pair of strings (the accent's light and dark colour):
    /// null when both are empty.
    OptPair(&'static [(&'static str, &'static str, &'static str); 2]),
    /// The organisation's optional logo: a file name beside the bundle and
    /// what it shows (`{file, alt: {pl, en}}`), null when all are empty.
    Logo,
}

#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// The field's key, dotted when nested (`embed_titles.timeline`).
    pub key: &'static str,
    pub pl: &'static str,
    pub en: &'static str,
    pub kind: Kind,
}

const fn s(key: &'static str, pl: &'static str, en: &'static str, kind: Kind) -> Spec {
    Spec { key, pl, en, kind }
}

const TEXT: Kind = Kind::Text { long: false };
const LONG: Kind = Kind::Text { long: true };
const OPT_LONG: Kind = Kind::OptText { long: true };

pub const KINDS: Choices = &[
    ("project", "projekt", "project"),
    ("partnership", "partnerstwo", "partnership"),
    ("policy", "polityka", "policy"),
    ("model", "model", "model"),
    ("award", "nagroda", "award"),
];
const ROLES: Choices = &[
    ("leader", "lider", "leader"),
    ("implementer", "realizator", "implementer"),
    ("partner", "partner", "partner"),
];
const FUNDS: Choices = &[(
    "EFS",
    "EFS (Europejski Fundusz Społeczny)",
    "ESF (European Social Fund)",
)];
const BOUNDS: Choices = &[
    ("exact", "dokładnie", "exactly"),
    ("more_than", "ponad (co najmniej)", "more than (at least)"),
];
const STATUS: Choices = &[
    ("full", "zgodna", "compliant"),
    ("partial", "częściowo zgodna", "partially compliant"),
    ("none", "niezgodna", "not compliant"),
];

/// The sections, in the form's order. A list section's items are drawn
/// from `fields`; an object section is one item.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    pub key: &'static str,
    /// Index into the strings' section names.
    pub name: usize,
    pub list: bool,
    /// The field an item's heading and generated id come from.
    pub title: &'static str,
    pub fields: &'static [Spec],
}

pub const ORGANISATION: Section = Section {
    key: "organisation",
    name: 0,
    list: false,
    title: "name",
    fields: &[
        s("name", "Nazwa", "Name", TEXT),
        s("short_name", "Nazwa skrócona", "Short name", TEXT),
        s(
            "summary",
            "Kim jest organizacja",
            "Who the organisation is",
            LONG,
        ),
        s("legal_basis", "Podstawa prawna", "Legal basis", LONG),
        s("source", "Źródło", "Source", Kind::Ref("sources")),
        s("site_title", "Tytuł aplikacji", "App title", TEXT),
        s("description", "Opis strony", "Site description", LONG),
        s(
            "source_line",
            "Stopka: skąd treść",
            "Footer: where the content comes from",
            TEXT,
        ),
        s(
            "role_label",
            "Nagłówek roli w projekcie",
            "Heading of the role in a project",
            TEXT,
        ),
        s(
            "embed_titles.timeline",
            "Tytuł ramki osi czasu",
            "Timeline embed title",
            TEXT,
        ),
        s(
            "embed_titles.funding",
            "Tytuł ramki finansowania",
            "Funding embed title",
            TEXT,
        ),
        s(
            "page_descriptions.about",
            "Opis strony „O nas”",
            "About page description",
            LONG,
        ),
        s(
            "page_descriptions.timeline",
            "Opis strony „Oś czasu”",
            "Timeline page description",
            LONG,
        ),
        s(
            "page_descriptions.funding",
            "Opis strony „Finansowanie”",
            "Funding page description",
            LONG,
        ),
        s(
            "page_descriptions.accessibility",
            "Opis deklaracji dostępności",
            "Accessibility statement description",
            LONG,
        ),
        s(
            "page_descriptions.embed_code",
            "Opis strony osadzania",
            "Embed page description",
            LONG,
        ),
        s(
            "app_short_name",
            "Nazwa pod ikoną aplikacji",
            "Name under the app icon",
            Kind::Str,
        ),
        s(
            "slug",
            "Przedrostek nazw plików",
            "File-name stem",
            Kind::Str,
        ),
        s(
            "theme_colour",
            "Kolor aplikacji (#rrggbb)",
            "App colour (#rrggbb)",
            Kind::Str,
        ),
        s(
            "accent",
            "Kolor akcentu (#rrggbb; puste – domyślny)",
            "Accent colour (#rrggbb; empty for the default)",
            Kind::OptPair(&ACCENT),
        ),
        s("logo", "Logo", "Logo", Kind::Logo),
    ],
};

const ACCENT: [(&str, &str, &str); 2] = [
    ("light", "w jasnym motywie", "in the light theme"),
    ("dark", "w ciemnym motywie", "in the dark theme"),
];

pub const SOURCES: Section = Section {
    key: "sources",
    name: 1,
    list: true,
    title: "title",
    fields: &[
        s("title", "Tytuł", "Title", TEXT),
        s("id", "Identyfikator", "Id", Kind::Id),
        s(
            "url",
            "Adres (http/https)",
            "Address (http/https)",
            Kind::OptStr,
        ),
    ],
};

pub const ERAS: Section = Section {
    key: "eras",
    name: 2,
    list: true,
    title: "name",
    fields: &[
        s("name", "Nazwa", "Name", TEXT),
        s("id", "Identyfikator", "Id", Kind::Id),
        s("period", "Okres", "Period", Kind::Date),
        s("note", "Uwaga", "Note", OPT_LONG),
    ],
};

pub const PROJECTS: Section = Section {
    key: "projects",
    name: 3,
    list: true,
    title: "name",
    fields: &[
        s("name", "Nazwa", "Name", TEXT),
        s("id", "Identyfikator", "Id", Kind::Id),
        s(
            "kind",
            "Rodzaj projektu",
            "Kind of project",
            Kind::OptText { long: false },
        ),
        s("role", "Rola", "Role", Kind::Choice(ROLES)),
        s("programme", "Program", "Programme", TEXT),
        s(
            "measure",
            "Działanie",
            "Measure",
            Kind::OptText { long: false },
        ),
        s(
            "period",
            "Okres programowania",
            "Programming period",
            Kind::Date,
        ),
        s("fund", "Fundusz", "Fund", Kind::OptChoice(FUNDS)),
        s("dates", "Czas realizacji", "When it ran", Kind::Date),
        s("summary", "Opis", "Summary", LONG),
        s("activities", "Działania", "Activities", Kind::TextList),
        s(
            "activities_note",
            "Uwaga o działaniach",
            "Note on the activities",
            OPT_LONG,
        ),
        s("value", "Wartość", "Value", Kind::Money),
        s(
            "eu_contribution",
            "Dofinansowanie UE",
            "EU contribution",
            Kind::Money,
        ),
        s("source", "Źródło", "Source", Kind::Ref("sources")),
    ],
};

pub const EVENTS: Section = Section {
    key: "events",
    name: 4,
    list: true,
    title: "title",
    fields: &[
        s("title", "Tytuł", "Title", TEXT),
        s("id", "Identyfikator", "Id", Kind::Id),
        s("date", "Data", "Date", Kind::Date),
        s("kind", "Rodzaj", "Kind", Kind::Choice(KINDS)),
        s("description", "Opis", "Description", LONG),
        s("project", "Projekt", "Project", Kind::OptRef("projects")),
        s("source", "Źródło", "Source", Kind::Ref("sources")),
    ],
};

pub const FIGURES: Section = Section {
    key: "figures",
    name: 5,
    list: true,
    title: "label",
    fields: &[
        s("label", "Co jest liczone", "What is counted", TEXT),
        s("id", "Identyfikator", "Id", Kind::Id),
        s("value", "Liczba", "Number", Kind::Count),
        s("bound", "Dokładność", "Bound", Kind::Choice(BOUNDS)),
        s("project", "Projekt", "Project", Kind::OptRef("projects")),
        s("source", "Źródło", "Source", Kind::Ref("sources")),
    ],
};

pub const ACCESSIBILITY: Section = Section {
    key: "accessibility",
    name: 6,
    list: false,
    title: "entity",
    fields: &[
        s("entity", "Podmiot", "Public body", TEXT),
        s(
            "site_url",
            "Adres aplikacji",
            "The app's address",
            Kind::OptStr,
        ),
        s("published", "Data publikacji", "Published", Kind::Date),
        s(
            "updated",
            "Data ostatniej istotnej aktualizacji",
            "Last significant update",
            Kind::Date,
        ),
        s("status", "Zgodność", "Compliance", Kind::OptChoice(STATUS)),
        s(
            "non_accessible",
            "Treści niedostępne",
            "Content not accessible",
            Kind::TextList,
        ),
        s("exemptions", "Wyłączenia", "Exemptions", Kind::TextList),
        s(
            "prepared",
            "Data sporządzenia deklaracji",
            "Declaration prepared",
            Kind::Date,
        ),
        s("method", "Sposób oceny", "How it was assessed", OPT_LONG),
        s(
            "reviewed",
            "Data przeglądu deklaracji",
            "Declaration reviewed",
            Kind::Date,
        ),
        s(
            "contact_person",
            "Osoba do kontaktu",
            "Contact person",
            Kind::OptStr,
        ),
        s("email", "E-mail", "E-mail", Kind::OptStr),
        s("phone", "Telefon", "Phone", Kind::OptStr),
        s(
            "architecture",
            "Dostępność architektoniczna",
            "Architectural accessibility",
            OPT_LONG,
        ),
    ],
};

/// The order of the form, events and projects first: what changes most.
pub const SECTIONS: [Section; 7] = [
    EVENTS,
    PROJECTS,
    ORGANISATION,
    SOURCES,
    ERAS,
    FIGURES,
    ACCESSIBILITY,
];

/// A new item of a list section: empty texts for the editor to fill in,
/// no date, no amount (unknown, never 0), the first source.
pub fn new_item(section: &Section, first_source: Option<&str>) -> Value {
    let src = first_source.unwrap_or_default();
    match section.key {
        "sources" => json!({"id": "", "title": {"pl": ""}, "url": null}),
        "eras" => json!({"id": "", "name": {"pl": ""}, "period": null, "note": null}),
        "projects" => json!({
            "id": "", "name": {"pl": ""}, "kind": null, "role": "implementer",
            "programme": {"pl": ""}, "measure": null, "period": null, "fund": null,
            "dates": null, "summary": {"pl": ""}, "activities": [], "activities_note": null,
            "value": null, "eu_contribution": null, "source": src
        }),
        "figures" => json!({
            "id": "", "value": 0, "bound": "exact", "label": {"pl": ""},
            "project": null, "source": src
        }),
        _ => json!({
            "id": "", "date": null, "kind": "project", "title": {"pl": ""},
            "description": {"pl": ""}, "project": null, "source": src
        }),
    }
}

/// The dom id of the field a fault at `path` belongs to: the field itself
/// (for a text, its Polish or English input), else the item, the section,
/// or the form as a whole.
pub fn field_for(path: &JsonPath) -> String {
    let segs = &path.0;
    let Some(Segment::Key(first)) = segs.first() else {
        return "f".into();
    };
    let Some(section) = SECTIONS.iter().find(|s| s.key == first) else {
        return match first.as_str() {
            "content_date" => "f-content-date".into(),
            _ => "f".into(),
        };
    };
    let (item, rest) = if section.list {
        match segs.get(1) {
            Some(Segment::Index(i)) => (Path::root().key(section.key).index(*i), &segs[2..]),
            _ => return Path::root().key(section.key).dom_id(),
        }
    } else {
        (Path::root().key(section.key), &segs[1..])
    };
    for spec in section.fields {
        let keys: Vec<&str> = spec.key.split('.').collect();
        let matches = keys.len() <= rest.len()
            && keys
                .iter()
                .zip(rest)
                .all(|(k, s)| matches!(s, Segment::Key(x) if x == k));
        if !matches {
            continue;
        }
        let field = item.keys(spec.key);
        let tail = &rest[keys.len()..];
        return match (spec.kind, tail) {
            (Kind::Text { .. } | Kind::OptText { .. }, [Segment::Key(l), ..])
                if l == "pl" || l == "en" =>
            {
                format!("{}-{l}", field.dom_id())
            }
            (Kind::Text { .. } | Kind::OptText { .. }, _) => format!("{}-pl", field.dom_id()),
            (Kind::TextList, [Segment::Index(i), Segment::Key(l), ..]) => {
                format!("{}-{i}-{l}", field.dom_id())
            }
            (Kind::TextList, [Segment::Index(i), ..]) => format!("{}-{i}-pl", field.dom_id()),
            (Kind::OptPair(pair), [Segment::Key(k), ..]) if pair.iter().any(|p| p.0 == k) => {
                format!("{}-{k}", field.dom_id())
            }
            (Kind::OptPair(pair), _) => format!("{}-{}", field.dom_id(), pair[0].0),
            (Kind::Logo, [Segment::Key(a), Segment::Key(l), ..]) if a == "alt" => {
                format!("{}-alt-{l}", field.dom_id())
            }
            (Kind::Logo, [Segment::Key(a), ..]) if a == "alt" => {
                format!("{}-alt-pl", field.dom_id())
            }
            (Kind::Logo, _) => format!("{}-file", field.dom_id()),
            _ => field.dom_id(),
        };
    }
    match item.0.last() {
        Some(Seg::Index(_)) => item.dom_id(),
        _ => fault_dom_id(&JsonPath(segs[..1].to_vec())),
    }
}

/// Where a fault is, in the editor's words: the section, the item's
/// number and the field's label (`Wydarzenia › 3 › Data`).
pub fn place_of(path: &JsonPath, lang: Lang) -> String {
    let t = super::strings::ui(lang);
    let segs = &path.0;
    let mut out = vec![];
    let section = match segs.first() {
        Some(Segment::Key(k)) => SECTIONS.iter().find(|s| s.key == k),
        _ => None,
    };
    let Some(section) = section else {
        return match (segs.first(), lang) {
            (Some(Segment::Key(k)), Lang::Pl) if k == "content_date" => {
                "Treść według stanu na".into()
            }
            (Some(Segment::Key(k)), Lang::En) if k == "content_date" => "Content as of".into(),
            (_, Lang::Pl) => "Treść".into(),
            (_, Lang::En) => "Content".into(),
        };
    };
    out.push(t.sections[section.name].to_owned());
    let mut rest = &segs[1..];
    if section.list {
        if let Some(Segment::Index(i)) = rest.first() {
            out.push(format!("{}", i + 1));
            rest = &rest[1..];
        }
    }
    let spec = section.fields.iter().find(|spec| {
        let keys: Vec<&str> = spec.key.split('.').collect();
        keys.len() <= rest.len()
            && keys
                .iter()
                .zip(rest)
                .all(|(k, s)| matches!(s, Segment::Key(x) if x == k))
    });
    if let Some(spec) = spec {
        out.push(match lang {
            Lang::Pl => spec.pl.to_owned(),
            Lang::En => spec.en.to_owned(),
        });
        if let Some(Segment::Key(l)) = rest.get(spec.key.split('.').count()) {
            if l == "en" {
                out.push(t.english.to_owned());
            } else if l == "pl" {
                out.push(t.polish.to_owned());
            }
        }
    }
    out.join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &[Segment]) -> JsonPath {
        JsonPath(s.to_vec())
    }
    fn k(s: &str) -> Segment {
        Segment::Key(s.into())
    }

    #[test]
    fn every_fault_finds_a_field_that_the_form_draws() {
        use Segment::Index as I;
        let cases = [
            (
                vec![k("events"), I(3), k("title"), k("en")],
                "f-events-3-title-en",
            ),
            (vec![k("events"), I(3), k("title")], "f-events-3-title-pl"),
            (vec![k("events"), I(3), k("date")], "f-events-3-date"),
            (vec![k("events"), I(3)], "f-events-3"),
            (vec![k("events"), I(3), k("unknown")], "f-events-3"),
            (
                vec![k("projects"), I(0), k("value"), k("amount")],
                "f-projects-0-value",
            ),
            (
                vec![k("projects"), I(0), k("activities"), I(2), k("en")],
                "f-projects-0-activities-2-en",
            ),
            (
                vec![k("organisation"), k("embed_titles"), k("funding"), k("pl")],
                "f-organisation-embed-titles-funding-pl",
            ),
            (
                vec![k("organisation"), k("accent")],
                "f-organisation-accent-light",
            ),
            (
                vec![k("organisation"), k("accent"), k("dark")],
                "f-organisation-accent-dark",
            ),
            (
                vec![k("organisation"), k("logo")],
                "f-organisation-logo-file",
            ),
            (
                vec![k("organisation"), k("logo"), k("alt"), k("en")],
                "f-organisation-logo-alt-en",
            ),
            (
                vec![k("accessibility"), k("email")],
                "f-accessibility-email",
            ),
            (vec![k("content_date")], "f-content-date"),
            (vec![], "f"),
        ];
        for (path, id) in cases {
            assert_eq!(field_for(&p(&path)), id, "{path:?}");
        }
        // The same id as the form gives the field.
        let field = Path::root().key("events").index(3).key("date");
        assert_eq!(field.dom_id(), "f-events-3-date");
    }

    #[test]
    fn new_items_are_items_the_validator_reads() {
        let mut v: Value =
            serde_json::from_str(include_str!("../../public/content/bundle.json")).unwrap();
        for section in SECTIONS.iter().filter(|s| s.list) {
            let mut item = new_item(section, Some("rops-o-nas"));
            item["id"] = json!(format!("nowy-{}", section.key));
            v[section.key].as_array_mut().unwrap().push(item);
        }
        let c = super::super::draft::check(&v, rops_es::content::Lang::Pl);
        // Shape is right: what remains are the empty texts to fill in.
        assert!(
            c.issues.iter().all(|i| i.message.contains("pusty")),
            "{:?}",
            c.issues
        );
    }
}
