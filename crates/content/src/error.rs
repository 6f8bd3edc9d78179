//! Faults in a bundle, each with the place an editor must go to fix it.

use super::colour::{Backdrop, Scheme, MIN_CONTRAST};
use super::text::Invisible;
use super::text::{Lang, Staff};
use std::fmt;

// The place types are the locator's vocabulary, which this module uses;
// they live there so that the locator needs nothing from here.
pub use super::locate::{Location, Segment};

/// A JSON path, shown as `$.events[3].title.pl`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Segment>);

impl JsonPath {
    pub fn key(&self, k: &str) -> JsonPath {
        let mut p = self.clone();
        p.0.push(Segment::Key(k.to_owned()));
        p
    }
    pub fn index(&self, i: usize) -> JsonPath {
        let mut p = self.clone();
        p.0.push(Segment::Index(i));
        p
    }

    /// The value this path names in `v`, to change it, if it is there.
    pub fn value_mut<'v>(&self, v: &'v mut serde_json::Value) -> Option<&'v mut serde_json::Value> {
        self.0.iter().try_fold(v, |v, seg| match seg {
            Segment::Key(k) => v.get_mut(k.as_str()),
            Segment::Index(i) => v.get_mut(*i),
        })
    }

    /// The path `Display` wrote (`$.events[3].title.pl`, `$["a b"]`), as
    /// a fault's path comes back from the server in `publish-status.json`.
    pub fn parse(s: &str) -> Option<JsonPath> {
        let mut rest = s.strip_prefix('$')?;
        let mut out = vec![];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(r.len());
                if end == 0 {
                    return None;
                }
                out.push(Segment::Key(r[..end].to_owned()));
                rest = &r[end..];
            } else if rest.starts_with("[\"") {
                // A quoted key, as `{:?}` wrote it: read back as JSON.
                let mut de = serde_json::Deserializer::from_str(&rest[1..]).into_iter::<String>();
                let key = de.next()?.ok()?;
                let used = 1 + de.byte_offset();
                rest = rest[used..].strip_prefix(']')?;
                out.push(Segment::Key(key));
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']')?;
                out.push(Segment::Index(r[..end].parse().ok()?));
                rest = &r[end + 1..];
            } else {
                return None;
            }
        }
        Some(JsonPath(out))
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for s in &self.0 {
            match s {
                Segment::Key(k) if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                    write!(f, ".{k}")?
                }
                Segment::Key(k) => write!(f, "[{k:?}]")?,
                Segment::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// What is wrong, in terms both languages can describe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaultKind {
    /// The JSON does not have the bundle's shape (wrong type, missing or unknown
    /// field, bad date or amount). `detail` is the parser's English text.
    Structure(String),
    UnsupportedSchema {
        found: u32,
        supported: u32,
    },
    EmptyText,
    /// A character that changes how the text around it is shown or read
    /// without being visible itself ([`Invisible::of`] says which).
    /// `index` counts characters from the start of the text, from 1.
    HiddenControl {
        code: u32,
        index: usize,
        kind: Invisible,
    },
    BadId(String),
    DuplicateId(String),
    /// `target` names the collection that should hold `id` (e.g. "projects").
    UnknownReference {
        target: &'static str,
        id: String,
    },
    EuAboveValue,
    /// Adding this project's amount to the ones before it passes
    /// [`Minor::MAX`](super::money::Minor::MAX): the total could not be
    /// shown. `eu`: the EU contributions' total, else the values'.
    TotalTooLarge {
        eu: bool,
    },
    CurrencyMismatch,
    /// A list longer than the publisher takes (`count` items, `limit`
    /// at most): placed at the first item past the limit.
    TooManyItems {
        count: usize,
        limit: usize,
    },
    /// Projects in more than one currency: their values could not be added up
    /// into one total, so a bundle keeps to one currency.
    MixedCurrencies {
        expected: &'static str,
        found: &'static str,
    },
    /// Only http(s) links are allowed, so no `javascript:` can reach a page.
    UnsafeUrl(String),
    TooLong {
        chars: usize,
        limit: usize,
    },
    /// An e-mail address or phone number that cannot be a safe link.
    BadContact(String),
    /// A warning, not a fault: a declaration field still to be filled in.
    NotFilled,
    /// A slug that cannot be a file name's stem as it is.
    BadSlug(String),
    /// Not `#rrggbb`.
    BadColour(String),
    /// An accent too faint against what style.css draws it on in a
    /// palette; `ratio_hundredths` is the contrast rounded down, ×100.
    LowContrast {
        colour: String,
        scheme: Scheme,
        backdrop: Backdrop,
        ratio_hundredths: u32,
    },
    /// A logo name that is not a plain .svg or .png file name.
    BadLogoName(String),
    /// The logo file itself (checked by the validator, which can read it).
    Logo(LogoProblem),
    /// A warning: an app name launchers will cut off under the icon.
    LongAppName {
        chars: usize,
        limit: usize,
    },
    /// A media file name that is not a plain file beside the bundle with
    /// one of the `expected` endings (".webm, .mp4").
    BadFileName {
        name: String,
        expected: &'static str,
    },
    /// A media file itself (a picture, video, captions), read by the validator.
    Media(MediaProblem),
    /// A warning: an easy-to-read sentence longer than the guidance advises.
    LongSentence {
        words: usize,
        limit: usize,
        start: String,
    },
    /// A warning: an easy-to-read paragraph of more sentences than advised.
    LongParagraph {
        sentences: usize,
        limit: usize,
    },
    /// A warning: an EU-funded project without the programme's logo strip.
    NoEuStrip,
    /// A warning: the declaration's last review (this day) is more than
    /// 12 months old.
    ReviewOverdue(String),
    /// A warning: a number of more than four digits in easy-to-read text.
    EtrBigNumber(String),
    /// A warning: an abbreviation in easy-to-read text.
    EtrInitials(String),
    /// A warning: a word of the organisation's list (`easy_read.terms`)
    /// that the part where it first comes up (its heading given) does not
    /// explain.
    EtrUnexplained {
        term: String,
        part: String,
    },
    /// A Kohesio id that is not `Q` and digits.
    BadKohesioId(String),
    /// A postal code that is not `NN-NNN`.
    BadPostalCode(String),
    /// A list that must have at least one item if it is there at all.
    EmptyList,
    /// A language tag (a bundle key or an entry of `languages`) this app
    /// has no interface strings for.
    UnknownLanguage(String),
    /// A text not given in the bundle's default language (`lang`).
    NoDefaultText(Lang),
    /// A text in a language `languages` does not list.
    UndeclaredLanguage(Lang),
    /// A language listed twice in `languages`.
    DuplicateLanguage(Lang),
    /// A warning: a text not yet translated into `lang` (the page shows the
    /// default language's text, marked as such).
    Untranslated(Lang),
    /// A date of the accessibility declaration that is not one whole day:
    /// the 2024 template marks each as `<time datetime="YYYY-MM-DD">`.
    NotADay(String),
}

