//! What the form shows of each section: one table of fields per section,
//! read by the form (which field to draw) and by [`field_for`] (which
//! field a validator fault belongs to), so the two cannot disagree.

use super::json_path::{fault_dom_id, Path, Seg};
use rops_app::content::{JsonPath, Lang, Segment};
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
    /// A date that must be one day (the accessibility declaration's):
    /// the control offers "day" and "not given" only.
    Day,
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
    /// A list of strings (addresses).
    StrList,
    /// An optional pair of strings (the accent's light and dark colour):
    /// null when both are empty.
    OptPair(&'static [(&'static str, &'static str, &'static str); 2]),
    /// An optional object of a few strings and texts (a logo: a file name
    /// beside the bundle and what it shows), null when all are empty.
    Group(&'static Group),
}

/// One input of a [`Group`]: its keys below the group (`["alt", "pl"]`:
/// the Polish half of a text), and its Polish and English label.
pub type Part = (&'static [&'static str], &'static str, &'static str);

#[derive(Debug, PartialEq)]
pub struct Group {
    pub parts: &'static [Part],
    /// A hint below the caption (Polish, English): how to fill it in. The
    /// first part's input is described by it.
    pub hint: (&'static str, &'static str),
}

impl Group {
    /// The value a group starts as when one of its parts is typed in:
    /// every part empty but the optional English halves, so that the
    /// validator names what is missing at its field (a part left out would
    /// be a structure error of the whole object).
    pub fn skeleton(&self) -> Value {
        let mut v = json!({});
        for (keys, ..) in self.parts {
            if keys.last() != Some(&"en") {
                let p = keys.iter().fold(Path::root(), |p, k| p.key(k));
                super::json_path::set(&mut v, &p, json!(""));
            }
        }
        v
    }

    /// The part a fault below the group (`alt`, `alt.en`, `strip.file`)
    /// belongs to: the one sharing the most keys with it, the first on a tie.
    pub fn part_for(&self, tail: &[Segment]) -> &'static [&'static str] {
        let shared = |keys: &[&str]| {
            keys.iter()
                .zip(tail)
                .take_while(|(k, s)| matches!(s, Segment::Key(x) if x == *k))
                .count()
        };
        let mut best = self.parts[0].0;
        for (keys, ..) in self.parts {
            if shared(keys) > shared(best) {
                best = keys;
            }
        }
        best
    }
}

pub const LOGO: Group = Group {
    parts: &[
        (&["file"], "Nazwa pliku (.svg albo .png)", "File name (.svg or .png)"),
        (
            &["alt", "pl"],
            "Co przedstawia logo (po polsku)",
            "What the logo shows (in Polish)",
        ),
        (
            &["alt", "en"],
            "Co przedstawia logo (po angielsku)",
            "What the logo shows (in English)",
        ),
    ],
    hint: (
        "Plik logo (do 100 KiB) kładzie się obok bundle.json przy publikacji; puste pola oznaczają brak logo.",
        "The logo file (up to 100 KiB) goes beside bundle.json when publishing; empty fields mean no logo.",
    ),
};

const ADDRESS: Group = Group {
    parts: &[
        (&["street"], "Ulica i numer", "Street and number"),
        (
            &["postal_code"],
            "Kod pocztowy (NN-NNN)",
            "Postal code (NN-NNN)",
        ),
        (&["locality"], "Miejscowość", "Locality"),
    ],
    hint: (
        "Adres siedziby, dla wyszukiwarek (dane strukturalne); puste pola oznaczają brak adresu.",
        "The seat's address, for search engines (structured data); empty fields mean no address.",
    ),
};

