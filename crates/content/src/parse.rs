//! Text → checked [`Bundle`], in one step: shape first (serde), then the rules
//! serde cannot express (unique ids, references, money, URLs), each fault
//! located by JSON path and line:column.

use super::colour::{self, Rgb, Scheme};
use super::date::{DateValue, Point};
use super::error::{ContentError, Fault, FaultKind, JsonPath, Segment};
use super::id::Id;
use super::locate::{
    byte_column_to_char, locate, locate_all, location_of, path_at, string_value_before,
};
use super::logo::{is_logo_name, media_files};
use super::model::Bundle;
use super::money::{Currency, Minor};
use super::text::{hidden_control, is_blank, Lang};
use std::collections::HashSet;

/// The bundle format this build understands. 2: the organisation carries
/// everything the app used to say about it itself (titles, descriptions,
/// colours, logo, file-name slug).
pub const SCHEMA_VERSION: u32 = 3;
/// The oldest format still read: 2, whose texts are all Polish and English
/// (it has no `languages`). Read as it is, byte for byte: its texts are
/// the same objects, its languages the default ones.
pub const MIN_SCHEMA_VERSION: u32 = 2;

/// Launchers show about this many characters of an app's name under its icon.
pub const APP_SHORT_NAME_CHARS: usize = 12;

/// Larger bundles are refused before parsing, with a clear message: a
/// runaway export must not freeze a phone. 10 000 timeline events take about
/// 5 MB, so this leaves room for years of growth.
pub const MAX_BUNDLE_BYTES: usize = 8 * 1024 * 1024;

/// Easy-to-read guidance: at most this many words in a sentence…
pub const ETR_SENTENCE_WORDS: usize = 15;
/// …and this many sentences in a paragraph.
pub const ETR_PARAGRAPH_SENTENCES: usize = 5;

/// The sentences of a text: ends at `.`, `!`, `?` or `…` followed by a
/// space or the end (so "1.5" and "art. 6" stay whole only where no space
/// follows; a stricter reading would need a dictionary of abbreviations,
/// and a warning may err on the side of short).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = vec![];
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '…') {
            let next = chars.peek().map(|&(_, n)| n);
            // "np. ", "art. ", "2004 r. ": an abbreviation, not an end.
            let word = text[start..i]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            let abbreviation = c == '.' && ABBREVIATIONS.contains(&word.to_lowercase().as_str());
            if next.is_none_or(char::is_whitespace) && !abbreviation {
                let end = i + c.len_utf8();
                let s = text[start..end].trim();
                if !s.is_empty() {
                    out.push(s);
                }
                start = end;
            }
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Words that end in a full stop inside a sentence (Polish and English).
const ABBREVIATIONS: [&str; 14] = [
    "np", "m.in", "art", "pkt", "ust", "ul", "tj", "tzw", "r", "ok", "nr", "e.g", "i.e", "etc",
];

/// No single text needs to be longer than this; longer is an editing accident.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The most events a bundle may have. Each event has four pages (two
/// languages, page and embed): 10 000 events are 40 000 pages, which the
/// publisher writes within the server's limits (deploy/rops-publish.service;
/// docs/administrators.md, "Limits"). An 8 MiB upload of short events (~72 000) would not.
pub const MAX_EVENTS: usize = 10_000;
/// The most items of each other list (sources, eras, projects, figures).
pub const MAX_ITEMS: usize = 1_000;

/// Parse raw bytes (as fetched), reporting invalid UTF-8 with its place.
pub fn parse_bytes(bytes: &[u8]) -> Result<Bundle, ContentError> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(ContentError::TooLarge {
            size: bytes.len(),
            limit: MAX_BUNDLE_BYTES,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            Err(ContentError::NotUtf8 {
                at: location_of(valid, valid.len()),
            })
        }
    }
}