/// What is wrong with a media file beside the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaProblem {
    /// Not found beside the bundle (or not a file); the OS's reason.
    Missing(String),
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// A .webm that does not start as WebM (EBML) or an .mp4 without `ftyp`.
    NotVideo,
    /// A .vtt whose first line is not `WEBVTT`.
    NotVtt,
    /// A WebVTT file that starts well but goes wrong at `line` (1-based).
    Captions {
        line: usize,
        problem: CaptionProblem,
    },
    /// A picture's content (the logo's rules).
    Picture(LogoProblem),
}

impl MediaProblem {
    fn message(&self, lang: Lang) -> String {
        use MediaProblem::*;
        match (self, Staff::from(lang)) {
            (Missing(e), Staff::Pl) => format!(
                "brak tego pliku obok pliku treści ({e}): dołącz go albo popraw nazwę"
            ),
            (Missing(e), Staff::En) => format!(
                "this file is not beside the bundle ({e}): add it or correct the name"
            ),
            (TooLarge { bytes, limit }, lang) => {
                let (size, limit) = super::format::two_sizes(*bytes, *limit, lang.into());
                match lang {
                    Staff::Pl => format!("plik ma {size}, dopuszczalne jest {limit}: zmniejsz go (np. zapisz w niższej rozdzielczości)"),
                    Staff::En => format!("the file is {size}, {limit} is allowed: make it smaller (for instance at a lower resolution)"),
                }
            }
            (NotVideo, Staff::Pl) => {
                "plik nie jest nagraniem w formacie, który wskazuje jego nazwa (WebM lub MP4): zapisz go ponownie w tym formacie".into()
            }
            (NotVideo, Staff::En) => {
                "the file is not a recording in the format its name says (WebM or MP4): save it again in that format".into()
            }
            (NotVtt, Staff::Pl) => {
                "plik napisów nie zaczyna się od wiersza „WEBVTT”: zapisz napisy w formacie WebVTT".into()
            }
            (NotVtt, Staff::En) => {
                "the caption file does not start with the line \"WEBVTT\": save the captions as WebVTT".into()
            }
            (Captions { line, problem }, lang) => problem.message(*line, lang.into()),
            (Picture(LogoProblem::Missing(e)), l) => Missing(e.clone()).message(l.into()),
            (Picture(LogoProblem::TooLarge { bytes, limit }), l) => TooLarge {
                bytes: *bytes,
                limit: *limit,
            }
            .message(l.into()),
            (Picture(p), l) => p.message(l.into()),
        }
    }
}