const STRIP: Group = Group {
    parts: &[
        (
            &["strip", "file"],
            "Plik paska logotypów (.svg albo .png)",
            "Logo strip file (.svg or .png)",
        ),
        (
            &["strip", "alt", "pl"],
            "Co przedstawia pasek (po polsku)",
            "What the strip shows (in Polish)",
        ),
        (
            &["strip", "alt", "en"],
            "Co przedstawia pasek (po angielsku)",
            "What the strip shows (in English)",
        ),
    ],
    hint: (
        "Pasek znaków (Fundusze Europejskie, barwy RP, województwo, UE), którego wymagają zasady promocji projektów unijnych. Plik (do 100 KiB) kładzie się obok bundle.json; puste pola oznaczają brak paska.",
        "The strip of marks (European Funds, Poland, the region, the EU) the EU's visibility rules require. The file (up to 100 KiB) goes beside bundle.json; empty fields mean no strip.",
    ),
};

const PICTURE: Group = Group {
    parts: &[
        (&["file"], "Plik obrazka (.svg albo .png)", "Picture file (.svg or .png)"),
        (
            &["alt", "pl"],
            "Co przedstawia obrazek (po polsku)",
            "What the picture shows (in Polish)",
        ),
        (
            &["alt", "en"],
            "Co przedstawia obrazek (po angielsku)",
            "What the picture shows (in English)",
        ),
    ],
    hint: (
        "Obrazek, który pokazuje myśl tej części. Plik (do 100 KiB) kładzie się obok bundle.json; puste pola oznaczają brak obrazka.",
        "A picture that shows this part's idea. The file (up to 100 KiB) goes beside bundle.json; empty fields mean no picture.",
    ),
};

const LICENCE: Group = Group {
    parts: &[
        (
            &["licence", "pl"],
            "Nazwa licencji, np. CC BY 4.0 (po polsku)",
            "The licence's name, e.g. CC BY 4.0 (in Polish)",
        ),
        (
            &["licence", "en"],
            "Nazwa licencji (po angielsku)",
            "The licence's name (in English)",
        ),
        (
            &["licence_url"],
            "Adres tekstu licencji (http/https)",
            "Address of the licence's text (http/https)",
        ),
    ],
    hint: (
        "Na jakich warunkach wolno ponownie wykorzystać dane z folderu dane/. Puste pola oznaczają, że licencji nie podano.",
        "On what terms the data in the dane/ folder may be reused. Empty fields mean no licence is given.",
    ),
};

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
        s("logo", "Logo", "Logo", Kind::Group(&LOGO)),
        s(
            "address",
            "Adres siedziby",
            "Seat address",
            Kind::Group(&ADDRESS),
        ),
        s(
            "same_as",
            "Strony organizacji w innych serwisach (http/https: strona główna, BIP)",
            "The organisation's pages elsewhere (http/https: main site, BIP)",
            Kind::StrList,
        ),
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
        s(
            "results",
            "Rezultaty projektu (co osiągnął lub ma osiągnąć, jak mówi źródło)",
            "Project results (what it achieved or is to achieve, as the source says)",
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
        s(
            "contract_number",
            "Numer umowy o dofinansowanie (jak na umowie)",
            "Funding agreement number (as written on it)",
            Kind::OptStr,
        ),
        s(
            "kohesio_id",
            "Identyfikator w Kohesio (Q i cyfry, np. Q2698716)",
            "Kohesio id (Q and digits, e.g. Q2698716)",
            Kind::OptStr,
        ),
        s(
            "eu_visibility",
            "Pasek logotypów UE",
            "EU logo strip",
            Kind::Group(&STRIP),
        ),
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
        s("published", "Data publikacji", "Published", Kind::Day),
        s(
            "updated",
            "Data ostatniej istotnej aktualizacji",
            "Last significant update",
            Kind::Day,
        ),
        s("status", "Zgodność", "Compliance", Kind::OptChoice(STATUS)),
        s(
            "non_accessible",
            "Niezgodność z załącznikiem (treści niedostępne)",
            "Non-compliance with the annex (content not accessible)",
            Kind::TextList,
        ),
        s(
            "exemptions",
            "Treści nieobjęte przepisami (wyłączenia z ustawy)",
            "Content outside the act's scope (exemptions)",
            Kind::TextList,
        ),
        s(
            "burden",
            "Nadmierne koszty: wynik analizy (tylko gdy się na nie powołujesz)",
            "Disproportionate burden: the analysis (only if you rely on it)",
            OPT_LONG,
        ),
        s(
            "prepared",
            "Data sporządzenia deklaracji",
            "Declaration prepared",
            Kind::Day,
        ),
        s("method", "Sposób oceny", "How it was assessed", OPT_LONG),
        s(
            "reviewed",
            "Data przeglądu deklaracji",
            "Declaration reviewed",
            Kind::Day,
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
        s(
            "scope",
            "Zakres deklaracji, jeśli trzeba więcej niż „strona internetowa”",
            "Scope of the statement, if more than \"the website\" is needed",
            OPT_LONG,
        ),
        s(
            "communication",
            "Dostępność komunikacyjno-informacyjna (tłumacz języka migowego, pętla indukcyjna, kontakt dla osób głuchych)",
            "Communication accessibility (sign-language interpreter, induction loop, contact for deaf people)",
            OPT_LONG,
        ),
        s(
            "applications",
            "Aplikacje mobilne (puste, jeśli ich nie ma)",
            "Mobile applications (empty if there are none)",
            OPT_LONG,
        ),
    ],
};

