//! The bundle's entities and the questions the views ask of them.

use super::date::DateValue;
use super::money::{Currency, Money, Share};
use super::text::{Lang, Text};
use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// The whole content of the app, as checked by [`parse`](super::parse).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Bundle {
    /// Path to this schema, for editors' completion; ignored by the app.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Version of the bundle format: 3 (languages declared), or 2 (Polish and English, before `languages`).
    pub schema_version: u32,
    /// The languages the bundle publishes in, each with its own pages; the
    /// first is the default, at `/`, and every text must be given in it.
    /// Absent: Polish and English (the bundles of `schema_version` 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<Lang>>,
    /// The day this content was compiled from its source (shown on the about page, and as "content as of" when read from a cache).
    pub content_date: DateValue,
    pub organisation: Organisation,
    /// Where the facts come from; every fact points to one of these by id. At most 1 000.
    #[cfg_attr(feature = "schema", schemars(length(max = 1000)))]
    pub sources: Vec<Source>,
    /// Programme periods, drawn as bands on the timeline. At most 1 000.
    #[cfg_attr(feature = "schema", schemars(length(max = 1000)))]
    pub eras: Vec<Era>,
    /// At most 1 000.
    #[cfg_attr(feature = "schema", schemars(length(max = 1000)))]
    pub projects: Vec<Project>,
    /// At most 10 000: each has its own pages, and the largest accepted bundle must publish within the server's limits.
    #[cfg_attr(feature = "schema", schemars(length(max = 10000)))]
    pub events: Vec<Event>,
    /// Key figures (impact), each tied to what it belongs to. At most 1 000.
    #[cfg_attr(feature = "schema", schemars(length(max = 1000)))]
    pub figures: Vec<Figure>,
    /// The accessibility declaration required of Polish public bodies.
    pub accessibility: Declaration,
    /// Easy-to-read text (ETR, "tekst łatwy do czytania") about the
    /// organisation: one of the three forms art. 6 pkt 3 lit. c of the 2019
    /// accessibility act asks a public body to publish. Absent: the page
    /// says the text is being prepared and whom to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<EasyRead>,
    /// The same information in Polish Sign Language (PJM): local video
    /// files with captions, never a third-party player.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_language: Option<SignLanguage>,
    /// How the open data (`dane/`) may be reused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_data: Option<OpenData>,
    /// How to reach the organisation (the seat's address is
    /// `organisation.address`): every part optional, shown in the footer
    /// and wherever a page has to say whom to ask.
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    /// What the privacy page says of the personal data the site handles
    /// (GDPR art. 13): every part optional, a part not given said missing.
    #[serde(default, skip_serializing_if = "Privacy::is_empty")]
    pub privacy: Privacy,
}

/// The organisation's information clause for the site (GDPR art. 13). What
/// the site itself stores on a device is not here: the app lists it from
/// its own code, so it cannot go stale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Privacy {
    /// Who the controller of the personal data is: name and address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller: Option<Text>,
    /// How to reach the data protection officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo: Option<Text>,
    /// Why the data are processed, and on which legal basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purposes: Option<Text>,
    /// How long the server keeps its logs, and who receives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_retention: Option<Text>,
}

impl Privacy {
    pub fn is_empty(&self) -> bool {
        self == &Privacy::default()
    }
}

/// How to reach the organisation. Each part is optional; a part not given
/// is left out, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Contact {
    /// The main phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The main e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The ePUAP inbox for official letters, e.g. "/ROPSKrakow/SkrytkaESP".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epuap: Option<String>,
    /// When the office is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_hours: Option<Text>,
    /// The public information bulletin (BIP), http(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bip_url: Option<String>,
    /// How Deaf people can reach the organisation (a number for text
    /// messages, an e-mail, a video call with an interpreter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deaf: Option<Text>,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self == &Contact::default()
    }
}

/// Easy-to-read text: short sections, one idea per paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct EasyRead {
    /// At least one, when the easy-to-read text is there at all.
    #[serde(default)]
    pub sections: Vec<EasyReadSection>,
    /// Words the text must explain where they first come up (the
    /// organisation's own list: "ekonomia społeczna", "gmina"…). The
    /// validator warns at the first paragraph that uses one when no
    /// sentence of that part says what it is ("Gmina to…", "A
    /// municipality is…"). Matched however the word is inflected
    /// ([`crate::parse::unexplained_terms`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct EasyReadSection {
    pub heading: Text,
    /// One idea each; the validator warns above 5 sentences, or a sentence
    /// above 15 words, as easy-to-read guidance advises.
    pub paragraphs: Vec<Text>,
    /// A picture that shows the section's idea.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<Picture>,
}