/// What is wrong inside a WebVTT caption file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptionProblem {
    /// Not a timing line `00:01.000 --> 00:04.000` (times `[hh:]mm:ss.ttt`,
    /// the end after the start) where a cue needs one.
    Timing,
    /// A tag that is not one of WebVTT's own (`<b>`, `<i>`, `<u>`, `<c>`,
    /// `<v>`, `<lang>`, `<ruby>`, `<rt>`, a time): HTML has no place in
    /// captions. Shown, cut to 40 characters.
    Markup(String),
    /// A cue of more than `limit` characters: no one reads it in time.
    LongCue { chars: usize, limit: usize },
    /// A STYLE or REGION block: captions are shown in the site's own style.
    Style,
}

impl CaptionProblem {
    fn message(&self, line: usize, lang: Lang) -> String {
        use CaptionProblem::*;
        match (self, Staff::from(lang)) {
            (Timing, Staff::Pl) => format!("plik napisów, wiersz {line}: to nie jest wiersz czasu napisu („00:01.000 --> 00:04.000”, koniec po początku): popraw go w programie do napisów"),
            (Timing, Staff::En) => format!("caption file, line {line}: this is not a cue's timing line (\"00:01.000 --> 00:04.000\", the end after the start): correct it in the captioning program"),
            (Markup(t), Staff::Pl) => format!("plik napisów, wiersz {line}: znacznik „{t}” nie należy do WebVTT (dozwolone: <b>, <i>, <u>, <c>, <v>, <lang>, <ruby>, <rt>): usuń go"),
            (Markup(t), Staff::En) => format!("caption file, line {line}: the tag \"{t}\" is not WebVTT's (allowed: <b>, <i>, <u>, <c>, <v>, <lang>, <ruby>, <rt>): remove it"),
            (LongCue { chars, limit }, Staff::Pl) => format!("plik napisów, wiersz {line}: napis ma {chars} znaków, najwyżej {limit} da się przeczytać w czasie jego wyświetlania: podziel go na krótsze"),
            (LongCue { chars, limit }, Staff::En) => format!("caption file, line {line}: the cue has {chars} characters, at most {limit} can be read while it is shown: split it into shorter ones"),
            (Style, Staff::Pl) => format!("plik napisów, wiersz {line}: bloki STYLE i REGION nie są przyjmowane (napisy mają wygląd strony): usuń blok"),
            (Style, Staff::En) => format!("caption file, line {line}: STYLE and REGION blocks are not taken (captions are shown in the site's style): remove the block"),
        }
    }
}

/// What is wrong with a logo file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogoProblem {
    /// Not found beside the bundle (or not a file); the OS's reason.
    Missing(String),
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// A .png whose first bytes are not PNG's signature.
    NotPng,
    /// A .svg that is not UTF-8 XML with an `<svg>` root element.
    NotSvg,
    /// A DOCTYPE or entity declaration: nothing a logo needs, and the way
    /// to expand a small file into a huge one.
    SvgDoctype,
    /// A `<script>` or `<foreignObject>` element (named).
    SvgElement(String),
    /// An `on…` event-handler attribute (named).
    SvgHandler(String),
    /// A reference to anything outside the file (`href`, `src`, `url()`,
    /// `@import`): only `#fragment` references are allowed.
    SvgExternal(String),
    /// A processing instruction (`<?xml-stylesheet …?>`), shown.
    SvgInstruction(String),
    /// A backslash escape in CSS (`u\72l(` reads as `url(`), shown.
    SvgCssEscape(String),
    /// A PNG wider or taller than `limit` pixels (or of no size).
    TooManyPixels {
        width: u32,
        height: u32,
        limit: u32,
    },
}

