//! Every UI string, in both languages, checked by the compiler: a missing
//! translation is a missing struct field, not a runtime surprise.

use crate::content::Lang;

pub struct Ui {
    pub org_name: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_about: &'static str,
    pub nav_timeline: &'static str,
    pub nav_funding: &'static str,
    pub switch_language: &'static str,
    pub switch_language_label: &'static str,
    pub footer_source: &'static str,
    pub loading: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,
    pub about_title: &'static str,
    pub legal_basis: &'static str,
    pub projects: &'static str,
    pub impact: &'static str,
    pub awards: &'static str,
    pub timeline_title: &'static str,
    pub undated: &'static str,
    pub funding_title: &'static str,
    pub value: &'static str,
    pub eu_contribution: &'static str,
    pub eu_share: &'static str,
    pub remainder: &'static str,
    pub not_given: &'static str,
    pub programme: &'static str,
    pub measure: &'static str,
    pub period: &'static str,
    pub fund: &'static str,
    pub dates: &'static str,
    pub role: &'static str,
    pub source: &'static str,
    pub activities: &'static str,
    pub err_network: &'static str,
    pub err_network_help: &'static str,
    pub err_timeout: &'static str,
    pub err_http: &'static str,
    pub err_not_json: &'static str,
    pub err_invalid: &'static str,
    pub err_too_large: &'static str,
    pub err_help_editor: &'static str,
    pub err_details: &'static str,
    pub retry: &'static str,
    pub retrying: &'static str,
}

pub const PL: Ui = Ui {
    org_name: "Regionalny Ośrodek Polityki Społecznej w Krakowie",
    skip_to_content: "Przejdź do treści",
    nav_label: "Główna nawigacja",
    nav_about: "O nas",
    nav_timeline: "Oś czasu",
    nav_funding: "Finansowanie",
    switch_language: "English",
    switch_language_label: "Switch to English",
    footer_source: "Źródło informacji: tekst „O nas” Regionalnego Ośrodka Polityki Społecznej w Krakowie.",
    loading: "Wczytywanie treści…",
    not_found_title: "Nie ma takiej strony",
    not_found_text: "Adres nie prowadzi do żadnej strony tej aplikacji. Mógł zostać źle wpisany albo strona została przeniesiona.",
    back_home: "Przejdź do strony „O nas”",
    about_title: "O nas",
    legal_basis: "Podstawa prawna",
    projects: "Projekty",
    impact: "Efekty w liczbach",
    awards: "Nagrody i wyróżnienia",
    timeline_title: "Oś czasu",
    undated: "Data nie podana w źródle",
    funding_title: "Finansowanie",
    value: "Wartość projektu",
    eu_contribution: "Dofinansowanie UE",
    eu_share: "Udział UE",
    remainder: "Pozostała część wartości",
    not_given: "nie podano w źródle",
    programme: "Program",
    measure: "Działanie / poddziałanie",
    period: "Okres programowania",
    fund: "Fundusz",
    dates: "Realizacja",
    role: "Rola ROPS",
    source: "Źródło",
    activities: "Działania opisane w źródle",
    err_network: "Brak połączenia z serwerem",
    err_network_help: "Nie udało się pobrać treści. Sprawdź połączenie z internetem i spróbuj ponownie.",
    err_timeout: "Serwer nie odpowiedział na czas",
    err_http: "Serwer odpowiedział błędem",
    err_not_json: "Plik treści jest uszkodzony",
    err_invalid: "Plik treści zawiera błędy",
    err_too_large: "Plik treści jest za duży",
    err_help_editor: "To błąd po stronie redakcji serwisu, nie Twojego urządzenia. Informacja dla redakcji:",
    err_details: "Szczegóły dla redakcji",
    retry: "Spróbuj ponownie",
    retrying: "Ponawiam…",
};

pub const EN: Ui = Ui {
    org_name: "Regional Social Policy Centre in Kraków",
    skip_to_content: "Skip to content",
    nav_label: "Main navigation",
    nav_about: "About",
    nav_timeline: "Timeline",
    nav_funding: "Funding",
    switch_language: "Polski",
    switch_language_label: "Przełącz na język polski",
    footer_source: "Source: the “About us” text of the Regional Social Policy Centre in Kraków.",
    loading: "Loading content…",
    not_found_title: "Page not found",
    not_found_text: "This address does not lead to any page of this app. It may have been mistyped, or the page has moved.",
    back_home: "Go to the About page",
    about_title: "About",
    legal_basis: "Legal basis",
    projects: "Projects",
    impact: "Impact in figures",
    awards: "Awards and distinctions",
    timeline_title: "Timeline",
    undated: "Date not given in the source",
    funding_title: "Funding",
    value: "Project value",
    eu_contribution: "EU contribution",
    eu_share: "EU share",
    remainder: "Remaining part of the value",
    not_given: "not given in the source",
    programme: "Programme",
    measure: "Measure / sub-measure",
    period: "Programming period",
    fund: "Fund",
    dates: "Implementation",
    role: "Role of ROPS",
    source: "Source",
    activities: "Activities described in the source",
    err_network: "No connection to the server",
    err_network_help: "The content could not be downloaded. Check your internet connection and try again.",
    err_timeout: "The server did not answer in time",
    err_http: "The server answered with an error",
    err_not_json: "The content file is damaged",
    err_invalid: "The content file contains errors",
    err_too_large: "The content file is too large",
    err_help_editor: "This is a fault on the site editors' side, not your device. For the editors:",
    err_details: "Details for the editors",
    retry: "Try again",
    retrying: "Retrying…",
};

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Pl => &PL,
        Lang::En => &EN,
    }
}

use crate::content::{EventKind, Fund, Role, Text};

pub fn kind_label(kind: EventKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (EventKind::Project, Lang::Pl) => "Projekt",
        (EventKind::Partnership, Lang::Pl) => "Partnerstwo",
        (EventKind::Policy, Lang::Pl) => "Polityka publiczna",
        (EventKind::Model, Lang::Pl) => "Model wsparcia",
        (EventKind::Award, Lang::Pl) => "Nagroda",
        (EventKind::Project, Lang::En) => "Project",
        (EventKind::Partnership, Lang::En) => "Partnership",
        (EventKind::Policy, Lang::En) => "Public policy",
        (EventKind::Model, Lang::En) => "Support model",
        (EventKind::Award, Lang::En) => "Award",
    }
}

pub fn role_label(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (Role::Leader, Lang::Pl) => "lider partnerstwa",
        (Role::Implementer, Lang::Pl) => "realizator",
        (Role::Partner, Lang::Pl) => "partner",
        (Role::Leader, Lang::En) => "partnership leader",
        (Role::Implementer, Lang::En) => "implementing body",
        (Role::Partner, Lang::En) => "partner",
    }
}

pub fn fund_label(fund: Fund, lang: Lang) -> &'static str {
    match (fund, lang) {
        (Fund::Efs, Lang::Pl) => "Europejski Fundusz Społeczny (EFS)",
        (Fund::Efs, Lang::En) => "European Social Fund (ESF)",
    }
}

/// `lang` attribute for a text shown in `lang`: set only when the text fell
/// back to Polish, so screen readers pronounce it as Polish.
pub fn fallback_lang(text: &Text, lang: Lang) -> Option<&'static str> {
    let shown = text.get(lang).lang;
    (shown != lang).then_some(shown.as_str())
}
