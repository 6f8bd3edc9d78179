//! Texts of the bundle: the default language required, the others optional, and the checks that make a text honest (no hidden controls, not blank).

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// The languages this app has interface strings for. A bundle declares
/// which of them it publishes in (`languages`, the first being the default
/// at `/`); a language not listed here is refused by name, since the pages
/// around its texts (menus, dates, the declaration's template) would have
/// nothing to say in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    Pl,
    En,
    Uk,
    /// German: the fictional test organisation's fourth language, proof
    /// that a language the app was not built around works once its
    /// interface strings exist (docs/languages.md).
    De,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Pl, Lang::En, Lang::Uk, Lang::De];

    /// The languages of a bundle that does not declare its own
    /// (`schema_version` 2): the app's first two.
    pub const UNDECLARED: [Lang; 2] = [Lang::Pl, Lang::En];

    /// BCP 47 tag, as used in `lang` attributes, bundle keys and stored preferences.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Pl => "pl",
            Lang::En => "en",
            Lang::Uk => "uk",
            Lang::De => "de",
        }
    }

    /// The language's place in [`Lang::ALL`], for per-language tables.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The language's name in itself, as a language switch lists it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Pl => "Polski",
            Lang::En => "English",
            Lang::Uk => "Українська",
            Lang::De => "Deutsch",
        }
    }

    /// The language's name inside a staff message ("no English
    /// translation", "brak tłumaczenia na język angielski").
    pub fn name_in(self, to: Staff) -> &'static str {
        match (self, to) {
            (Lang::Pl, Staff::Pl) => "polski",
            (Lang::En, Staff::Pl) => "angielski",
            (Lang::Uk, Staff::Pl) => "ukraiński",
            (Lang::De, Staff::Pl) => "niemiecki",
            (Lang::Pl, Staff::En) => "Polish",
            (Lang::En, Staff::En) => "English",
            (Lang::Uk, Staff::En) => "Ukrainian",
            (Lang::De, Staff::En) => "German",
        }
    }

    /// "In this language", for a staff label: "Tytuł (po ukraińsku)",
    /// "Title (in Ukrainian)".
    pub fn in_words(self, to: Staff) -> &'static str {
        match (self, to) {
            (Lang::Pl, Staff::Pl) => "po polsku",
            (Lang::En, Staff::Pl) => "po angielsku",
            (Lang::Uk, Staff::Pl) => "po ukraińsku",
            (Lang::De, Staff::Pl) => "po niemiecku",
            (Lang::Pl, Staff::En) => "in Polish",
            (Lang::En, Staff::En) => "in English",
            (Lang::Uk, Staff::En) => "in Ukrainian",
            (Lang::De, Staff::En) => "in German",
        }
    }

    /// A browser's or a stored preference's tag ("pl-PL", "EN"): its
    /// primary subtag, any case.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::exact(&primary.to_ascii_lowercase())
    }

    /// A bundle's key: exactly the tag, as the schema lists it.
    pub fn exact(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.as_str() == tag)
    }

    /// The tags of [`Lang::ALL`], for messages: "pl, en".
    pub fn all_tags() -> String {
        Lang::ALL.map(Lang::as_str).join(", ")
    }
}

/// The languages staff messages are written in (the validator's, the
/// workbook's, the editor's): Polish and English. Staff work in the
/// bundle's source language or in English; a visitor reading another
/// language who meets a content fault's details reads them in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staff {
    Pl,
    En,
}

impl From<Lang> for Staff {
    fn from(l: Lang) -> Staff {
        match l {
            Lang::Pl => Staff::Pl,
            Lang::En | Lang::Uk | Lang::De => Staff::En,
        }
    }
}

impl From<Staff> for Lang {
    fn from(s: Staff) -> Lang {
        match s {
            Staff::Pl => Lang::Pl,
            Staff::En => Lang::En,
        }
    }
}

/// Refused by name: the message says which languages the app has strings for.
impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        lang_key(&tag)
    }
}

