//! The bundle's fields, declared once (#33): every section and field
//! with its place in the JSON (its key), its kind (which says whether it
//! is translated: a `Text` is one string per bundle language), and the
//! labels and hints staff see in Polish and English. What follows from
//! this table rather than being written again beside it:
//!
//! - the validator's walk over the texts ([`texts`], run by `parse`:
//!   empty, too long, invisible characters, a missing translation);
//! - the editor's form (`src/editor/form.rs` draws each field by kind,
//!   one input per bundle language for a text) and where a fault is
//!   shown and named (`src/editor/specs.rs`);
//! - the editor's languages panel: a language's texts counted, added and
//!   removed ([`add_language`], [`remove_language`]);
//! - the staff's field reference, `docs/fields.md` (written by
//!   `cargo run -p rops-tools --bin field-reference -- --write`, checked
//!   current by a test).
//!
//! Nothing here draws or parses: it is data, so that the editor and the
//! validator read the same rows. The workbook keeps its own table of
//! columns (`crates/workbook/src/sheet/layout.rs`), not yet derived.

use crate::error::{JsonPath, Segment};
use crate::text::{Lang, Staff};
use serde_json::{json, Value};

/// Words for staff, in each of their languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub pl: &'static str,
    pub en: &'static str,
}

pub const fn w(pl: &'static str, en: &'static str) -> Words {
    Words { pl, en }
}

impl Words {
    pub fn get(self, staff: Staff) -> &'static str {
        match staff {
            Staff::Pl => self.pl,
            Staff::En => self.en,
        }
    }
}

/// A closed set: the value in the bundle, then its Polish and English label.
pub type Choices = &'static [(&'static str, &'static str, &'static str)];

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A text: one string per bundle language, the first required; `long`
    /// draws text areas.
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

impl Kind {
    /// Whether the field is a text, translated into each bundle language.
    pub fn is_text(self) -> bool {
        matches!(self, Kind::Text { .. } | Kind::OptText { .. })
    }
}

/// One input of a [`Group`]: its keys below the group, whether it is a
/// text (one input per bundle language), and its Polish and English label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    pub keys: &'static [&'static str],
    pub text: bool,
    pub pl: &'static str,
    pub en: &'static str,
}

const fn plain(keys: &'static [&'static str], pl: &'static str, en: &'static str) -> Part {
    Part {
        keys,
        text: false,
        pl,
        en,
    }
}

const fn text(keys: &'static [&'static str], pl: &'static str, en: &'static str) -> Part {
    Part {
        keys,
        text: true,
        pl,
        en,
    }
}

#[derive(Debug, PartialEq)]
pub struct Group {
    pub parts: &'static [Part],
    /// A hint below the caption (Polish, English): how to fill it in. The
    /// first part's input is described by it.
    pub hint: (&'static str, &'static str),
}

impl Part {
    pub fn label(&self, staff: Staff) -> &'static str {
        w(self.pl, self.en).get(staff)
    }
}

impl Group {
    /// The hint below the caption, in `staff`'s words.
    pub fn hint(&self, staff: Staff) -> &'static str {
        w(self.hint.0, self.hint.1).get(staff)
    }

    /// The value a group starts as when one of its parts is typed in:
    /// every part empty (a text in the default language only), so that the
    /// validator names what is missing at its field (a part left out would
    /// be a structure error of the whole object).
    pub fn skeleton(&self, default: Lang) -> Value {
        let mut v = json!({});
        for part in self.parts {
            let empty = if part.text {
                json!({ default.as_str(): "" })
            } else {
                json!("")
            };
            put(&mut v, part.keys, empty);
        }
        v
    }

    /// The part a fault below the group (`alt`, `alt.en`, `strip.file`)
    /// belongs to: the one sharing the most keys with it, the first on a tie.
    pub fn part_for(&self, tail: &[Segment]) -> &'static Part {
        let shared = |keys: &[&str]| {
            keys.iter()
                .zip(tail)
                .take_while(|(k, s)| matches!(s, Segment::Key(x) if x == *k))
                .count()
        };
        let mut best = &self.parts[0];
        for part in self.parts {
            if shared(part.keys) > shared(best.keys) {
                best = part;
            }
        }
        best
    }
}

/// Sets `keys` below `v` (an object) to `x`, making the objects between.
fn put(v: &mut Value, keys: &[&str], x: Value) {
    let Some((last, parents)) = keys.split_last() else {
        *v = x;
        return;
    };
    let mut at = v;
    for k in parents {
        if !at.get(*k).is_some_and(Value::is_object) {
            at[*k] = json!({});
        }
        at = &mut at[*k];
    }
    at[*last] = x;
}