pub fn parse(text: &str) -> Result<Bundle, ContentError> {
    if text.len() > MAX_BUNDLE_BYTES {
        return Err(ContentError::TooLarge {
            size: text.len(),
            limit: MAX_BUNDLE_BYTES,
        });
    }
    // A BOM is invisible in editors; accept it rather than report "line 1, column 1".
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ContentError::Empty);
    }
    // serde_json's default recursion limit (128) already stops deep nesting
    // with an error rather than a stack overflow. The JSON path of a shape
    // error is recovered from its position (locate::path_at) instead of being
    // tracked during every parse: a fifth of the parser's code size saved.
    let bundle: Bundle = match serde_json::from_str(text) {
        Ok(b) => b,
        // A newer format may have fields this app does not know: say
        // "update the app", not "the content is broken".
        Err(_) if newer_schema(text).is_some() => {
            return Err(ContentError::NewerSchema {
                found: newer_schema(text).unwrap_or_default(),
                supported: SCHEMA_VERSION,
            })
        }
        Err(err) => {
            let at = byte_column_to_char(text, err.line(), err.column());
            let message = strip_position(&err.to_string());
            return Err(match err.classify() {
                serde_json::error::Category::Data => {
                    let pos = byte_offset(text, err.line(), err.column());
                    // Our own value errors quote the value: place them at it.
                    let quoted = message.split('`').nth(1).filter(|q| !q.is_empty());
                    let (pos, at) = match quoted.and_then(|q| string_value_before(text, pos, q)) {
                        // The value ends there; its line:column is its start.
                        Some(end) => {
                            let path = path_at(text, end);
                            let start = locate(text, &path).unwrap_or(at);
                            (end, start)
                        }
                        None => (pos, at),
                    };
                    // A language without interface strings is said as
                    // such, in the staff's language, not as serde's text.
                    let (kind, pos, at) = match message.strip_prefix("unknown language \"") {
                        Some(rest) => {
                            let tag = rest.split('"').next().unwrap_or_default().to_owned();
                            // serde stops past the tag (a text's key, an item of
                            // `languages`): the fault is at the tag itself.
                            let quoted = serde_json::to_string(&tag).unwrap_or_default();
                            let (pos, at) = match text[..pos].rfind(&quoted) {
                                Some(start) => (start + quoted.len(), location_of(text, start)),
                                None => (pos, at),
                            };
                            (FaultKind::UnknownLanguage(tag), pos, at)
                        }
                        None => (FaultKind::Structure(message), pos, at),
                    };
                    ContentError::Invalid(vec![Fault {
                        path: JsonPath(path_at(text, pos)),
                        at: Some(at),
                        kind,
                    }])
                }
                _ => ContentError::Syntax { message, at },
            });
        }
    };
    if bundle.schema_version > SCHEMA_VERSION {
        return Err(ContentError::NewerSchema {
            found: bundle.schema_version,
            supported: SCHEMA_VERSION,
        });
    }
    let faults = check(&bundle, text);
    if faults.is_empty() {
        let mut bundle = bundle;
        // The default language first in every text: the fallback of a
        // missing translation is a text's first entry.
        let languages = bundle.languages().to_vec();
        for t in bundle.texts_mut() {
            t.order_by(&languages);
        }
        Ok(bundle)
    } else {
        Err(ContentError::Invalid(faults))
    }
}

/// The bundle's `schema_version` when it is newer than this app reads,
/// read leniently (any other field may be unknown or of another shape).
fn newer_schema(text: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Peek {
        schema_version: u32,
    }
    serde_json::from_str::<Peek>(text)
        .ok()
        .map(|p| p.schema_version)
        .filter(|&v| v > SCHEMA_VERSION)
}

/// Byte offset of serde_json's (line, byte column) position.
fn byte_offset(text: &str, line: usize, byte_col: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + byte_col).min(text.len())
}

/// serde_json appends " at line X column Y"; we show our own character-based position.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// Collects semantic faults with their paths; positions are filled in at the end.
struct Checker<'b> {
    faults: Vec<(JsonPath, FaultKind)>,
    /// The bundle's languages, the default first.
    languages: &'b [Lang],
    /// Texts not yet given in one of the bundle's languages: warnings,
    /// which [`warnings`] reports (the page shows the default language).
    untranslated: Vec<(JsonPath, FaultKind)>,
}

