//! The workbook's layout, one table for writing and reading: the sections
//! (sheets), each list sheet's columns, each field/value sheet's fields, and
//! the words for the closed sets of values. Headers are "Polish / English";
//! a header matches by either half or the whole, ignoring case, diacritics
//! and brackets, so the order of columns is free.

use super::cells::Choice;
use rops_content::model::{Compliance, EventKind, FigureBound, Fund, Role};
use rops_content::money::Currency;
use rops_content::text::{Lang, Staff};
use std::sync::OnceLock;

/// A header or field name: Polish, with the English hint after " / ".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Label {
    pub pl: &'static str,
    pub en: &'static str,
}

const fn l(pl: &'static str, en: &'static str) -> Label {
    Label { pl, en }
}

impl Label {
    pub fn header(self) -> String {
        format!("{} / {}", self.pl, self.en)
    }

    /// The header of a column of one language of a text: "Tytuł (PL) / Title (PL)".
    pub fn header_in(self, lang: Lang) -> String {
        let tag = lang_tag(lang);
        format!("{} ({tag}) / {} ({tag})", self.pl, self.en)
    }
}

/// A language's mark in a column's header: its tag in capitals ("UK").
pub(super) fn lang_tag(lang: Lang) -> String {
    lang.as_str().to_ascii_uppercase()
}

/// One sheet of the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Organisation,
    Sources,
    Eras,
    Projects,
    Events,
    Figures,
    Declaration,
    /// The easy-to-read text: one row per section.
    EasyRead,
    /// The sign-language videos: one row per video.
    SignLanguage,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Organisation,
        Section::Sources,
        Section::Eras,
        Section::Projects,
        Section::Events,
        Section::Figures,
        Section::Declaration,
        Section::EasyRead,
        Section::SignLanguage,
    ];

    /// Whether a workbook must have this sheet. The sheets added with the
    /// law's three forms (#25) may be missing: workbooks made before them
    /// are still read, their content absent.
    pub fn required(self) -> bool {
        !matches!(self, Section::EasyRead | Section::SignLanguage)
    }

    /// The sheet's name as written.
    pub fn name(self) -> &'static str {
        self.label().pl
    }

    pub(super) fn label(self) -> Label {
        match self {
            Section::Organisation => l("Organizacja", "Organisation"),
            Section::Sources => l("Źródła", "Sources"),
            Section::Eras => l("Okresy", "Periods"),
            Section::Projects => l("Projekty", "Projects"),
            Section::Events => l("Wydarzenia", "Events"),
            Section::Figures => l("Liczby", "Figures"),
            Section::Declaration => l("Deklaracja", "Declaration"),
            Section::EasyRead => l("Tekst łatwy", "Easy read"),
            Section::SignLanguage => l("Język migowy", "Sign language"),
        }
    }
}

/// What a column holds: how a writer formats it, and how wide it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Ids, codes, addresses: short text.
    Code,
    /// A sentence or a name.
    Text,
    /// Paragraphs.
    LongText,
    /// A date in the bundle's text form.
    Date,
    /// Money: a number with two decimals.
    Amount,
    /// A whole number.
    Count,
    /// One of a closed set (a drop-down list of these).
    Choice(&'static [&'static str]),
    /// A field/value sheet's field names.
    Field,
    /// Hints for people; never read.
    Note,
}

impl ColumnKind {
    /// Width in characters.
    pub fn width(self) -> f64 {
        match self {
            ColumnKind::Code => 28.0,
            ColumnKind::Text => 40.0,
            ColumnKind::LongText => 60.0,
            ColumnKind::Date => 14.0,
            ColumnKind::Amount => 18.0,
            ColumnKind::Count => 10.0,
            ColumnKind::Choice(_) => 20.0,
            ColumnKind::Field => 64.0,
            ColumnKind::Note => 50.0,
        }
    }
}

