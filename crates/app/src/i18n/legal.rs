//! What the law asks a public body's pages to say, in both languages: the
//! three forms of art. 6 pkt 3 lit. c of the 2019 accessibility act (easy
//! to read, Polish Sign Language, machine-readable text), the 2024
//! declaration template's headings, and the EU's funding statements. Kept
//! apart from the general UI strings: each has a legal source, and the
//! template's headings must read exactly as it writes them.

use crate::content::{EuWording, Fund, Lang};

pub struct Legal {
    /// The footer's links (and the pages' headings).
    pub etr_title: &'static str,
    pub pjm_title: &'static str,
    pub text_file: &'static str,
    /// Where the law's three forms are, for the footer's group.
    pub forms_label: &'static str,
    pub etr_missing: &'static str,
    pub pjm_missing: &'static str,
    /// Before the contact, on a page whose content is being prepared.
    pub ask_meanwhile: &'static str,
    pub ask_in_declaration: &'static str,
    pub transcript: &'static str,
    pub video_fallback: &'static str,
    /// A caption track's label, in the track's own language.
    pub captions_label: &'static str,
    pub etr_description: &'static str,
    pub pjm_description: &'static str,
    // The 2024 declaration template (version 2.0).
    pub scope_label: &'static str,
    pub shortcuts_title: &'static str,
    pub shortcuts: [&'static str; 4],
    pub procedure_title: &'static str,
    pub other_title: &'static str,
    pub architecture_title: &'static str,
    pub communication_title: &'static str,
    pub applications_title: &'static str,
    // The EU's visibility rules.
    pub eu: &'static str,
    pub eu_funded_2021: &'static str,
    pub eu_cofinanced: &'static str,
    pub no_strip: &'static str,
    pub contract_number: &'static str,
    pub kohesio: &'static str,
    pub open_data_title: &'static str,
    pub open_data_intro: &'static str,
    pub open_projects: &'static str,
    pub open_events: &'static str,
    pub open_dataset: &'static str,
    pub licence: &'static str,
}

const PL: Legal = Legal {
    etr_title: "Tekst łatwy do czytania",
    pjm_title: "Informacje w polskim języku migowym",
    text_file: "Informacje w postaci tekstu odczytywalnego maszynowo",
    forms_label: "Dostępne formy informacji i dane otwarte",
    etr_missing: "Informacje o nas w tekście łatwym do czytania są w przygotowaniu.",
    pjm_missing: "Nagranie z informacjami o nas w polskim języku migowym jest w przygotowaniu.",
    ask_meanwhile: "Do tego czasu odpowiemy na pytania. Dane kontaktowe:",
    ask_in_declaration: "Jak zażądać informacji w innej formie, opisuje deklaracja dostępności",
    transcript: "Tekst nagrania",
    video_fallback: "Ta przeglądarka nie odtwarza nagrania. Możesz pobrać plik:",
    captions_label: "polski",
    etr_description: "Informacje o nas w tekście łatwym do czytania",
    pjm_description: "Informacje o nas w polskim języku migowym, z napisami i tekstem nagrania",
    scope_label: "Zakres deklaracji",
    shortcuts_title: "Skróty klawiszowe",
    shortcuts: [
        "Własne skróty klawiszowe działają tylko na osi czasu i na stronie wydarzenia (poniżej) i nie zastępują skrótów przeglądarki ani czytnika ekranu, które działają wszędzie.",
        "Na liście wydarzeń osi czasu strzałki przenoszą do poprzedniego lub następnego wydarzenia, a Home i End do pierwszego i ostatniego.",
        "Na przeglądzie osi czasu strzałki przenoszą między elementami, a Enter otwiera wybrany.",
        "Na stronie wydarzenia klawisz Escape wraca do osi czasu.",
    ],
    procedure_title: "Obsługa wniosków i skarg związanych z dostępnością",
    other_title: "Pozostałe informacje",
    architecture_title: "Dostępność architektoniczna",
    communication_title: "Dostępność komunikacyjno-informacyjna",
    applications_title: "Aplikacje mobilne",
    eu: "Unia Europejska",
    eu_funded_2021: "Dofinansowane przez Unię Europejską",
    eu_cofinanced: "Projekt współfinansowany przez Unię Europejską",
    no_strip: "Pasek logotypów programu nie został jeszcze dodany do treści.",
    contract_number: "Numer umowy",
    kohesio: "Ten projekt w bazie Kohesio (serwis Komisji Europejskiej)",
    open_data_title: "Dane otwarte",
    open_data_intro: "Dane o projektach i wydarzeniach do ponownego wykorzystania, w plikach CSV (UTF-8, średnik) z opisem zbioru.",
    open_projects: "Projekty (CSV)",
    open_events: "Wydarzenia (CSV)",
    open_dataset: "Opis zbioru danych (JSON-LD, DCAT)",
    licence: "Licencja",
};

const EN: Legal = Legal {
    etr_title: "Easy-to-read information",
    pjm_title: "Information in Polish Sign Language",
    text_file: "Information as machine-readable text",
    forms_label: "Accessible forms of information and open data",
    etr_missing: "Easy-to-read information about us is being prepared.",
    pjm_missing: "A recording about us in Polish Sign Language is being prepared.",
    ask_meanwhile: "Until then, we will answer your questions. Contact:",
    ask_in_declaration: "How to ask for the information in another form is described in the accessibility statement",
    transcript: "Text of the recording",
    video_fallback: "This browser cannot play the recording. You can download the file:",
    captions_label: "English",
    etr_description: "Information about us in easy-to-read language",
    pjm_description: "Information about us in Polish Sign Language, with captions and a transcript",
    scope_label: "Scope of this statement",
    shortcuts_title: "Keyboard shortcuts",
    shortcuts: [
        "The site's own shortcuts work only on the timeline and on an event's page (below), and replace none of the browser's or screen reader's shortcuts, which work everywhere.",
        "In the timeline's list of events, the arrow keys move to the previous or next event, and Home and End to the first and last.",
        "In the timeline's overview, the arrow keys move between items, and Enter opens the one chosen.",
        "On an event's page, Escape goes back to the timeline.",
    ],
    procedure_title: "Handling requests and complaints concerning accessibility",
    other_title: "Other information",
    architecture_title: "Architectural accessibility",
    communication_title: "Communication and information accessibility",
    applications_title: "Mobile applications",
    eu: "European Union",
    eu_funded_2021: "Co-funded by the European Union",
    eu_cofinanced: "Project co-financed by the European Union",
    no_strip: "The programme's logo strip is not in the content yet.",
    contract_number: "Contract number",
    kohesio: "This project in Kohesio (a European Commission website)",
    open_data_title: "Open data",
    open_data_intro: "The projects and events as reusable data, in CSV files (UTF-8, semicolon-separated) with a description of the dataset.",
    open_projects: "Projects (CSV)",
    open_events: "Events (CSV)",
    open_dataset: "Dataset description (JSON-LD, DCAT)",
    licence: "Licence",
};

pub fn legal(lang: Lang) -> &'static Legal {
    match lang {
        Lang::Pl => &PL,
        Lang::En => &EN,
    }
}