impl Checker<'_> {
    fn fault(&mut self, path: JsonPath, kind: FaultKind) {
        self.faults.push((path, kind));
    }

    fn text(&mut self, path: JsonPath, t: &[(Lang, &str)]) {
        let mut one = |p: JsonPath, s: &str| {
            // Bytes bound characters from above: count only long texts.
            let chars = if s.len() > MAX_TEXT_CHARS {
                s.chars().count()
            } else {
                0
            };
            // Blank first: a text of invisible characters only is empty,
            // and saying so is the more useful message.
            if is_blank(s) {
                self.faults.push((p, FaultKind::EmptyText));
            } else if let Some((code, index, kind)) = hidden_control(s) {
                self.faults
                    .push((p, FaultKind::HiddenControl { code, index, kind }));
            } else if chars > MAX_TEXT_CHARS {
                self.faults.push((
                    p,
                    FaultKind::TooLong {
                        chars,
                        limit: MAX_TEXT_CHARS,
                    },
                ));
            }
        };
        for &(lang, s) in t {
            one(path.key(lang.as_str()), s);
        }
        let given = |lang: Lang| t.iter().any(|(l, _)| *l == lang);
        let default = self.languages[0];
        if !given(default) {
            self.faults.push((
                path.key(default.as_str()),
                FaultKind::NoDefaultText(default),
            ));
        }
        for &(lang, _) in t {
            if !self.languages.contains(&lang) {
                self.faults
                    .push((path.key(lang.as_str()), FaultKind::UndeclaredLanguage(lang)));
            }
        }
        for &lang in &self.languages[1..] {
            if !given(lang) {
                self.untranslated
                    .push((path.key(lang.as_str()), FaultKind::Untranslated(lang)));
            }
        }
    }

    /// A plain string shown to readers: the same rules as a [`Text`]'s.
    fn plain(&mut self, path: JsonPath, s: &str) {
        if is_blank(s) {
            self.fault(path, FaultKind::EmptyText);
        } else if let Some((code, index, kind)) = hidden_control(s) {
            self.fault(path, FaultKind::HiddenControl { code, index, kind });
        }
    }

    /// Whether a value that is not prose (an address, an e-mail) holds no
    /// invisible character; the fault is reported here if it does, so the
    /// caller's own check (with its message quoting the value) is skipped.
    fn visible(&mut self, path: JsonPath, s: &str) -> bool {
        match hidden_control(s) {
            Some((code, index, kind)) => {
                self.fault(path, FaultKind::HiddenControl { code, index, kind });
                false
            }
            None => true,
        }
    }

    fn colour(&mut self, path: JsonPath, s: &str) -> Option<Rgb> {
        let c = Rgb::parse(s);
        if c.is_none() {
            self.fault(path, FaultKind::BadColour(s.to_owned()));
        }
        c
    }

    /// Every text `sections` declare in a bundle's JSON.
    fn declared_texts(&mut self, sections: &[crate::fields::Section], json: &serde_json::Value) {
        for (path, text) in crate::fields::texts(sections, json) {
            self.text_value(path, text);
        }
    }

    /// A text as the bundle's JSON holds it (see [`crate::fields::texts`]).
    fn text_value(&mut self, path: JsonPath, v: &serde_json::Value) {
        let Some(o) = v.as_object() else { return };
        let entries: Vec<(Lang, &str)> = o
            .iter()
            .filter_map(|(tag, s)| Some((Lang::exact(tag)?, s.as_str()?)))
            .collect();
        self.text(path, &entries);
    }

    fn id(&mut self, path: JsonPath, id: &str, seen: &mut HashSet<String>) {
        if Id::parse(id).is_none() {
            self.fault(path.clone(), FaultKind::BadId(id.to_owned()));
        }
        if !seen.insert(id.to_owned()) {
            self.fault(path, FaultKind::DuplicateId(id.to_owned()));
        }
    }

    fn reference(&mut self, path: JsonPath, id: &str, ids: &HashSet<String>, target: &'static str) {
        if !ids.contains(id) {
            self.fault(
                path,
                FaultKind::UnknownReference {
                    target,
                    id: id.to_owned(),
                },
            );
        }
    }
}

/// Good enough to make a `mailto:` link that cannot carry anything else.
fn is_plausible_email(e: &str) -> bool {
    let mut parts = e.split('@');
    matches!((parts.next(), parts.next(), parts.next()), (Some(u), Some(d), None)
        if !u.is_empty() && d.contains('.') && !e.chars().any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '?' | '&' | ':' | '/')))
}

/// Digits, spaces and the usual separators only, so it can become a `tel:` link.
fn is_plausible_phone(p: &str) -> bool {
    p.chars().filter(char::is_ascii_digit).count() >= 6
        && p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
}