/// The columns of a list sheet (one row per item), in the order written.
pub(super) trait Columns: Copy + Eq + Send + Sync + 'static {
    /// Every column: a text's once per language of `Lang::ALL`, so that a
    /// language added to the app has its columns without a line here.
    fn all() -> &'static [Self];
    /// The column a header row is found by (the item's id).
    const KEY: Self;
    fn label(self) -> Label;
    /// The language of one column of a text, None for other columns.
    fn lang(self) -> Option<Lang>;
    fn kind(self) -> ColumnKind;
    /// Whether a sheet may lack this column: one added after workbooks
    /// were already in use (#25), or a text's column in a language beyond
    /// Polish and English (a workbook of a bundle not in it has none). Its
    /// cells then read as empty.
    fn optional(self) -> bool;
    /// The label of the sheet's numbered pairs of columns (a project's
    /// activities, a section's paragraphs), if it has them.
    const NUMBERED: Option<Label> = None;

    fn header(self) -> String {
        match self.lang() {
            Some(lang) => self.label().header_in(lang),
            None => self.label().header(),
        }
    }
}

const ID: Label = l("Identyfikator", "Id");
const SOURCE: Label = l("Źródło", "Source");
const PROJECT: Label = l("Projekt", "Project");

/// A list sheet's columns: `Variant => label, kind;` for a column of one
/// value, `Variant(Lang) => label, kind;` for a text (one column per
/// language), with `, optional` after the kind for a column older
/// workbooks lack, and `numbered label` after the key for numbered
/// columns.
macro_rules! columns {
    ($name:ident { $($variant:ident $(($t:ident))? => $label:expr, $kind:expr $(, $opt:ident)?;)* } key $key:expr $(; numbered $num:expr)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) enum $name { $($variant $(($t))?),* }
        impl Columns for $name {
            fn all() -> &'static [Self] {
                static ALL: OnceLock<Vec<$name>> = OnceLock::new();
                ALL.get_or_init(|| {
                    let mut all = vec![];
                    $(columns!(@push all $name $variant $($t)?);)*
                    all
                })
            }
            const KEY: Self = $key;
            $(const NUMBERED: Option<Label> = Some($num);)?
            fn optional(self) -> bool {
                let added_later = match self { $(columns!(@pat $name $variant $($t)? ; _l) => columns!(@opt $($opt)?)),* };
                added_later || self.lang().is_some_and(|l| !Lang::UNDECLARED.contains(&l))
            }
            fn label(self) -> Label {
                match self { $(columns!(@pat $name $variant $($t)? ; _l) => $label),* }
            }
            fn lang(self) -> Option<Lang> {
                match self { $(columns!(@pat $name $variant $($t)? ; l) => columns!(@lang $($t)? ; l)),* }
            }
            fn kind(self) -> ColumnKind {
                match self { $(columns!(@pat $name $variant $($t)? ; _l) => $kind),* }
            }
        }
    };
    (@push $all:ident $name:ident $variant:ident) => { $all.push($name::$variant) };
    (@push $all:ident $name:ident $variant:ident Lang) => {
        $all.extend(Lang::ALL.map($name::$variant))
    };
    (@pat $name:ident $variant:ident ; $l:ident) => { $name::$variant };
    (@pat $name:ident $variant:ident Lang ; $l:ident) => { $name::$variant($l) };
    (@lang ; $l:ident) => { None };
    (@lang Lang ; $l:ident) => { Some($l) };
    (@opt) => { false };
    (@opt optional) => { true };
}

use ColumnKind as K;
const PL: Lang = Lang::Pl;

columns!(SourceCol {
    Id => ID, K::Code;
    Title(Lang) => l("Tytuł", "Title"), K::Text;
    Url => l("Adres (URL)", "Address (URL)"), K::Code;
} key SourceCol::Id);

columns!(EraCol {
    Id => ID, K::Code;
    Name(Lang) => l("Nazwa", "Name"), K::Text;
    Period => l("Okres", "Period"), K::Date;
    Note(Lang) => l("Uwaga", "Note"), K::LongText;
} key EraCol::Id);