impl LogoProblem {
    fn message(&self, lang: Lang) -> String {
        use LogoProblem::*;
        match (self, Staff::from(lang)) {
            (Missing(e), Staff::Pl) => format!("brak pliku logo obok pliku treści ({e})"),
            (Missing(e), Staff::En) => format!("the logo file is not beside the bundle ({e})"),
            (TooLarge { bytes, limit }, lang) => {
                let (size, limit) = super::format::two_sizes(*bytes, *limit, lang.into());
                match lang {
                    Staff::Pl => format!("plik logo ma {size}, dopuszczalne jest {limit}: zmniejsz go"),
                    Staff::En => format!("the logo file is {size}, {limit} is allowed: make it smaller"),
                }
            }
            (NotPng, Staff::Pl) => "plik .png nie jest obrazem PNG".into(),
            (NotPng, Staff::En) => "the .png file is not a PNG image".into(),
            (NotSvg, Staff::Pl) => {
                "plik .svg nie jest tekstem UTF-8 z elementem głównym <svg>".into()
            }
            (NotSvg, Staff::En) => {
                "the .svg file is not UTF-8 text with an <svg> root element".into()
            }
            (SvgDoctype, Staff::Pl) => {
                "plik SVG zawiera deklarację DOCTYPE lub ENTITY: usuń ją".into()
            }
            (SvgDoctype, Staff::En) => {
                "the SVG file has a DOCTYPE or ENTITY declaration: remove it".into()
            }
            (SvgElement(e), Staff::Pl) => format!("plik SVG zawiera element <{e}>: usuń go"),
            (SvgElement(e), Staff::En) => format!("the SVG file has a <{e}> element: remove it"),
            (SvgHandler(a), Staff::Pl) => {
                format!("plik SVG zawiera atrybut obsługi zdarzeń „{a}”: usuń go")
            }
            (SvgHandler(a), Staff::En) => {
                format!("the SVG file has an event-handler attribute \"{a}\": remove it")
            }
            (SvgExternal(r), Staff::Pl) => format!(
                "plik SVG odwołuje się poza siebie („{r}”); dozwolone są tylko odwołania #id"
            ),
            (SvgExternal(r), Staff::En) => format!(
                "the SVG file refers to something outside it (\"{r}\"); only #id references are allowed"
            ),
            (SvgInstruction(i), Staff::Pl) => format!(
                "plik SVG zawiera instrukcję przetwarzania „<?{i}?>”: usuń ją (zapisz logo jako zwykły SVG)"
            ),
            (SvgInstruction(i), Staff::En) => format!(
                "the SVG file has a processing instruction \"<?{i}?>\": remove it (save the logo as plain SVG)"
            ),
            (SvgCssEscape(c), Staff::Pl) => format!(
                "styl w pliku SVG zawiera znak ucieczki „\\” („{c}”): zapisz styl bez ucieczek"
            ),
            (SvgCssEscape(c), Staff::En) => format!(
                "a style in the SVG file has a \\ escape (\"{c}\"): write the style without escapes"
            ),
            (TooManyPixels { width, height, limit }, Staff::Pl) => format!(
                "obraz ma {width} × {height} pikseli, a bok może mieć od 1 do {limit}: zapisz go w mniejszym rozmiarze"
            ),
            (TooManyPixels { width, height, limit }, Staff::En) => format!(
                "the picture is {width} × {height} pixels, and a side may be 1 to {limit}: save it at a smaller size"
            ),
        }
    }
}

/// A ratio ×100, in the language's decimal notation: "4,49" / "4.49".
fn ratio(hundredths: u32, lang: Lang) -> String {
    let sep = if Staff::from(lang) == Staff::Pl {
        ','
    } else {
        '.'
    };
    format!("{}{sep}{:02}", hundredths / 100, hundredths % 100)
}

/// `s` with its first letter a capital.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `s` with every quoted part (between backticks or double quotes) shown
/// as "…": serde's messages quote the value they refused.
fn hide_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut open: Option<char> = None;
    for c in s.chars() {
        match open {
            Some(q) if c == q => {
                out.push(c);
                open = None;
            }
            Some(_) => {}
            None if c == '`' || c == '"' => {
                out.push(c);
                out.push('…');
                open = Some(c);
            }
            None => out.push(c),
        }
    }
    out
}

