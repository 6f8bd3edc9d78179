//! The typed table of every UI string, one per language, checked by the
//! compiler: a missing translation is a missing struct field, not a runtime
//! surprise. Messages that take values are methods.

use crate::content::Lang;

pub struct Ui {
    /// The table's language, for the messages that take values.
    pub lang: Lang,
    /// "wydarzenie / wydarzenia / wydarzeń": the word for a count of events.
    pub event_forms: Forms,
    /// The same, undated: "wydarzenia bez daty", "undated events".
    pub undated_forms: Forms,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_about: &'static str,
    pub nav_timeline: &'static str,
    pub nav_funding: &'static str,
    /// The language list's name (its `nav` label): every bundle language
    /// is listed by its own name.
    pub switch_language: &'static str,
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
    pub filters: &'static str,
    pub filter_kind: &'static str,
    pub filter_era: &'static str,
    pub all_eras: &'static str,
    pub search: &'static str,
    pub only_project: &'static str,
    pub show_all_projects: &'static str,
    pub clear_filters: &'static str,
    pub no_results: &'static str,
    pub show_more: &'static str,
    pub outside_eras: &'static str,
    pub project: &'static str,
    pub back_to_timeline: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub event_not_found: &'static str,
    pub event_not_found_text: &'static str,
    pub kind: &'static str,
    pub era: &'static str,
    pub date: &'static str,
    pub see_funding: &'static str,
    pub see_events: &'static str,
    pub event_nav: &'static str,
    pub funding_intro: &'static str,
    pub summary_title: &'static str,
    pub summary_unknown: &'static str,
    pub table_title: &'static str,
    pub download_csv: &'static str,
    pub share_rounding: &'static str,
    pub value_not_given: &'static str,
    pub declaration_title: &'static str,
    pub editor_link: &'static str,
    pub being_completed: &'static str,
    pub declaration_incomplete: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    pub status_title: &'static str,
    pub status_full: &'static str,
    pub status_partial: &'static str,
    pub status_none: &'static str,
    pub non_accessible_title: &'static str,
    pub exemptions_title: &'static str,
    pub none_listed: &'static str,
    pub preparation_title: &'static str,
    pub prepared: &'static str,
    pub reviewed: &'static str,
    pub method_label: &'static str,
    pub automated_checks: &'static str,
    pub contact_title: &'static str,
    pub contact_person: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub procedure: [&'static str; 3],
    pub dark_theme: &'static str,
    pub offline: &'static str,
    pub from_device: &'static str,
    pub content_as_of: &'static str,
    pub update_rejected: &'static str,
    pub app_outdated: &'static str,
    pub boot_failed: &'static str,
    pub boot_failed_help: &'static str,
    pub app_outdated_help: &'static str,
    pub new_version: &'static str,
    pub reload: &'static str,
    pub install: &'static str,
    pub embed_title: &'static str,
    pub embed_intro: &'static str,
    pub embed_view: &'static str,
    pub embed_language: &'static str,
    pub embed_theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub embed_accent: &'static str,
    /// The accent option that adds nothing to the address: the site's own colour.
    pub accent_default: &'static str,
    pub embed_height: &'static str,
    pub embed_snippet: &'static str,
    pub embed_copy: &'static str,
    pub embed_copied: &'static str,
    pub embed_preview: &'static str,
    pub open_full_view: &'static str,
    /// Marks a figure the app derives ("(wyliczone: a − b)"); followed by the sum.
    pub computed: &'static str,
    /// Table column headings for the two derived columns.
    pub eu_share_computed: &'static str,
    pub remainder_computed: &'static str,
    /// What the derived columns are, under the table.
    pub computed_legend: &'static str,
    /// The chart's marker for a derived figure, and what it means.
    pub computed_marker: &'static str,
    pub computed_marker_legend: &'static str,
    /// Under the awards heading: the source names them as examples.
    pub awards_note: &'static str,
    /// Before the bundle's `content_date` on the about page.
    pub content_compiled: &'static str,
}

pub const PL: Ui = Ui {
    lang: Lang::Pl,
    event_forms: Forms {
        one: "wydarzenie",
        few: "wydarzenia",
        many: "wydarzeń",
        other: "wydarzenia",
    },
    undated_forms: Forms {
        one: "wydarzenie bez daty",
        few: "wydarzenia bez daty",
        many: "wydarzeń bez daty",
        other: "wydarzenia bez daty",
    },
    skip_to_content: "Przejdź do treści",
    nav_label: "Główna nawigacja",
    nav_about: "O nas",
    nav_timeline: "Oś czasu",
    nav_funding: "Finansowanie",
    switch_language: "Wersje językowe",
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
    filters: "Filtry",
    filter_kind: "Rodzaj wydarzenia",
    filter_era: "Okres",
    all_eras: "Wszystkie okresy",
    search: "Szukaj w tytułach i opisach",
    only_project: "Tylko wydarzenia projektu",
    show_all_projects: "Pokaż wszystkie",
    clear_filters: "Wyczyść filtry",
    no_results: "Żadne wydarzenie nie pasuje do wybranych filtrów.",
    show_more: "Pokaż kolejne wydarzenia",
    outside_eras: "Poza okresami programowania",
    project: "Projekt",
    back_to_timeline: "Wróć do osi czasu",
    previous: "Poprzednie",
    next: "Następne",
    event_not_found: "Nie ma takiego wydarzenia",
    event_not_found_text: "W treści serwisu nie ma wydarzenia o tym adresie.",
    kind: "Rodzaj",
    era: "Okres",
    date: "Data",
    see_funding: "Zobacz finansowanie projektu",
    see_events: "Wydarzenia projektu na osi czasu",
    event_nav: "Sąsiednie wydarzenia",
    funding_intro: "Wartość projektów i dofinansowanie z Unii Europejskiej, tak jak podaje je źródło. Kwoty, których źródło nie podaje, są oznaczone – nigdy nie są zastępowane zerem.",
    summary_title: "Podsumowanie",
    summary_unknown: "Projektów bez podanej wartości nie ma na wykresie; są w tabeli poniżej.",
    table_title: "Tabela danych",
    download_csv: "Pobierz tabelę (CSV)",
    share_rounding: "Udziały procentowe są liczone z dokładnych kwot i zaokrąglane raz, do 0,1 punktu procentowego; pełne procenty bez części dziesiętnej.",
    value_not_given: "Źródło nie podaje wartości tego projektu ani kwoty dofinansowania.",
    declaration_title: "Deklaracja dostępności",
    editor_link: "Edytor treści (dla redakcji)",
    being_completed: "informacja w trakcie uzupełniania",
    declaration_incomplete: "Część informacji w tej deklaracji jest jeszcze uzupełniana. Brakujące dane są oznaczone; nie zastępujemy ich przypuszczeniami.",
    published: "Data publikacji strony internetowej",
    updated: "Data ostatniej istotnej aktualizacji",
    status_title: "Stan dostępności cyfrowej",
    status_full: "Strona internetowa jest zgodna z załącznikiem do ustawy z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.",
    status_partial: "Strona internetowa jest częściowo zgodna z załącznikiem do ustawy z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności lub wyłączeń wymienionych poniżej.",
    status_none: "Strona internetowa jest niezgodna z załącznikiem do ustawy z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności lub wyłączeń wymienionych poniżej.",
    non_accessible_title: "Niezgodność z załącznikiem",
    exemptions_title: "Treści nieobjęte przepisami",
    none_listed: "Brak.",
    preparation_title: "Przygotowanie deklaracji dostępności",
    prepared: "Data sporządzenia deklaracji",
    reviewed: "Data ostatniego przeglądu deklaracji",
    method_label: "Sposób oceny dostępności",
    automated_checks: "Każda wersja aplikacji jest przed publikacją sprawdzana automatycznie (axe-core, kryteria WCAG 2.1 A i AA) na wszystkich stronach, we wszystkich wersjach językowych.",
    contact_title: "Informacje zwrotne i dane kontaktowe",
    contact_person: "Osoba kontaktowa",
    email: "Adres e-mail",
    phone: "Numer telefonu",
    procedure: [
        "Każdy ma prawo wystąpić do podmiotu publicznego z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jej elementu, a także zażądać udostępnienia informacji za pomocą alternatywnego sposobu dostępu. Żądanie powinno zawierać dane kontaktowe osoby je zgłaszającej, wskazanie strony lub elementu oraz sposób kontaktu, a w przypadku sposobu alternatywnego – dogodny dla niej sposób przedstawienia informacji.",
        "Podmiot publiczny realizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni od jego wystąpienia. Jeżeli dotrzymanie tego terminu nie jest możliwe, niezwłocznie informuje o tym, kiedy realizacja będzie możliwa, przy czym termin ten nie może być dłuższy niż 2 miesiące. Gdy zapewnienie dostępności nie jest możliwe, podmiot może zaproponować alternatywny sposób dostępu do informacji.",
        "W przypadku odmowy realizacji żądania lub alternatywnego sposobu dostępu można złożyć skargę do podmiotu publicznego.",
    ],
    dark_theme: "Ciemny motyw",
    offline: "Jesteś offline. Pokazujemy treść zapisaną na tym urządzeniu,",
    from_device: "Nie udało się pobrać aktualnej treści. Pokazujemy treść zapisaną na tym urządzeniu,",
    content_as_of: "stan na",
    update_rejected: "Nowa wersja treści zawiera błędy i nie została wczytana. Pokazujemy ostatnią poprawną treść,",
    app_outdated: "Ta wersja aplikacji jest nieaktualna",
    boot_failed: "Nie udało się uruchomić aplikacji",
    boot_failed_help: "Przeglądarka nie mogła wczytać programu tej strony. Odśwież stronę; jeśli to nie pomoże, spróbuj później lub użyj innej przeglądarki.",
    app_outdated_help: "Nowa treść wymaga nowszej wersji aplikacji. Odśwież stronę, aby ją pobrać.",
    new_version: "Dostępna jest nowa wersja aplikacji.",
    reload: "Odśwież",
    install: "Zainstaluj aplikację",
    embed_title: "Osadź na swojej stronie",
    embed_intro: "Wybierz widok i wygląd, skopiuj kod i wklej go na stronie portalu. Ramka sama dopasowuje wysokość do treści (skrypt embed.js), a bez skryptu pokazuje się z wysokością początkową.",
    embed_view: "Widok",
    embed_language: "Język",
    embed_theme: "Motyw",
    theme_auto: "jak w systemie",
    theme_light: "jasny",
    theme_dark: "ciemny",
    embed_accent: "Kolor akcentu",
    accent_default: "jak w serwisie",
    embed_height: "Wysokość początkowa (px)",
    embed_snippet: "Kod do wklejenia",
    embed_copy: "Kopiuj kod",
    embed_copied: "Skopiowano do schowka.",
    embed_preview: "Podgląd",
    open_full_view: "Otwórz pełny widok (nowa karta)",
    computed: "wyliczone",
    eu_share_computed: "Udział UE (wyliczony)",
    remainder_computed: "Pozostała część wartości (wyliczona)",
    computed_legend: "Źródło podaje wartość projektu i kwotę dofinansowania UE. Udział UE i pozostała część wartości nie pochodzą ze źródła: są z nich wyliczone (udział = dofinansowanie ÷ wartość, pozostała część = wartość − dofinansowanie).",
    computed_marker: "*",
    computed_marker_legend: "* wyliczone z wartości projektu i dofinansowania UE; źródło tych liczb nie podaje.",
    awards_note: "Wybrane nagrody: źródło podaje, że działania w zakresie ekonomii społecznej były „wielokrotnie nagradzane”, i wymienia poniższe jako przykłady („np.”).",
    content_compiled: "Treść opracowano:",
};

pub const EN: Ui = Ui {
    lang: Lang::En,
    event_forms: Forms {
        one: "event",
        few: "events",
        many: "events",
        other: "events",
    },
    undated_forms: Forms {
        one: "undated event",
        few: "undated events",
        many: "undated events",
        other: "undated events",
    },
    skip_to_content: "Skip to content",
    nav_label: "Main navigation",
    nav_about: "About",
    nav_timeline: "Timeline",
    nav_funding: "Funding",
    switch_language: "Language versions",
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
    filters: "Filters",
    filter_kind: "Kind of event",
    filter_era: "Period",
    all_eras: "All periods",
    search: "Search titles and descriptions",
    only_project: "Only events of the project",
    show_all_projects: "Show all",
    clear_filters: "Clear filters",
    no_results: "No event matches the chosen filters.",
    show_more: "Show more events",
    outside_eras: "Outside the programme periods",
    project: "Project",
    back_to_timeline: "Back to the timeline",
    previous: "Previous",
    next: "Next",
    event_not_found: "No such event",
    event_not_found_text: "The content has no event at this address.",
    kind: "Kind",
    era: "Period",
    date: "Date",
    see_funding: "See the project's funding",
    see_events: "The project's events on the timeline",
    event_nav: "Neighbouring events",
    funding_intro: "Project values and EU co-financing as the source gives them. Amounts the source does not give are marked as such, never replaced by zero.",
    summary_title: "Summary",
    summary_unknown: "Projects whose value is not given are not drawn; they are in the table below.",
    table_title: "Data table",
    download_csv: "Download the table (CSV)",
    share_rounding: "Percentages are computed from the exact amounts and rounded once, to 0.1 percentage point; whole percentages are shown without decimals.",
    value_not_given: "The source gives neither this project's value nor its co-financing.",
    declaration_title: "Accessibility statement",
    editor_link: "Content editor (for the editors)",
    being_completed: "information being completed",
    declaration_incomplete: "Some information in this statement is still being completed. Missing details are marked; we do not replace them with guesses.",
    published: "Date of publication of the website",
    updated: "Date of the last significant update",
    status_title: "Compliance status",
    status_full: "The website is fully compliant with the annex to the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies.",
    status_partial: "The website is partially compliant with the annex to the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies, due to the non-compliances or exemptions listed below.",
    status_none: "The website is not compliant with the annex to the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies, due to the non-compliances or exemptions listed below.",
    non_accessible_title: "Non-compliance with the annex",
    exemptions_title: "Content not within the scope of the legislation",
    none_listed: "None.",
    preparation_title: "Preparation of this statement",
    prepared: "Date the statement was prepared",
    reviewed: "Date of the last review of the statement",
    method_label: "How accessibility was assessed",
    automated_checks: "Every version of the app is checked automatically before publication (axe-core, WCAG 2.1 A and AA criteria) on every page, in every language version.",
    contact_title: "Feedback and contact information",
    contact_person: "Contact person",
    email: "E-mail address",
    phone: "Phone number",
    procedure: [
        "Everyone has the right to ask a public body to make its website, or an element of it, digitally accessible, or to provide the information by an alternative means of access. The request should give the requester's contact details, the page or element concerned and how to reply, and, for an alternative means of access, the form in which the information would suit them.",
        "The public body fulfils the request without delay and no later than 7 days after it is made. If that is not possible, it says without delay when it will be, which may not be later than 2 months. If accessibility cannot be provided, it may offer an alternative means of access to the information.",
        "If the request or the alternative means of access is refused, a complaint may be filed with the public body.",
    ],
    dark_theme: "Dark theme",
    offline: "You are offline. Showing the content saved on this device,",
    from_device: "The latest content could not be downloaded. Showing the content saved on this device,",
    content_as_of: "as of",
    update_rejected: "A new version of the content contains errors and was not loaded. Showing the last correct content,",
    app_outdated: "This version of the app is out of date",
    boot_failed: "The app could not start",
    boot_failed_help: "Your browser could not load this site's program. Reload the page; if that does not help, try again later or use another browser.",
    app_outdated_help: "The new content needs a newer version of the app. Reload the page to get it.",
    new_version: "A new version is available.",
    reload: "Reload",
    install: "Install app",
    embed_title: "Embed on your site",
    embed_intro: "Choose a view and its look, copy the code and paste it into the portal page. The frame adjusts its height to its content by itself (embed.js); without the script it keeps the initial height.",
    embed_view: "View",
    embed_language: "Language",
    embed_theme: "Theme",
    theme_auto: "as the system",
    theme_light: "light",
    theme_dark: "dark",
    embed_accent: "Accent colour",
    accent_default: "as on the site",
    embed_height: "Initial height (px)",
    embed_snippet: "Code to paste",
    embed_copy: "Copy the code",
    embed_copied: "Copied to the clipboard.",
    embed_preview: "Preview",
    open_full_view: "Open the full view (new tab)",
    computed: "computed",
    eu_share_computed: "EU share (computed)",
    remainder_computed: "Remaining part of the value (computed)",
    computed_legend: "The source gives the project's value and the EU contribution. The EU share and the remaining part of the value are not from the source: they are computed from those two (share = contribution ÷ value, remaining part = value − contribution).",
    computed_marker: "*",
    computed_marker_legend: "* computed from the project's value and the EU contribution; the source does not give these figures.",
    awards_note: "Selected awards: the source says that the social-economy work has been “awarded many times” and names the ones below as examples (“e.g.”).",
    content_compiled: "Content compiled:",
};

pub const UK: Ui = Ui {
    lang: Lang::Uk,
    event_forms: Forms {
        one: "подія",
        few: "події",
        many: "подій",
        other: "події",
    },
    undated_forms: Forms {
        one: "подія без дати",
        few: "події без дати",
        many: "подій без дати",
        other: "події без дати",
    },
    skip_to_content: "Перейти до основного вмісту",
    nav_label: "Головна навігація",
    nav_about: "Про нас",
    nav_timeline: "Хронологія",
    nav_funding: "Фінансування",
    switch_language: "Мовні версії",
    loading: "Завантаження вмісту…",
    not_found_title: "Такої сторінки немає",
    not_found_text: "Ця адреса не веде до жодної сторінки цього застосунку. Можливо, її введено з помилкою або сторінку перенесено.",
    back_home: "Перейти на сторінку «Про нас»",
    about_title: "Про нас",
    legal_basis: "Правова основа",
    projects: "Проєкти",
    impact: "Результати в цифрах",
    awards: "Нагороди та відзнаки",
    timeline_title: "Хронологія",
    undated: "Дату в джерелі не вказано",
    funding_title: "Фінансування",
    value: "Вартість проєкту",
    eu_contribution: "Співфінансування ЄС",
    eu_share: "Частка ЄС",
    remainder: "Решта вартості",
    not_given: "у джерелі не вказано",
    programme: "Програма",
    measure: "Захід / підзахід",
    period: "Програмний період",
    fund: "Фонд",
    dates: "Реалізація",
    source: "Джерело",
    activities: "Дії, описані в джерелі",
    err_network: "Немає з’єднання із сервером",
    err_network_help: "Не вдалося завантажити вміст. Перевірте з’єднання з інтернетом і спробуйте ще раз.",
    err_timeout: "Сервер не відповів вчасно",
    err_http: "Сервер відповів помилкою",
    err_not_json: "Файл вмісту пошкоджено",
    err_invalid: "Файл вмісту містить помилки",
    err_too_large: "Файл вмісту завеликий",
    err_help_editor: "Це помилка з боку редакції сайту, а не вашого пристрою. Інформація для редакції (англійською):",
    err_details: "Подробиці для редакції",
    retry: "Спробувати ще раз",
    retrying: "Повторюю…",
    filters: "Фільтри",
    filter_kind: "Тип події",
    filter_era: "Період",
    all_eras: "Усі періоди",
    search: "Шукати в назвах і описах",
    only_project: "Лише події проєкту",
    show_all_projects: "Показати всі",
    clear_filters: "Очистити фільтри",
    no_results: "Жодна подія не відповідає вибраним фільтрам.",
    show_more: "Показати наступні події",
    outside_eras: "Поза програмними періодами",
    project: "Проєкт",
    back_to_timeline: "Повернутися до хронології",
    previous: "Попередня",
    next: "Наступна",
    event_not_found: "Такої події немає",
    event_not_found_text: "У вмісті сайту немає події з такою адресою.",
    kind: "Тип",
    era: "Період",
    date: "Дата",
    see_funding: "Переглянути фінансування проєкту",
    see_events: "Події проєкту в хронології",
    event_nav: "Сусідні події",
    funding_intro: "Вартість проєктів і співфінансування з Європейського Союзу — так, як їх подає джерело. Суми, яких джерело не подає, позначено; їх ніколи не замінює нуль.",
    summary_title: "Підсумок",
    summary_unknown: "Проєктів без зазначеної вартості немає на діаграмі; вони є в таблиці нижче.",
    table_title: "Таблиця даних",
    download_csv: "Завантажити таблицю (CSV)",
    share_rounding: "Відсоткові частки обчислено з точних сум і округлено один раз, до 0,1 відсоткового пункту; цілі відсотки — без десяткової частини.",
    value_not_given: "Джерело не подає ні вартості цього проєкту, ні суми співфінансування.",
    declaration_title: "Декларація доступності",
    editor_link: "Редактор вмісту (для редакції)",
    being_completed: "інформація доповнюється",
    declaration_incomplete: "Частина інформації в цій декларації ще доповнюється. Відсутні дані позначено; ми не замінюємо їх припущеннями.",
    published: "Дата публікації вебсайту",
    updated: "Дата останнього суттєвого оновлення",
    status_title: "Стан цифрової доступності",
    status_full: "Вебсайт відповідає додатку до Закону Польщі від 4 квітня 2019 року про цифрову доступність вебсайтів і мобільних застосунків публічних суб’єктів.",
    status_partial: "Вебсайт частково відповідає додатку до Закону Польщі від 4 квітня 2019 року про цифрову доступність вебсайтів і мобільних застосунків публічних суб’єктів через невідповідності або винятки, перелічені нижче.",
    status_none: "Вебсайт не відповідає додатку до Закону Польщі від 4 квітня 2019 року про цифрову доступність вебсайтів і мобільних застосунків публічних суб’єктів через невідповідності або винятки, перелічені нижче.",
    non_accessible_title: "Невідповідність додатку",
    exemptions_title: "Вміст, на який не поширюються вимоги",
    none_listed: "Немає.",
    preparation_title: "Підготовка декларації доступності",
    prepared: "Дата складення декларації",
    reviewed: "Дата останнього перегляду декларації",
    method_label: "Спосіб оцінювання доступності",
    automated_checks: "Кожну версію застосунку перед публікацією автоматично перевіряють (axe-core, критерії WCAG 2.1 рівнів A і AA) на всіх сторінках, в усіх мовних версіях.",
    contact_title: "Зворотний зв’язок і контактні дані",
    contact_person: "Контактна особа",
    email: "Адреса електронної пошти",
    phone: "Номер телефону",
    procedure: [
        "Кожен має право звернутися до публічного суб’єкта з вимогою забезпечити цифрову доступність вебсайту або його елемента, а також вимагати надати інформацію в альтернативний спосіб. Вимога має містити контактні дані особи, яка її подає, зазначення сторінки або елемента та спосіб зв’язку, а в разі альтернативного способу — зручний для неї спосіб подання інформації.",
        "Публічний суб’єкт виконує вимогу невідкладно, не пізніше ніж протягом 7 днів від її подання. Якщо дотримати цього строку неможливо, він невідкладно повідомляє, коли виконання буде можливим, причому цей строк не може перевищувати 2 місяців. Якщо забезпечити доступність неможливо, суб’єкт може запропонувати альтернативний спосіб доступу до інформації.",
        "У разі відмови виконати вимогу або надати альтернативний спосіб доступу можна подати скаргу до публічного суб’єкта.",
    ],
    dark_theme: "Темна тема",
    offline: "Ви офлайн. Показуємо вміст, збережений на цьому пристрої,",
    from_device: "Не вдалося завантажити актуальний вміст. Показуємо вміст, збережений на цьому пристрої,",
    content_as_of: "станом на",
    update_rejected: "Нова версія вмісту містить помилки і не була завантажена. Показуємо останній правильний вміст,",
    app_outdated: "Ця версія застосунку застаріла",
    boot_failed: "Не вдалося запустити застосунок",
    boot_failed_help: "Браузер не зміг завантажити програму цієї сторінки. Оновіть сторінку; якщо це не допоможе, спробуйте пізніше або скористайтеся іншим браузером.",
    app_outdated_help: "Новий вміст потребує новішої версії застосунку. Оновіть сторінку, щоб її завантажити.",
    new_version: "Доступна нова версія застосунку.",
    reload: "Оновити",
    install: "Установити застосунок",
    embed_title: "Вбудувати на своєму сайті",
    embed_intro: "Виберіть вигляд і оформлення, скопіюйте код і вставте його на сторінку порталу. Рамка сама підлаштовує висоту до вмісту (скрипт embed.js), а без скрипту показується з початковою висотою.",
    embed_view: "Вигляд",
    embed_language: "Мова",
    embed_theme: "Тема",
    theme_auto: "як у системі",
    theme_light: "світла",
    theme_dark: "темна",
    embed_accent: "Колір акценту",
    accent_default: "як на сайті",
    embed_height: "Початкова висота (px)",
    embed_snippet: "Код для вставлення",
    embed_copy: "Копіювати код",
    embed_copied: "Скопійовано в буфер обміну.",
    embed_preview: "Попередній перегляд",
    open_full_view: "Відкрити повний вигляд (нова вкладка)",
    computed: "обчислено",
    eu_share_computed: "Частка ЄС (обчислена)",
    remainder_computed: "Решта вартості (обчислена)",
    computed_legend: "Джерело подає вартість проєкту і суму співфінансування ЄС. Частка ЄС і решта вартості не походять із джерела: їх обчислено з цих двох сум (частка = співфінансування ÷ вартість, решта = вартість − співфінансування).",
    computed_marker: "*",
    computed_marker_legend: "* обчислено з вартості проєкту і співфінансування ЄС; джерело цих чисел не подає.",
    awards_note: "Вибрані нагороди: джерело зазначає, що діяльність у сфері соціальної економіки «неодноразово нагороджували», і як приклади («напр.») називає подані нижче.",
    content_compiled: "Вміст підготовлено:",
};

/// German: the fictional test organisation's fourth language (#33), which
/// proves a language the app was not built around works once its strings
/// exist. Our own translation.
pub const DE: Ui = Ui {
    lang: Lang::De,
    event_forms: Forms {
        one: "Ereignis",
        few: "Ereignisse",
        many: "Ereignisse",
        other: "Ereignisse",
    },
    undated_forms: Forms {
        one: "Ereignis ohne Datum",
        few: "Ereignisse ohne Datum",
        many: "Ereignisse ohne Datum",
        other: "Ereignisse ohne Datum",
    },
    skip_to_content: "Zum Inhalt springen",
    nav_label: "Hauptnavigation",
    nav_about: "Über uns",
    nav_timeline: "Zeitleiste",
    nav_funding: "Finanzierung",
    switch_language: "Sprachversionen",
    loading: "Inhalt wird geladen…",
    not_found_title: "Seite nicht gefunden",
    not_found_text: "Diese Adresse führt zu keiner Seite dieser Anwendung. Vielleicht wurde sie falsch eingegeben, oder die Seite ist umgezogen.",
    back_home: "Zur Seite „Über uns“",
    about_title: "Über uns",
    legal_basis: "Rechtsgrundlage",
    projects: "Projekte",
    impact: "Wirkung in Zahlen",
    awards: "Preise und Auszeichnungen",
    timeline_title: "Zeitleiste",
    undated: "Datum in der Quelle nicht angegeben",
    funding_title: "Finanzierung",
    value: "Projektwert",
    eu_contribution: "EU-Kofinanzierung",
    eu_share: "EU-Anteil",
    remainder: "Übriger Teil des Werts",
    not_given: "in der Quelle nicht angegeben",
    programme: "Programm",
    measure: "Maßnahme / Teilmaßnahme",
    period: "Förderperiode",
    fund: "Fonds",
    dates: "Durchführung",
    source: "Quelle",
    activities: "In der Quelle beschriebene Tätigkeiten",
    err_network: "Keine Verbindung zum Server",
    err_network_help: "Der Inhalt konnte nicht geladen werden. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.",
    err_timeout: "Der Server hat nicht rechtzeitig geantwortet",
    err_http: "Der Server hat mit einem Fehler geantwortet",
    err_not_json: "Die Inhaltsdatei ist beschädigt",
    err_invalid: "Die Inhaltsdatei enthält Fehler",
    err_too_large: "Die Inhaltsdatei ist zu groß",
    err_help_editor: "Der Fehler liegt bei der Redaktion der Website, nicht bei Ihrem Gerät. Angaben für die Redaktion (auf Englisch):",
    err_details: "Einzelheiten für die Redaktion",
    retry: "Erneut versuchen",
    retrying: "Neuer Versuch…",
    filters: "Filter",
    filter_kind: "Art des Ereignisses",
    filter_era: "Zeitraum",
    all_eras: "Alle Zeiträume",
    search: "In Titeln und Beschreibungen suchen",
    only_project: "Nur Ereignisse des Projekts",
    show_all_projects: "Alle zeigen",
    clear_filters: "Filter zurücksetzen",
    no_results: "Kein Ereignis entspricht den gewählten Filtern.",
    show_more: "Weitere Ereignisse zeigen",
    outside_eras: "Außerhalb der Förderperioden",
    project: "Projekt",
    back_to_timeline: "Zurück zur Zeitleiste",
    previous: "Vorheriges",
    next: "Nächstes",
    event_not_found: "Dieses Ereignis gibt es nicht",
    event_not_found_text: "Der Inhalt hat kein Ereignis unter dieser Adresse.",
    kind: "Art",
    era: "Zeitraum",
    date: "Datum",
    see_funding: "Finanzierung des Projekts ansehen",
    see_events: "Ereignisse des Projekts in der Zeitleiste",
    event_nav: "Benachbarte Ereignisse",
    funding_intro: "Projektwerte und EU-Kofinanzierung, wie die Quelle sie angibt. Beträge, die die Quelle nicht nennt, sind als solche gekennzeichnet und nie durch null ersetzt.",
    summary_title: "Überblick",
    summary_unknown: "Projekte ohne angegebenen Wert sind nicht gezeichnet; sie stehen in der Tabelle unten.",
    table_title: "Datentabelle",
    download_csv: "Tabelle herunterladen (CSV)",
    share_rounding: "Prozentanteile sind aus den genauen Beträgen berechnet und einmal auf 0,1 Prozentpunkte gerundet; ganze Prozente stehen ohne Nachkommastelle.",
    value_not_given: "Die Quelle nennt weder den Wert dieses Projekts noch seine Kofinanzierung.",
    declaration_title: "Erklärung zur Barrierefreiheit",
    editor_link: "Inhaltseditor (für die Redaktion)",
    being_completed: "Angabe wird ergänzt",
    declaration_incomplete: "Einige Angaben dieser Erklärung werden noch ergänzt. Fehlende Angaben sind gekennzeichnet; wir ersetzen sie nicht durch Vermutungen.",
    published: "Datum der Veröffentlichung der Website",
    updated: "Datum der letzten wesentlichen Aktualisierung",
    status_title: "Stand der Vereinbarkeit",
    status_full: "Die Website ist vollständig mit dem Anhang des polnischen Gesetzes vom 4. April 2019 über die digitale Barrierefreiheit der Websites und mobilen Anwendungen öffentlicher Stellen vereinbar.",
    status_partial: "Die Website ist wegen der unten genannten Unvereinbarkeiten oder Ausnahmen teilweise mit dem Anhang des polnischen Gesetzes vom 4. April 2019 über die digitale Barrierefreiheit der Websites und mobilen Anwendungen öffentlicher Stellen vereinbar.",
    status_none: "Die Website ist wegen der unten genannten Unvereinbarkeiten oder Ausnahmen nicht mit dem Anhang des polnischen Gesetzes vom 4. April 2019 über die digitale Barrierefreiheit der Websites und mobilen Anwendungen öffentlicher Stellen vereinbar.",
    non_accessible_title: "Unvereinbarkeit mit dem Anhang",
    exemptions_title: "Inhalte, die nicht unter die Vorschriften fallen",
    none_listed: "Keine.",
    preparation_title: "Erstellung dieser Erklärung",
    prepared: "Datum der Erstellung der Erklärung",
    reviewed: "Datum der letzten Überprüfung der Erklärung",
    method_label: "Wie die Barrierefreiheit bewertet wurde",
    automated_checks: "Jede Version der Anwendung wird vor der Veröffentlichung automatisch geprüft (axe-core, Kriterien der WCAG 2.1, Stufen A und AA), auf jeder Seite und in jeder Sprachversion.",
    contact_title: "Rückmeldungen und Kontaktangaben",
    contact_person: "Ansprechperson",
    email: "E-Mail-Adresse",
    phone: "Telefonnummer",
    procedure: [
        "Jede Person hat das Recht, von einer öffentlichen Stelle die digitale Barrierefreiheit ihrer Website oder eines ihrer Elemente zu verlangen oder die Informationen auf einem alternativen Zugangsweg zu erhalten. Das Ersuchen soll die Kontaktdaten der ersuchenden Person, die betroffene Seite oder das betroffene Element und die Art der Antwort nennen, bei einem alternativen Zugangsweg auch die Form, in der die Informationen für sie geeignet sind.",
        "Die öffentliche Stelle erfüllt das Ersuchen unverzüglich, spätestens 7 Tage nach seinem Eingang. Ist das nicht möglich, teilt sie unverzüglich mit, wann es möglich sein wird; diese Frist darf 2 Monate nicht überschreiten. Kann die Barrierefreiheit nicht hergestellt werden, kann sie einen alternativen Zugang zu den Informationen anbieten.",
        "Wird das Ersuchen oder der alternative Zugang abgelehnt, kann bei der öffentlichen Stelle Beschwerde eingelegt werden.",
    ],
    dark_theme: "Dunkles Design",
    offline: "Sie sind offline. Angezeigt wird der auf diesem Gerät gespeicherte Inhalt,",
    from_device: "Der aktuelle Inhalt konnte nicht geladen werden. Angezeigt wird der auf diesem Gerät gespeicherte Inhalt,",
    content_as_of: "Stand",
    update_rejected: "Eine neue Version des Inhalts enthält Fehler und wurde nicht geladen. Angezeigt wird der letzte fehlerfreie Inhalt,",
    app_outdated: "Diese Version der Anwendung ist veraltet",
    boot_failed: "Die Anwendung konnte nicht starten",
    boot_failed_help: "Ihr Browser konnte das Programm dieser Seite nicht laden. Laden Sie die Seite neu; hilft das nicht, versuchen Sie es später oder mit einem anderen Browser.",
    app_outdated_help: "Der neue Inhalt braucht eine neuere Version der Anwendung. Laden Sie die Seite neu, um sie zu erhalten.",
    new_version: "Eine neue Version ist verfügbar.",
    reload: "Neu laden",
    install: "Anwendung installieren",
    embed_title: "Auf Ihrer Website einbetten",
    embed_intro: "Wählen Sie eine Ansicht und ihr Aussehen, kopieren Sie den Code und fügen Sie ihn in die Portalseite ein. Der Rahmen passt seine Höhe selbst an den Inhalt an (embed.js); ohne das Skript behält er die Anfangshöhe.",
    embed_view: "Ansicht",
    embed_language: "Sprache",
    embed_theme: "Design",
    theme_auto: "wie das System",
    theme_light: "hell",
    theme_dark: "dunkel",
    embed_accent: "Akzentfarbe",
    accent_default: "wie auf der Website",
    embed_height: "Anfangshöhe (px)",
    embed_snippet: "Einzufügender Code",
    embed_copy: "Code kopieren",
    embed_copied: "In die Zwischenablage kopiert.",
    embed_preview: "Vorschau",
    open_full_view: "Vollansicht öffnen (neuer Tab)",
    computed: "berechnet",
    eu_share_computed: "EU-Anteil (berechnet)",
    remainder_computed: "Übriger Teil des Werts (berechnet)",
    computed_legend: "Die Quelle nennt den Projektwert und die EU-Kofinanzierung. Der EU-Anteil und der übrige Teil des Werts stammen nicht aus der Quelle: Sie sind aus diesen beiden berechnet (Anteil = Kofinanzierung ÷ Wert, übriger Teil = Wert − Kofinanzierung).",
    computed_marker: "*",
    computed_marker_legend: "* berechnet aus dem Projektwert und der EU-Kofinanzierung; die Quelle nennt diese Zahlen nicht.",
    awards_note: "Ausgewählte Preise: Die Quelle sagt, die Arbeit in der Sozialwirtschaft sei „mehrfach ausgezeichnet“ worden, und nennt die folgenden als Beispiele („z. B.“).",
    content_compiled: "Inhalt zusammengestellt:",
};

impl Ui {
    /// "5 wydarzeń" / "5 events": the form CLDR's plural rules pick.
    pub fn events(&self, n: usize) -> String {
        format!("{n} {}", self.event_forms.of(n, self.lang))
    }