/// Fields an editor has yet to fill in: not faults (the app works and says
/// so honestly), but reported by the validator so they are not forgotten.
pub fn warnings(b: &Bundle, text: &str) -> Vec<Fault> {
    let path = JsonPath::default().key("accessibility");
    let mut w: Vec<(JsonPath, FaultKind)> = b
        .accessibility
        .missing()
        .into_iter()
        .map(|field| (path.key(field), FaultKind::NotFilled))
        .collect();
    let chars = b.organisation.app_short_name.chars().count();
    if chars > APP_SHORT_NAME_CHARS {
        w.push((
            JsonPath::default()
                .key("organisation")
                .key("app_short_name"),
            FaultKind::LongAppName {
                chars,
                limit: APP_SHORT_NAME_CHARS,
            },
        ));
    }
    if let Some(er) = &b.easy_read {
        for &lang in b.languages() {
            let sections: Vec<Vec<&str>> = er
                .sections
                .iter()
                // A paragraph not given in this language is empty here, so
                // that indexes stay the section's.
                .map(|s| {
                    s.paragraphs
                        .iter()
                        .map(|p| p.given(lang).unwrap_or(""))
                        .collect()
                })
                .collect();
            let terms: Vec<&str> = er.terms.iter().filter_map(|t| t.given(lang)).collect();
            for (term, i, j) in unexplained_terms(&sections, &terms) {
                let sec = &er.sections[i];
                let path = JsonPath::default()
                    .key("easy_read")
                    .key("sections")
                    .index(i)
                    .key("paragraphs")
                    .index(j)
                    .key(lang.as_str());
                let part = sec.heading.in_lang(lang).to_owned();
                w.push((
                    path,
                    FaultKind::EtrUnexplained {
                        term: term.to_owned(),
                        part,
                    },
                ));
            }
        }
        for (i, sec) in er.sections.iter().enumerate() {
            for (j, para) in sec.paragraphs.iter().enumerate() {
                let pp = JsonPath::default()
                    .key("easy_read")
                    .key("sections")
                    .index(i)
                    .key("paragraphs")
                    .index(j);
                for (lang, text) in para.entries() {
                    let key = lang.as_str();
                    let all = sentences(text);
                    if all.len() > ETR_PARAGRAPH_SENTENCES {
                        w.push((
                            pp.key(key),
                            FaultKind::LongParagraph {
                                sentences: all.len(),
                                limit: ETR_PARAGRAPH_SENTENCES,
                            },
                        ));
                    }
                    for number in big_numbers(text) {
                        w.push((pp.key(key), FaultKind::EtrBigNumber(number)));
                    }
                    for word in initials(text) {
                        w.push((pp.key(key), FaultKind::EtrInitials(word)));
                    }
                    for s in all {
                        let words = s.split_whitespace().count();
                        if words > ETR_SENTENCE_WORDS {
                            let start: Vec<&str> = s.split_whitespace().take(5).collect();
                            w.push((
                                pp.key(key),
                                FaultKind::LongSentence {
                                    words,
                                    limit: ETR_SENTENCE_WORDS,
                                    start: start.join(" "),
                                },
                            ));
                        }
                    }
                }
            }
        }
    }
    for (i, p) in b.projects.iter().enumerate() {
        if p.eu_funded() && p.eu_visibility.is_none() {
            w.push((
                JsonPath::default().key("projects").index(i),
                FaultKind::NoEuStrip,
            ));
        }
    }
    // The missing translations: the text walk alone (parse ran the rest).
    let json: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    w.extend(text_faults(&crate::fields::SECTIONS, &json, b.languages()).1);
    // A field left out of the file is placed at its parent (the 2024
    // declaration's fields are new: older files lack them; a translation
    // not yet written is placed at its text).
    located(text, w, true)
}

/// Numbers of more than four digits in `text` ("1 980 000", "1,683,000",
/// "12345"), as written, each once: easy-to-read text says them in words
/// ("almost 2 million"). Years and other four-digit numbers pass, and so
/// do phone numbers ("+48 …", or after "tel.", "telefon", "numer",
/// "phone", "number"), which are dialled digit by digit.
pub fn big_numbers(text: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut out: Vec<String> = vec![];
    let mut i = 0;
    while i < chars.len() {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = 0;
        while digit(i) {
            digits += 1;
            i += 1;
        }
        // Thousands groups: a separator and exactly three digits.
        while i < chars.len()
            && matches!(chars[i].1, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.')
            && (1..=3).all(|k| digit(i + k))
            && !digit(i + 4)
        {
            digits += 3;
            i += 4;
        }
        let before = text[..chars[start].0].trim_end();
        let last_word = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_end_matches([':', '.'])
            .to_lowercase();
        let phone = before.ends_with('+')
            || ["tel", "telefon", "telefonu", "numer", "phone", "number"]
                .contains(&last_word.as_str());
        if digits > 4 && !phone {
            let end = chars.get(i).map_or(text.len(), |(b, _)| *b);
            let number = text[chars[start].0..end].to_owned();
            if !out.contains(&number) {
                out.push(number);
            }
        }
    }
    out
}

/// Words that say what the word before them is, in the easy-to-read
/// text's languages ("Gmina to…", "Gmina czyli…", "A municipality is…",
/// "Гміна — це…"; the dash is not a word).
const EXPLAINS: [&str; 13] = [
    "to",
    "czyli",
    "oznacza",
    "jest",
    "is",
    "are",
    "means",
    "mean",
    "це",
    "тобто",
    "означає",
    "означають",
    "є",
];

/// A word's stem for matching it however it is inflected: lower case,
/// without its last letter when it has five or more ("gmina" finds
/// "gminami", "spółdzielnia socjalna" finds "spółdzielniach socjalnych",
/// "municipality" finds "municipalities"); short words match as written.
fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    let n = lower.chars().count();
    if n >= 5 {
        lower.chars().take(n - 1).collect()
    } else {
        lower
    }
}

