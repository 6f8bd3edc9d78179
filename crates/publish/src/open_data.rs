//! The open data (`dane/`): the projects and the events as CSV, both
//! languages side by side, and a DCAT description of the dataset
//! (`dane/dataset.jsonld`) naming the two files and the bundle itself, so
//! that a catalogue such as dane.gov.pl can harvest it.
//!
//! CSV: UTF-8 with a BOM (Excel then reads it as UTF-8), `;` between
//! fields (what a Polish spreadsheet expects), CRLF line ends (RFC 4180),
//! every field through [`csv::field`]: the funding table's one quoting and
//! formula-defusing rule. Dates are ISO 8601 at the bundle's precision
//! (`2004`, `2008-03`, `2008-03-14`), split into `data_od` and `data_do`:
//! a single date is both, an open range (`2015/..`) has no `data_do`, no
//! date leaves both empty. Amounts are in the currency's major unit with a
//! dot decimal (`1980000`, `1980000.50`), in the `waluta` column's
//! currency; an amount the source does not give is empty, never 0.

use rops_app::nav::{absolute_url, event_path};
use rops_content::csv;
use rops_content::{Bundle, Currency, DateValue, Lang, Money, Point, Project, Role, Text};
use serde::Serialize;

pub(super) const PROJECTS: &str = "dane/projekty.csv";
pub(super) const EVENTS: &str = "dane/wydarzenia.csv";
pub(super) const DATASET: &str = "dane/dataset.jsonld";
/// The folder every file of this module goes to (what a publish owns).
pub(super) const FOLDER: &str = "dane/";
const BUNDLE: &str = "content/bundle.json";

const SEP: &str = ";";

const PROJECT_HEADER: [&str; 24] = [
    "id",
    "nazwa_pl",
    "nazwa_en",
    "rodzaj_pl",
    "rodzaj_en",
    "rola",
    "program_pl",
    "program_en",
    "dzialanie_pl",
    "dzialanie_en",
    "okres_programowania_od",
    "okres_programowania_do",
    "fundusz",
    "data_od",
    "data_do",
    "opis_pl",
    "opis_en",
    "waluta",
    "wartosc",
    "wklad_ue",
    "numer_umowy",
    "kohesio_id",
    "kohesio_url",
    "zrodlo_url",
];

const EVENT_HEADER: [&str; 11] = [
    "id",
    "data_od",
    "data_do",
    "rodzaj",
    "tytul_pl",
    "tytul_en",
    "opis_pl",
    "opis_en",
    "projekt_id",
    "adres",
    "zrodlo_url",
];

/// A date's first and last point at its own precision (see the module's note).
fn bounds(d: DateValue) -> (Option<Point>, Option<Point>) {
    match d {
        DateValue::NotGiven => (None, None),
        DateValue::At(p) => (Some(p), Some(p)),
        DateValue::Range { start, end } => (Some(start), end),
    }
}

fn point(p: Option<Point>) -> String {
    p.map(|p| p.to_string()).unwrap_or_default()
}

fn pl(t: &Text) -> String {
    t.in_lang(Lang::Pl).to_owned()
}

/// The English text only: an absent translation is an empty cell, not the
/// Polish text again.
fn en(t: &Text) -> String {
    t.given(Lang::En).unwrap_or_default().to_owned()
}

fn amount(m: Option<Money>) -> String {
    m.map(|m| m.minor.to_string()).unwrap_or_default()
}

fn role(r: Role) -> &'static str {
    match r {
        Role::Leader => "leader",
        Role::Implementer => "implementer",
        Role::Partner => "partner",
    }
}

fn table<const N: usize>(header: [&str; N], rows: impl Iterator<Item = [String; N]>) -> Vec<u8> {
    let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
        let cells: Vec<String> = cells.map(csv::field).collect();
        out.push_str(&cells.join(SEP));
        out.push_str("\r\n");
    };
    let mut out = String::from("\u{feff}");
    line(&mut header.into_iter(), &mut out);
    for row in rows {
        line(&mut row.iter().map(String::as_str), &mut out);
    }
    out.into_bytes()
}