pub const LOGO: Group = Group {
    parts: &[
        plain(&["file"], "Nazwa pliku (.svg albo .png)", "File name (.svg or .png)"),
        text(&["alt"], "Co przedstawia logo", "What the logo shows"),
    ],
    hint: (
        "Plik logo (do 100 KiB) kładzie się obok bundle.json przy publikacji; puste pola oznaczają brak logo.",
        "The logo file (up to 100 KiB) goes beside bundle.json when publishing; empty fields mean no logo.",
    ),
};

const ADDRESS: Group = Group {
    parts: &[
        plain(&["street"], "Ulica i numer", "Street and number"),
        plain(
            &["postal_code"],
            "Kod pocztowy (NN-NNN)",
            "Postal code (NN-NNN)",
        ),
        plain(&["locality"], "Miejscowość", "Locality"),
    ],
    hint: (
        "Adres siedziby, dla wyszukiwarek (dane strukturalne); puste pola oznaczają brak adresu.",
        "The seat's address, for search engines (structured data); empty fields mean no address.",
    ),
};

const STRIP: Group = Group {
    parts: &[
        plain(&["strip", "file"], "Plik paska logotypów (.svg albo .png)", "Logo strip file (.svg or .png)"),
        text(&["strip", "alt"], "Co przedstawia pasek", "What the strip shows"),
    ],
    hint: (
        "Pasek znaków (Fundusze Europejskie, barwy RP, województwo, UE), którego wymagają zasady promocji projektów unijnych. Plik (do 100 KiB) kładzie się obok bundle.json; puste pola oznaczają brak paska.",
        "The strip of marks (European Funds, Poland, the region, the EU) the EU's visibility rules require. The file (up to 100 KiB) goes beside bundle.json; empty fields mean no strip.",
    ),
};

const PICTURE: Group = Group {
    parts: &[
        plain(&["file"], "Plik obrazka (.svg albo .png)", "Picture file (.svg or .png)"),
        text(&["alt"], "Co przedstawia obrazek", "What the picture shows"),
    ],
    hint: (
        "Obrazek, który pokazuje myśl tej części. Plik (do 100 KiB) kładzie się obok bundle.json; puste pola oznaczają brak obrazka.",
        "A picture that shows this part's idea. The file (up to 100 KiB) goes beside bundle.json; empty fields mean no picture.",
    ),
};

const LICENCE: Group = Group {
    parts: &[
        text(&["licence"], "Nazwa licencji, np. CC BY 4.0", "The licence's name, e.g. CC BY 4.0"),
        plain(&["licence_url"], "Adres tekstu licencji (http/https)", "Address of the licence's text (http/https)"),
    ],
    hint: (
        "Na jakich warunkach wolno ponownie wykorzystać dane z folderu dane/. Puste pola oznaczają, że licencji nie podano.",
        "On what terms the data in the dane/ folder may be reused. Empty fields mean no licence is given.",
    ),
};

#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The field's key, dotted when nested (`embed_titles.timeline`).
    pub key: &'static str,
    pub pl: &'static str,
    pub en: &'static str,
    pub kind: Kind,
}

const fn s(key: &'static str, pl: &'static str, en: &'static str, kind: Kind) -> Field {
    Field { key, pl, en, kind }
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
    /// The section's name, shown to staff (the form's heading, the
    /// place of a fault).
    pub label: Words,
    pub list: bool,
    /// The field an item's heading and generated id come from.
    pub title: &'static str,
    pub fields: &'static [Field],
}

pub const ORGANISATION: Section = Section {
    key: "organisation",
    label: w("Organizacja", "Organisation"),
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
    label: w("Źródła", "Sources"),
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
    label: w("Okresy", "Eras"),
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
    label: w("Projekty", "Projects"),
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
    label: w("Wydarzenia", "Events"),
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
    label: w("Liczby", "Figures"),
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
    label: w("Deklaracja dostępności", "Accessibility statement"),
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
    label: w("Tekst łatwy do czytania", "Easy-to-read text"),
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
    label: w("Słowa do wyjaśnienia w tekście łatwym", "Words to explain in the easy-to-read text"),
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
    label: w("Język migowy (PJM)", "Sign language (PJM)"),
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
    label: w("Otwarte dane", "Open data"),
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
    label: w("Kontakt", "Contact"),
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
    label: w("Prywatność", "Privacy"),
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

impl Field {
    /// The field's keys below its item (none for the item itself).
    pub fn keys(&self) -> impl Iterator<Item = &'static str> {
        self.key.split('.').filter(|k| !k.is_empty())
    }

    pub fn label(&self, staff: Staff) -> &'static str {
        w(self.pl, self.en).get(staff)
    }
}