columns!(ProjectCol {
    Id => ID, K::Code;
    Name(Lang) => l("Nazwa", "Name"), K::Text;
    Kind(Lang) => l("Rodzaj projektu", "Kind of project"), K::Text;
    Role => l("Rola", "Role"), K::Choice(&ROLE_NAMES);
    Programme(Lang) => l("Program", "Programme"), K::Text;
    Measure(Lang) => l("Działanie programu", "Measure"), K::Text;
    Period => l("Okres programowania", "Programming period"), K::Date;
    Fund => l("Fundusz", "Fund"), K::Choice(&FUND_NAMES);
    Dates => l("Czas realizacji", "Dates"), K::Date;
    Summary(Lang) => l("Opis", "Summary"), K::LongText;
    ActivitiesNote(Lang) => l("Uwaga o działaniach", "Activities note"), K::LongText;
    Value => l("Wartość", "Value"), K::Amount;
    EuContribution => l("Dofinansowanie UE", "EU contribution"), K::Amount;
    Currency => l("Waluta", "Currency"), K::Choice(&CURRENCY_NAMES);
    Source => SOURCE, K::Code;
    ContractNumber => l("Numer umowy o dofinansowanie", "Funding agreement number"), K::Code, optional;
    KohesioId => l("Identyfikator w Kohesio", "Kohesio id"), K::Code, optional;
    StripFile => l("Plik paska logotypów UE", "EU logo strip file"), K::Code, optional;
    StripAlt(Lang) => STRIP_ALT, K::Text, optional;
    Results(Lang) => RESULTS, K::LongText, optional;
} key ProjectCol::Id; numbered ACTIVITY);

const RESULTS: Label = l("Rezultaty projektu", "Project results");
const ACTIVITY: Label = l("Działanie projektu", "Activity");
const STRIP_ALT: Label = l(
    "Co przedstawia pasek logotypów",
    "What the logo strip shows",
);

/// A project's activities: numbered pairs of columns, as many as needed,
/// written before this column.
pub(super) const ACTIVITIES_BEFORE: ProjectCol = ProjectCol::ActivitiesNote(PL);

/// The header of item `n` (from 1) of a numbered pair of columns in
/// `lang`: "Działanie projektu 2 (EN) / Activity 2 (EN)" is the English
/// text of the project's second activity.
pub(super) fn numbered_header(label: Label, n: usize, lang: Lang) -> String {
    let tag = lang_tag(lang);
    format!("{} {n} ({tag}) / {} {n} ({tag})", label.pl, label.en)
}

/// The number and language a (normalised) header of `label`'s numbered
/// columns names, if it is one.
pub(super) fn numbered_of(label: Label, normalised_header: &str) -> Option<(usize, Lang)> {
    let n: usize = normalised_header
        .split(' ')
        .find_map(|w| w.parse().ok())
        .filter(|&n| n >= 1)?;
    for lang in Lang::ALL {
        let full = super::cells::normalise(&numbered_header(label, n, lang));
        let tag = lang_tag(lang);
        let pl = super::cells::normalise(&format!("{} {n} ({tag})", label.pl));
        let en = super::cells::normalise(&format!("{} {n} ({tag})", label.en));
        if normalised_header == full || normalised_header == pl || normalised_header == en {
            return Some((n, lang));
        }
    }
    None
}

/// The header of a project's activity `n` in `lang`.
pub(super) fn activity_header(n: usize, lang: Lang) -> String {
    numbered_header(ACTIVITY, n, lang)
}

columns!(EasyReadCol {
    Heading(Lang) => l("Nagłówek części", "Section heading"), K::Text;
    PictureFile => l("Plik obrazka (.svg albo .png)", "Picture file (.svg or .png)"), K::Code;
    PictureAlt(Lang) => PICTURE_ALT, K::Text;
} key EasyReadCol::Heading(PL); numbered PARAGRAPH);

const PARAGRAPH: Label = l("Akapit", "Paragraph");
const PICTURE_ALT: Label = l("Co przedstawia obrazek", "What the picture shows");