/// An image file beside the bundle, for the logo, a programme's logo
/// strip and the easy-to-read pictures alike: .svg or .png, at most
/// 100 KiB, no scripts or outside references.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Picture {
    /// File name beside the bundle (no folders), ending in .svg or .png.
    pub file: String,
    /// What the picture shows (its alternative text).
    pub alt: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct SignLanguage {
    pub videos: Vec<SignVideo>,
}

/// One recording in Polish Sign Language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct SignVideo {
    pub title: Text,
    /// File name beside the bundle, ending in .webm or .mp4; at most 100 MiB.
    pub file: String,
    /// WebVTT caption files beside the bundle (.vtt), one per language.
    pub captions: Captions,
    /// A still shown before playing (.svg or .png, the logo's rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poster: Option<String>,
    /// What is signed, as text, shown below the video.
    pub transcript: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Captions {
    pub pl: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// The terms of reuse of the published open data.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct OpenData {
    /// The licence's name, e.g. "CC BY 4.0".
    pub licence: Text,
    /// The licence's text, http(s).
    pub licence_url: String,
}

/// Compliance with the 2019 act on digital accessibility (WCAG 2.1 AA).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub enum Compliance {
    Full,
    Partial,
    None,
}

/// The data of the accessibility declaration. Fields the organisation has
/// not supplied yet are null: the validator warns about each, and the page
/// says the information is being completed; nothing is made up to fill them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Declaration {
    /// The public body the declaration is made by.
    pub entity: Text,
    /// The site's address (http(s)), if it is not the one it is
    /// published at: without it the declaration links the address the
    /// site was published for (`a11y-url`).
    pub site_url: Option<String>,
    /// When the app was first published: a day, YYYY-MM-DD.
    pub published: DateValue,
    /// When it was last significantly updated: a day, YYYY-MM-DD.
    pub updated: DateValue,
    pub status: Option<Compliance>,
    /// Content or functions known not to be accessible, and why.
    pub non_accessible: Vec<Text>,
    /// Content excluded under the act, with the reason.
    pub exemptions: Vec<Text>,
    /// The analysis of disproportionate burden (art. 8 of the act), only
    /// if the body relies on it: its result, or where to read it
    /// (`a11y-ocena`, under "Nadmierne koszty").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub burden: Option<Text>,
    /// When the declaration was prepared: a day, YYYY-MM-DD.
    pub prepared: DateValue,
    /// How compliance was assessed (self-assessment, external audit…).
    pub method: Option<Text>,
    /// When the declaration was last reviewed (at least yearly): a day, YYYY-MM-DD.
    pub reviewed: DateValue,
    pub contact_person: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Accessibility of the organisation's building(s).
    pub architecture: Option<Text>,
    /// What the declaration covers, in more words than the template's
    /// "strony internetowej" (`a11y-zakres`): shown after the
    /// introduction when given, never required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
    /// Communication accessibility (`a11y-komunikacja`): a sign-language
    /// interpreter, contacts for deaf people, induction loops.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub communication: Option<Text>,
    /// The organisation's mobile applications (`a11y-aplikacje`, optional
    /// in template 2.0): left out of the page when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applications: Option<Text>,
}