    /// The overview axis' title (its SVG `<title>`).
    pub fn axis_title(&self) -> &'static str {
        match self.lang {
            Lang::Pl => "Oś czasu w skrócie",
            Lang::En => "The timeline at a glance",
            Lang::Uk => "Хронологія коротко",
            Lang::De => "Die Zeitleiste im Überblick",
        }
    }

    /// The axis' one-sentence description (its SVG `<desc>`).
    pub fn axis_description(&self, first: u16, last: u16) -> String {
        match self.lang {
            Lang::Pl => format!(
                "Wydarzenia z lat {first}–{last} na osi lat, okresy jako pasma nad nią: wybierz znak, aby otworzyć wydarzenie, albo pasmo, aby pokazać tylko ten okres."
            ),
            Lang::En => format!(
                "The events of {first}–{last} along a line of years, with the periods as bands above it: choose a mark to open its event, or a band to show only that period."
            ),
            Lang::Uk => format!(
                "Події {first}–{last} рр. на осі часу; періоди показано смугами над нею: виберіть позначку, щоб відкрити подію, або смугу, щоб показати лише цей період."
            ),
            Lang::De => format!(
                "Die Ereignisse von {first} bis {last} auf einer Jahresleiste, die Zeiträume als Bänder darüber: Wählen Sie eine Markierung, um ihr Ereignis zu öffnen, oder ein Band, um nur diesen Zeitraum zu zeigen."
            ),
        }
    }