/// The easy-to-read text's sections: `easy_read` holds them, and is null
/// when the last one is deleted.
pub const EASY_READ: Section = Section {
    key: "easy_read.sections",
    name: 7,
    list: true,
    title: "heading",
    fields: &[
        s("heading", "Nagłówek części", "Section heading", TEXT),
        s(
            "paragraphs",
            "Akapit (jedna myśl, krótkie zdania)",
            "Paragraph (one idea, short sentences)",
            Kind::TextList,
        ),
        s("picture", "Obrazek", "Picture", Kind::Group(&PICTURE)),
    ],
};

/// The words the easy-to-read text must explain where they first come up,
/// beside its sections in `easy_read` (the validator warns at the first
/// paragraph that uses one without saying what it is).
pub const EASY_READ_TERMS: Section = Section {
    key: "easy_read",
    name: 12,
    list: false,
    title: "terms",
    fields: &[s(
        "terms",
        "Słowo do wyjaśnienia (np. „gmina”: tekst łatwy musi powiedzieć, co to jest, tam, gdzie pojawia się pierwszy raz)",
        "Word to explain (e.g. \"municipality\": the easy-to-read text must say what it is where it first comes up)",
        Kind::TextList,
    )],
};

/// The sign-language videos: `sign_language` holds them, and is null when
/// the last one is deleted.
pub const SIGN_LANGUAGE: Section = Section {
    key: "sign_language.videos",
    name: 8,
    list: true,
    title: "title",
    fields: &[
        s("title", "Tytuł filmu", "Video title", TEXT),
        s(
            "file",
            "Plik filmu (.webm albo .mp4, obok bundle.json)",
            "Video file (.webm or .mp4, beside bundle.json)",
            Kind::Str,
        ),
        s(
            "captions.pl",
            "Plik napisów po polsku (.vtt)",
            "Polish captions file (.vtt)",
            Kind::Str,
        ),
        s(
            "captions.en",
            "Plik napisów po angielsku (.vtt; puste – brak)",
            "English captions file (.vtt; empty for none)",
            Kind::OptStr,
        ),
        s(
            "poster",
            "Kadr przed odtworzeniem (.svg albo .png; puste – brak)",
            "Poster shown before playing (.svg or .png; empty for none)",
            Kind::OptStr,
        ),
        s(
            "transcript",
            "Tekst tego, co jest migane",
            "Transcript of what is signed",
            LONG,
        ),
    ],
};

