//! Where the form shows each field of the declaration
//! (`rops_content::fields`, which the form draws from): which field a
//! validator fault belongs to ([`field_for`]) and how it is named
//! ([`place_of`]), new items, and deleting them.

use super::json_path::{fault_dom_id, Path, Seg};
pub use rops_app::content::fields::{Field, Group, Kind, Part, Section, SECTIONS};
use rops_app::content::{JsonPath, Lang, Segment, Staff};
use serde_json::{json, Value};

/// What the editor asks of a declared section.
pub trait SectionExt {
    fn path(&self) -> Path;
    fn testid(&self) -> &'static str;
    fn has_ids(&self) -> bool;
    fn depth_in(&self, segs: &[Segment]) -> Option<usize>;
    fn lies_within(&self, segs: &[Segment]) -> bool;
}

impl SectionExt for Section {
    /// The section's place in the draft (`easy_read.sections`: the list).
    fn path(&self) -> Path {
        Path::root().keys(self.key)
    }

    /// The section's name in `data-testid`s: its key's first step (the
    /// words to explain, the one section beside another in the same
    /// object, have their own).
    fn testid(&self) -> &'static str {
        match self.key {
            "easy_read" => "easy_read_terms",
            k => k.split('.').next().unwrap_or(k),
        }
    }

    /// Whether its items have an id (made from the title while new).
    fn has_ids(&self) -> bool {
        self.fields.iter().any(|f| matches!(f.kind, Kind::Id))
    }

    /// How many steps of a fault's path the section's key takes, if the
    /// path is at or below it.
    fn depth_in(&self, segs: &[Segment]) -> Option<usize> {
        let keys: Vec<&str> = self.key.split('.').collect();
        let below = keys.len() <= segs.len()
            && keys
                .iter()
                .zip(segs)
                .all(|(k, s)| matches!(s, Segment::Key(x) if x == k));
        below.then_some(keys.len())
    }

    /// Whether the section lies within what a fault's path names, without
    /// being it (`$.easy_read` holds the list `easy_read.sections`): the
    /// fault is then the section's as a whole.
    fn lies_within(&self, segs: &[Segment]) -> bool {
        let keys: Vec<&str> = self.key.split('.').collect();
        !segs.is_empty()
            && segs.len() < keys.len()
            && keys
                .iter()
                .zip(segs)
                .all(|(k, s)| matches!(s, Segment::Key(x) if x == k))
    }
}

/// The section a fault's path is in, and how many steps its key takes.
fn section_at(segs: &[Segment]) -> Option<(&'static Section, usize)> {
    SECTIONS
        .iter()
        .find_map(|s| s.depth_in(segs).map(|d| (s, d)))
}

/// The keys of a field as steps (none for the item itself).
fn spec_keys(spec: &Field) -> Vec<&'static str> {
    spec.keys().collect()
}

/// A new item of a list section: empty texts for the editor to fill in,
/// no date, no amount (unknown, never 0), the first source.
pub fn new_item(section: &Section, first_source: Option<&str>, default: Lang) -> Value {
    let src = first_source.unwrap_or_default();
    // An empty text in the default language, the one a text must have.
    let t = || json!({ default.as_str(): "" });
    match section.key {
        "sources" => json!({"id": "", "title": t(), "url": null}),
        "eras" => json!({"id": "", "name": t(), "period": null, "note": null}),
        "projects" => json!({
            "id": "", "name": t(), "kind": null, "role": "implementer",
            "programme": t(), "measure": null, "period": null, "fund": null,
            "dates": null, "summary": t(), "activities": [], "activities_note": null,
            "value": null, "eu_contribution": null, "source": src
        }),
        "figures" => json!({
            "id": "", "value": 0, "bound": "exact", "label": t(),
            "project": null, "source": src
        }),
        // One empty paragraph: a section is there to say something.
        "easy_read.sections" => json!({
            "heading": t(), "paragraphs": [t()], "picture": null
        }),
        "sign_language.videos" => json!({
            "title": t(), "file": "", "captions": {"pl": ""}, "poster": null,
            "transcript": t()
        }),
        _ => json!({
            "id": "", "date": null, "kind": "project", "title": t(),
            "description": t(), "project": null, "source": src
        }),
    }
}