    /// Beside the axis: "3 wydarzenia bez daty" / "3 undated events".
    pub fn undated_count(&self, n: usize) -> String {
        format!("{n} {}", self.undated_forms.of(n, self.lang))
    }

    /// An era band's name on the axis: what choosing it does.
    pub fn axis_band(&self, era: &str) -> String {
        match self.lang {
            Lang::Pl => format!("{era}: pokaż tylko ten okres"),
            Lang::En => format!("{era}: show only this period"),
            Lang::Uk => format!("{era}: показати лише цей період"),
            Lang::De => format!("{era}: nur diesen Zeitraum zeigen"),
        }
    }

    /// A year's bar when the axis counts: "2012: 3 wydarzenia (Projekt: 2, Nagroda: 1)".
    pub fn axis_year(&self, year: u16, total: usize, per_kind: &[(&str, u32)]) -> String {
        let kinds: Vec<String> = per_kind.iter().map(|(k, n)| format!("{k}: {n}")).collect();
        if kinds.is_empty() {
            format!("{year}: {}", self.events(total))
        } else {
            format!("{year}: {} ({})", self.events(total), kinds.join(", "))
        }
    }

    /// The button that folds the filters on a phone: "Filtry (2)".
    pub fn filters_toggle(&self, active: usize) -> String {
        match self.lang {
            Lang::Pl => format!("Filtry ({active})"),
            Lang::En => format!("Filters ({active})"),
            Lang::Uk => format!("Фільтри ({active})"),
            Lang::De => format!("Filter ({active})"),
        }
    }