/// The funding statement a project's period calls for, with the fund's
/// name where the rules of 2014–2020 and before ask for it ("…ze środków
/// Europejskiego Funduszu Społecznego").
pub fn eu_statement(wording: EuWording, fund: Option<Fund>, lang: Lang) -> String {
    let l = legal(lang);
    match (wording, fund, lang) {
        (EuWording::Funded2021, _, _) => l.eu_funded_2021.to_owned(),
        (EuWording::CoFinanced, None, _) => l.eu_cofinanced.to_owned(),
        (EuWording::CoFinanced, Some(Fund::Efs), Lang::Pl) => {
            format!(
                "{} ze środków Europejskiego Funduszu Społecznego",
                l.eu_cofinanced
            )
        }
        (EuWording::CoFinanced, Some(Fund::Efs), Lang::En) => {
            format!("{} from the European Social Fund", l.eu_cofinanced)
        }
    }
}

/// The template's headings of the declaration (version 2.0 of 31 July
/// 2024), in order, with the ids it gives them: a native test reads the
/// rendered declaration against this list.
pub const DECLARATION_HEADINGS: [[(&str, &str, Option<&str>); 9]; 2] =
    [DECLARATION_HEADINGS_PL, DECLARATION_HEADINGS_EN];

const DECLARATION_HEADINGS_PL: [(&str, &str, Option<&str>); 9] = [
    ("h2", "Stan dostępności cyfrowej", Some("a11y-status")),
    (
        "h2",
        "Przygotowanie deklaracji dostępności",
        Some("a11y-przygotowanie"),
    ),
    ("h2", "Skróty klawiszowe", None),
    (
        "h2",
        "Informacje zwrotne i dane kontaktowe",
        Some("a11y-kontakt"),
    ),
    (
        "h2",
        "Obsługa wniosków i skarg związanych z dostępnością",
        Some("a11y-procedura"),
    ),
    ("h2", "Pozostałe informacje", None),
    (
        "h3",
        "Dostępność architektoniczna",
        Some("a11y-architektura"),
    ),
    (
        "h3",
        "Dostępność komunikacyjno-informacyjna",
        Some("a11y-komunikacja"),
    ),
    ("h3", "Aplikacje mobilne", Some("a11y-aplikacje")),
];

/// The same headings in the English declaration (our translation).
const DECLARATION_HEADINGS_EN: [(&str, &str, Option<&str>); 9] = [
    ("h2", "Compliance status", Some("a11y-status")),
    (
        "h2",
        "Preparation of this statement",
        Some("a11y-przygotowanie"),
    ),
    ("h2", "Keyboard shortcuts", None),
    (
        "h2",
        "Feedback and contact information",
        Some("a11y-kontakt"),
    ),
    (
        "h2",
        "Handling requests and complaints concerning accessibility",
        Some("a11y-procedura"),
    ),
    ("h2", "Other information", None),
    (
        "h3",
        "Architectural accessibility",
        Some("a11y-architektura"),
    ),
    (
        "h3",
        "Communication and information accessibility",
        Some("a11y-komunikacja"),
    ),
    ("h3", "Mobile applications", Some("a11y-aplikacje")),
];

/// The ids the template requires on elements of every declaration
/// (`a11y-aplikacje` is optional in version 2.0: only with applications).
pub const DECLARATION_IDS: [&str; 18] = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-zakres",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-przygotowanie",
    "a11y-data-sporzadzenie",
    "a11y-data-przeglad",
    "a11y-ocena",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-komunikacja",
];