fn source_url(b: &Bundle, id: &str) -> String {
    b.source(id).and_then(|s| s.url.clone()).unwrap_or_default()
}

fn project_row(b: &Bundle, p: &Project) -> [String; 24] {
    let (from, to) = bounds(p.dates);
    let (period_from, period_to) = bounds(p.period);
    let opt = |t: &Option<Text>, f: fn(&Text) -> String| t.as_ref().map(f).unwrap_or_default();
    let currency = p.currency().map(Currency::as_str).unwrap_or_default();
    [
        p.id.clone(),
        pl(&p.name),
        en(&p.name),
        opt(&p.kind, pl),
        opt(&p.kind, en),
        role(p.role).to_owned(),
        pl(&p.programme),
        en(&p.programme),
        opt(&p.measure, pl),
        opt(&p.measure, en),
        point(period_from),
        point(period_to),
        p.fund.map(|_| "EFS".to_owned()).unwrap_or_default(),
        point(from),
        point(to),
        pl(&p.summary),
        en(&p.summary),
        currency.to_owned(),
        amount(p.value),
        amount(p.eu_contribution),
        p.contract_number.clone().unwrap_or_default(),
        p.kohesio_id.clone().unwrap_or_default(),
        p.kohesio_url(Lang::Pl).unwrap_or_default(),
        source_url(b, &p.source),
    ]
}

fn projects_csv(b: &Bundle) -> Vec<u8> {
    table(PROJECT_HEADER, b.projects.iter().map(|p| project_row(b, p)))
}

/// Events in timeline order; `adres` is the event's page (Polish).
fn events_csv(b: &Bundle, site_url: &str) -> Vec<u8> {
    table(
        EVENT_HEADER,
        b.events_chronological().into_iter().map(|e| {
            let (from, to) = bounds(e.date);
            [
                e.id.as_str().to_owned(),
                point(from),
                point(to),
                e.kind.as_str().to_owned(),
                pl(&e.title),
                en(&e.title),
                pl(&e.description),
                en(&e.description),
                e.project.clone().unwrap_or_default(),
                absolute_url(site_url, &event_path(Lang::Pl, e.id.as_str())),
                source_url(b, &e.source),
            ]
        }),
    )
}

/// A JSON-LD node reference: `{"@id": …}`.
#[derive(Serialize)]
struct Ref {
    #[serde(rename = "@id")]
    id: String,
}

/// A string with its language: `{"@value": …, "@language": "pl"}`.
#[derive(Serialize)]
struct LangString {
    #[serde(rename = "@value")]
    value: String,
    #[serde(rename = "@language")]
    language: &'static str,
}

/// A typed literal: `{"@value": "2024-06-01", "@type": "xsd:date"}`.
#[derive(Serialize)]
struct Typed {
    #[serde(rename = "@value")]
    value: String,
    #[serde(rename = "@type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Context {
    dcat: &'static str,
    dct: &'static str,
    foaf: &'static str,
    locn: &'static str,
    schema: &'static str,
    vcard: &'static str,
    xsd: &'static str,
}

/// The catalogue harvesters read (the national portal's among them): the
/// publisher's one dataset.
#[derive(Serialize)]
struct Catalog {
    #[serde(rename = "@context")]
    context: Context,
    #[serde(rename = "@id")]
    id: String,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dct:title")]
    title: Vec<LangString>,
    #[serde(rename = "dct:description")]
    description: Vec<LangString>,
    #[serde(rename = "dct:publisher")]
    publisher: Ref,
    #[serde(rename = "foaf:homepage")]
    homepage: Ref,
    #[serde(rename = "dct:license", skip_serializing_if = "Option::is_none")]
    license: Option<Ref>,
    #[serde(rename = "dcat:dataset")]
    dataset: Vec<Dataset>,
}