impl FaultKind {
    /// This fault with the values it quotes from the file shown as "…":
    /// what the public `publish-status.json` says. Whatever an editor
    /// typed (a test value may be someone's PESEL number) is not for
    /// everyone to read; the editor shows it from its own draft, at the
    /// field the fault's path names.
    pub fn without_values(&self) -> FaultKind {
        use FaultKind::*;
        let hide = || "…".to_owned();
        match self.clone() {
            Structure(d) => Structure(hide_quoted(&d)),
            BadId(_) => BadId(hide()),
            DuplicateId(_) => DuplicateId(hide()),
            UnknownReference { target, .. } => UnknownReference { target, id: hide() },
            UnsafeUrl(_) => UnsafeUrl(hide()),
            BadContact(_) => BadContact(hide()),
            BadSlug(_) => BadSlug(hide()),
            BadColour(_) => BadColour(hide()),
            LowContrast {
                scheme,
                backdrop,
                ratio_hundredths,
                ..
            } => LowContrast {
                colour: hide(),
                scheme,
                backdrop,
                ratio_hundredths,
            },
            BadLogoName(_) => BadLogoName(hide()),
            BadFileName { expected, .. } => BadFileName {
                name: hide(),
                expected,
            },
            LongSentence { words, limit, .. } => LongSentence {
                words,
                limit,
                start: hide(),
            },
            BadKohesioId(_) => BadKohesioId(hide()),
            BadPostalCode(_) => BadPostalCode(hide()),
            NotADay(_) => NotADay(hide()),
            UnknownLanguage(_) => UnknownLanguage(hide()),
            other => other,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use FaultKind::*;
        match (self, Staff::from(lang)) {
            (Structure(d), Staff::Pl) => format!("nieprawidłowa struktura: {d}"),
            (Structure(d), Staff::En) => format!("invalid structure: {d}"),
            (UnsupportedSchema { found, supported }, Staff::Pl) => {
                format!("wersja schematu {found} nie jest obsługiwana (obsługiwana: {supported})")
            }
            (UnsupportedSchema { found, supported }, Staff::En) => {
                format!("schema version {found} is not supported (supported: {supported})")
            }
            (EmptyText, Staff::Pl) => "tekst jest pusty".into(),
            (EmptyText, Staff::En) => "the text is empty".into(),
            (HiddenControl { code, index, kind }, Staff::Pl) => {
                let what = match kind {
                    Invisible::Control => "niewidoczny znak sterujący",
                    Invisible::Direction => "niewidoczny znak kierunku tekstu",
                    Invisible::ZeroWidth => "niewidoczny znak o zerowej szerokości",
                    Invisible::Tag => "niewidoczny znak-etykietę",
                    Invisible::Separator => "separator wiersza lub akapitu, którego wiele programów nie pokazuje",
                };
                let fix = match kind {
                    Invisible::Separator => "zastąp go zwykłym końcem wiersza (Enter)",
                    _ => "usuń go (np. przepisz to słowo)",
                };
                format!("tekst zawiera {what} U+{code:04X} (znak {index}), który może zmienić sposób wyświetlania, czytania lub wyszukiwania tekstu: {fix}")
            }
            (HiddenControl { code, index, kind }, Staff::En) => {
                let what = match kind {
                    Invisible::Control => "an invisible control character",
                    Invisible::Direction => "an invisible text-direction mark",
                    Invisible::ZeroWidth => "an invisible zero-width character",
                    Invisible::Tag => "an invisible tag character",
                    Invisible::Separator => "a line or paragraph separator that many programs do not show",
                };
                let fix = match kind {
                    Invisible::Separator => "replace it with an ordinary line break (Enter)",
                    _ => "remove it (e.g. retype that word)",
                };
                format!("the text contains {what} U+{code:04X} (character {index}) that can change how the text is shown, read or searched: {fix}")
            }
            (BadId(id), Staff::Pl) => format!(
                "identyfikator „{id}” jest niepoprawny (dozwolone: małe litery a–z, cyfry, łącznik)"
            ),
            (BadId(id), Staff::En) => {
                format!("id \"{id}\" is invalid (allowed: lowercase a–z, digits, hyphen)")
            }
            (DuplicateId(id), Staff::Pl) => format!("identyfikator „{id}” powtarza się"),
            (DuplicateId(id), Staff::En) => format!("id \"{id}\" is used twice"),
            (UnknownReference { target, id }, Staff::Pl) => {
                format!("odwołanie do „{id}”, którego nie ma w {target}")
            }
            (UnknownReference { target, id }, Staff::En) => {
                format!("reference to \"{id}\", which is not in {target}")
            }
            (EuAboveValue, Staff::Pl) => "dofinansowanie UE przekracza wartość projektu".into(),
            (EuAboveValue, Staff::En) => "the EU contribution exceeds the project value".into(),
            (TotalTooLarge { eu }, Staff::Pl) => format!(
                "z tą kwotą suma {} wszystkich projektów przekracza 999 999 999 999 999,99, największą kwotę, jaką strona pokazuje: sprawdź kwoty projektów (czy któraś nie jest wpisana w groszach zamiast w złotych?)",
                if *eu { "dofinansowania UE" } else { "wartości" }
            ),
            (TotalTooLarge { eu }, Staff::En) => format!(
                "with this amount the total {} of all projects passes 999,999,999,999,999.99, the largest amount the site shows: check the projects' amounts (is one written in minor units instead of whole ones?)",
                if *eu { "EU contribution" } else { "value" }
            ),
            (TooManyItems { count, limit }, lang) => {
                let (count, limit) = (
                    super::format::integer(*count as u64, lang.into()),
                    super::format::integer(*limit as u64, lang.into()),
                );
                match lang {
                    // (No count in Polish: "10 002 pozycje" needs its plural.)
                    Staff::Pl => format!("lista jest dłuższa, niż serwis publikuje (najwyżej {limit} pozycji): to pierwsza pozycja ponad limit; usuń ją i następne albo połącz podobne"),
                    Staff::En => format!("this list has {count} items and the site publishes {limit} at most: this is the first past the limit; remove it and the ones after it, or merge similar ones"),
                }
            }
            (CurrencyMismatch, Staff::Pl) => "kwoty projektu są w różnych walutach".into(),
            (CurrencyMismatch, Staff::En) => {
                "the project's amounts are in different currencies".into()
            }
            (MixedCurrencies { expected, found }, Staff::Pl) => format!(
                "kwota w walucie {found}, a wcześniejsze projekty mają {expected}: wszystkie kwoty muszą być w jednej walucie, aby dało się je zsumować"
            ),
            (MixedCurrencies { expected, found }, Staff::En) => format!(
                "an amount in {found} where earlier projects use {expected}: all amounts must be in one currency so that they can be added up"
            ),
            (UnsafeUrl(u), Staff::Pl) => {
                format!("adres „{u}” odrzucony: dozwolone są tylko adresy http(s)")
            }
            (UnsafeUrl(u), Staff::En) => {
                format!("address \"{u}\" refused: only http(s) addresses are allowed")
            }
            (TooLong { chars, limit }, Staff::Pl) => {
                format!("tekst ma {chars} znaków, limit to {limit}")
            }
            (TooLong { chars, limit }, Staff::En) => {
                format!("the text has {chars} characters, the limit is {limit}")
            }
            (BadContact(v), Staff::Pl) => {
                format!("„{v}” nie jest poprawnym adresem e-mail ani numerem telefonu: wpisz sam adres (np. sekretariat@example.pl) albo numer z cyfr, spacji, myślników i znaku +")
            }
            (BadContact(v), Staff::En) => {
                format!("\"{v}\" is not a valid e-mail address or phone number: enter the address alone (e.g. office@example.pl) or a number of digits, spaces, hyphens and +")
            }
            (NotFilled, Staff::Pl) => {
                "pole do uzupełnienia przez redakcję (deklaracja dostępności)".into()
            }
            (NotFilled, Staff::En) => {
                "to be filled in by the editors (accessibility declaration)".into()
            }
            (BadSlug(v), Staff::Pl) => format!(
                "„{v}” nie nadaje się na nazwę pliku (dozwolone: małe litery a–z, cyfry, łącznik, do 40 znaków)"
            ),
            (BadSlug(v), Staff::En) => format!(
                "\"{v}\" cannot be a file name (allowed: lowercase a–z, digits, hyphen, up to 40 characters)"
            ),
            (BadColour(v), Staff::Pl) => {
                format!("„{v}” nie jest kolorem w zapisie #rrggbb")
            }
            (BadColour(v), Staff::En) => format!("\"{v}\" is not a colour written #rrggbb"),
            (
                LowContrast {
                    colour,
                    scheme,
                    backdrop,
                    ratio_hundredths,
                },
                Staff::Pl,
            ) => format!(
                "kolor akcentu {colour} ma w {} motywie kontrast {}:1 z {} ({}); potrzeba co najmniej {}:1",
                scheme.name(lang),
                ratio(*ratio_hundredths, lang),
                backdrop.name(lang),
                backdrop.colour(*scheme),
                ratio((MIN_CONTRAST * 100.0) as u32, lang),
            ),
            (
                LowContrast {
                    colour,
                    scheme,
                    backdrop,
                    ratio_hundredths,
                },
                Staff::En,
            ) => format!(
                "the accent {colour} has a contrast of {}:1 against {} ({}) in the {} theme; at least {}:1 is needed",
                ratio(*ratio_hundredths, lang),
                backdrop.name(lang),
                backdrop.colour(*scheme),
                scheme.name(lang),
                ratio((MIN_CONTRAST * 100.0) as u32, lang),
            ),
            (BadLogoName(v), Staff::Pl) => format!(
                "„{v}” nie jest nazwą pliku .svg ani .png leżącego obok pliku treści (bez folderów)"
            ),
            (BadLogoName(v), Staff::En) => format!(
                "\"{v}\" is not the name of a .svg or .png file beside the bundle (no folders)"
            ),
            (Logo(p), lang) => p.message(lang.into()),
            (BadFileName { name, expected }, Staff::Pl) => format!(
                "„{name}” nie jest nazwą pliku leżącego obok pliku treści (bez folderów, litery a–z, cyfry, - _ ., nie nazwa urządzenia Windows jak CON czy NUL) z końcówką {expected}: zmień nazwę pliku i wpisz ją tutaj"
            ),
            (BadFileName { name, expected }, Staff::En) => format!(
                "\"{name}\" is not the name of a file beside the bundle (no folders; letters a–z, digits, - _ .; not a Windows device name such as CON or NUL) ending in {expected}: rename the file and enter its new name here"
            ),
            (Media(p), lang) => p.message(lang.into()),
            (LongSentence { words, limit, start }, Staff::Pl) => format!(
                "zdanie „{start}…” ma {words} słów; w tekście łatwym do czytania zdanie ma najwyżej {limit}: podziel je"
            ),
            (LongSentence { words, limit, start }, Staff::En) => format!(
                "the sentence \"{start}…\" has {words} words; easy-to-read sentences have at most {limit}: split it"
            ),
            (LongParagraph { sentences, limit }, Staff::Pl) => format!(
                "akapit ma {sentences} zdań; w tekście łatwym do czytania akapit ma najwyżej {limit}: podziel go"
            ),
            (LongParagraph { sentences, limit }, Staff::En) => format!(
                "the paragraph has {sentences} sentences; easy-to-read paragraphs have at most {limit}: split it"
            ),
            (EtrBigNumber(n), Staff::Pl) => format!(
                "liczba „{n}” ma więcej niż 4 cyfry: w tekście łatwym do czytania napisz ją słowami i w zaokrągleniu (np. „prawie 2 miliony złotych”)"
            ),
            (EtrBigNumber(n), Staff::En) => format!(
                "the number \"{n}\" has more than 4 digits: in easy-to-read text, write it in words and rounded (e.g. \"almost 2 million złoty\")"
            ),
            (EtrInitials(w), Staff::Pl) => format!(
                "„{w}” to skrót: w tekście łatwym do czytania nie używaj skrótów; napisz pełną nazwę albo powiedz prostymi słowami, co to jest"
            ),
            (EtrUnexplained { term, part }, Staff::Pl) => format!(
                "„{term}” jest na liście słów do wyjaśnienia (Słowa do wyjaśnienia), a część „{part}”, w której pojawia się pierwszy raz, go nie wyjaśnia: dodaj tam zdanie, które zaczyna się od tego słowa i mówi, co znaczy (np. „{cap} to …”), albo użyj prostszego słowa"
            , cap = capitalised(term)),
            (EtrUnexplained { term, part }, Staff::En) => format!(
                "\"{term}\" is on the list of words to explain (Words to explain), and the part \"{part}\", where it first comes up, does not explain it: add a sentence there that starts with the word and says what it means (e.g. \"A {term} is …\"), or use a simpler word"
            ),
            (EtrInitials(w), Staff::En) => format!(
                "\"{w}\" is an abbreviation: in easy-to-read text, avoid abbreviations; write the full name or say in plain words what it is"
            ),
            (ReviewOverdue(day), Staff::Pl) => format!(
                "deklarację dostępności przejrzano ostatnio {day}, ponad 12 miesięcy temu; ustawa wymaga przeglądu co roku (do 31 marca): przejrzyj deklarację, popraw to, co się zmieniło, i wpisz dzisiejszą datę w „Data przeglądu deklaracji”"
            ),
            (ReviewOverdue(day), Staff::En) => format!(
                "the accessibility statement was last reviewed on {day}, more than 12 months ago; the act requires a review every year (by 31 March): review it, correct what has changed and enter today's date in \"Declaration reviewed\""
            ),
            (NoEuStrip, Staff::Pl) => {
                "projekt finansowany z UE nie ma jeszcze paska logotypów programu: dodaj plik paska („Plik paska logotypów”) i to, co przedstawia".into()
            }
            (NoEuStrip, Staff::En) => {
                "this EU-funded project has no programme logo strip yet: add the strip's file (\"Logo strip file\") and what it shows".into()
            }
            (BadKohesioId(v), Staff::Pl) => format!(
                "„{v}” nie jest identyfikatorem projektu w Kohesio: wpisz literę Q i cyfry z adresu strony projektu (np. Q2871153)"
            ),
            (BadKohesioId(v), Staff::En) => format!(
                "\"{v}\" is not a Kohesio project id: enter the letter Q and the digits from the project page's address (e.g. Q2871153)"
            ),
            (UnknownLanguage(tag), Staff::Pl) => format!(
                "język „{tag}” nie ma w tej wersji aplikacji napisów interfejsu (menu, dat, deklaracji); ma je dla: {}: usuń ten język z listy `languages` i jego teksty albo poproś twórców strony o dodanie jego napisów",
                Lang::all_tags()
            ),
            (UnknownLanguage(tag), Staff::En) => format!(
                "the language \"{tag}\" has no interface strings (menus, dates, the declaration) in this version of the app, which has them for: {}: remove it from `languages` with its texts, or ask the site's developers to add its strings",
                Lang::all_tags()
            ),
            (NoDefaultText(l), Staff::Pl) => format!(
                "brak tekstu w języku domyślnym strony ({}, „{}”): wpisz go; tłumaczenia nie zastąpią tekstu domyślnego",
                l.name_in(Staff::Pl),
                l.as_str()
            ),
            (NoDefaultText(l), Staff::En) => format!(
                "the text is missing in the site's default language ({}, \"{}\"): write it; translations cannot stand in for it",
                l.name_in(Staff::En),
                l.as_str()
            ),
            (UndeclaredLanguage(l), Staff::Pl) => format!(
                "tekst w języku „{}” ({}), którego nie ma na liście `languages`: dodaj ten język do listy albo usuń ten tekst",
                l.as_str(),
                l.name_in(Staff::Pl)
            ),
            (UndeclaredLanguage(l), Staff::En) => format!(
                "a text in {} (\"{}\"), which `languages` does not list: add the language to the list or remove this text",
                l.name_in(Staff::En),
                l.as_str()
            ),
            (DuplicateLanguage(l), Staff::Pl) => format!(
                "język „{}” jest na liście dwa razy: usuń powtórzenie",
                l.as_str()
            ),
            (DuplicateLanguage(l), Staff::En) => format!(
                "the language \"{}\" is listed twice: remove the repeat",
                l.as_str()
            ),
            (Untranslated(l), Staff::Pl) => format!(
                "brak tłumaczenia na język {} („{}”): dopisz je; do tego czasu strona w tym języku pokazuje tu tekst w języku domyślnym",
                l.name_in(Staff::Pl),
                l.as_str()
            ),
            (Untranslated(l), Staff::En) => format!(
                "no {} (\"{}\") translation: add it; until then the page in that language shows the default language's text here",
                l.name_in(Staff::En),
                l.as_str()
            ),
            (EmptyList, Staff::Pl) => {
                "lista jest pusta: dodaj co najmniej jedną pozycję albo usuń całą część".into()
            }
            (EmptyList, Staff::En) => {
                "the list is empty: add at least one item, or remove the whole part".into()
            }
            (NotADay(v), Staff::Pl) => format!(
                "„{v}” nie jest jednym dniem: deklaracja podaje daty dzienne, wpisz datę w zapisie RRRR-MM-DD, np. 2024-01-15"
            ),
            (NotADay(v), Staff::En) => format!(
                "\"{v}\" is not a single day: the declaration gives whole dates, write it as YYYY-MM-DD, e.g. 2024-01-15"
            ),
            (BadPostalCode(v), Staff::Pl) => {
                format!("„{v}” nie jest kodem pocztowym: wpisz go w zapisie NN-NNN, np. 31-000")
            }
            (BadPostalCode(v), Staff::En) => {
                format!("\"{v}\" is not a postal code: write it as NN-NNN, e.g. 31-000")
            }
            (LongAppName { chars, limit }, Staff::Pl) => format!(
                "nazwa ma {chars} znaków; pod ikoną aplikacji mieści się zwykle {limit}, dłuższa zostanie ucięta"
            ),
            (LongAppName { chars, limit }, Staff::En) => format!(
                "the name has {chars} characters; launchers show about {limit} under the icon and cut longer names off"
            ),
        }
    }
}

/// One fault: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub path: JsonPath,
    /// Where the faulty value starts (semantic faults) or where the parser
    /// stopped (structure faults). None only if the path cannot be found.
    pub at: Option<Location>,
    pub kind: FaultKind,
}

