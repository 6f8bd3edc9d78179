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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
}

/// The first character that would change how a text is shown or read while
/// being invisible itself, as (code point, 1-based character index):
/// bidirectional embeddings, overrides and isolates (U+202A–202E,
/// U+2066–2069: they can make "100" read as "001", or a name as another),
/// and control characters other than newline and tab (C0, DEL, C1).
pub fn hidden_control(s: &str) -> Option<(u32, usize)> {
    // A byte scan for the UTF-8 forms of those characters: every text of a
    // 10 000-event bundle passes here, so no char-by-char decoding unless
    // one is found.
    let b = s.as_bytes();
    let at = (0..b.len()).find(|&i| match b[i] {
        x if x < 0x20 => x != b'\n' && x != b'\t',
        0x7F => true,
        0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
        0xE2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    })?;
    let c = s[at..].chars().next()?;
    Some((c as u32, s[..at].chars().count() + 1))
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
    fn hidden_controls_are_found_with_their_place() {
        assert_eq!(hidden_control("RegioStars 2016"), None);
        assert_eq!(hidden_control("line\nnext\tcell"), None);
        assert_eq!(hidden_control("ab\u{202E}cd"), Some((0x202E, 3)));
        assert_eq!(hidden_control("\u{2066}x"), Some((0x2066, 1)));
        assert_eq!(hidden_control("żółw\u{0007}"), Some((7, 5)));
        assert_eq!(hidden_control("a\rb"), Some((13, 2)));
        assert_eq!(hidden_control("a\u{0085}b"), Some((0x85, 2)));
        // Visible punctuation and the no-break space are fine.
        assert_eq!(hidden_control("1\u{a0}980\u{a0}000 zł – „ok”"), None);
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