#[derive(Serialize)]
struct Dataset {
    #[serde(rename = "@id")]
    id: String,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dct:title")]
    title: Vec<LangString>,
    #[serde(rename = "dct:description")]
    description: Vec<LangString>,
    #[serde(rename = "dct:publisher")]
    publisher: Publisher,
    #[serde(rename = "dct:license", skip_serializing_if = "Option::is_none")]
    license: Option<Licence>,
    #[serde(rename = "dct:modified", skip_serializing_if = "Option::is_none")]
    modified: Option<Typed>,
    #[serde(rename = "dct:language")]
    language: Vec<Ref>,
    #[serde(rename = "dcat:landingPage")]
    landing_page: Ref,
    #[serde(rename = "dcat:contactPoint")]
    contact_point: Contact,
    /// The kinds of the timeline's entries, in both languages.
    #[serde(rename = "dcat:keyword")]
    keyword: Vec<LangString>,
    #[serde(rename = "dcat:theme")]
    theme: Vec<Ref>,
    #[serde(rename = "dct:spatial", skip_serializing_if = "Option::is_none")]
    spatial: Option<Location>,
    #[serde(rename = "dct:temporal", skip_serializing_if = "Option::is_none")]
    temporal: Option<Period>,
    #[serde(rename = "dcat:distribution")]
    distribution: Vec<Distribution>,
}

/// Whom to ask about the data: the organisation, by its site, and by the
/// declaration's e-mail when the bundle gives one.
#[derive(Serialize)]
struct Contact {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "vcard:fn")]
    name: String,
    #[serde(rename = "vcard:hasURL")]
    url: Ref,
    #[serde(rename = "vcard:hasEmail", skip_serializing_if = "Option::is_none")]
    email: Option<Ref>,
}

/// Where the data are about: the seat's locality, when the bundle gives
/// the address.
#[derive(Serialize)]
struct Location {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "locn:geographicName")]
    name: String,
}

/// When: from the earliest dated entry to the latest (projects' periods
/// and the timeline's dates), each at its own precision.
#[derive(Serialize)]
struct Period {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dcat:startDate")]
    start: Typed,
    #[serde(rename = "dcat:endDate")]
    end: Typed,
}