impl Fault {
    /// This fault with the place its path starts in `text` (for faults found
    /// without the text at hand, such as [`check_logo`](super::check_logo)'s).
    pub fn located_in(mut self, text: &str) -> Fault {
        self.at = super::locate::locate(text, &self.path.0);
        self
    }

    /// One line for editors and the CLI: `$.events[3].title.pl (12:17): the text is empty`.
    pub fn describe(&self, lang: Lang) -> String {
        match self.at {
            Some(at) => format!("{} ({at}): {}", self.path, self.kind.message(lang)),
            None => format!("{}: {}", self.path, self.kind.message(lang)),
        }
    }
}

/// Why a text did not become a [`Bundle`](super::Bundle).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    #[error("the bundle is {size} bytes, more than the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("the bundle is empty")]
    Empty,
    /// Written for a newer version of the app: not a fault of the content,
    /// the visitor's copy of the app is out of date.
    #[error("the bundle has schema version {found}; this app reads version {supported}")]
    NewerSchema { found: u32, supported: u32 },
    #[error("the bundle is not UTF-8 text (at {at})")]
    NotUtf8 { at: Location },
    #[error("the bundle is not valid JSON at {at}: {message}")]
    Syntax { message: String, at: Location },
    #[error("the bundle has {} fault(s); first: {}", .0.len(), .0[0].describe(Lang::En))]
    Invalid(Vec<Fault>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_reads_back_as_it_was_written() {
        let p = JsonPath::default()
            .key("events")
            .index(3)
            .key("title")
            .key("pl");
        assert_eq!(p.to_string(), "$.events[3].title.pl");
        assert_eq!(JsonPath::parse(&p.to_string()), Some(p));
        let odd = JsonPath::default().key("a b").index(0).key("c");
        assert_eq!(odd.to_string(), "$[\"a b\"][0].c");
        assert_eq!(JsonPath::parse(&odd.to_string()), Some(odd));
        assert_eq!(JsonPath::parse("$"), Some(JsonPath::default()));
        for bad in ["", "events", "$.", "$[x]", "$[1", "$..a", "$.a[\"b]"] {
            assert_eq!(JsonPath::parse(bad), None, "{bad}");
        }
    }
}