/// A section's paragraphs: numbered pairs of columns, written before this column.
pub(super) const PARAGRAPHS_BEFORE: EasyReadCol = EasyReadCol::PictureFile;

/// The header of paragraph `n` of a section in `lang`.
pub(super) fn paragraph_header(n: usize, lang: Lang) -> String {
    numbered_header(PARAGRAPH, n, lang)
}

columns!(SignVideoCol {
    Title(Lang) => l("Tytuł filmu", "Video title"), K::Text;
    File => l("Plik filmu (.webm albo .mp4)", "Video file (.webm or .mp4)"), K::Code;
    CaptionsPl => l("Plik napisów po polsku (.vtt)", "Polish captions file (.vtt)"), K::Code;
    CaptionsEn => l("Plik napisów po angielsku (.vtt)", "English captions file (.vtt)"), K::Code;
    Poster => l("Plik kadru przed odtworzeniem (.svg albo .png)", "Poster file (.svg or .png)"), K::Code;
    Transcript(Lang) => l("Tekst tego, co jest migane", "Transcript"), K::LongText;
} key SignVideoCol::Title(PL));

columns!(EventCol {
    Id => ID, K::Code;
    Kind => l("Rodzaj", "Kind"), K::Choice(&KIND_NAMES);
    Date => l("Data", "Date"), K::Date;
    Title(Lang) => l("Tytuł", "Title"), K::Text;
    Description(Lang) => l("Opis", "Description"), K::LongText;
    Project => PROJECT, K::Code;
    Source => SOURCE, K::Code;
} key EventCol::Id);

columns!(FigureCol {
    Id => ID, K::Code;
    Value => l("Liczba", "Value"), K::Count;
    Bound => l("Dokładność", "Bound"), K::Choice(&BOUND_NAMES);
    Label(Lang) => l("Co liczymy", "Label"), K::Text;
    Project => PROJECT, K::Code;
    Source => SOURCE, K::Code;
} key FigureCol::Id);

/// A field/value sheet's columns: the field's name, its value (a text's
/// Polish), a text in each other language ("Po angielsku / In English"),
/// and a hint written after them (never read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KvCol {
    Field,
    Value,
    /// A text in a language other than Polish.
    In(Lang),
}

impl Columns for KvCol {
    fn all() -> &'static [Self] {
        static ALL: OnceLock<Vec<KvCol>> = OnceLock::new();
        ALL.get_or_init(|| {
            [KvCol::Field, KvCol::Value]
                .into_iter()
                .chain(Lang::ALL.into_iter().filter(|&l| l != PL).map(KvCol::In))
                .collect()
        })
    }
    const KEY: Self = KvCol::Field;
    fn label(self) -> Label {
        match self {
            KvCol::Field => l("Pole", "Field"),
            KvCol::Value => l("Wartość", "Value"),
            KvCol::In(lang) => l(lang.in_words(Staff::Pl), lang.in_words(Staff::En)),
        }
    }
    /// None: a field/value sheet marks its languages in the header's
    /// words, not with a tag.
    fn lang(self) -> Option<Lang> {
        None
    }
    fn kind(self) -> ColumnKind {
        match self {
            KvCol::Field => K::Field,
            KvCol::Value | KvCol::In(_) => K::Text,
        }
    }
    /// English always; another language only in a workbook of a bundle in it.
    fn optional(self) -> bool {
        matches!(self, KvCol::In(l) if l != Lang::En)
    }
    fn header(self) -> String {
        // "Po angielsku / In English" (headers match in any case).
        let up = |s: &str| {
            let mut c = s.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        };
        let l = self.label();
        format!("{} / {}", up(l.pl), up(l.en))
    }
}

/// The hint column of a field/value sheet: written, never read.
pub(super) const NOTE: Label = l("Objaśnienie", "Note");