/// The open-data licence: one group, the whole of `open_data`.
pub const OPEN_DATA: Section = Section {
    key: "open_data",
    name: 9,
    list: false,
    title: "licence",
    fields: &[s(
        "",
        "Licencja otwartych danych",
        "Open data licence",
        Kind::Group(&LICENCE),
    )],
};

/// How to reach the organisation: every part optional.
pub const CONTACT: Section = Section {
    key: "contact",
    name: 10,
    list: false,
    title: "phone",
    fields: &[
        s("phone", "Telefon", "Phone", Kind::OptStr),
        s("email", "E-mail", "E-mail", Kind::OptStr),
        s(
            "epuap",
            "Skrytka ePUAP (np. /ROPSKrakow/SkrytkaESP)",
            "ePUAP inbox (e.g. /ROPSKrakow/SkrytkaESP)",
            Kind::OptStr,
        ),
        s(
            "office_hours",
            "Godziny pracy",
            "Office hours",
            Kind::OptText { long: false },
        ),
        s(
            "bip_url",
            "Adres Biuletynu Informacji Publicznej (BIP)",
            "Public information bulletin (BIP) address",
            Kind::OptStr,
        ),
        s(
            "deaf",
            "Kontakt dla osób głuchych (SMS, e-mail, wideo z tłumaczem)",
            "Contact for Deaf people (text message, e-mail, video with an interpreter)",
            OPT_LONG,
        ),
    ],
};

/// The privacy clause (GDPR art. 13): every part optional.
pub const PRIVACY: Section = Section {
    key: "privacy",
    name: 11,
    list: false,
    title: "controller",
    fields: &[
        s(
            "controller",
            "Administrator danych osobowych (nazwa i adres)",
            "Controller of the personal data (name and address)",
            OPT_LONG,
        ),
        s(
            "dpo",
            "Kontakt z inspektorem ochrony danych (e-mail, adres)",
            "Data protection officer's contact (e-mail, address)",
            OPT_LONG,
        ),
        s(
            "purposes",
            "Cele i podstawy prawne przetwarzania (np. art. 6 ust. 1 lit. e RODO)",
            "Purposes and legal bases of processing (e.g. GDPR art. 6(1)(e))",
            OPT_LONG,
        ),
        s(
            "log_retention",
            "Jak długo serwer przechowuje dzienniki i kto je otrzymuje",
            "How long the server keeps its logs, and who receives them",
            OPT_LONG,
        ),
    ],
};

/// The order of the form, events and projects first: what changes most.
pub const SECTIONS: [Section; 13] = [
    EVENTS,
    PROJECTS,
    ORGANISATION,
    CONTACT,
    PRIVACY,
    SOURCES,
    ERAS,
    FIGURES,
    ACCESSIBILITY,
    EASY_READ,
    // After EASY_READ: a fault at `easy_read` as a whole is the text's.
    EASY_READ_TERMS,
    SIGN_LANGUAGE,
    OPEN_DATA,
];

impl Section {
    /// The section's place in the draft (`easy_read.sections`: the list).
    pub fn path(&self) -> Path {
        Path::root().keys(self.key)
    }

    /// The section's name in `data-testid`s: its key's first step (the
    /// words to explain, the one section beside another in the same
    /// object, have their own).
    pub fn testid(&self) -> &'static str {
        match self.key {
            "easy_read" => "easy_read_terms",
            k => k.split('.').next().unwrap_or(k),
        }
    }

    /// Whether its items have an id (made from the title while new).
    pub fn has_ids(&self) -> bool {
        self.fields.iter().any(|f| matches!(f.kind, Kind::Id))
    }

    /// How many steps of a fault's path the section's key takes, if the
    /// path is at or below it.
    fn depth_in(&self, segs: &[Segment]) -> Option<usize> {
        let keys: Vec<&str> = self.key.split('.').collect();
        let below = keys.len() <= segs.len()
            && keys
                .iter()
                .zip(segs)
                .all(|(k, s)| matches!(s, Segment::Key(x) if x == k));
        below.then_some(keys.len())
    }

    /// Whether the section lies within what a fault's path names, without
    /// being it (`$.easy_read` holds the list `easy_read.sections`): the
    /// fault is then the section's as a whole.
    fn lies_within(&self, segs: &[Segment]) -> bool {
        let keys: Vec<&str> = self.key.split('.').collect();
        !segs.is_empty()
            && segs.len() < keys.len()
            && keys
                .iter()
                .zip(segs)
                .all(|(k, s)| matches!(s, Segment::Key(x) if x == k))
    }
}

