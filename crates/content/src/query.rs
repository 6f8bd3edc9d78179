//! The timeline's questions: which events match a filter, how a filter is
//! written in the URL, and how search ignores case and Polish diacritics.

use super::model::{Bundle, Era, Event, EventKind};
use super::text::Lang;

/// Lower-case and strip diacritics, so "spoldzielnie" finds "Spółdzielnie".
/// Covers Polish fully and the common Latin-1/Latin-A letters of names
/// (Lombardia, RegioStars) that may appear in the content.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            out.push(match l {
                'ą' | 'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
                'ć' | 'č' | 'ç' => 'c',
                'ę' | 'è' | 'é' | 'ê' | 'ë' | 'ě' => 'e',
                'ł' => 'l',
                'ń' | 'ñ' | 'ň' => 'n',
                'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
                'ś' | 'š' => 's',
                'ź' | 'ż' | 'ž' => 'z',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
                'ý' | 'ÿ' => 'y',
                'ř' => 'r',
                'ď' => 'd',
                'ť' => 't',
                // Typographic quotes and dashes fold to plain ones, so a search
                // typed on a phone keyboard finds text set with „…” and –.
                '„' | '”' | '“' => '"',
                '–' | '—' => '-',
                // Ukrainian writes its apostrophe (суб’єкт) as ’ or ʼ;
                // keyboards type '.
                '’' | 'ʼ' | '‘' => '\'',
                other => other,
            });
        }
    }
    out
}

/// Polish words change their endings with case and number ("spółdzielnie",
/// "spółdzielni", "spółdzielniach"): a search word of 6+ letters matches
/// without its last letter, of 8+ without its last two. Crude next to a real
/// stemmer, but it costs nothing and finds what visitors type.
pub fn stem(word: &str) -> String {
    let n = word.chars().count();
    let keep = match n {
        0..=5 => n,
        6..=7 => n - 1,
        _ => n - 2,
    };
    word.chars().take(keep).collect()
}

/// What the visitor narrowed the timeline to. Empty means "everything".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Kinds to show; empty = all kinds.
    pub kinds: Vec<EventKind>,
    /// Era id; None = all eras.
    pub era: Option<String>,
    /// Project id; None = all projects.
    pub project: Option<String>,
    /// Free text, as typed.
    pub query: String,
}

impl Filter {
    /// How many filters are in force (each kind counts), for "Filtry (2)".
    pub fn active_count(&self) -> usize {
        self.kinds.len()
            + usize::from(self.era.is_some())
            + usize::from(self.project.is_some())
            + usize::from(!self.query.trim().is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
            && self.era.is_none()
            && self.project.is_none()
            && self.query.trim().is_empty()
    }

    /// Reads `kind=award,policy&era=equal&project=mokes&q=text` (already
    /// decoded pairs). Unknown kinds and keys are ignored: an old or hand-made
    /// link still opens, showing as much of the filter as makes sense.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Filter {
        let mut f = Filter::default();
        for (k, v) in pairs {
            match k {
                "kind" => {
                    for part in v.split(',') {
                        if let Some(kind) = EventKind::parse(part) {
                            if !f.kinds.contains(&kind) {
                                f.kinds.push(kind);
                            }
                        }
                    }
                }
                "era" if !v.is_empty() => f.era = Some(v.to_owned()),
                "project" if !v.is_empty() => f.project = Some(v.to_owned()),
                "q" => f.query = v.to_owned(),
                _ => {}
            }
        }
        // One canonical order, so equal filters give equal URLs.
        f.kinds
            .sort_by_key(|k| EventKind::ALL.iter().position(|x| x == k));
        f
    }

    /// The pairs to put in the URL (not yet percent-encoded), in a fixed order.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![];
        if !self.kinds.is_empty() {
            let kinds: Vec<&str> = self.kinds.iter().map(|k| k.as_str()).collect();
            v.push(("kind", kinds.join(",")));
        }
        if let Some(e) = &self.era {
            v.push(("era", e.clone()));
        }
        if let Some(p) = &self.project {
            v.push(("project", p.clone()));
        }
        if !self.query.trim().is_empty() {
            v.push(("q", self.query.clone()));
        }
        v
    }

    pub fn toggled(&self, kind: EventKind) -> Filter {
        let mut f = self.clone();
        if let Some(i) = f.kinds.iter().position(|k| *k == kind) {
            f.kinds.remove(i);
        } else {
            f.kinds.push(kind);
            f.kinds
                .sort_by_key(|k| EventKind::ALL.iter().position(|x| x == k));
        }
        f
    }
}