impl Declaration {
    /// Names of the fields still to be filled in, for the validator's
    /// warnings and the page's "being completed" notes.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut m = vec![];
        let d = |v: DateValue, name, m: &mut Vec<&'static str>| {
            if !v.is_given() {
                m.push(name)
            }
        };
        d(self.published, "published", &mut m);
        d(self.updated, "updated", &mut m);
        if self.status.is_none() {
            m.push("status");
        }
        d(self.prepared, "prepared", &mut m);
        if self.method.is_none() {
            m.push("method");
        }
        d(self.reviewed, "reviewed", &mut m);
        for (v, name) in [
            (&self.contact_person, "contact_person"),
            (&self.email, "email"),
            (&self.phone, "phone"),
        ] {
            if v.is_none() {
                m.push(name);
            }
        }
        if self.architecture.is_none() {
            m.push("architecture");
        }
        if self.communication.is_none() {
            m.push("communication");
        }
        m
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Organisation {
    pub name: Text,
    pub short_name: Text,
    /// Who the organisation is, in one or two sentences.
    pub summary: Text,
    /// The legal basis of its social-economy tasks.
    pub legal_basis: Text,
    pub source: String,
    /// The app's title: the manifest's name, and what the accessibility
    /// statement calls the app ("aplikacji „…”").
    pub site_title: Text,
    /// The site's one-sentence description (its meta description).
    pub description: Text,
    /// The footer's line saying where the content comes from.
    pub source_line: Text,
    /// The heading of a project's role on its funding card ("Rola …", naming the organisation).
    pub role_label: Text,
    /// The accessible names of the embeds' iframes on a portal page.
    pub embed_titles: EmbedTitles,
    /// One meta description per page.
    pub page_descriptions: PageDescriptions,
    /// The installed app's name under its icon (manifest `short_name`); the
    /// validator warns above 12 characters, which launchers cut off.
    pub app_short_name: String,
    /// Lowercase a–z, digits and hyphens: the stem of file names (the CSV).
    pub slug: String,
    /// `#rrggbb`: the browser's colour for the app (manifest, `theme-color`).
    pub theme_colour: String,
    /// The accent for links and buttons; the app's default when absent.
    /// Each must reach 4.5:1 against what style.css draws it on.
    pub accent: Option<AccentColours>,
    /// A logo file beside the bundle, shown in the site's header (at most
    /// 100 KiB). Its description is for where it stands alone: in the
    /// header it stands beside the organisation's name and is decorative.
    pub logo: Option<Picture>,
    /// The seat's postal address (for structured data); absent when the
    /// source does not give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PostalAddress>,
    /// The organisation's own pages elsewhere (its main site, its BIP),
    /// http(s): schema.org `sameAs`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_as: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct PostalAddress {
    pub street: String,
    /// `NN-NNN`.
    pub postal_code: String,
    pub locality: String,
}

impl PostalAddress {
    /// "ul. Testowa 1, 00-000 Wyspa Testowa": as a page writes it.
    pub fn one_line(&self) -> String {
        format!("{}, {} {}", self.street, self.postal_code, self.locality)
    }
}

impl Organisation {
    /// The name of the funding table's CSV download, in the reader's language.
    pub fn csv_file_name(&self, lang: Lang) -> String {
        match lang {
            Lang::Pl => format!("{}-finansowanie.csv", self.slug),
            // The Ukrainian pages' addresses are English (nav.rs says why).
            Lang::En | Lang::Uk | Lang::De => format!("{}-funding.csv", self.slug),
        }
    }
}

/// The title of each embeddable view's iframe (its accessible name).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct EmbedTitles {
    pub timeline: Text,
    pub funding: Text,
}

/// Each page's meta description.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct PageDescriptions {
    pub about: Text,
    pub timeline: Text,
    pub funding: Text,
    pub accessibility: Text,
    pub embed_code: Text,
}

/// The accent colour of each palette, `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct AccentColours {
    /// On the light palette's white page: at least 4.5:1.
    pub light: String,
    /// On the dark palette's near-black page: at least 4.5:1.
    pub dark: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Source {
    pub id: String,
    pub title: Text,
    /// http(s) address of the page; null when the source text came without one.
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Era {
    pub id: String,
    pub name: Text,
    pub period: DateValue,
    /// Why this period is drawn and where its bounds come from.
    pub note: Option<Text>,
}

/// The part the organisation played in a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub enum Role {
    /// Leader of a partnership.
    Leader,
    /// Carries out the project itself.
    Implementer,
    Partner,
}

/// The EU fund behind a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub enum Fund {
    /// Europejski Fundusz Społeczny / European Social Fund.
    #[serde(rename = "EFS")]
    Efs,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Project {
    pub id: String,
    pub name: Text,
    /// What kind of project the source calls it (systemic, non-competitive…).
    pub kind: Option<Text>,
    pub role: Role,
    pub programme: Text,
    /// Measure, sub-measure or theme within the programme.
    pub measure: Option<Text>,
    /// The programming period, when the source names it.
    pub period: DateValue,
    /// null when the source does not name the fund.
    pub fund: Option<Fund>,
    /// When the project ran, as precisely as the source says.
    pub dates: DateValue,
    pub summary: Text,
    /// Activities the source describes; see `activities_note` for what it leaves out.
    pub activities: Vec<Text>,
    pub activities_note: Option<Text>,
    /// What the project achieved or is planned to achieve, as the source
    /// says it (the EU's rules ask a project's page for its aims and results).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<Text>,
    /// Total value; null when the source does not give it (never 0 for "unknown").
    pub value: Option<Money>,
    /// EU co-financing; null when the source does not give it.
    pub eu_contribution: Option<Money>,
    pub source: String,
    /// What the EU's visibility rules ask a funded project's page to show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eu_visibility: Option<EuVisibility>,
    /// The funding agreement's number, as written on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_number: Option<String>,
    /// The project's id in Kohesio, the EU's list of cohesion-policy
    /// projects (`Q` and digits): its page is linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kohesio_id: Option<String>,
}

