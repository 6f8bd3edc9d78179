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

#[cfg(test)]
mod tests {
    use super::*;

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