/// What a field of a field/value sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FieldKind {
    /// A text with its translation.
    Text,
    OptText,
    /// A repeated field: one row per text.
    TextList,
    /// A repeated field: one row per address (no translation).
    CodeList,
    /// A string shown as it is (a name), no translation.
    Plain,
    OptPlain,
    /// An id, colour or file name: spaces around it do not count.
    Code,
    OptCode,
    Date,
    /// A date that must be one day (the accessibility declaration's).
    Day,
    Count,
    Compliance,
}

impl FieldKind {
    /// The hint written beside the field.
    pub fn note(self, lang: Lang) -> &'static str {
        match (self, Staff::from(lang)) {
            (FieldKind::Text, Staff::Pl) => "tekst w każdym języku treści (polski wymagany)",
            (FieldKind::Text, Staff::En) => "text in each language of the content (Polish required)",
            (FieldKind::OptText, Staff::Pl) => "tekst w każdym języku treści albo puste (brak)",
            (FieldKind::OptText, Staff::En) => "text in each language of the content, or empty (none)",
            (FieldKind::TextList, Staff::Pl) => {
                "jeden wiersz na pozycję; dodaj wiersze z tą samą nazwą pola"
            }
            (FieldKind::TextList, Staff::En) => "one row per item; add rows with the same field name",
            (FieldKind::CodeList, Staff::Pl) => {
                "jeden adres (http/https) w wierszu; dodaj wiersze z tą samą nazwą pola albo zostaw puste"
            }
            (FieldKind::CodeList, Staff::En) => {
                "one address (http/https) per row; add rows with the same field name, or leave empty"
            }
            (FieldKind::Plain | FieldKind::Code, Staff::Pl) => "wymagane",
            (FieldKind::Plain | FieldKind::Code, Staff::En) => "required",
            (FieldKind::OptPlain | FieldKind::OptCode, Staff::Pl) => "puste, jeśli nie podano",
            (FieldKind::OptPlain | FieldKind::OptCode, Staff::En) => "empty when not given",
            (FieldKind::Date, Staff::Pl) => {
                "RRRR, RRRR-MM, RRRR-MM-DD, zakres RRRR/RRRR, od RRRR/.. albo puste (nie podano)"
            }
            (FieldKind::Date, Staff::En) => {
                "YYYY, YYYY-MM, YYYY-MM-DD, range YYYY/YYYY, from YYYY/.. or empty (not given)"
            }
            (FieldKind::Day, Staff::Pl) => "RRRR-MM-DD (jeden dzień) albo puste (nie podano)",
            (FieldKind::Day, Staff::En) => "YYYY-MM-DD (one day) or empty (not given)",
            (FieldKind::Count, Staff::Pl) => "liczba całkowita",
            (FieldKind::Count, Staff::En) => "a whole number",
            (FieldKind::Compliance, Staff::Pl) => {
                "zgodna, częściowo zgodna, niezgodna albo puste (nie oceniono)"
            }
            (FieldKind::Compliance, Staff::En) => {
                "zgodna (full), częściowo zgodna (partial), niezgodna (none) or empty (not assessed)"
            }
        }
    }
}

/// The fields of a field/value sheet, in the order written.
pub(super) trait Fields: Copy + Eq + 'static {
    const ALL: &'static [Self];
    fn label(self) -> Label;
    fn kind(self) -> FieldKind;
    /// Whether a sheet may lack this field's row: one added after
    /// workbooks were already in use (#25). It then reads as not given.
    fn optional(self) -> bool;
}

/// A field/value sheet's fields: `Variant => Polish, English, kind;`, with
/// `, optional` after the kind for a field older workbooks lack.
macro_rules! fields {
    ($name:ident { $($variant:ident => $pl:expr, $en:expr, $kind:ident $(, $opt:ident)?;)* }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) enum $name { $($variant),* }
        impl Fields for $name {
            const ALL: &'static [Self] = &[$($name::$variant),*];
            fn label(self) -> Label {
                match self { $($name::$variant => l($pl, $en)),* }
            }
            fn kind(self) -> FieldKind {
                match self { $($name::$variant => FieldKind::$kind),* }
            }
            fn optional(self) -> bool {
                match self { $($name::$variant => columns!(@opt $($opt)?)),* }
            }
        }
    };
}