/// Folded searchable text of every event, built once per bundle and language
/// so that each keystroke is a plain substring scan (10 000 events: ~1 ms).
pub struct SearchIndex {
    folded: Vec<String>,
}

impl SearchIndex {
    pub fn new(events: &[&Event], lang: Lang) -> SearchIndex {
        SearchIndex {
            folded: events
                .iter()
                .map(|e| {
                    let mut s = fold(e.title.in_lang(lang));
                    s.push('\n');
                    s.push_str(&fold(e.description.in_lang(lang)));
                    s
                })
                .collect(),
        }
    }

    /// Indices (into the slice the index was built from) of matching events.
    /// Every word of the query must appear, in any order, up to its ending
    /// (see [`stem`]).
    pub fn matching(&self, bundle: &Bundle, events: &[&Event], filter: &Filter) -> Vec<usize> {
        let words: Vec<String> = fold(&filter.query).split_whitespace().map(stem).collect();
        events
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                (filter.kinds.is_empty() || filter.kinds.contains(&e.kind))
                    && filter
                        .project
                        .as_ref()
                        .is_none_or(|p| e.project.as_ref() == Some(p))
                    && filter
                        .era
                        .as_ref()
                        .is_none_or(|era| bundle.eras_of(e).iter().any(|x| &x.id == era))
                    && words.iter().all(|w| self.folded[*i].contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

impl Era {
    /// The era's name and, unless the name already says it, its period
    /// ("RPO WM na lata 2014–2020" is not followed by "2014–2020" again).
    pub fn name_and_period(&self, lang: Lang) -> (&str, Option<String>) {
        let name = self.name.in_lang(lang);
        let period = super::format::date(self.period, lang);
        (name, (!name.contains(&period)).then_some(period))
    }
}

impl Bundle {
    /// The era an event is drawn in: the first era (in bundle order) its
    /// start falls in. An event whose date is not given has none.
    pub fn primary_era(&self, event: &Event) -> Option<&Era> {
        let start = event.date.start()?;
        self.eras.iter().find(|era| match era.period {
            super::DateValue::At(p) => p.year() == start.year(),
            super::DateValue::Range { start: s, end } => {
                start.year() >= s.year() && end.is_none_or(|e| start.year() <= e.year())
            }
            super::DateValue::NotGiven => false,
        })
    }
}

/// "3 wydarzenia" / "3 events", with Polish plural rules
/// (1 wydarzenie, 2–4 wydarzenia, 5–21 wydarzeń, 22–24 wydarzenia, 25 wydarzeń…).
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_era_project_and_text_counts_as_one_filter() {
        assert_eq!(Filter::default().active_count(), 0);
        let f = Filter::from_pairs([("kind", "award,policy"), ("era", "equal"), ("q", "  ")]);
        assert_eq!(f.active_count(), 3);
        let f = Filter::from_pairs([("project", "mokes"), ("q", "x")]);
        assert_eq!(f.active_count(), 2);
    }

    #[test]
    fn ukrainian_apostrophes_and_the_kohesio_language() {
        // The bundle writes ’; a keyboard types ' (or ʼ): one search word.
        assert_eq!(fold("Суб’єктів"), fold("суб'єктів"));
        assert_eq!(fold("субʼєктів"), fold("суб'єктів"));
        // Kohesio has the EU's languages: Ukrainian readers get English.
        let b = crate::parse(include_str!(
            "../../../tests/fixtures/fictional/bundle.json"
        ))
        .unwrap();
        let p = b.projects.iter().find(|p| p.kohesio_id.is_some()).unwrap();
        let url = |l| p.kohesio_url(l).unwrap();
        assert!(url(Lang::Uk).starts_with("https://kohesio.ec.europa.eu/en/projects/"));
        assert!(url(Lang::Pl).starts_with("https://kohesio.ec.europa.eu/pl/projects/"));
    }

    #[test]
    fn an_era_named_after_its_period_does_not_say_it_twice() {
        let b = crate::parse(include_str!("../../../public/content/bundle.json")).unwrap();
        let era = |id: &str| b.eras.iter().find(|e| e.id == id).unwrap();
        assert_eq!(
            era("rpo-wm-2014-2020").name_and_period(Lang::Pl),
            ("RPO WM na lata 2014–2020", None)
        );
        assert_eq!(
            era("equal").name_and_period(Lang::Pl),
            ("Inicjatywa Wspólnotowa EQUAL", Some("2004".to_owned()))
        );
    }
    use crate::parse;

    const REAL: &str = include_str!("../../../public/content/bundle.json");

    #[test]
    fn folding_ignores_case_and_polish_diacritics() {
        assert_eq!(fold("Spółdzielnie SOCJALNE"), "spoldzielnie socjalne");
        assert_eq!(fold("ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż"), "acelnoszz acelnoszz");
        assert_eq!(fold("„Wzrost” – 2016"), "\"wzrost\" - 2016");
        assert!(fold("Małopolski Ośrodek").contains(&fold("malopolski osrodek")));
    }

    #[test]
    fn filter_round_trips_through_the_url() {
        let f = Filter::from_pairs([
            ("kind", "policy,award,bogus,award"),
            ("era", "equal"),
            ("q", "spółdzielnie"),
            ("x", "y"),
        ]);
        assert_eq!(f.kinds, vec![EventKind::Policy, EventKind::Award]);
        assert_eq!(f.era.as_deref(), Some("equal"));
        assert_eq!(f.query, "spółdzielnie");
        let pairs = f.to_pairs();
        let again = Filter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, f);
        assert!(Filter::from_pairs([("q", "  ")]).is_empty());
        assert_eq!(f.toggled(EventKind::Award).kinds, vec![EventKind::Policy]);
        assert_eq!(
            f.toggled(EventKind::Project).kinds,
            vec![EventKind::Project, EventKind::Policy, EventKind::Award]
        );
    }

    fn ids(b: &Bundle, f: &Filter, lang: Lang) -> Vec<String> {
        let events = b.events_chronological();
        let index = SearchIndex::new(&events, lang);
        index
            .matching(b, &events, f)
            .into_iter()
            .map(|i| events[i].id.clone())
            .collect()
    }

    #[test]
    fn filters_by_kind_era_project_and_text() {
        let b = parse(REAL).unwrap();
        let awards = Filter {
            kinds: vec![EventKind::Award],
            ..Default::default()
        };
        assert_eq!(
            ids(&b, &awards, Lang::Pl),
            [
                "2012-nagroda-ministra-gospodarki",
                "2016-regiostars",
                "wyroznienie-reves"
            ]
        );
        let era = Filter {
            era: Some("rpo-wm-2014-2020".into()),
            ..Default::default()
        };
        assert_eq!(ids(&b, &era, Lang::Pl), ["2015-mokes", "2016-regiostars"]);
        let project = Filter {
            project: Some("akademia-rozwoju-es".into()),
            ..Default::default()
        };
        assert_eq!(
            ids(&b, &project, Lang::Pl),
            ["2008-akademia-rozwoju-es", "wspolpraca-lombardia"]
        );
        let text = Filter {
            query: "SPOLDZIELNIACH socjalnych".into(),
            ..Default::default()
        };
        assert_eq!(ids(&b, &text, Lang::Pl), ["2008-akademia-rozwoju-es"]);
        // Another case ending than the text's ("spółdzielni", "spółdzielniach").
        let inflected = Filter {
            query: "spoldzielnie".into(),
            ..Default::default()
        };
        assert_eq!(
            ids(&b, &inflected, Lang::Pl),
            ["2008-akademia-rozwoju-es", "wspolpraca-lombardia"]
        );
        let nothing = Filter {
            query: "zzzz".into(),
            ..Default::default()
        };
        assert!(ids(&b, &nothing, Lang::Pl).is_empty());
        let en = Filter {
            query: "cooperatives".into(),
            ..Default::default()
        };
        assert_eq!(
            ids(&b, &en, Lang::En),
            ["2008-akademia-rozwoju-es", "wspolpraca-lombardia"]
        );
        let none = Filter {
            kinds: vec![EventKind::Award],
            query: "lombardii".into(),
            ..Default::default()
        };
        assert!(ids(&b, &none, Lang::Pl).is_empty());
        assert_eq!(ids(&b, &Filter::default(), Lang::Pl).len(), b.events.len());
    }

    #[test]
    fn primary_era_of_each_seed_event() {
        let b = parse(REAL).unwrap();
        let era = |id: &str| b.primary_era(b.event(id).unwrap()).map(|e| e.id.as_str());
        assert_eq!(era("2004-lider-equal"), Some("equal"));
        assert_eq!(era("strategia-2007-2013"), Some("okres-2007-2013"));
        assert_eq!(
            era("2012-nagroda-ministra-gospodarki"),
            Some("okres-2007-2013")
        );
        assert_eq!(era("2015-mokes"), Some("rpo-wm-2014-2020"));
        assert_eq!(era("wyroznienie-reves"), None);
    }

    #[test]
    fn stems_keep_short_words_whole() {
        assert_eq!(stem("equal"), "equal");
        assert_eq!(stem("lombard"), "lombar");
        assert_eq!(stem("spoldzielnie"), "spoldzieln");
        assert_eq!(stem(""), "");
    }
}