#[derive(Serialize)]
struct Publisher {
    #[serde(rename = "@id")]
    id: String,
    #[serde(rename = "@type")]
    kind: [&'static str; 2],
    #[serde(rename = "foaf:name")]
    name: Vec<LangString>,
    #[serde(rename = "foaf:homepage")]
    homepage: Ref,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Licence {
    #[serde(rename = "@id")]
    id: String,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dct:title")]
    title: Vec<LangString>,
}

#[derive(Serialize)]
struct Distribution {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dct:title")]
    title: Vec<LangString>,
    #[serde(rename = "dcat:downloadURL")]
    download_url: Ref,
    #[serde(rename = "dcat:accessURL")]
    access_url: Ref,
    #[serde(rename = "dcat:mediaType")]
    media_type: Ref,
    /// The EU's file-type vocabulary (DCAT-AP's `dct:format`).
    #[serde(rename = "dct:format")]
    format: Ref,
    #[serde(rename = "dct:license", skip_serializing_if = "Option::is_none")]
    license: Option<Ref>,
}

/// Every language a text is given in, each marked with its own tag.
fn both(t: &Text) -> Vec<LangString> {
    t.entries()
        .map(|(l, s)| LangString {
            value: s.to_owned(),
            language: l.as_str(),
        })
        .collect()
}

fn pair(pl: String, en: String) -> Vec<LangString> {
    vec![
        LangString {
            value: pl,
            language: "pl",
        },
        LangString {
            value: en,
            language: "en",
        },
    ]
}

/// The content date as an XML Schema literal of its own precision.
fn modified(d: DateValue) -> Option<Typed> {
    d.start().map(typed)
}

/// A point in time as an XML Schema literal of its own precision.
fn typed(p: Point) -> Typed {
    let kind = match p {
        Point::Year(_) => "xsd:gYear",
        Point::Month(..) => "xsd:gYearMonth",
        Point::Day(..) => "xsd:date",
    };
    Typed {
        value: p.to_string(),
        kind,
    }
}

/// The period the data cover: the earliest start and the latest point
/// (an end, or a start) of every dated event and project. None when
/// nothing is dated.
fn temporal(b: &Bundle) -> Option<Period> {
    let dates = b
        .events
        .iter()
        .map(|e| e.date)
        .chain(b.projects.iter().map(|p| p.period));
    let mut points = vec![];
    for d in dates {
        match d {
            DateValue::NotGiven => {}
            DateValue::At(p) => points.push(p),
            DateValue::Range { start, end } => {
                points.push(start);
                points.extend(end);
            }
        }
    }
    // Ordered as the timeline orders them: a coarser point first.
    let start = *points.iter().min_by_key(|p| p.sort_key())?;
    let end = *points.iter().max_by_key(|p| p.sort_key())?;
    Some(Period {
        kind: "dct:PeriodOfTime",
        start: typed(start),
        end: typed(end),
    })
}

/// The EU vocabularies DCAT-AP asks for.
const EU_AUTHORITY: &str = "http://publications.europa.eu/resource/authority";

const DESCRIPTION_EN: &str = "Projects (with their value and EU contribution where the source gives them) and the events of the timeline";

/// The catalogue of `b`'s open data: one dataset.
fn catalog(b: &Bundle, site_url: &str) -> Catalog {
    let org = &b.organisation;
    let name_en = org.name.in_lang(Lang::En);
    Catalog {
        context: Context {
            dcat: "http://www.w3.org/ns/dcat#",
            dct: "http://purl.org/dc/terms/",
            foaf: "http://xmlns.com/foaf/0.1/",
            locn: "http://www.w3.org/ns/locn#",
            schema: "https://schema.org/",
            vcard: "http://www.w3.org/2006/vcard/ns#",
            xsd: "http://www.w3.org/2001/XMLSchema#",
        },
        id: format!("{}#catalog", absolute_url(site_url, DATASET)),
        kind: "dcat:Catalog",
        title: pair(
            format!("{}: dane otwarte", org.name.in_lang(Lang::Pl)),
            format!("{name_en}: open data"),
        ),
        description: pair(
            format!("Dane otwarte serwisu {}.", org.name.in_lang(Lang::Pl)),
            format!("The open data of the {name_en} site."),
        ),
        publisher: Ref {
            id: format!("{site_url}#organisation"),
        },
        homepage: Ref {
            id: site_url.to_owned(),
        },
        license: b.open_data.as_ref().map(|o| Ref {
            id: o.licence_url.clone(),
        }),
        dataset: vec![dataset(b, site_url)],
    }
}

fn dataset(b: &Bundle, site_url: &str) -> Dataset {
    let org = &b.organisation;
    let name_en = org.name.in_lang(Lang::En);
    let licence_ref = b.open_data.as_ref().map(|o| Ref {
        id: o.licence_url.clone(),
    });
    let iana = |t: &str| Ref {
        id: format!("http://www.iana.org/assignments/media-types/{t}"),
    };
    let dist = |file: &str, title: Vec<LangString>, media: &str, format: &str| Distribution {
        kind: "dcat:Distribution",
        format: Ref {
            id: format!("{EU_AUTHORITY}/file-type/{format}"),
        },
        title,
        download_url: Ref {
            id: absolute_url(site_url, file),
        },
        access_url: Ref {
            id: absolute_url(site_url, file),
        },
        media_type: iana(media),
        license: licence_ref.as_ref().map(|r| Ref { id: r.id.clone() }),
    };
    // The kinds of entry the timeline has, each once, in its order.
    let mut kinds = vec![];
    for e in b.events_chronological() {
        if !kinds.contains(&e.kind) {
            kinds.push(e.kind);
        }
    }
    let mut keyword = vec![];
    for k in kinds {
        keyword.extend(pair(
            rops_app::i18n::kind_label(k, Lang::Pl).to_lowercase(),
            rops_app::i18n::kind_label(k, Lang::En).to_lowercase(),
        ));
    }
    Dataset {
        id: format!("{}#dataset", absolute_url(site_url, DATASET)),
        kind: "dcat:Dataset",
        title: pair(
            format!("{}: projekty i wydarzenia", org.name.in_lang(Lang::Pl)),
            format!("{name_en}: projects and events"),
        ),
        description: pair(
            format!(
                "Projekty (z wartością i dofinansowaniem UE, gdy źródło je podaje) i wydarzenia z osi czasu: {}",
                org.summary.in_lang(Lang::Pl)
            ),
            // Without an English summary, the English description stops
            // short: the Polish one under `@language: en` would be false.
            match org.summary.given(Lang::En) {
                Some(summary) => format!("{DESCRIPTION_EN}: {summary}"),
                None => format!("{DESCRIPTION_EN}."),
            },
        ),
        publisher: Publisher {
            // The same node as the pages' structured data (`jsonld.rs`).
            id: format!("{site_url}#organisation"),
            kind: ["foaf:Organization", "schema:GovernmentOrganization"],
            name: both(&org.name),
            homepage: Ref {
                id: site_url.to_owned(),
            },
        },
        license: b.open_data.as_ref().map(|o| Licence {
            id: o.licence_url.clone(),
            kind: "dct:LicenseDocument",
            title: both(&o.licence),
        }),
        modified: modified(b.content_date),
        language: ["POL", "ENG"]
            .into_iter()
            .map(|l| Ref {
                id: format!("http://publications.europa.eu/resource/authority/language/{l}"),
            })
            .collect(),
        landing_page: Ref {
            id: site_url.to_owned(),
        },
        contact_point: Contact {
            kind: "vcard:Organization",
            name: org.name.in_lang(Lang::Pl).to_owned(),
            url: Ref {
                id: site_url.to_owned(),
            },
            email: b.accessibility.email.as_ref().map(|e| Ref {
                id: format!("mailto:{e}"),
            }),
        },
        keyword,
        // Social policy: the data theme "Population and society".
        theme: vec![Ref {
            id: format!("{EU_AUTHORITY}/data-theme/SOCI"),
        }],
        spatial: org.address.as_ref().map(|a| Location {
            kind: "dct:Location",
            name: a.locality.clone(),
        }),
        temporal: temporal(b),
        distribution: vec![
            dist(
                PROJECTS,
                pair("Projekty (CSV)".into(), "Projects (CSV)".into()),
                "text/csv",
                "CSV",
            ),
            dist(
                EVENTS,
                pair("Wydarzenia (CSV)".into(), "Events (CSV)".into()),
                "text/csv",
                "CSV",
            ),
            dist(
                BUNDLE,
                pair(
                    "Cała treść serwisu (JSON)".into(),
                    "The site's whole content (JSON)".into(),
                ),
                "application/json",
                "JSON",
            ),
        ],
    }
}

/// The three files: (path below DIST, bytes).
pub(super) fn outputs(b: &Bundle, site_url: &str) -> Vec<(&'static str, Vec<u8>)> {
    let mut jsonld = serde_json::to_string_pretty(&catalog(b, site_url)).unwrap_or_default();
    jsonld.push('\n');
    vec![
        (PROJECTS, projects_csv(b)),
        (EVENTS, events_csv(b, site_url)),
        (DATASET, jsonld.into_bytes()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use rops_content::parse;
    use serde_json::Value;

    const SITE: &str = "https://example.org/ekonomia/";

    fn fictional() -> Bundle {
        parse(include_str!(
            "../../../tests/fixtures/fictional/bundle.json"
        ))
        .unwrap()
    }

    fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).unwrap();
        assert!(text.starts_with('\u{feff}'), "a BOM, for Excel");
        csv::read_rows(text)
    }

    fn column<'a>(rows: &'a [Vec<String>], name: &str) -> Vec<&'a str> {
        let i = rows[0].iter().position(|h| h == name).unwrap();
        rows[1..].iter().map(|r| r[i].as_str()).collect()
    }