    /// The timeline's result line, as one sentence in each language's order.
    pub fn result_count(&self, n: usize, filtered: bool) -> String {
        match (self.lang, filtered) {
            (Lang::Pl, false) => format!("Oś czasu zawiera {}", self.events(n)),
            (Lang::Pl, true) => format!("Znaleziono {}", self.events(n)),
            (Lang::En, false) => format!("The timeline has {}", self.events(n)),
            (Lang::En, true) => format!("Found {}", self.events(n)),
            (Lang::Uk, false) => format!("У хронології {}", self.events(n)),
            (Lang::Uk, true) => format!("Знайдено {}", self.events(n)),
            (Lang::De, false) => format!("Die Zeitleiste enthält {}", self.events(n)),
            (Lang::De, true) => format!("Gefunden: {}", self.events(n)),
        }
    }

    /// The one sentence that describes a project's bar: value, EU
    /// contribution and share, the rest and its share (all formatted), and
    /// which of them are computed.
    pub fn project_chart_sentence(
        &self,
        name: &str,
        [value, eu, eu_share, rest, rest_share]: [&str; 5],
    ) -> String {
        match self.lang {
            Lang::Pl => format!(
                "Wartość projektu „{name}” wynosi {value}, z czego {eu} ({eu_share}) to dofinansowanie UE, a {rest} ({rest_share}) to pozostała część wartości. \
                 Pozostała część i udziały procentowe są wyliczone ({value} − {eu}); źródło podaje tylko wartość i dofinansowanie."
            ),
            Lang::En => format!(
                "The project “{name}” is worth {value}, of which {eu} ({eu_share}) is the EU contribution and {rest} ({rest_share}) the remaining part of the value. \
                 The remaining part and the percentages are computed ({value} − {eu}); the source gives only the value and the contribution."
            ),
            Lang::Uk => format!(
                "Вартість проєкту «{name}» становить {value}, з яких {eu} ({eu_share}) — співфінансування ЄС, а {rest} ({rest_share}) — решта вартості. \
                 Решту і відсоткові частки обчислено ({value} − {eu}); джерело подає лише вартість і співфінансування."
            ),
            Lang::De => format!(
                "Das Projekt „{name}“ hat einen Wert von {value}, davon {eu} ({eu_share}) EU-Kofinanzierung und {rest} ({rest_share}) übriger Teil des Werts. \
                 Der übrige Teil und die Prozentanteile sind berechnet ({value} − {eu}); die Quelle nennt nur den Wert und die Kofinanzierung."
            ),
        }
    }