/// The section a fault's path is in, and how many steps its key takes.
fn section_at(segs: &[Segment]) -> Option<(&'static Section, usize)> {
    SECTIONS
        .iter()
        .find_map(|s| s.depth_in(segs).map(|d| (s, d)))
}

/// The keys of a spec as steps (none for the item itself).
fn spec_keys(spec: &Spec) -> Vec<&'static str> {
    spec.key.split('.').filter(|k| !k.is_empty()).collect()
}

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
        // One empty paragraph: a section is there to say something.
        "easy_read.sections" => json!({
            "heading": {"pl": ""}, "paragraphs": [{"pl": ""}], "picture": null
        }),
        "sign_language.videos" => json!({
            "title": {"pl": ""}, "file": "", "captions": {"pl": ""}, "poster": null,
            "transcript": {"pl": ""}
        }),
        _ => json!({
            "id": "", "date": null, "kind": "project", "title": {"pl": ""},
            "description": {"pl": ""}, "project": null, "source": src
        }),
    }
}

/// Deletes item `i` of the list at `list`, every list of the form alike (a
/// section's items, a field's texts): a list held by an optional object
/// (the easy-to-read text's sections and words to explain, the videos)
/// that leaves the object with nothing takes the object with it, so that
/// no content and none given are one thing, as in the workbook.
pub fn delete_item(v: &mut Value, list: &Path, i: usize) {
    super::draft::remove_item(v, list, i);
    drop_empty_holder(v, list);
}

/// The optional objects that hold lists (and nothing that must be there):
/// left with nothing in them, they go.
const OPTIONAL_HOLDERS: [&str; 2] = ["easy_read", "sign_language"];

/// The holder of the list at `list`, if it is one of [`OPTIONAL_HOLDERS`]
/// and holds nothing any more, set to null.
fn drop_empty_holder(v: &mut Value, list: &Path) {
    let holder = Path(list.0[..list.0.len().saturating_sub(1)].to_vec());
    let optional = matches!(&holder.0[..], [Seg::Key(k)] if OPTIONAL_HOLDERS.contains(k));
    if optional && super::json_path::len_at(v, list) == 0 {
        // Unless the object holds more (the words to explain beside the
        // easy-to-read sections): then the validator asks for a section.
        let more = super::json_path::get(v, &holder)
            .and_then(Value::as_object)
            .is_some_and(|o| o.values().any(|x| !is_empty_value(x)));
        if !more {
            super::json_path::set(v, &holder, Value::Null);
        }
    }
}