/// The words of `text`, lower case.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `words` has the stems `term` from position `at`.
fn term_at(words: &[String], at: usize, term: &[String]) -> bool {
    term.len() <= words.len().saturating_sub(at)
        && term
            .iter()
            .zip(&words[at..])
            .all(|(stem, word)| word.starts_with(stem.as_str()))
}

/// The words of `terms` (one language's) that the easy-to-read text does
/// not explain where it first uses them: for each, the first paragraph
/// using it (by section and paragraph index) when no sentence of that
/// paragraph's section starts with the word (after "a", "an" or "the")
/// followed by "to", "czyli", "oznacza", "jest", "is", "are" or "means".
/// `sections` holds each section's paragraphs in this language.
pub fn unexplained_terms<'t>(
    sections: &[Vec<&str>],
    terms: &[&'t str],
) -> Vec<(&'t str, usize, usize)> {
    // Each paragraph's words and each section's sentences' words, once
    // for every term (the editor runs this on every change of a draft).
    let paragraphs: Vec<Vec<Vec<String>>> = sections
        .iter()
        .map(|paras| paras.iter().map(|p| words_of(p)).collect())
        .collect();
    let sentence_words: Vec<Vec<Vec<String>>> = sections
        .iter()
        .map(|paras| {
            paras
                .iter()
                .flat_map(|p| sentences(p))
                .map(words_of)
                .collect()
        })
        .collect();
    let mut out = vec![];
    for &term in terms {
        let stems: Vec<String> = words_of(term).iter().map(|w| stem(w)).collect();
        if stems.is_empty() {
            continue;
        }
        let used = |words: &Vec<String>| (0..words.len()).any(|at| term_at(words, at, &stems));
        let first = paragraphs
            .iter()
            .enumerate()
            .find_map(|(i, paras)| paras.iter().position(used).map(|j| (i, j)));
        let Some((i, j)) = first else {
            continue;
        };
        let explained = sentence_words[i].iter().any(|words| {
            let at = usize::from(matches!(
                words.first().map(String::as_str),
                Some("a" | "an" | "the")
            ));
            term_at(words, at, &stems)
                && words
                    .get(at + stems.len())
                    .is_some_and(|w| EXPLAINS.contains(&w.as_str()))
        });
        if !explained {
            out.push((term, i, j));
        }
    }
    out
}

/// Abbreviations in `text`: words of two or more capital letters and no
/// small ones ("ROPS", "EFS"), each once. Easy-to-read text spells names
/// out or says what they are.
pub fn initials(text: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2
            && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
            && !out.iter().any(|w| w == word)
        {
            out.push(word.to_owned());
        }
    }
    out
}

/// The declaration's last review, if it is more than 12 months before
/// `today` (year, month, day): art. 11 of the act has the declaration
/// reviewed every year (by 31 March). A warning at `reviewed`, for the
/// validator and the editor, which know the date; the content itself has
/// no clock.
pub fn review_overdue(b: &Bundle, text: &str, today: (u16, u8, u8)) -> Vec<Fault> {
    let DateValue::At(Point::Day(y, m, d)) = b.accessibility.reviewed else {
        return vec![];
    };
    // A year after the review, as a day that exists (29 February → 1 March).
    let due = if m == 2 && d == 29 {
        (y + 1, 3, 1)
    } else {
        (y + 1, m, d)
    };
    if today <= due {
        return vec![];
    }
    let path = JsonPath::default().key("accessibility").key("reviewed");
    let reviewed = b.accessibility.reviewed.to_string();
    located(text, vec![(path, FaultKind::ReviewOverdue(reviewed))], true)
}