    /// The funding summary chart's caption.
    pub fn funding_summary_sentence(
        &self,
        known: usize,
        total: &str,
        total_eu: &str,
        unknown: usize,
    ) -> String {
        match self.lang {
            Lang::Pl => format!(
                "Projekty o znanej wartości ({known}): łącznie {total}, w tym {total_eu} dofinansowania UE. Projekty bez podanej wartości: {unknown}."
            ),
            Lang::En => format!(
                "Projects with a known value ({known}): {total} in total, of which {total_eu} EU contribution. Projects whose value is not given: {unknown}."
            ),
            Lang::Uk => format!(
                "Проєкти з відомою вартістю ({known}): разом {total}, з них {total_eu} співфінансування ЄС. Проєкти без зазначеної вартості: {unknown}."
            ),
            Lang::De => format!(
                "Projekte mit bekanntem Wert ({known}): insgesamt {total}, davon {total_eu} EU-Kofinanzierung. Projekte ohne angegebenen Wert: {unknown}."
            ),
        }
    }

    /// Where a fault is, for the editors: "wiersz 3, kolumna 7: …".
    pub fn at_position(&self, line: usize, column: usize, what: &str) -> String {
        match self.lang {
            Lang::Pl => format!("wiersz {line}, kolumna {column}: {what}"),
            Lang::En => format!("line {line}, column {column}: {what}"),
            Lang::Uk => format!("рядок {line}, стовпець {column}: {what}"),
            Lang::De => format!("Zeile {line}, Spalte {column}: {what}"),
        }
    }