fields!(OrgField {
    SchemaVersion => "Wersja formatu treści", "Schema version", Count;
    Schema => "Schemat JSON", "JSON schema", OptCode;
    ContentDate => "Stan treści na dzień", "Content date", Date;
    Languages => "Języki (pierwszy to język domyślny)", "Languages (the first is the default)", CodeList, optional;
    Name => "Nazwa", "Name", Text;
    ShortName => "Nazwa skrócona", "Short name", Text;
    Summary => "Kim jesteśmy", "Summary", Text;
    LegalBasis => "Podstawa prawna", "Legal basis", Text;
    Source => "Źródło", "Source", Code;
    SiteTitle => "Tytuł serwisu", "Site title", Text;
    Description => "Opis serwisu", "Site description", Text;
    SourceLine => "Informacja o źródle (stopka)", "Source line (footer)", Text;
    RoleLabel => "Nagłówek roli w projekcie", "Role label", Text;
    EmbedTimeline => "Tytuł osadzonej osi czasu", "Embedded timeline title", Text;
    EmbedFunding => "Tytuł osadzonego finansowania", "Embedded funding title", Text;
    PageAbout => "Opis strony O nas", "About page description", Text;
    PageTimeline => "Opis strony Oś czasu", "Timeline page description", Text;
    PageFunding => "Opis strony Finansowanie", "Funding page description", Text;
    PageAccessibility => "Opis strony Deklaracja dostępności", "Accessibility page description", Text;
    PageEmbedCode => "Opis strony Kod do osadzenia", "Embed code page description", Text;
    AppShortName => "Nazwa aplikacji pod ikoną", "App short name", Plain;
    Slug => "Przedrostek nazw plików", "File name slug", Code;
    ThemeColour => "Kolor motywu", "Theme colour", Code;
    AccentLight => "Kolor akcentu (jasny motyw)", "Accent colour (light theme)", OptCode;
    AccentDark => "Kolor akcentu (ciemny motyw)", "Accent colour (dark theme)", OptCode;
    LogoFile => "Plik logo", "Logo file", OptCode;
    LogoAlt => "Opis logo", "Logo description", OptText;
    AddressStreet => "Adres siedziby: ulica i numer", "Seat address: street and number", OptPlain, optional;
    AddressPostalCode => "Adres siedziby: kod pocztowy (NN-NNN)", "Seat address: postal code (NN-NNN)", OptCode, optional;
    AddressLocality => "Adres siedziby: miejscowość", "Seat address: locality", OptPlain, optional;
    SameAs => "Strona organizacji w innym serwisie", "Organisation's page elsewhere", CodeList, optional;
    OpenDataLicence => "Licencja otwartych danych", "Open data licence", OptText, optional;
    OpenDataLicenceUrl => "Adres tekstu licencji otwartych danych", "Open data licence address", OptCode, optional;
    ContactPhone => "Kontakt: telefon", "Contact: phone", OptPlain, optional;
    ContactEmail => "Kontakt: e-mail", "Contact: e-mail", OptCode, optional;
    ContactEpuap => "Kontakt: skrytka ePUAP", "Contact: ePUAP inbox", OptCode, optional;
    ContactHours => "Kontakt: godziny pracy", "Contact: office hours", OptText, optional;
    ContactBip => "Kontakt: adres Biuletynu Informacji Publicznej (BIP)", "Contact: public information bulletin (BIP) address", OptCode, optional;
    ContactDeaf => "Kontakt dla osób głuchych (SMS, e-mail, wideo)", "Contact for Deaf people (text message, e-mail, video)", OptText, optional;
    PrivacyController => "Prywatność: administrator danych (nazwa i adres)", "Privacy: data controller (name and address)", OptText, optional;
    PrivacyDpo => "Prywatność: kontakt z inspektorem ochrony danych", "Privacy: data protection officer's contact", OptText, optional;
    PrivacyPurposes => "Prywatność: cele i podstawy prawne przetwarzania", "Privacy: purposes and legal bases of processing", OptText, optional;
    PrivacyLogs => "Prywatność: jak długo serwer przechowuje dzienniki", "Privacy: how long the server keeps its logs", OptText, optional;
    EasyReadTerms => "Tekst łatwy: słowa do wyjaśnienia", "Easy read: words to explain", TextList, optional;
});