/// Null, an empty list or an empty object.
fn is_empty_value(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
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
    if let Some(s) = SECTIONS.iter().find(|s| s.lies_within(segs)) {
        return s.path().dom_id();
    }
    let Some((section, depth)) = section_at(segs) else {
        return match first.as_str() {
            "content_date" => "f-content-date".into(),
            _ => "f".into(),
        };
    };
    let (item, rest) = if section.list {
        match segs.get(depth) {
            Some(Segment::Index(i)) => (section.path().index(*i), &segs[depth + 1..]),
            _ => return section.path().dom_id(),
        }
    } else {
        (section.path(), &segs[depth..])
    };
    for spec in section.fields {
        let keys = spec_keys(spec);
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
            (Kind::StrList, [Segment::Index(i), ..]) => format!("{}-{i}", field.dom_id()),
            (Kind::OptPair(pair), [Segment::Key(k), ..]) if pair.iter().any(|p| p.0 == k) => {
                format!("{}-{k}", field.dom_id())
            }
            (Kind::OptPair(pair), _) => format!("{}-{}", field.dom_id(), pair[0].0),
            (Kind::Group(g), tail) => part_path(&field, g.part_for(tail)).dom_id(),
            _ => field.dom_id(),
        };
    }
    // A fault at an object of several fields (`captions`): its first field.
    let within = section.fields.iter().find(|spec| {
        let keys = spec_keys(spec);
        !rest.is_empty()
            && rest.len() < keys.len()
            && keys
                .iter()
                .zip(rest)
                .all(|(k, s)| matches!(s, Segment::Key(x) if x == k))
    });
    if let Some(spec) = within {
        return item.keys(spec.key).dom_id();
    }
    match item.0.last() {
        Some(Seg::Index(_)) => item.dom_id(),
        _ => fault_dom_id(&JsonPath(segs[..depth].to_vec())),
    }
}