    pub fn not_utf8(&self) -> &'static str {
        match self.lang {
            Lang::Pl => "plik nie jest tekstem UTF-8",
            Lang::En => "the file is not UTF-8 text",
            Lang::Uk => "файл не є текстом UTF-8",
            Lang::De => "die Datei ist kein UTF-8-Text",
        }
    }

    pub fn file_empty(&self) -> &'static str {
        match self.lang {
            Lang::Pl => "plik jest pusty",
            Lang::En => "the file is empty",
            Lang::Uk => "файл порожній",
            Lang::De => "die Datei ist leer",
        }
    }

    pub fn size_over_limit(&self, size: usize, limit: usize) -> String {
        match self.lang {
            Lang::Pl => format!("rozmiar {size} B, limit {limit} B"),
            Lang::En => format!("size {size} B, limit {limit} B"),
            Lang::Uk => format!("розмір {size} B, ліміт {limit} B"),
            Lang::De => format!("Größe {size} B, Grenze {limit} B"),
        }
    }

    pub fn schema_newer(&self, found: u32, supported: u32) -> String {
        match self.lang {
            Lang::Pl => {
                format!("wersja schematu treści {found}, ta wersja aplikacji czyta {supported}")
            }
            Lang::En => {
                format!("content schema version {found}, this version of the app reads {supported}")
            }
            Lang::Uk => {
                format!("версія схеми вмісту {found}, ця версія застосунку читає {supported}")
            }
            Lang::De => {
                format!("Schemaversion des Inhalts {found}, diese Version der Anwendung liest {supported}")
            }
        }
    }
}