fn lang_key<E: de::Error>(tag: &str) -> Result<Lang, E> {
    Lang::exact(tag).ok_or_else(|| {
        E::custom(format_args!(
            // Not in backticks: the parser would place a quoted value at the
            // last string containing it, and a key is not a value.
            "unknown language \"{tag}\": this version of the app has interface strings for {} only",
            Lang::all_tags()
        ))
    })
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Lang {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Lang".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let tags: Vec<&str> = Lang::ALL.map(Lang::as_str).to_vec();
        schemars::json_schema!({
            "description": "A language tag (BCP 47) this app has interface strings for.",
            "type": "string",
            "enum": tags
        })
    }
}

/// A text of the bundle in the languages it is given in: the bundle's
/// default language (required, checked by the validator) and any of its
/// other languages (a missing one is a warning, and the page shows the
/// default language's text marked with its own `lang`). Kept in the
/// bundle's language order once loaded, so the first entry is the default.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(Vec<(Lang, String)>);

/// A text picked for a reader, with the language it is really in, so the view
/// can mark a fallback with its own `lang` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    pub lang: Lang,
}

impl Text {
    /// A text in one language (the bundle's default when built by a tool).
    pub fn new(lang: Lang, text: impl Into<String>) -> Text {
        Text(vec![(lang, text.into())])
    }

    /// A Polish text with an optional English translation: the shape of
    /// every text of a `schema_version` 2 bundle.
    pub fn pl_en(pl: impl Into<String>, en: Option<String>) -> Text {
        let mut t = Text::new(Lang::Pl, pl);
        if let Some(en) = en {
            t.set(Lang::En, en);
        }
        t
    }

    /// The text in `lang`, or in the default language (its first entry)
    /// when not translated, saying which it is.
    pub fn get(&self, lang: Lang) -> Localized<'_> {
        self.0
            .iter()
            .find(|(l, _)| *l == lang)
            .or_else(|| self.0.first())
            .map_or(
                // Only an invalid bundle has a text with no entry; it never
                // reaches a page, but a tool reading it gets an empty text.
                Localized { text: "", lang },
                |(l, t)| Localized { text: t, lang: *l },
            )
    }

    /// The text in `lang`, falling back to the default language.
    pub fn in_lang(&self, lang: Lang) -> &str {
        self.get(lang).text
    }

    /// The text in `lang` only, if it is given in it (no fallback).
    pub fn given(&self, lang: Lang) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, t)| t.as_str())
    }

    /// The default language's text (the first entry).
    pub fn default_text(&self) -> &str {
        self.0.first().map_or("", |(_, t)| t)
    }

    /// Sets the text in `lang`, keeping its place if it is given already.
    pub fn set(&mut self, lang: Lang, text: impl Into<String>) {
        match self.0.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, t)) => *t = text.into(),
            None => self.0.push((lang, text.into())),
        }
    }

    /// Drops the text in `lang`; whether there was one.
    pub fn remove(&mut self, lang: Lang) -> bool {
        let before = self.0.len();
        self.0.retain(|(l, _)| *l != lang);
        self.0.len() != before
    }

    /// Each language the text is given in, with its text, in order.
    pub fn entries(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.0.iter().map(|(l, t)| (*l, t.as_str()))
    }

    /// Puts the entries in the bundle's language order (languages it does
    /// not list last, as written), so the default language comes first.
    pub fn order_by(&mut self, languages: &[Lang]) {
        let rank = |l: &Lang| languages.iter().position(|x| x == l).unwrap_or(usize::MAX);
        self.0.sort_by_key(|(l, _)| rank(l));
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a text: an object with a text for each language (\"pl\": \"…\", \"en\": \"…\")")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut entries: Vec<(Lang, String)> = Vec::new();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let lang = lang_key(&key)?;
                    if entries.iter().any(|(l, _)| *l == lang) {
                        return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                    entries.push((lang, map.next_value()?));
                }
                Ok(Text(entries))
            }
        }
        d.deserialize_map(V)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (l, t) in &self.0 {
            m.serialize_entry(l.as_str(), t)?;
        }
        m.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut props = serde_json::Map::new();
        for l in Lang::ALL {
            props.insert(
                l.as_str().into(),
                serde_json::json!({
                    "type": "string",
                    "description": format!("The text in {} ({}).", l.name_in(Staff::En), l.as_str())
                }),
            );
        }
        schemars::json_schema!({
            "description": "A text in the bundle's languages: the default language (the first of `languages`) required, the others translations that may be missing (the page then shows the default language's text).",
            "type": "object",
            "properties": props,
            "additionalProperties": false,
            "minProperties": 1
        })
    }
}