/// The place of one part of a group.
pub fn part_path(group: &Path, keys: &[&'static str]) -> Path {
    keys.iter().fold(group.clone(), |p, k| p.key(k))
}

/// Where a fault is, in the editor's words: the section, the item's
/// number and the field's label (`Wydarzenia › 3 › Data`).
pub fn place_of(path: &JsonPath, lang: Lang) -> String {
    let t = super::strings::ui(lang);
    let segs = &path.0;
    let mut out = vec![];
    if let Some(s) = SECTIONS.iter().find(|s| s.lies_within(segs)) {
        return t.sections[s.name].to_owned();
    }
    let Some((section, depth)) = section_at(segs) else {
        return match (segs.first(), lang) {
            (Some(Segment::Key(k)), Lang::Pl) if k == "content_date" => {
                "Treść według stanu na".into()
            }
            (Some(Segment::Key(k)), Lang::En | Lang::Uk) if k == "content_date" => {
                "Content as of".into()
            }
            (_, Lang::Pl) => "Treść".into(),
            (_, Lang::En | Lang::Uk) => "Content".into(),
        };
    };
    out.push(t.sections[section.name].to_owned());
    let mut rest = &segs[depth..];
    if section.list {
        if let Some(Segment::Index(i)) = rest.first() {
            out.push(format!("{}", i + 1));
            rest = &rest[1..];
        }
    }
    let spec = section.fields.iter().find(|spec| {
        let keys = spec_keys(spec);
        keys.len() <= rest.len()
            && keys
                .iter()
                .zip(rest)
                .all(|(k, s)| matches!(s, Segment::Key(x) if x == k))
    });
    if let Some(spec) = spec {
        out.push(match lang {
            Lang::Pl => spec.pl.to_owned(),
            Lang::En | Lang::Uk => spec.en.to_owned(),
        });
        if let Some(Segment::Key(l)) = rest.get(spec_keys(spec).len()) {
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
            // The fields of the law's three forms (#25).
            (
                vec![
                    k("easy_read"),
                    k("sections"),
                    I(0),
                    k("paragraphs"),
                    I(1),
                    k("pl"),
                ],
                "f-easy-read-sections-0-paragraphs-1-pl",
            ),
            (
                vec![k("easy_read"), k("sections"), I(2), k("heading"), k("en")],
                "f-easy-read-sections-2-heading-en",
            ),
            (
                vec![
                    k("easy_read"),
                    k("sections"),
                    I(0),
                    k("picture"),
                    k("alt"),
                    k("en"),
                ],
                "f-easy-read-sections-0-picture-alt-en",
            ),
            (
                vec![k("easy_read"), k("sections"), I(0), k("picture"), k("file")],
                "f-easy-read-sections-0-picture-file",
            ),
            (
                vec![k("easy_read"), k("sections"), I(1)],
                "f-easy-read-sections-1",
            ),
            (vec![k("easy_read")], "f-easy-read-sections"),
            (
                vec![k("easy_read"), k("terms"), I(7), k("en")],
                "f-easy-read-terms-7-en",
            ),
            (
                vec![k("easy_read"), k("terms"), I(2)],
                "f-easy-read-terms-2-pl",
            ),
            (
                vec![
                    k("sign_language"),
                    k("videos"),
                    I(0),
                    k("captions"),
                    k("en"),
                ],
                "f-sign-language-videos-0-captions-en",
            ),
            (
                vec![k("sign_language"), k("videos"), I(0), k("captions")],
                "f-sign-language-videos-0-captions-pl",
            ),
            (
                vec![k("sign_language"), k("videos"), I(1), k("file")],
                "f-sign-language-videos-1-file",
            ),
            (
                vec![k("sign_language"), k("videos"), I(1), k("poster")],
                "f-sign-language-videos-1-poster",
            ),
            (
                vec![
                    k("sign_language"),
                    k("videos"),
                    I(0),
                    k("transcript"),
                    k("pl"),
                ],
                "f-sign-language-videos-0-transcript-pl",
            ),
            (
                vec![k("projects"), I(2), k("kohesio_id")],
                "f-projects-2-kohesio-id",
            ),
            (
                vec![k("projects"), I(2), k("contract_number")],
                "f-projects-2-contract-number",
            ),
            (
                vec![
                    k("projects"),
                    I(1),
                    k("eu_visibility"),
                    k("strip"),
                    k("alt"),
                    k("en"),
                ],
                "f-projects-1-eu-visibility-strip-alt-en",
            ),
            (
                vec![
                    k("projects"),
                    I(1),
                    k("eu_visibility"),
                    k("strip"),
                    k("file"),
                ],
                "f-projects-1-eu-visibility-strip-file",
            ),
            (
                vec![k("organisation"), k("address"), k("postal_code")],
                "f-organisation-address-postal-code",
            ),
            (
                vec![k("organisation"), k("address")],
                "f-organisation-address-street",
            ),
            (
                vec![k("organisation"), k("same_as"), I(1)],
                "f-organisation-same-as-1",
            ),
            (
                vec![k("open_data"), k("licence_url")],
                "f-open-data-licence-url",
            ),
            (
                vec![k("open_data"), k("licence"), k("en")],
                "f-open-data-licence-en",
            ),
            (vec![k("open_data")], "f-open-data-licence-pl"),
            (
                vec![k("accessibility"), k("scope"), k("pl")],
                "f-accessibility-scope-pl",
            ),
            (
                vec![k("accessibility"), k("communication"), k("en")],
                "f-accessibility-communication-en",
            ),
            (
                vec![k("accessibility"), k("applications")],
                "f-accessibility-applications-pl",
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
    fn places_are_named_in_the_editors_words() {
        let path = p(&[
            k("easy_read"),
            k("sections"),
            Segment::Index(0),
            k("paragraphs"),
            Segment::Index(1),
            k("en"),
        ]);
        assert_eq!(
            place_of(&path, Lang::Pl),
            "Tekst łatwy do czytania › 1 › Akapit (jedna myśl, krótkie zdania)"
        );
        assert_eq!(
            place_of(&p(&[k("sign_language")]), Lang::En),
            "Sign language (PJM)"
        );
        assert_eq!(
            place_of(&p(&[k("open_data"), k("licence_url")]), Lang::En),
            "Open data › Open data licence"
        );
    }

    #[test]
    fn new_items_are_items_the_validator_reads() {
        use super::super::draft::{push_item, set};
        let mut v: Value =
            serde_json::from_str(include_str!("../../public/content/bundle.json")).unwrap();
        for section in SECTIONS.iter().filter(|s| s.list) {
            let mut item = new_item(section, Some("rops-o-nas"));
            if section.has_ids() {
                item["id"] = json!(format!("nowy-{}", section.testid()));
            }
            assert!(push_item(&mut v, &section.path(), item));
        }
        let c = super::super::draft::check(&v, Lang::Pl);
        // Shape is right: what remains are the empty texts and file names to fill in.
        let to_fill = |m: &str| m.contains("pusty") || m.starts_with("„” nie jest nazwą pliku");
        assert!(
            c.issues.iter().all(|i| i.warning || to_fill(&i.message)),
            "{:?}",
            c.issues
        );
        // Filled in, the new sections and videos are valid.
        let etr = EASY_READ.path();
        let n = super::super::draft::len_at(&v, &etr) - 1;
        let mut fill = |p: Path, s: &str| assert!(set(&mut v, &p, json!(s)), "{p:?}");
        fill(etr.index(n).keys("heading.pl"), "Nowa część");
        fill(etr.index(n).key("paragraphs").index(0).key("pl"), "Krótko.");
        let video = SIGN_LANGUAGE.path().index(0);
        fill(video.keys("title.pl"), "Film");
        fill(video.key("file"), "film.webm");
        fill(video.keys("captions.pl"), "film.vtt");
        fill(video.keys("transcript.pl"), "Tekst.");
        let c = super::super::draft::check(&v, Lang::Pl);
        let faults: Vec<_> = c.issues.iter().filter(|i| !i.warning).collect();
        assert!(
            faults.iter().all(|i| i.message.contains("pusty")
                && !i.field.starts_with("f-easy-read")
                && !i.field.starts_with("f-sign-language")),
            "{faults:?}"
        );
    }

    #[test]
    fn groups_start_whole_and_an_emptied_list_takes_its_holder() {
        assert_eq!(LOGO.skeleton(), json!({"file": "", "alt": {"pl": ""}}));
        assert_eq!(
            STRIP.skeleton(),
            json!({"strip": {"file": "", "alt": {"pl": ""}}})
        );
        assert_eq!(
            LICENCE.skeleton(),
            json!({"licence": {"pl": ""}, "licence_url": ""})
        );
        assert_eq!(
            ADDRESS.skeleton(),
            json!({"street": "", "postal_code": "", "locality": ""})
        );
        let mut v = json!({"easy_read": {"sections": [{"heading": {"pl": "a"}}, {"heading": {"pl": "b"}}]}});
        delete_item(&mut v, &EASY_READ.path(), 1);
        assert_eq!(v["easy_read"]["sections"].as_array().map(Vec::len), Some(1));
        delete_item(&mut v, &EASY_READ.path(), 0);
        assert_eq!(v, json!({"easy_read": null}));
        // A list that is a section of its own stays, empty.
        let mut v = json!({"events": [{"id": "a"}]});
        delete_item(&mut v, &EVENTS.path(), 0);
        assert_eq!(v, json!({"events": []}));
        // The words to explain keep the easy-to-read text (the validator
        // then asks for a section); the last of them with no section
        // takes it; a project's emptied list never takes its project.
        let terms = Path::root().key("easy_read").key("terms");
        let mut v = json!({"easy_read": {"sections": [{"heading": {"pl": "a"}}], "terms": [{"pl": "gmina"}]}});
        delete_item(&mut v, &EASY_READ.path(), 0);
        assert_eq!(v["easy_read"]["terms"][0]["pl"], "gmina");
        delete_item(&mut v, &terms, 0);
        assert_eq!(v, json!({"easy_read": null}));
        let activities = Path::root().key("projects").index(0).key("activities");
        let mut v = json!({"projects": [{"activities": [{"pl": "a"}]}]});
        delete_item(&mut v, &activities, 0);
        assert_eq!(v, json!({"projects": [{"activities": []}]}));
    }
}