/// A word's forms for the plural categories of CLDR (`format::plural`):
/// each language fills the ones its rules use (Polish one/few/many,
/// English one/other) and repeats a form for the rest.
pub struct Forms {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Forms {
    /// The form for a count of `n` in `lang`.
    pub fn of(&self, n: usize, lang: Lang) -> &'static str {
        use crate::content::format::{plural, PluralCategory};
        match plural(n as u64, lang) {
            PluralCategory::One => self.one,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            _ => self.other,
        }
    }
}

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Pl => &PL,
        Lang::En => &EN,
        Lang::Uk => &UK,
        Lang::De => &DE,
    }
}

use crate::content::{EventKind, Fund, Role, Text};
use crate::nav::Page;
use crate::prefs::Accent;

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
        (EventKind::Project, Lang::Uk) => "Проєкт",
        (EventKind::Partnership, Lang::Uk) => "Партнерство",
        (EventKind::Policy, Lang::Uk) => "Публічна політика",
        (EventKind::Model, Lang::Uk) => "Модель підтримки",
        (EventKind::Award, Lang::Uk) => "Нагорода",
        (EventKind::Project, Lang::De) => "Projekt",
        (EventKind::Partnership, Lang::De) => "Partnerschaft",
        (EventKind::Policy, Lang::De) => "Öffentliche Politik",
        (EventKind::Model, Lang::De) => "Unterstützungsmodell",
        (EventKind::Award, Lang::De) => "Auszeichnung",
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
        (Role::Leader, Lang::Uk) => "лідер партнерства",
        (Role::Implementer, Lang::Uk) => "виконавець",
        (Role::Partner, Lang::Uk) => "партнер",
        (Role::Leader, Lang::De) => "federführender Partner",
        (Role::Implementer, Lang::De) => "durchführende Stelle",
        (Role::Partner, Lang::De) => "Partner",
    }
}

