//! Texts of the bundle: Polish required, English optional, and the checks that make a text honest (no hidden controls, not blank).

use serde::{Deserialize, Serialize};

/// The two languages of the app. Polish is the language of the source and of
/// every required text; English is a translation that may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Pl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Pl, Lang::En];

    /// BCP 47 tag, as used in `lang` attributes and stored preferences.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Pl => "pl",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag.get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("pl") => Some(Lang::Pl),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Pl => Lang::En,
            Lang::En => Lang::Pl,
        }
    }
}

/// A text of the bundle in Polish, with an optional English translation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Text {
    /// Polish text: required, never empty.
    pub pl: String,
    /// English translation; where absent the Polish text is shown, marked `lang="pl"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// A text picked for a reader, with the language it is really in, so the view
/// can mark a fallback with its own `lang` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    pub lang: Lang,
}

impl Text {
    pub fn get(&self, lang: Lang) -> Localized<'_> {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => Localized {
                text: en,
                lang: Lang::En,
            },
            _ => Localized {
                text: &self.pl,
                lang: Lang::Pl,
            },
        }
    }

    /// The text in `lang`, falling back to Polish.
    pub fn in_lang(&self, lang: Lang) -> &str {
        self.get(lang).text
    }

    /// The text in `lang` only, if it is given in it (no fallback).
    pub fn given(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Pl => Some(&self.pl),
            Lang::En => self.en.as_deref(),
        }
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
        let t = Text {
            pl: "Oś czasu".into(),
            en: None,
        };
        assert_eq!(
            t.get(Lang::En),
            Localized {
                text: "Oś czasu",
                lang: Lang::Pl
            }
        );
        let t = Text {
            pl: "Oś czasu".into(),
            en: Some("Timeline".into()),
        };
        assert_eq!(t.get(Lang::En).lang, Lang::En);
        assert_eq!(t.in_lang(Lang::Pl), "Oś czasu");
    }

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("pl-PL"), Some(Lang::Pl));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::Pl.other(), Lang::En);
    }
}