/// `faults` with the place each starts in `text`, all found in one pass.
fn located(text: &str, faults: Vec<(JsonPath, FaultKind)>, nearest: bool) -> Vec<Fault> {
    let paths: Vec<&[Segment]> = faults.iter().map(|(p, _)| p.0.as_slice()).collect();
    let at = locate_all(text, &paths, nearest);
    faults
        .into_iter()
        .zip(at)
        .map(|((path, kind), at)| Fault { path, at, kind })
        .collect()
}

/// Kohesio's project ids are Wikibase items: `Q` and digits.
fn is_kohesio_id(s: &str) -> bool {
    s.len() <= 20
        && s.strip_prefix('Q')
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// A Polish postal code, `NN-NNN`.
fn is_postal_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 6
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

/// A slug is an id (a–z, digits, hyphens) short enough for a file name.
fn is_slug(s: &str) -> bool {
    s.len() <= 40 && Id::parse(s).is_some() && !s.starts_with('-') && !s.ends_with('-')
}

/// Only absolute http(s) URLs may become links.
pub fn is_safe_url(u: &str) -> bool {
    let lower = u.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && u.len() > "http://".len()
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Faults with their places, before they are located in the text.
pub type Placed = Vec<(JsonPath, FaultKind)>;

/// The text rules on every text `sections` declare in `json`, for a
/// bundle in `languages` (the default first): faults, then the missing
/// translations. What [`parse`] and [`warnings`] do with the shipped
/// declaration; a test gives it a declaration of its own.
pub fn text_faults(
    sections: &[crate::fields::Section],
    json: &serde_json::Value,
    languages: &[Lang],
) -> (Placed, Placed) {
    let mut c = Checker {
        faults: vec![],
        languages,
        untranslated: vec![],
    };
    c.declared_texts(sections, json);
    (c.faults, c.untranslated)
}

fn check(b: &Bundle, text: &str) -> Vec<Fault> {
    // A text missing in the default language is placed at the text.
    located(text, walk(b, text).faults, true)
}

/// The validator's walk over the whole bundle: its faults, and the texts
/// still to be translated (the second part of [`warnings`]).
fn walk<'b>(b: &'b Bundle, text: &str) -> Checker<'b> {
    let root = JsonPath::default();
    let mut c = Checker {
        faults: vec![],
        languages: b.languages(),
        untranslated: vec![],
    };

    if let Some(langs) = &b.languages {
        let lp = root.key("languages");
        if langs.is_empty() {
            c.fault(lp.clone(), FaultKind::EmptyList);
        }
        for (i, l) in langs.iter().enumerate() {
            if langs[..i].contains(l) {
                c.fault(lp.index(i), FaultKind::DuplicateLanguage(*l));
            }
        }
    }

    if !(MIN_SCHEMA_VERSION..=SCHEMA_VERSION).contains(&b.schema_version) {
        c.fault(
            root.key("schema_version"),
            FaultKind::UnsupportedSchema {
                found: b.schema_version,
                supported: SCHEMA_VERSION,
            },
        );
    }

    // Every text the declaration names (crate::fields): one walk, so that
    // a field added there is checked here without another line. Over the
    // file's own JSON (which parsed as `b`, so it reads): serialising `b`
    // instead would compile a serializer for every model type into the
    // visitors' wasm.
    let json: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    c.declared_texts(&crate::fields::SECTIONS, &json);

    let mut source_ids = HashSet::new();
    for (i, s) in b.sources.iter().enumerate() {
        let p = root.key("sources").index(i);
        c.id(p.key("id"), &s.id, &mut source_ids);
        if let Some(u) = &s.url {
            if c.visible(p.key("url"), u) && !is_safe_url(u) {
                c.fault(p.key("url"), FaultKind::UnsafeUrl(u.clone()));
            }
        }
    }

    let o = &b.organisation;
    let op = root.key("organisation");
    c.reference(op.key("source"), &o.source, &source_ids, "sources");
    c.plain(op.key("app_short_name"), &o.app_short_name);
    if !is_slug(&o.slug) {
        c.fault(op.key("slug"), FaultKind::BadSlug(o.slug.clone()));
    }
    c.colour(op.key("theme_colour"), &o.theme_colour);
    if let Some(accent) = &o.accent {
        let ap = op.key("accent");
        for (scheme, key, value) in [
            (Scheme::Light, "light", &accent.light),
            (Scheme::Dark, "dark", &accent.dark),
        ] {
            let Some(rgb) = c.colour(ap.key(key), value) else {
                continue;
            };
            if let Some((backdrop, ratio)) = colour::too_low(rgb, scheme) {
                c.fault(
                    ap.key(key),
                    FaultKind::LowContrast {
                        colour: value.clone(),
                        scheme,
                        backdrop,
                        // Rounded down, so a ratio shown as 4.50 really is one.
                        ratio_hundredths: (ratio * 100.0).floor() as u32,
                    },
                );
            }
        }
    }
    if let Some(logo) = &o.logo {
        let lp = op.key("logo");
        if !is_logo_name(&logo.file) {
            c.fault(lp.key("file"), FaultKind::BadLogoName(logo.file.clone()));
        }
    }
    if let Some(a) = &o.address {
        let ap = op.key("address");
        c.plain(ap.key("street"), &a.street);
        c.plain(ap.key("locality"), &a.locality);
        if !is_postal_code(&a.postal_code) {
            c.fault(
                ap.key("postal_code"),
                FaultKind::BadPostalCode(a.postal_code.clone()),
            );
        }
    }
    for (i, u) in o.same_as.iter().enumerate() {
        let up = op.key("same_as").index(i);
        if c.visible(up.clone(), u) && !is_safe_url(u) {
            c.fault(up, FaultKind::UnsafeUrl(u.clone()));
        }
    }
    // Every other file the bundle names: a plain name of its kind.
    for (path, name, kind) in media_files(b) {
        if kind != super::logo::MediaKind::Logo && !kind.allows(name) {
            c.fault(
                path,
                FaultKind::BadFileName {
                    name: name.to_owned(),
                    expected: kind.endings(),
                },
            );
        }
    }
    // An empty list would draw a page of nothing where the footer promises
    // content; absent, the page says it is being prepared.
    if let Some(er) = &b.easy_read {
        if er.sections.is_empty() {
            c.fault(root.key("easy_read").key("sections"), FaultKind::EmptyList);
        }
        for (i, sec) in er.sections.iter().enumerate() {
            let sp = root.key("easy_read").key("sections").index(i);
            if sec.paragraphs.is_empty() {
                c.fault(sp.key("paragraphs"), FaultKind::EmptyList);
            }
        }
    }
    if let Some(sl) = &b.sign_language {
        if sl.videos.is_empty() {
            c.fault(
                root.key("sign_language").key("videos"),
                FaultKind::EmptyList,
            );
        }
    }
    let cp = root.key("contact");
    let contact = &b.contact;
    if let Some(e) = &contact.email {
        if c.visible(cp.key("email"), e) && !is_plausible_email(e) {
            c.fault(cp.key("email"), FaultKind::BadContact(e.clone()));
        }
    }
    if let Some(p) = &contact.phone {
        if c.visible(cp.key("phone"), p) && !is_plausible_phone(p) {
            c.fault(cp.key("phone"), FaultKind::BadContact(p.clone()));
        }
    }
    if let Some(u) = &contact.bip_url {
        if c.visible(cp.key("bip_url"), u) && !is_safe_url(u) {
            c.fault(cp.key("bip_url"), FaultKind::UnsafeUrl(u.clone()));
        }
    }
    if let Some(e) = &contact.epuap {
        c.plain(cp.key("epuap"), e);
    }
    if let Some(od) = &b.open_data {
        let dp = root.key("open_data");
        if c.visible(dp.key("licence_url"), &od.licence_url) && !is_safe_url(&od.licence_url) {
            c.fault(
                dp.key("licence_url"),
                FaultKind::UnsafeUrl(od.licence_url.clone()),
            );
        }
    }

    // Bounded work: a list past its limit is refused at its first item
    // past it (the publisher's time and memory grow with the pages).
    for (name, len, limit) in [
        ("sources", b.sources.len(), MAX_ITEMS),
        ("eras", b.eras.len(), MAX_ITEMS),
        ("projects", b.projects.len(), MAX_ITEMS),
        ("events", b.events.len(), MAX_EVENTS),
        ("figures", b.figures.len(), MAX_ITEMS),
    ] {
        if len > limit {
            c.fault(
                root.key(name).index(limit),
                FaultKind::TooManyItems { count: len, limit },
            );
        }
    }

    let mut era_ids = HashSet::new();
    for (i, e) in b.eras.iter().enumerate() {
        let p = root.key("eras").index(i);
        c.id(p.key("id"), &e.id, &mut era_ids);
    }

    let mut project_ids = HashSet::new();
    // The currency of the first amount; every other must match it.
    let mut currency: Option<Currency> = None;
    // The funding page's totals, told at the project that passes the limit.
    let (mut total, mut total_eu) = (Some(Minor(0)), Some(Minor(0)));
    for (i, pr) in b.projects.iter().enumerate() {
        let p = root.key("projects").index(i);
        for (sum, amount, field) in [
            (&mut total, pr.value, "value"),
            (&mut total_eu, pr.eu_contribution, "eu_contribution"),
        ] {
            if let (Some(before), Some(m)) = (*sum, amount) {
                *sum = Minor::total([before, m.minor]);
                if sum.is_none() {
                    c.fault(
                        p.key(field).key("amount"),
                        FaultKind::TotalTooLarge {
                            eu: field == "eu_contribution",
                        },
                    );
                }
            }
        }
        // A project's own two amounts are compared below (CurrencyMismatch).
        let own = match (pr.value, pr.eu_contribution) {
            (Some(v), _) => Some(("value", v.currency)),
            (None, Some(eu)) => Some(("eu_contribution", eu.currency)),
            (None, None) => None,
        };
        if let Some((field, cur)) = own {
            match currency {
                None => currency = Some(cur),
                Some(first) if first != cur => c.fault(
                    p.key(field).key("currency"),
                    FaultKind::MixedCurrencies {
                        expected: first.as_str(),
                        found: cur.as_str(),
                    },
                ),
                Some(_) => {}
            }
        }
        c.id(p.key("id"), &pr.id, &mut project_ids);
        c.reference(p.key("source"), &pr.source, &source_ids, "sources");
        if let Some(n) = &pr.contract_number {
            c.plain(p.key("contract_number"), n);
        }
        if let Some(k) = &pr.kohesio_id {
            if !is_kohesio_id(k) {
                c.fault(p.key("kohesio_id"), FaultKind::BadKohesioId(k.clone()));
            }
        }
        if let (Some(v), Some(eu)) = (pr.value, pr.eu_contribution) {
            if v.currency != eu.currency {
                c.fault(
                    p.key("eu_contribution").key("currency"),
                    FaultKind::CurrencyMismatch,
                );
            } else if eu.minor > v.minor {
                c.fault(p.key("eu_contribution"), FaultKind::EuAboveValue);
            }
        }
    }

    let mut event_ids = HashSet::new();
    for (i, e) in b.events.iter().enumerate() {
        let p = root.key("events").index(i);
        c.id(p.key("id"), &e.id, &mut event_ids);
        if let Some(pr) = &e.project {
            c.reference(p.key("project"), pr, &project_ids, "projects");
        }
        c.reference(p.key("source"), &e.source, &source_ids, "sources");
    }

    let mut figure_ids = HashSet::new();
    for (i, f) in b.figures.iter().enumerate() {
        let p = root.key("figures").index(i);
        c.id(p.key("id"), &f.id, &mut figure_ids);
        if let Some(pr) = &f.project {
            c.reference(p.key("project"), pr, &project_ids, "projects");
        }
        c.reference(p.key("source"), &f.source, &source_ids, "sources");
    }

    let dp = root.key("accessibility");
    let a = &b.accessibility;
    // The template's dates are days; a year, a month or a range (which the
    // timeline's dates may be) would give its `<time>` no valid datetime.
    for (name, d) in [
        ("published", a.published),
        ("updated", a.updated),
        ("prepared", a.prepared),
        ("reviewed", a.reviewed),
    ] {
        if d.is_given() && !matches!(d, DateValue::At(Point::Day(..))) {
            c.fault(dp.key(name), FaultKind::NotADay(d.to_string()));
        }
    }
    if let Some(u) = &a.site_url {
        if c.visible(dp.key("site_url"), u) && !is_safe_url(u) {
            c.fault(dp.key("site_url"), FaultKind::UnsafeUrl(u.clone()));
        }
    }
    // The contact person is shown as text: a text's rules ("" is no name).
    if let Some(p) = &a.contact_person {
        c.plain(dp.key("contact_person"), p);
    }
    if let Some(e) = &a.email {
        if c.visible(dp.key("email"), e) && !is_plausible_email(e) {
            c.fault(dp.key("email"), FaultKind::BadContact(e.clone()));
        }
    }
    if let Some(p) = &a.phone {
        if c.visible(dp.key("phone"), p) && !is_plausible_phone(p) {
            c.fault(dp.key("phone"), FaultKind::BadContact(p.clone()));
        }
    }

    c
}