/// The programme's logo strip (FE | RP | region | UE) as an image beside
/// the bundle, with the alternative text the rules require.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct EuVisibility {
    pub strip: Picture,
}

/// Which funding statement the EU's rules ask for, by programme period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EuWording {
    /// Up to 2020 (Regulation 821/2014 and before): "Unia Europejska" with the fund's name.
    CoFinanced,
    /// 2021–2027: "Dofinansowane przez Unię Europejską".
    Funded2021,
}

impl Project {
    /// The EU share of the value, when both are known.
    pub fn eu_share(&self) -> Option<Share> {
        Share::of(self.eu_contribution?, self.value?)
    }

    /// The currency of its amounts: a checked bundle has one per project
    /// (the validator's CurrencyMismatch), so either amount says it.
    pub fn currency(&self) -> Option<Currency> {
        self.value.or(self.eu_contribution).map(|m| m.currency)
    }

    /// Whether the EU funds it: the bundle names a fund or an EU contribution.
    pub fn eu_funded(&self) -> bool {
        self.fund.is_some() || self.eu_contribution.is_some()
    }

    /// The funding statement the project's period calls for; None when the
    /// project is not EU-funded or the bundle does not give its period.
    pub fn eu_wording(&self) -> Option<EuWording> {
        if !self.eu_funded() {
            return None;
        }
        let start = match self.period {
            DateValue::At(p) => p.year(),
            DateValue::Range { start, .. } => start.year(),
            DateValue::NotGiven => return None,
        };
        Some(if start >= 2021 {
            EuWording::Funded2021
        } else {
            EuWording::CoFinanced
        })
    }

    /// The project's page in Kohesio, when its id is given: in the
    /// reader's language where Kohesio has it (the EU's official
    /// languages), in English otherwise.
    pub fn kohesio_url(&self, lang: Lang) -> Option<String> {
        let id = self.kohesio_id.as_deref()?;
        let site_lang = match lang {
            Lang::Pl => "pl",
            Lang::De => "de",
            Lang::En | Lang::Uk => "en",
        };
        Some(format!(
            "https://kohesio.ec.europa.eu/{site_lang}/projects/{id}"
        ))
    }