impl Section {
    /// The section's keys in the bundle (`easy_read.sections`: two).
    pub fn keys(&self) -> impl Iterator<Item = &'static str> {
        self.key.split('.').filter(|k| !k.is_empty())
    }

    /// The section's items in a bundle's JSON, each with its path: a list
    /// section's every item, an object section itself (if it is there).
    pub fn items<'v>(&self, bundle: &'v Value) -> Vec<(JsonPath, &'v Value)> {
        let mut path = JsonPath::default();
        let mut at = bundle;
        for k in self.keys() {
            match at.get(k) {
                Some(v) => at = v,
                None => return vec![],
            }
            path = path.key(k);
        }
        match at {
            Value::Array(items) if self.list => items
                .iter()
                .enumerate()
                .map(|(i, v)| (path.index(i), v))
                .collect(),
            Value::Object(_) if !self.list => vec![(path, at)],
            _ => vec![],
        }
    }
}

/// The value `keys` name below `v`, and its path.
fn below<'v>(
    v: &'v Value,
    path: &JsonPath,
    keys: impl IntoIterator<Item = &'static str>,
) -> Option<(JsonPath, &'v Value)> {
    let mut path = path.clone();
    let mut at = v;
    for k in keys {
        at = at.get(k)?;
        path = path.key(k);
    }
    Some((path, at))
}