pub fn fund_label(fund: Fund, lang: Lang) -> &'static str {
    match (fund, lang) {
        (Fund::Efs, Lang::Pl) => "Europejski Fundusz Społeczny (EFS)",
        (Fund::Efs, Lang::En) => "European Social Fund (ESF)",
        (Fund::Efs, Lang::Uk) => "Європейський соціальний фонд (ЄСФ)",
        (Fund::Efs, Lang::De) => "Europäischer Sozialfonds (ESF)",
    }
}

/// A bundle text in `lang`, with the `lang` attribute it needs when it
/// falls back to Polish. Always text, never markup.
pub fn text_of(t: &Text, lang: Lang) -> (String, Option<&'static str>) {
    (t.in_lang(lang).to_owned(), fallback_lang(t, lang))
}

/// `lang` attribute for a text shown in `lang`: set only when the text fell
/// back to Polish, so screen readers pronounce it as Polish.
pub fn fallback_lang(text: &Text, lang: Lang) -> Option<&'static str> {
    let shown = text.get(lang).lang;
    (shown != lang).then_some(shown.as_str())
}

/// A page's name in the main navigation and footer links.
pub fn nav_label(page: Page, lang: Lang) -> &'static str {
    let t = ui(lang);
    match page {
        Page::About => t.nav_about,
        Page::Timeline => t.nav_timeline,
        Page::Funding => t.nav_funding,
        Page::Accessibility => t.declaration_title,
        Page::EmbedCode => t.embed_title,
        Page::EasyRead => super::legal(lang).etr_title,
        Page::SignLanguage => super::legal(lang).pjm_title,
        Page::Privacy => super::legal(lang).privacy_title,
    }
}

/// A page's heading (its `h1`), the same in the app and in the static first
/// screen that boot.js draws before the app starts.
pub fn page_title(page: Page, lang: Lang) -> &'static str {
    let t = ui(lang);
    match page {
        Page::About => t.about_title,
        Page::Timeline => t.timeline_title,
        Page::Funding => t.funding_title,
        Page::Accessibility => t.declaration_title,
        Page::EmbedCode => t.embed_title,
        Page::EasyRead => super::legal(lang).etr_title,
        Page::SignLanguage => super::legal(lang).pjm_title,
        Page::Privacy => super::legal(lang).privacy_title,
    }
}

pub fn accent_label(accent: Accent, lang: Lang) -> &'static str {
    match (accent, lang) {
        (Accent::Blue, Lang::Pl) => "niebieski",
        (Accent::Green, Lang::Pl) => "zielony",
        (Accent::Purple, Lang::Pl) => "fioletowy",
        (Accent::Red, Lang::Pl) => "czerwony",
        (Accent::Blue, Lang::En) => "blue",
        (Accent::Green, Lang::En) => "green",
        (Accent::Purple, Lang::En) => "purple",
        (Accent::Red, Lang::En) => "red",
        (Accent::Blue, Lang::Uk) => "синій",
        (Accent::Green, Lang::Uk) => "зелений",
        (Accent::Purple, Lang::Uk) => "фіолетовий",
        (Accent::Red, Lang::Uk) => "червоний",
        (Accent::Blue, Lang::De) => "blau",
        (Accent::Green, Lang::De) => "grün",
        (Accent::Purple, Lang::De) => "violett",
        (Accent::Red, Lang::De) => "rot",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_plurals_and_whole_sentences() {
        let pl = |n| PL.events(n);
        assert_eq!(pl(1), "1 wydarzenie");
        assert_eq!(pl(3), "3 wydarzenia");
        assert_eq!(pl(5), "5 wydarzeń");
        assert_eq!(pl(12), "12 wydarzeń");
        assert_eq!(pl(22), "22 wydarzenia");
        assert_eq!(pl(0), "0 wydarzeń");
        assert_eq!(EN.events(1), "1 event");
        assert_eq!(EN.events(10), "10 events");
        assert_eq!(PL.result_count(3, true), "Znaleziono 3 wydarzenia");
        assert_eq!(EN.result_count(12, false), "The timeline has 12 events");
        assert_eq!(PL.undated_count(3), "3 wydarzenia bez daty");
        assert_eq!(PL.undated_count(5), "5 wydarzeń bez daty");
        assert_eq!(EN.undated_count(1), "1 undated event");
        assert_eq!(
            PL.axis_year(2012, 3, &[("Projekt", 2), ("Nagroda", 1)]),
            "2012: 3 wydarzenia (Projekt: 2, Nagroda: 1)"
        );
        assert_eq!(PL.filters_toggle(2), "Filtry (2)");
        // Ukrainian: one, few, many (CLDR), and the count inside a sentence.
        assert_eq!(UK.events(1), "1 подія");
        assert_eq!(UK.events(2), "2 події");
        assert_eq!(UK.events(5), "5 подій");
        assert_eq!(UK.events(21), "21 подія");
        assert_eq!(UK.result_count(11, false), "У хронології 11 подій");
        assert_eq!(UK.undated_count(3), "3 події без дати");
        // German, a language added as data: one and other.
        assert_eq!(DE.events(1), "1 Ereignis");
        assert_eq!(DE.events(2), "2 Ereignisse");
        assert_eq!(
            DE.result_count(5, false),
            "Die Zeitleiste enthält 5 Ereignisse"
        );
    }
}