    /// Value minus EU contribution: derived, never stored, so it cannot disagree.
    pub fn remainder(&self) -> Option<Money> {
        self.value?.minus(self.eu_contribution?)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub enum EventKind {
    Project,
    Partnership,
    Policy,
    /// A working model or system the organisation built.
    Model,
    Award,
}

impl EventKind {
    pub const ALL: [EventKind; 5] = [
        EventKind::Project,
        EventKind::Partnership,
        EventKind::Policy,
        EventKind::Model,
        EventKind::Award,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Project => "project",
            EventKind::Partnership => "partnership",
            EventKind::Policy => "policy",
            EventKind::Model => "model",
            EventKind::Award => "award",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Event {
    pub id: String,
    pub date: DateValue,
    pub kind: EventKind,
    pub title: Text,
    pub description: Text,
    /// The project this event belongs to, by id.
    pub project: Option<String>,
    pub source: String,
}

/// Whether a figure is exact or a bound the source states ("over 40").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub enum FigureBound {
    Exact,
    MoreThan,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Figure {
    pub id: String,
    pub value: u64,
    pub bound: FigureBound,
    /// What is counted, e.g. "miejsc pracy".
    pub label: Text,
    pub project: Option<String>,
    pub source: String,
}

impl Bundle {
    /// The languages the bundle publishes in, the default first.
    pub fn languages(&self) -> &[Lang] {
        match &self.languages {
            Some(l) if !l.is_empty() => l,
            _ => &Lang::UNDECLARED,
        }
    }

    /// The default language: the first of [`Bundle::languages`].
    pub fn default_lang(&self) -> Lang {
        self.languages()[0]
    }

    /// Every text of the bundle, for what applies to all of them alike
    /// (the language order once loaded; a language added or removed in
    /// the editor). A field of type `Text` missing here is caught by
    /// `tests::every_text_is_walked`, which counts them in the JSON.
    pub fn texts_mut(&mut self) -> Vec<&mut Text> {
        let mut v: Vec<&mut Text> = Vec::new();
        let o = &mut self.organisation;
        v.extend([
            &mut o.name,
            &mut o.short_name,
            &mut o.summary,
            &mut o.legal_basis,
            &mut o.site_title,
            &mut o.description,
            &mut o.source_line,
            &mut o.role_label,
            &mut o.embed_titles.timeline,
            &mut o.embed_titles.funding,
            &mut o.page_descriptions.about,
            &mut o.page_descriptions.timeline,
            &mut o.page_descriptions.funding,
            &mut o.page_descriptions.accessibility,
            &mut o.page_descriptions.embed_code,
        ]);
        v.extend(o.logo.as_mut().map(|p| &mut p.alt));
        v.extend(self.sources.iter_mut().map(|s| &mut s.title));
        for e in &mut self.eras {
            v.push(&mut e.name);
            v.extend(e.note.as_mut());
        }
        for p in &mut self.projects {
            v.extend([&mut p.name, &mut p.programme, &mut p.summary]);
            v.extend(p.kind.as_mut());
            v.extend(p.measure.as_mut());
            v.extend(p.activities.iter_mut());
            v.extend(p.activities_note.as_mut());
            v.extend(p.results.as_mut());
            v.extend(p.eu_visibility.as_mut().map(|e| &mut e.strip.alt));
        }
        for e in &mut self.events {
            v.extend([&mut e.title, &mut e.description]);
        }
        v.extend(self.figures.iter_mut().map(|f| &mut f.label));
        let d = &mut self.accessibility;
        v.push(&mut d.entity);
        v.extend(d.non_accessible.iter_mut());
        v.extend(d.exemptions.iter_mut());
        v.extend(
            [
                &mut d.burden,
                &mut d.method,
                &mut d.architecture,
                &mut d.scope,
                &mut d.communication,
                &mut d.applications,
            ]
            .into_iter()
            .filter_map(Option::as_mut),
        );
        if let Some(er) = &mut self.easy_read {
            for s in &mut er.sections {
                v.push(&mut s.heading);
                v.extend(s.paragraphs.iter_mut());
                v.extend(s.picture.as_mut().map(|p| &mut p.alt));
            }
            v.extend(er.terms.iter_mut());
        }
        if let Some(sl) = &mut self.sign_language {
            for s in &mut sl.videos {
                v.extend([&mut s.title, &mut s.transcript]);
            }
        }
        v.extend(self.open_data.as_mut().map(|o| &mut o.licence));
        v.extend(
            [&mut self.contact.office_hours, &mut self.contact.deaf]
                .into_iter()
                .filter_map(Option::as_mut),
        );
        let pr = &mut self.privacy;
        v.extend(
            [
                &mut pr.controller,
                &mut pr.dpo,
                &mut pr.purposes,
                &mut pr.log_retention,
            ]
            .into_iter()
            .filter_map(Option::as_mut),
        );
        v
    }

    pub fn project(&self, id: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Events in timeline order; undated events last, in bundle order.
    /// The sort is stable, so equal dates keep the editor's order.
    pub fn events_chronological(&self) -> Vec<&Event> {
        let mut v: Vec<&Event> = self.events.iter().collect();
        v.sort_by(|a, b| a.date.chronological(b.date));
        v
    }

    pub fn events_of_project<'a>(&'a self, project: &'a str) -> impl Iterator<Item = &'a Event> {
        self.events
            .iter()
            .filter(move |e| e.project.as_deref() == Some(project))
    }

    pub fn figures_of_project<'a>(&'a self, project: &'a str) -> impl Iterator<Item = &'a Figure> {
        self.figures
            .iter()
            .filter(move |f| f.project.as_deref() == Some(project))
    }

    /// Eras an event falls in (an event may touch two).
    pub fn eras_of(&self, event: &Event) -> Vec<&Era> {
        self.eras
            .iter()
            .filter(|era| match era.period {
                DateValue::At(p) => event.date.overlaps_years(p.year(), Some(p.year())),
                DateValue::Range { start, end } => event
                    .date
                    .overlaps_years(start.year(), end.map(|e| e.year())),
                DateValue::NotGiven => false,
            })
            .collect()
    }
}