/// The kinds of character a text may not hold: each is invisible and
/// changes how the text around it is shown, read, searched or copied.
/// Polish and English need none of them (languages that do, such as
/// Persian's zero-width non-joiner, are not this app's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invisible {
    /// C0 and C1 controls and DEL, other than newline and tab.
    Control,
    /// The Unicode Bidi_Control set: U+061C, U+200E–200F, U+202A–202E,
    /// U+2066–2069. A U+200F on each side of "1 980 000" shows it as
    /// "000 980 1"; an override shows a name as another.
    Direction,
    /// Zero-width and invisible format characters (U+180E, U+200B–200D,
    /// U+2060–2065, U+206A–206F, U+FEFF): a word with one inside looks the
    /// same and is not found by search.
    ZeroWidth,
    /// Tag characters (U+E0000–E007F): invisible text that can carry a
    /// hidden message.
    Tag,
    /// U+2028 and U+2029: a line or paragraph break that many programs do
    /// not show (a newline is the break to use).
    Separator,
}

impl Invisible {
    /// The one definition: which characters no text may hold, and why.
    pub fn of(c: char) -> Option<Invisible> {
        match c {
            '\n' | '\t' => None,
            c if c.is_control() => Some(Invisible::Control),
            '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => Some(Invisible::Direction),
            '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}' => Some(Invisible::ZeroWidth),
            '\u{E0000}'..='\u{E007F}' => Some(Invisible::Tag),
            '\u{2028}' | '\u{2029}' => Some(Invisible::Separator),
            _ => None,
        }
    }
}

/// The first character of `s` that [`Invisible::of`] refuses, as (code
/// point, 1-based character index, kind).
pub fn hidden_control(s: &str) -> Option<(u32, usize, Invisible)> {
    // A byte scan for the lead bytes of those characters' UTF-8 forms
    // (every text of a 10 000-event bundle passes here), deciding each
    // candidate by decoding it and asking Invisible::of: one definition.
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let candidate = match b[i] {
            x if x < 0x20 || x == 0x7F => true,
            0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF | 0xF3 => true,
            _ => false,
        };
        if candidate && s.is_char_boundary(i) {
            if let Some(c) = s[i..].chars().next() {
                if let Some(kind) = Invisible::of(c) {
                    return Some((c as u32, s[..i].chars().count() + 1, kind));
                }
            }
        }
        i += 1;
    }
    None
}

/// A long text's paragraphs: the parts between blank lines, trimmed (a
/// transcript typed or pasted with empty lines between its paragraphs).
/// A single newline stays inside its paragraph.
pub fn paragraphs(s: &str) -> Vec<&str> {
    let mut out = vec![];
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in s.split_inclusive('\n') {
        if is_blank(line) {
            if let Some(st) = start.take() {
                out.push(s[st..end].trim());
            }
        } else {
            start.get_or_insert(offset);
            end = offset + line.len();
        }
        offset += line.len();
    }
    if let Some(st) = start {
        out.push(s[st..end].trim());
    }
    out
}