/// Deletes item `i` of the list at `list`, every list of the form alike (a
/// section's items, a field's texts): a list held by an optional object
/// (the easy-to-read text's sections and words to explain, the videos)
/// that leaves the object with nothing takes the object with it, so that
/// no content and none given are one thing, as in the workbook.
pub fn delete_item(v: &mut Value, list: &Path, i: usize) {
    super::draft::remove_item(v, list, i);
    drop_empty_holder(v, list);
}

/// The optional objects that hold lists (and nothing that must be there):
/// left with nothing in them, they go.
const OPTIONAL_HOLDERS: [&str; 2] = ["easy_read", "sign_language"];

/// The holder of the list at `list`, if it is one of [`OPTIONAL_HOLDERS`]
/// and holds nothing any more, set to null.
fn drop_empty_holder(v: &mut Value, list: &Path) {
    let holder = Path(list.0[..list.0.len().saturating_sub(1)].to_vec());
    let optional = matches!(&holder.0[..], [Seg::Key(k)] if OPTIONAL_HOLDERS.contains(k));
    if optional && super::json_path::len_at(v, list) == 0 {
        // Unless the object holds more (the words to explain beside the
        // easy-to-read sections): then the validator asks for a section.
        let more = super::json_path::get(v, &holder)
            .and_then(Value::as_object)
            .is_some_and(|o| o.values().any(|x| !is_empty_value(x)));
        if !more {
            super::json_path::set(v, &holder, Value::Null);
        }
    }
}