/// Every text of a bundle's JSON as `sections` declare them: its path and
/// its value (an object, a string per language; what is not an object is
/// the model's to refuse). The validator checks each of these, the editor
/// counts and drops a language's strings through them: a field added to
/// the declaration is walked by both.
pub fn texts<'v>(sections: &[Section], bundle: &'v Value) -> Vec<(JsonPath, &'v Value)> {
    let mut out = vec![];
    let mut push = |p: JsonPath, v: &'v Value| {
        if v.is_object() {
            out.push((p, v));
        }
    };
    for section in sections {
        for (item_path, item) in section.items(bundle) {
            for field in section.fields {
                let Some((path, value)) = below(item, &item_path, field.keys()) else {
                    continue;
                };
                match field.kind {
                    Kind::Text { .. } | Kind::OptText { .. } => push(path, value),
                    Kind::TextList => {
                        for (i, t) in value.as_array().into_iter().flatten().enumerate() {
                            push(path.index(i), t);
                        }
                    }
                    Kind::Group(g) => {
                        for part in g.parts.iter().filter(|p| p.text) {
                            if let Some((p, t)) = below(value, &path, part.keys.iter().copied()) {
                                push(p, t);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

/// The languages a bundle's JSON declares (the tags this app knows, once
/// each, in order), else the languages of a bundle that declares none.
pub fn languages_of(bundle: &Value) -> Vec<Lang> {
    let mut out: Vec<Lang> = vec![];
    for l in bundle
        .get("languages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| Lang::exact(t.as_str()?))
    {
        if !out.contains(&l) {
            out.push(l);
        }
    }
    if out.is_empty() {
        out = Lang::UNDECLARED.to_vec();
    }
    out
}

/// How many texts of a bundle's JSON have a string in `lang`.
pub fn texts_in(bundle: &Value, lang: Lang) -> usize {
    texts(&SECTIONS, bundle)
        .iter()
        .filter(|(_, t)| t.get(lang.as_str()).is_some())
        .count()
}

/// Adds `lang` to the bundle's languages (after the others: the default
/// stays); its texts are then missing translations, each a warning.
/// Writing a list of languages makes the bundle format 3.
pub fn add_language(bundle: &mut Value, lang: Lang) {
    let mut langs = languages_of(bundle);
    if !langs.contains(&lang) {
        langs.push(lang);
    }
    set_languages(bundle, &langs);
}

/// Removes `lang` (not the default) from the bundle's languages and its
/// string from every text; how many strings were dropped.
pub fn remove_language(bundle: &mut Value, lang: Lang) -> usize {
    let langs = languages_of(bundle);
    if langs.first() == Some(&lang) {
        return 0;
    }
    let paths: Vec<JsonPath> = texts(&SECTIONS, bundle)
        .into_iter()
        .filter(|(_, t)| t.get(lang.as_str()).is_some())
        .map(|(p, _)| p)
        .collect();
    for p in &paths {
        if let Some(Value::Object(o)) = p.value_mut(bundle) {
            o.remove(lang.as_str());
        }
    }
    let rest: Vec<Lang> = langs.into_iter().filter(|l| *l != lang).collect();
    set_languages(bundle, &rest);
    paths.len()
}

fn set_languages(bundle: &mut Value, langs: &[Lang]) {
    if let Value::Object(o) = bundle {
        o.insert(
            "languages".into(),
            Value::from(langs.iter().map(|l| l.as_str()).collect::<Vec<_>>()),
        );
        if o.get("schema_version").and_then(Value::as_u64) < Some(3) {
            o.insert("schema_version".into(), Value::from(3));
        }
    }
}

/// The reference staff read (`docs/fields.md`): every section and field,
/// its place in the bundle, its labels and what it holds. Written by
/// `cargo run -p rops-tools --bin field-reference -- --write`; a test
/// fails while the committed file differs.
pub fn reference() -> String {
    let mut out = String::from(
        "# The bundle's fields\n\n\
         Generated from the field declaration (`crates/content/src/fields.rs`) by\n\
         `cargo run -p rops-tools --bin field-reference -- --write`: do not edit by hand.\n\
         The editor's form shows these fields under these labels; a *text* has one\n\
         input (and one workbook column) per language of the bundle, the first\n\
         language required, the others counted as missing translations until given.\n",
    );
    for section in SECTIONS {
        out.push_str(&format!(
            "\n## {} / {}\n\n`{}`{}\n\n| Field | Pole (PL) | Label (EN) | Holds |\n|---|---|---|---|\n",
            section.label.pl,
            section.label.en,
            section.key,
            if section.list { ": a list, one item each" } else { "" },
        ));
        for f in section.fields {
            let key = if f.key.is_empty() {
                "(the section itself)"
            } else {
                f.key
            };
            out.push_str(&format!(
                "| `{key}` | {} | {} | {} |\n",
                cell(f.pl),
                cell(f.en),
                holds(f.kind)
            ));
        }
    }
    out
}

/// A table cell: a `|` would end it.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

fn holds(kind: Kind) -> String {
    let names = |c: Choices| {
        c.iter()
            .map(|(v, ..)| format!("`{v}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match kind {
        Kind::Text { .. } => "text, in every language".into(),
        Kind::OptText { .. } => "text, in every language, or none".into(),
        Kind::Str => "a string".into(),
        Kind::OptStr => "a string, or none".into(),
        Kind::Id => "an id (a–z, digits, hyphens)".into(),
        Kind::Date => "a date: year, month, day, a range or not given".into(),
        Kind::Day => "a day (YYYY-MM-DD) or not given".into(),
        Kind::Money => "an amount and its currency, or not given".into(),
        Kind::Choice(c) => format!("one of {}", names(c)),
        Kind::OptChoice(c) => format!("one of {}, or none", names(c)),
        Kind::Ref(list) => format!("the id of one of `{list}`"),
        Kind::OptRef(list) => format!("the id of one of `{list}`, or none"),
        Kind::Count => "a whole number".into(),
        Kind::TextList => "a list of texts, each in every language".into(),
        Kind::StrList => "a list of addresses".into(),
        Kind::OptPair(p) => format!("`{}` and `{}`, or none", p[0].0, p[1].0),
        Kind::Group(g) => {
            let parts: Vec<String> = g
                .parts
                .iter()
                .map(|p| {
                    let what = if p.text { "text" } else { "string" };
                    format!("`{}` ({what})", p.keys.join("."))
                })
                .collect();
            format!("{}; or none", parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn shipped() -> Value {
        serde_json::from_str(include_str!("../../../public/content/bundle.json")).unwrap()
    }

    #[test]
    fn the_declaration_walks_every_text_the_model_has() {
        for src in [
            include_str!("../../../public/content/bundle.json"),
            include_str!("../../../tests/fixtures/fictional/bundle.json"),
            include_str!("../../../tests/fixtures/bundle-schema-2.json"),
        ] {
            let mut b = crate::parse(src).unwrap();
            let json: Value = serde_json::from_str(src).unwrap();
            let walked = texts(&SECTIONS, &json);
            assert_eq!(walked.len(), b.texts_mut().len());
            // Each is a text: an object of strings by language tag.
            for (p, t) in &walked {
                let o = t.as_object().unwrap();
                assert!(o.keys().all(|k| Lang::exact(k).is_some()), "{p}: {t}");
            }
        }
    }

    #[test]
    fn a_language_is_added_and_removed_as_data() {
        let mut v = shipped();
        let n = texts(&SECTIONS, &v).len();
        assert_eq!(texts_in(&v, Lang::Uk), n);
        assert_eq!(remove_language(&mut v, Lang::Uk), n);
        assert_eq!(texts_in(&v, Lang::Uk), 0);
        assert_eq!(languages_of(&v), [Lang::Pl, Lang::En]);
        // The default is never removed; the bundle still reads.
        assert_eq!(remove_language(&mut v, Lang::Pl), 0);
        let b = crate::parse(&v.to_string()).unwrap();
        assert_eq!(b.languages(), [Lang::Pl, Lang::En]);
        assert!(crate::warnings(&b, &v.to_string())
            .iter()
            .all(|w| !matches!(w.kind, crate::FaultKind::Untranslated(_))));
        // Added back: every text lacks it, each a located warning.
        add_language(&mut v, Lang::Uk);
        let text = v.to_string();
        let b = crate::parse(&text).unwrap();
        let missing = crate::warnings(&b, &text)
            .into_iter()
            .filter(|w| w.kind == crate::FaultKind::Untranslated(Lang::Uk))
            .count();
        assert_eq!(missing, n);
        // A format 2 bundle gains its list and moves to format 3.
        let mut old: Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/bundle-schema-2.json"))
                .unwrap();
        add_language(&mut old, Lang::Uk);
        assert_eq!(old["languages"], serde_json::json!(["pl", "en", "uk"]));
        assert_eq!(old["schema_version"], 3);
        assert!(crate::parse(&old.to_string()).is_ok());
    }

    /// A field that only this test declares: the walk finds it, and the
    /// validator's text rules apply to it, with nothing else written.
    #[test]
    fn a_field_added_to_a_declaration_is_walked_and_checked() {
        const MOTTO: Section = Section {
            key: "organisation",
            label: w("Organizacja", "Organisation"),
            list: false,
            title: "motto",
            fields: &[
                s("motto", "Motto", "Motto", TEXT),
                s("mottos", "Motta", "Mottos", Kind::TextList),
            ],
        };
        let v = json!({"organisation": {
            "motto": {"pl": " ", "en": "Together"},
            "mottos": [{"pl": "Razem"}]
        }});
        let walked: Vec<String> = texts(&[MOTTO], &v)
            .iter()
            .map(|(p, _)| p.to_string())
            .collect();
        assert_eq!(walked, ["$.organisation.motto", "$.organisation.mottos[0]"]);
        let (faults, missing) =
            crate::parse::text_faults(&[MOTTO], &v, &[Lang::Pl, Lang::En, Lang::Uk]);
        let at = |v: &[(JsonPath, crate::FaultKind)]| {
            v.iter()
                .map(|(p, k)| format!("{p} {k:?}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(at(&faults), ["$.organisation.motto.pl EmptyText"]);
        assert_eq!(
            at(&missing),
            [
                "$.organisation.motto.uk Untranslated(Uk)",
                "$.organisation.mottos[0].en Untranslated(En)",
                "$.organisation.mottos[0].uk Untranslated(Uk)",
            ]
        );
        // Not in the shipped declaration, so not walked there.
        assert!(texts(&SECTIONS, &v)
            .iter()
            .all(|(p, _)| !p.to_string().contains("motto")));
    }

    #[test]
    fn the_field_reference_is_current() {
        assert!(
            include_str!("../../../docs/fields.md") == reference(),
            "docs/fields.md is stale (a field or label changed): run `cargo run -p rops-tools --bin field-reference -- --write`"
        );
    }

    #[test]
    fn groups_start_whole_in_the_default_language() {
        assert_eq!(
            LOGO.skeleton(Lang::Pl),
            json!({"file": "", "alt": {"pl": ""}})
        );
        assert_eq!(
            STRIP.skeleton(Lang::En),
            json!({"strip": {"file": "", "alt": {"en": ""}}})
        );
        assert_eq!(
            LICENCE.skeleton(Lang::Pl),
            json!({"licence": {"pl": ""}, "licence_url": ""})
        );
        assert_eq!(
            ADDRESS.skeleton(Lang::Pl),
            json!({"street": "", "postal_code": "", "locality": ""})
        );
    }
}