fields!(DeclField {
    Entity => "Podmiot", "Entity", Text;
    SiteUrl => "Adres serwisu", "Site address", OptCode;
    Published => "Data publikacji", "Published", Day;
    Updated => "Data ostatniej istotnej aktualizacji", "Last significant update", Day;
    Status => "Status zgodności", "Compliance status", Compliance;
    NonAccessible => "Treść niedostępna", "Non-accessible content", TextList;
    Exemptions => "Wyłączenia", "Exemptions", TextList;
    Prepared => "Data sporządzenia deklaracji", "Declaration prepared", Day;
    Method => "Metoda oceny", "Assessment method", OptText;
    Reviewed => "Data przeglądu deklaracji", "Declaration reviewed", Day;
    ContactPerson => "Osoba kontaktowa", "Contact person", OptPlain;
    Email => "E-mail", "E-mail", OptCode;
    Phone => "Telefon", "Phone", OptPlain;
    Architecture => "Dostępność architektoniczna", "Architectural accessibility", OptText;
    Scope => "Zakres deklaracji", "Scope of the declaration", OptText, optional;
    Communication => "Dostępność komunikacyjno-informacyjna", "Communication accessibility", OptText, optional;
    Applications => "Aplikacje mobilne", "Mobile applications", OptText, optional;
    Burden => "Nadmierne koszty: wynik analizy (tylko gdy się na nie powołujesz)", "Disproportionate burden: the analysis (only if you rely on it)", OptText, optional;
});

macro_rules! choices {
    ($names:ident, $table:ident: $t:ty = [$($value:expr => [$($name:expr),+];)*]) => {
        pub(super) const $table: &[Choice<$t>] = &[$(Choice { value: $value, names: &[$($name),+] }),*];
        /// The names written (a list column's drop-down).
        #[allow(dead_code)]
        pub(super) const $names: [&str; { [$($value),*].len() }] = [$(choices!(@first $($name),+)),*];
    };
    (@first $first:expr $(, $rest:expr)*) => { $first };
}

choices!(KIND_NAMES, KINDS: EventKind = [
    EventKind::Project => ["projekt", "project"];
    EventKind::Partnership => ["partnerstwo", "partnership"];
    EventKind::Policy => ["polityka publiczna", "polityka", "policy", "public policy"];
    EventKind::Model => ["model wsparcia", "model", "support model"];
    EventKind::Award => ["nagroda", "award"];
]);

choices!(ROLE_NAMES, ROLES: Role = [
    Role::Leader => ["lider partnerstwa", "lider", "leader", "partnership leader"];
    Role::Implementer => ["realizator", "implementer", "implementing body"];
    Role::Partner => ["partner"];
]);

choices!(FUND_NAMES, FUNDS: Fund = [
    Fund::Efs => ["EFS", "ESF", "Europejski Fundusz Społeczny", "European Social Fund"];
]);

choices!(BOUND_NAMES, BOUNDS: FigureBound = [
    FigureBound::Exact => ["dokładnie", "exact", "exactly"];
    FigureBound::MoreThan => ["ponad", "więcej niż", "more than", "more_than", "over"];
]);

choices!(COMPLIANCE_NAMES, COMPLIANCE: Compliance = [
    Compliance::Full => ["zgodna", "pełna", "full"];
    Compliance::Partial => ["częściowo zgodna", "częściowa", "partial"];
    Compliance::None => ["niezgodna", "brak zgodności", "none"];
]);

choices!(CURRENCY_NAMES, CURRENCIES: Currency = [
    Currency::Pln => ["PLN", "zł", "złoty"];
    Currency::Eur => ["EUR", "€", "euro"];
]);