/// Null, an empty list or an empty object.
fn is_empty_value(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// The dom id of the field a fault at `path` belongs to: the field itself
/// (for a text, its Polish or English input), else the item, the section,
/// or the form as a whole.
pub fn field_for(path: &JsonPath, default: Lang) -> String {
    // A text's input is its language's; a fault at the text as a whole is
    // shown at the default language's input, the first drawn.
    let lang_of = |tail: &[Segment]| match tail.first() {
        Some(Segment::Key(l)) if Lang::exact(l).is_some() => l.clone(),
        _ => default.as_str().to_owned(),
    };
    let segs = &path.0;
    let Some(Segment::Key(first)) = segs.first() else {
        return "f".into();
    };
    if let Some(s) = SECTIONS.iter().find(|s| s.lies_within(segs)) {
        return s.path().dom_id();
    }
    let Some((section, depth)) = section_at(segs) else {
        return match first.as_str() {
            "content_date" => "f-content-date".into(),
            _ => "f".into(),
        };
    };
    let (item, rest) = if section.list {
        match segs.get(depth) {
            Some(Segment::Index(i)) => (section.path().index(*i), &segs[depth + 1..]),
            _ => return section.path().dom_id(),
        }
    } else {
        (section.path(), &segs[depth..])
    };
    for spec in section.fields {
        let keys = spec_keys(spec);
        let matches = keys.len() <= rest.len()
            && keys
                .iter()
                .zip(rest)
                .all(|(k, s)| matches!(s, Segment::Key(x) if x == k));
        if !matches {
            continue;
        }
        let field = item.keys(spec.key);
        let tail = &rest[keys.len()..];
        return match (spec.kind, tail) {
            (Kind::Text { .. } | Kind::OptText { .. }, tail) => {
                format!("{}-{}", field.dom_id(), lang_of(tail))
            }
            (Kind::TextList, [Segment::Index(i), tail @ ..]) => {
                format!("{}-{i}-{}", field.dom_id(), lang_of(tail))
            }
            (Kind::StrList, [Segment::Index(i), ..]) => format!("{}-{i}", field.dom_id()),
            (Kind::OptPair(pair), [Segment::Key(k), ..]) if pair.iter().any(|p| p.0 == k) => {
                format!("{}-{k}", field.dom_id())
            }
            (Kind::OptPair(pair), _) => format!("{}-{}", field.dom_id(), pair[0].0),
            (Kind::Group(g), tail) => {
                let part = g.part_for(tail);
                let id = part_path(&field, part.keys).dom_id();
                if part.text {
                    let below = tail.get(part.keys.len()..).unwrap_or_default();
                    format!("{id}-{}", lang_of(below))
                } else {
                    id
                }
            }
            _ => field.dom_id(),
        };
    }
    // A fault at an object of several fields (`captions`): its first field.
    let within = section.fields.iter().find(|spec| {
        let keys = spec_keys(spec);
        !rest.is_empty()
            && rest.len() < keys.len()
            && keys
                .iter()
                .zip(rest)
                .all(|(k, s)| matches!(s, Segment::Key(x) if x == k))
    });
    if let Some(spec) = within {
        return item.keys(spec.key).dom_id();
    }
    match item.0.last() {
        Some(Seg::Index(_)) => item.dom_id(),
        _ => fault_dom_id(&JsonPath(segs[..depth].to_vec())),
    }
}

/// The place of one part of a group.
pub fn part_path(group: &Path, keys: &[&'static str]) -> Path {
    keys.iter().fold(group.clone(), |p, k| p.key(k))
}

/// Where a fault is, in the editor's words: the section, the item's
/// number and the field's label (`Wydarzenia › 3 › Data`).
pub fn place_of(path: &JsonPath, lang: Lang) -> String {
    let staff = Staff::from(lang);
    let segs = &path.0;
    let mut out = vec![];
    if let Some(s) = SECTIONS.iter().find(|s| s.lies_within(segs)) {
        return s.label.get(staff).to_owned();
    }
    let Some((section, depth)) = section_at(segs) else {
        return match (segs.first(), lang) {
            (Some(Segment::Key(k)), Lang::Pl) if k == "content_date" => {
                "Treść według stanu na".into()
            }
            (Some(Segment::Key(k)), _) if k == "content_date" => "Content as of".into(),
            (_, Lang::Pl) => "Treść".into(),
            _ => "Content".into(),
        };
    };
    out.push(section.label.get(staff).to_owned());
    let mut rest = &segs[depth..];
    if section.list {
        if let Some(Segment::Index(i)) = rest.first() {
            out.push(format!("{}", i + 1));
            rest = &rest[1..];
        }
    }
    let spec = section.fields.iter().find(|spec| {
        let keys = spec_keys(spec);
        keys.len() <= rest.len()
            && keys
                .iter()
                .zip(rest)
                .all(|(k, s)| matches!(s, Segment::Key(x) if x == k))
    });
    if let Some(spec) = spec {
        out.push(spec.label(staff).to_owned());
        // A text's language: the last step naming one (`title.uk`,
        // `activities[2].en`, `logo.alt.en`).
        let in_lang = rest.iter().rev().find_map(|s| match s {
            Segment::Key(l) if spec.kind != Kind::Str && spec.kind != Kind::OptStr => {
                Lang::exact(l)
            }
            _ => None,
        });
        if let Some(l) = in_lang {
            out.push(l.in_words(staff).to_owned());
        }
    }
    out.join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rops_app::content::fields::{EASY_READ, EVENTS, SIGN_LANGUAGE};

    fn p(s: &[Segment]) -> JsonPath {
        JsonPath(s.to_vec())
    }
    fn k(s: &str) -> Segment {
        Segment::Key(s.into())
    }

    #[test]
    fn every_fault_finds_a_field_that_the_form_draws() {
        use Segment::Index as I;
        let cases = [
            (
                vec![k("events"), I(3), k("title"), k("en")],
                "f-events-3-title-en",
            ),
            (vec![k("events"), I(3), k("title")], "f-events-3-title-pl"),
            (vec![k("events"), I(3), k("date")], "f-events-3-date"),
            (vec![k("events"), I(3)], "f-events-3"),
            (vec![k("events"), I(3), k("unknown")], "f-events-3"),
            (
                vec![k("projects"), I(0), k("value"), k("amount")],
                "f-projects-0-value",
            ),
            (
                vec![k("projects"), I(0), k("activities"), I(2), k("en")],
                "f-projects-0-activities-2-en",
            ),
            (
                vec![k("organisation"), k("embed_titles"), k("funding"), k("pl")],
                "f-organisation-embed-titles-funding-pl",
            ),
            (
                vec![k("organisation"), k("accent")],
                "f-organisation-accent-light",
            ),
            (
                vec![k("organisation"), k("accent"), k("dark")],
                "f-organisation-accent-dark",
            ),
            (
                vec![k("organisation"), k("logo")],
                "f-organisation-logo-file",
            ),
            (
                vec![k("organisation"), k("logo"), k("alt"), k("en")],
                "f-organisation-logo-alt-en",
            ),
            (
                vec![k("accessibility"), k("email")],
                "f-accessibility-email",
            ),
            // The fields of the law's three forms (#25).
            (
                vec![
                    k("easy_read"),
                    k("sections"),
                    I(0),
                    k("paragraphs"),
                    I(1),
                    k("pl"),
                ],
                "f-easy-read-sections-0-paragraphs-1-pl",
            ),
            (
                vec![k("easy_read"), k("sections"), I(2), k("heading"), k("en")],
                "f-easy-read-sections-2-heading-en",
            ),
            (
                vec![
                    k("easy_read"),
                    k("sections"),
                    I(0),
                    k("picture"),
                    k("alt"),
                    k("en"),
                ],
                "f-easy-read-sections-0-picture-alt-en",
            ),
            (
                vec![k("easy_read"), k("sections"), I(0), k("picture"), k("file")],
                "f-easy-read-sections-0-picture-file",
            ),
            (
                vec![k("easy_read"), k("sections"), I(1)],
                "f-easy-read-sections-1",
            ),
            (vec![k("easy_read")], "f-easy-read-sections"),
            (
                vec![k("easy_read"), k("terms"), I(7), k("en")],
                "f-easy-read-terms-7-en",
            ),
            (
                vec![k("easy_read"), k("terms"), I(2)],
                "f-easy-read-terms-2-pl",
            ),
            (
                vec![
                    k("sign_language"),
                    k("videos"),
                    I(0),
                    k("captions"),
                    k("en"),
                ],
                "f-sign-language-videos-0-captions-en",
            ),
            (
                vec![k("sign_language"), k("videos"), I(0), k("captions")],
                "f-sign-language-videos-0-captions-pl",
            ),
            (
                vec![k("sign_language"), k("videos"), I(1), k("file")],
                "f-sign-language-videos-1-file",
            ),
            (
                vec![k("sign_language"), k("videos"), I(1), k("poster")],
                "f-sign-language-videos-1-poster",
            ),
            (
                vec![
                    k("sign_language"),
                    k("videos"),
                    I(0),
                    k("transcript"),
                    k("pl"),
                ],
                "f-sign-language-videos-0-transcript-pl",
            ),
            (
                vec![k("projects"), I(2), k("kohesio_id")],
                "f-projects-2-kohesio-id",
            ),
            (
                vec![k("projects"), I(2), k("contract_number")],
                "f-projects-2-contract-number",
            ),
            (
                vec![
                    k("projects"),
                    I(1),
                    k("eu_visibility"),
                    k("strip"),
                    k("alt"),
                    k("en"),
                ],
                "f-projects-1-eu-visibility-strip-alt-en",
            ),
            (
                vec![
                    k("projects"),
                    I(1),
                    k("eu_visibility"),
                    k("strip"),
                    k("file"),
                ],
                "f-projects-1-eu-visibility-strip-file",
            ),
            (
                vec![k("organisation"), k("address"), k("postal_code")],
                "f-organisation-address-postal-code",
            ),
            (
                vec![k("organisation"), k("address")],
                "f-organisation-address-street",
            ),
            (
                vec![k("organisation"), k("same_as"), I(1)],
                "f-organisation-same-as-1",
            ),
            (
                vec![k("open_data"), k("licence_url")],
                "f-open-data-licence-url",
            ),
            (
                vec![k("open_data"), k("licence"), k("en")],
                "f-open-data-licence-en",
            ),
            (vec![k("open_data")], "f-open-data-licence-pl"),
            (
                vec![k("accessibility"), k("scope"), k("pl")],
                "f-accessibility-scope-pl",
            ),
            (
                vec![k("accessibility"), k("communication"), k("en")],
                "f-accessibility-communication-en",
            ),
            (
                vec![k("accessibility"), k("applications")],
                "f-accessibility-applications-pl",
            ),
            (vec![k("content_date")], "f-content-date"),
            (vec![], "f"),
        ];
        for (path, id) in cases {
            assert_eq!(field_for(&p(&path), Lang::Pl), id, "{path:?}");
        }
        // The same id as the form gives the field.
        let field = Path::root().key("events").index(3).key("date");
        assert_eq!(field.dom_id(), "f-events-3-date");
    }

    #[test]
    fn places_are_named_in_the_editors_words() {
        let path = p(&[
            k("easy_read"),
            k("sections"),
            Segment::Index(0),
            k("paragraphs"),
            Segment::Index(1),
            k("en"),
        ]);
        assert_eq!(
            place_of(&path, Lang::Pl),
            "Tekst łatwy do czytania › 1 › Akapit (jedna myśl, krótkie zdania) › po angielsku"
        );
        assert_eq!(
            place_of(&p(&[k("sign_language")]), Lang::En),
            "Sign language (PJM)"
        );
        assert_eq!(
            place_of(&p(&[k("open_data"), k("licence_url")]), Lang::En),
            "Open data › Open data licence"
        );
    }

    #[test]
    fn new_items_are_items_the_validator_reads() {
        use super::super::draft::{push_item, set};
        let mut v: Value =
            serde_json::from_str(include_str!("../../public/content/bundle.json")).unwrap();
        for section in SECTIONS.iter().filter(|s| s.list) {
            let mut item = new_item(section, Some("rops-o-nas"), Lang::Pl);
            if section.has_ids() {
                item["id"] = json!(format!("nowy-{}", section.testid()));
            }
            assert!(push_item(&mut v, &section.path(), item));
        }
        let c = super::super::draft::check(&v, Lang::Pl);
        // Shape is right: what remains are the empty texts and file names to fill in.
        let to_fill = |m: &str| m.contains("pusty") || m.starts_with("„” nie jest nazwą pliku");
        assert!(
            c.issues.iter().all(|i| i.warning || to_fill(&i.message)),
            "{:?}",
            c.issues
        );
        // Filled in, the new sections and videos are valid.
        let etr = EASY_READ.path();
        let n = super::super::draft::len_at(&v, &etr) - 1;
        let mut fill = |p: Path, s: &str| assert!(set(&mut v, &p, json!(s)), "{p:?}");
        fill(etr.index(n).keys("heading.pl"), "Nowa część");
        fill(etr.index(n).key("paragraphs").index(0).key("pl"), "Krótko.");
        let video = SIGN_LANGUAGE.path().index(0);
        fill(video.keys("title.pl"), "Film");
        fill(video.key("file"), "film.webm");
        fill(video.keys("captions.pl"), "film.vtt");
        fill(video.keys("transcript.pl"), "Tekst.");
        let c = super::super::draft::check(&v, Lang::Pl);
        let faults: Vec<_> = c.issues.iter().filter(|i| !i.warning).collect();
        assert!(
            faults.iter().all(|i| i.message.contains("pusty")
                && !i.field.starts_with("f-easy-read")
                && !i.field.starts_with("f-sign-language")),
            "{faults:?}"
        );
    }

    #[test]
    fn an_emptied_list_takes_its_holder() {
        let mut v = json!({"easy_read": {"sections": [{"heading": {"pl": "a"}}, {"heading": {"pl": "b"}}]}});
        delete_item(&mut v, &EASY_READ.path(), 1);
        assert_eq!(v["easy_read"]["sections"].as_array().map(Vec::len), Some(1));
        delete_item(&mut v, &EASY_READ.path(), 0);
        assert_eq!(v, json!({"easy_read": null}));
        // A list that is a section of its own stays, empty.
        let mut v = json!({"events": [{"id": "a"}]});
        delete_item(&mut v, &EVENTS.path(), 0);
        assert_eq!(v, json!({"events": []}));
        // The words to explain keep the easy-to-read text (the validator
        // then asks for a section); the last of them with no section
        // takes it; a project's emptied list never takes its project.
        let terms = Path::root().key("easy_read").key("terms");
        let mut v = json!({"easy_read": {"sections": [{"heading": {"pl": "a"}}], "terms": [{"pl": "gmina"}]}});
        delete_item(&mut v, &EASY_READ.path(), 0);
        assert_eq!(v["easy_read"]["terms"][0]["pl"], "gmina");
        delete_item(&mut v, &terms, 0);
        assert_eq!(v, json!({"easy_read": null}));
        let activities = Path::root().key("projects").index(0).key("activities");
        let mut v = json!({"projects": [{"activities": [{"pl": "a"}]}]});
        delete_item(&mut v, &activities, 0);
        assert_eq!(v, json!({"projects": [{"activities": []}]}));
    }
}