    #[test]
    fn projects_in_both_languages_with_plain_amounts() {
        let b = fictional();
        let rows = rows(&projects_csv(&b));
        assert_eq!(rows[0], PROJECT_HEADER);
        assert_eq!(rows.len(), 1 + b.projects.len());
        assert!(rows.iter().all(|r| r.len() == PROJECT_HEADER.len()));
        assert_eq!(column(&rows, "nazwa_pl")[0], "Pracownia Testowa");
        assert_eq!(column(&rows, "nazwa_en")[0], "Test Workshop");
        assert_eq!(column(&rows, "data_od")[0], "2004");
        assert_eq!(column(&rows, "data_do")[0], "2006");
        assert_eq!(column(&rows, "okres_programowania_od")[0], "2003");
        assert_eq!(column(&rows, "wartosc")[0], "500000");
        assert_eq!(column(&rows, "wklad_ue")[0], "425000");
        assert_eq!(column(&rows, "waluta")[0], "PLN");
        assert_eq!(column(&rows, "fundusz")[0], "EFS");
        assert_eq!(column(&rows, "kohesio_id")[0], "Q0000001");
        assert_eq!(
            column(&rows, "kohesio_url")[0],
            "https://kohesio.ec.europa.eu/pl/projects/Q0000001"
        );
        assert_eq!(
            column(&rows, "numer_umowy")[0],
            "TEST/1.1/0001/04 (dane testowe)"
        );
        // What the source does not give stays empty.
        for (p, v) in b.projects.iter().zip(column(&rows, "wartosc")) {
            assert_eq!(p.value.is_none(), v.is_empty());
        }
        let text = String::from_utf8(projects_csv(&b)).unwrap();
        assert!(text
            .lines()
            .next()
            .unwrap()
            .contains("id;nazwa_pl;nazwa_en;"));
        assert!(text.ends_with("\r\n"));
    }