/// True when nothing in the text would be visible: white space and
/// zero-width or formatting characters only (U+200B, U+2060, U+FEFF, soft
/// hyphens, variation selectors…). Such a text is as empty as "".
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || matches!(c,
                '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
                | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
                | '\u{FFA0}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E007F}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_split_at_blank_lines() {
        assert_eq!(paragraphs("Jeden akapit."), ["Jeden akapit."]);
        assert_eq!(
            paragraphs("\nPierwszy\nwiersz drugi\n\n  \n Drugi. \n\n"),
            ["Pierwszy\nwiersz drugi", "Drugi."]
        );
        assert_eq!(paragraphs("a\n\t\nb"), ["a", "b"]);
        assert!(paragraphs(" \n\n").is_empty());
    }

    #[test]
    fn hidden_controls_are_found_with_their_place() {
        use Invisible::*;
        assert_eq!(hidden_control("RegioStars 2016"), None);
        assert_eq!(hidden_control("line\nnext\tcell"), None);
        assert_eq!(hidden_control("ab\u{202E}cd"), Some((0x202E, 3, Direction)));
        assert_eq!(hidden_control("\u{2066}x"), Some((0x2066, 1, Direction)));
        assert_eq!(hidden_control("żółw\u{0007}"), Some((7, 5, Control)));
        assert_eq!(hidden_control("a\rb"), Some((13, 2, Control)));
        assert_eq!(hidden_control("a\u{0085}b"), Some((0x85, 2, Control)));
        // Visible punctuation and the no-break space are fine.
        assert_eq!(hidden_control("1\u{a0}980\u{a0}000 zł – „ok”"), None);
    }

    #[test]
    fn each_kind_of_invisible_character_is_found_where_it_stands() {
        use Invisible::*;
        for (c, kind) in [
            ('\u{0007}', Control),
            ('\u{007F}', Control),
            ('\u{009B}', Control),
            ('\u{061C}', Direction),
            ('\u{200E}', Direction),
            ('\u{200F}', Direction),
            ('\u{202A}', Direction),
            ('\u{202E}', Direction),
            ('\u{2066}', Direction),
            ('\u{2069}', Direction),
            ('\u{180E}', ZeroWidth),
            ('\u{200B}', ZeroWidth),
            ('\u{200C}', ZeroWidth),
            ('\u{200D}', ZeroWidth),
            ('\u{2060}', ZeroWidth),
            ('\u{2064}', ZeroWidth),
            ('\u{206F}', ZeroWidth),
            ('\u{FEFF}', ZeroWidth),
            ('\u{E0001}', Tag),
            ('\u{E0041}', Tag),
            ('\u{E007F}', Tag),
            ('\u{2028}', Separator),
            ('\u{2029}', Separator),
        ] {
            // "Dotacja 1" is nine characters: the mark is the tenth.
            let s = format!("Dotacja 1{c}980 000 zł");
            assert_eq!(
                hidden_control(&s),
                Some((c as u32, 10, kind)),
                "U+{:04X}",
                c as u32
            );
        }
        // What Polish and English text uses stays: letters, no-break and
        // thin spaces, dashes, quotes, the soft hyphen, the euro sign.
        assert_eq!(
            hidden_control("Zażółć gęślą jaźń\u{a0}–\u{2009}„cytat” — ‘x’ … € ko\u{ad}operatywa"),
            None
        );
    }

    #[test]
    fn invisible_only_texts_are_blank() {
        assert!(is_blank(""));
        assert!(is_blank(" \n\t"));
        assert!(is_blank("\u{200B}\u{2060}\u{FEFF}"));
        assert!(is_blank("\u{00A0}\u{200B} \u{00AD}"));
        assert!(!is_blank("\u{200B}a"));
        assert!(!is_blank("–"));
    }

    #[test]
    fn english_falls_back_to_polish_and_says_so() {
        let t = Text::new(Lang::Pl, "Oś czasu");
        assert_eq!(
            t.get(Lang::En),
            Localized {
                text: "Oś czasu",
                lang: Lang::Pl
            }
        );
        let t = Text::pl_en("Oś czasu", Some("Timeline".into()));
        assert_eq!(t.get(Lang::En).lang, Lang::En);
        assert_eq!(t.in_lang(Lang::Pl), "Oś czasu");
    }

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("pl-PL"), Some(Lang::Pl));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
        assert_eq!(Lang::from_tag("lt"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("uk-UA"), Some(Lang::Uk));
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::ALL.map(Lang::index), [0, 1, 2, 3]);
    }
}