    #[test]
    fn amounts_with_grosze_keep_them_with_a_dot() {
        let mut b = fictional();
        b.projects[0].value = Some(Money {
            minor: rops_content::Minor::parse("1980000.50").unwrap(),
            currency: rops_content::Currency::Pln,
        });
        assert_eq!(column(&rows(&projects_csv(&b)), "wartosc")[0], "1980000.50");
    }

    #[test]
    fn events_in_timeline_order() {
        let b = fictional();
        let rows = rows(&events_csv(&b, SITE));
        assert_eq!(rows[0], EVENT_HEADER);
        let ids: Vec<&str> = column(&rows, "id");
        let order: Vec<&str> = b
            .events_chronological()
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, order);
        let first = b.events_chronological()[0];
        assert_eq!(
            column(&rows, "adres")[0],
            format!(
                "{SITE}{}",
                event_path(Lang::Pl, first.id.as_str()).trim_start_matches('/')
            )
        );
    }

    #[test]
    fn a_hostile_title_reads_back_defused_and_whole() {
        let mut b = fictional();
        let title = "Zysk; \"cytat\", 5\n</script> <!-- ;=1+1";
        b.events[0].title.set(Lang::Pl, title);
        b.projects[0].name.set(Lang::Pl, format!("={title}"));
        b.projects[0].name.set(Lang::En, "@SUM(A1)");
        // The text comes back whole; where a spreadsheet splitting on `;`
        // would start a cell with a formula, the funding table's `'`.
        let defused = title.replace(";=", ";'=");
        let ev = rows(&events_csv(&b, SITE));
        assert_eq!(
            ev.len(),
            1 + b.events.len(),
            "the newline stays in its cell"
        );
        let id = b.events[0].id.as_str();
        let row = ev.iter().find(|r| r[0] == id).unwrap();
        assert_eq!(row[4], defused);
        let pr = rows(&projects_csv(&b));
        assert_eq!(pr.len(), 1 + b.projects.len());
        assert_eq!(pr[1][1], format!("'={defused}"));
        assert_eq!(pr[1][2], "'@SUM(A1)");
    }

    #[test]
    fn the_dataset_names_its_files_and_terms() {
        let b = fictional();
        let out = outputs(&b, SITE);
        let (_, bytes) = out.iter().find(|(n, _)| *n == DATASET).unwrap();
        let c: Value = serde_json::from_slice(bytes).unwrap();
        // A catalogue of one dataset, by the same publisher.
        assert_eq!(c["@type"], "dcat:Catalog");
        assert_eq!(c["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
        assert_eq!(c["@context"]["dct"], "http://purl.org/dc/terms/");
        for prefix in ["foaf", "schema", "vcard", "locn", "xsd"] {
            assert!(c["@context"][prefix].is_string(), "{prefix}");
        }
        assert_eq!(c["dct:publisher"]["@id"], format!("{SITE}#organisation"));
        assert_eq!(
            c["dct:license"]["@id"],
            "https://creativecommons.org/licenses/by/4.0/"
        );
        assert_eq!(c["dcat:dataset"].as_array().unwrap().len(), 1);
        let d = &c["dcat:dataset"][0];
        assert_eq!(d["@type"], "dcat:Dataset");
        // Whom to ask, what it is about, where and when.
        let contact = &d["dcat:contactPoint"];
        assert_eq!(contact["@type"], "vcard:Organization");
        assert_eq!(
            contact["vcard:hasEmail"]["@id"],
            "mailto:dostepnosc@example.org"
        );
        assert_eq!(contact["vcard:hasURL"]["@id"], SITE);
        let keywords: Vec<(&str, &str)> = d["dcat:keyword"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                (
                    k["@language"].as_str().unwrap(),
                    k["@value"].as_str().unwrap(),
                )
            })
            .collect();
        for k in [
            ("pl", "nagroda"),
            ("en", "award"),
            ("pl", "projekt"),
            ("en", "project"),
        ] {
            assert!(keywords.contains(&k), "{k:?} not in {keywords:?}");
        }
        assert_eq!(
            d["dcat:theme"][0]["@id"],
            "http://publications.europa.eu/resource/authority/data-theme/SOCI"
        );
        assert_eq!(d["dct:spatial"]["locn:geographicName"], "Wyspa Testowa");
        assert_eq!(d["dct:temporal"]["@type"], "dct:PeriodOfTime");
        assert_eq!(d["dct:temporal"]["dcat:startDate"]["@value"], "2003");
        assert_eq!(d["dct:temporal"]["dcat:startDate"]["@type"], "xsd:gYear");
        let formats: Vec<&str> = d["dcat:distribution"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["dct:format"]["@id"].as_str().unwrap())
            .collect();
        assert_eq!(
            formats,
            ["CSV", "CSV", "JSON"]
                .map(|f| format!("http://publications.europa.eu/resource/authority/file-type/{f}"))
        );
        assert_eq!(d["dct:title"][0]["@language"], "pl");
        assert_eq!(d["dct:title"][1]["@language"], "en");
        assert_eq!(d["dct:description"].as_array().unwrap().len(), 2);
        assert_eq!(d["dct:publisher"]["@id"], format!("{SITE}#organisation"));
        assert_eq!(
            d["dct:license"]["@id"],
            "https://creativecommons.org/licenses/by/4.0/"
        );
        assert_eq!(d["dct:modified"]["@value"], "2024-06-01");
        assert_eq!(d["dct:modified"]["@type"], "xsd:date");
        let urls: Vec<&str> = d["dcat:distribution"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["dcat:downloadURL"]["@id"].as_str().unwrap())
            .collect();
        assert_eq!(
            urls,
            [
                format!("{SITE}dane/projekty.csv"),
                format!("{SITE}dane/wydarzenia.csv"),
                format!("{SITE}content/bundle.json"),
            ]
        );
        assert_eq!(
            d["dcat:distribution"][0]["dcat:mediaType"]["@id"],
            "http://www.iana.org/assignments/media-types/text/csv"
        );
        // No licence, e-mail or address in the bundle: none is claimed.
        let mut b = b;
        b.open_data = None;
        b.accessibility.email = None;
        b.organisation.address = None;
        let c: Value = serde_json::from_slice(&outputs(&b, SITE)[2].1).unwrap();
        let d = &c["dcat:dataset"][0];
        assert!(c.get("dct:license").is_none());
        assert!(d.get("dct:license").is_none());
        assert!(d["dcat:distribution"][0].get("dct:license").is_none());
        assert!(d["dcat:contactPoint"].get("vcard:hasEmail").is_none());
        assert!(d.get("dct:spatial").is_none());
        // No English summary: the English description has no Polish in it.
        b.organisation.summary.remove(Lang::En);
        let c: Value = serde_json::from_slice(&outputs(&b, SITE)[2].1).unwrap();
        let en = c["dcat:dataset"][0]["dct:description"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["@language"] == "en")
            .unwrap()["@value"]
            .as_str()
            .unwrap();
        assert!(
            !en.contains(b.organisation.summary.in_lang(Lang::Pl)),
            "{en}"
        );
        assert!(en.ends_with("timeline."), "{en}");
    }
}
