//! Bundle → tables: the template filled in with the current content.

use super::cells::{amount_cell, choice_cell, count_cell, date_cell};
use super::layout::*;
use super::{Cell, Table};
use rops_content::model::{
    Bundle, Declaration, EasyReadSection, Event, Figure, Organisation, Picture, Project, SignVideo,
    Source,
};
use rops_content::text::{Lang, Text};

/// The languages the workbook has columns for (a text's column in each):
/// every language of the app, since the columns are made per language.
pub const COLUMN_LANGUAGES: [Lang; Lang::ALL.len()] = Lang::ALL;

/// The first language of `b` the workbook has no columns for, if any: its
/// texts would not survive the round trip, so the callers refuse to write
/// the workbook (and say which language) rather than lose them.
pub fn language_without_columns(b: &Bundle) -> Option<Lang> {
    b.languages()
        .iter()
        .copied()
        .find(|l| !COLUMN_LANGUAGES.contains(l))
}

/// The workbook of a checked bundle: one table per [`Section`], in order.
pub fn to_tables(b: &Bundle) -> Vec<Table> {
    // Polish and English columns always (a workbook's required columns);
    // another language's only for a bundle in it.
    let langs = &columns_of(b);
    Section::ALL
        .iter()
        .map(|&s| match s {
            Section::Organisation => fields_table(s, langs, |f: OrgField| org_field(b, f)),
            Section::Sources => list_table(s, langs, &b.sources, source_cell, &[]),
            Section::Eras => list_table(s, langs, &b.eras, era_cell, &[]),
            Section::Projects => projects_table(langs, &b.projects),
            Section::Events => list_table(s, langs, &b.events, event_cell, &[]),
            Section::Figures => list_table(s, langs, &b.figures, figure_cell, &[]),
            Section::Declaration => {
                fields_table(s, langs, |f: DeclField| decl_field(&b.accessibility, f))
            }
            // Written when empty too, so the template shows where they go.
            Section::EasyRead => {
                easy_read_table(langs, b.easy_read.as_ref().map_or(&[], |e| &e.sections))
            }
            Section::SignLanguage => list_table(
                s,
                langs,
                b.sign_language.as_ref().map_or(&[], |l| &l.videos),
                video_cell,
                &[],
            ),
        })
        .collect()
}

/// The languages a workbook of `b` has text columns for.
fn columns_of(b: &Bundle) -> Vec<Lang> {
    COLUMN_LANGUAGES
        .into_iter()
        .filter(|l| matches!(l, Lang::Pl | Lang::En) || b.languages().contains(l))
        .collect()
}

fn text_in(t: &Text, lang: Lang) -> Cell {
    t.given(lang).map_or(Cell::Empty, Cell::text)
}

fn opt_text_in(t: &Option<Text>, lang: Lang) -> Cell {
    t.as_ref().map_or(Cell::Empty, |t| text_in(t, lang))
}

fn opt(s: &Option<String>) -> Cell {
    s.as_ref().map_or(Cell::Empty, Cell::text)
}

/// A column not in a sheet's fixed layout (a project's activity): its
/// header, kind and one cell per item.
type ExtraColumn = (String, ColumnKind, Vec<Cell>);

/// A list sheet: the header row, then one row per item. `extra` are
/// columns inserted before given ones (the projects' activities).
fn list_table<T, C: Columns>(
    section: Section,
    langs: &[Lang],
    items: &[T],
    cell: fn(&T, C) -> Cell,
    extra: &[(C, Vec<ExtraColumn>)],
) -> Table {
    let mut t = Table::new(section.name());
    let mut header = vec![];
    let mut rows: Vec<Vec<Cell>> = vec![vec![]; items.len()];
    for &c in C::all() {
        for (before, cols) in extra {
            if *before == c {
                for (head, kind, values) in cols {
                    header.push(Cell::text(head));
                    t.columns.push(*kind);
                    for (row, v) in rows.iter_mut().zip(values) {
                        row.push(v.clone());
                    }
                }
            }
        }
        if c.lang().is_some_and(|l| !langs.contains(&l)) {
            continue;
        }
        header.push(Cell::text(c.header()));
        t.columns.push(c.kind());
        for (row, item) in rows.iter_mut().zip(items) {
            row.push(cell(item, c));
        }
    }
    t.rows.push(header);
    t.rows.extend(rows);
    t
}

fn source_cell(s: &Source, c: SourceCol) -> Cell {
    match c {
        SourceCol::Id => Cell::text(&s.id),
        SourceCol::Title(l) => text_in(&s.title, l),
        SourceCol::Url => opt(&s.url),
    }
}

fn era_cell(e: &rops_content::model::Era, c: EraCol) -> Cell {
    match c {
        EraCol::Id => Cell::text(&e.id),
        EraCol::Name(l) => text_in(&e.name, l),
        EraCol::Period => date_cell(e.period),
        EraCol::Note(l) => opt_text_in(&e.note, l),
    }
}

/// Numbered pairs of columns, one pair per text of the longest list, and
/// at least one, so the template shows where they go.
fn numbered_columns<T>(
    langs: &[Lang],
    items: &[T],
    texts: impl Fn(&T) -> &[Text],
    header: fn(usize, Lang) -> String,
) -> Vec<ExtraColumn> {
    let n = items
        .iter()
        .map(|p| texts(p).len())
        .max()
        .unwrap_or(0)
        .max(1);
    (1..=n)
        .flat_map(|i| langs.iter().map(move |&lang| (i, lang)))
        .map(|(i, lang)| {
            let values = items
                .iter()
                .map(|p| {
                    texts(p)
                        .get(i - 1)
                        .map_or(Cell::Empty, |t| text_in(t, lang))
                })
                .collect();
            (header(i, lang), ColumnKind::LongText, values)
        })
        .collect()
}

fn projects_table(langs: &[Lang], projects: &[Project]) -> Table {
    let cols = numbered_columns(langs, projects, |p| &p.activities, activity_header);
    list_table(
        Section::Projects,
        langs,
        projects,
        project_cell,
        &[(ACTIVITIES_BEFORE, cols)],
    )
}

fn easy_read_table(langs: &[Lang], sections: &[EasyReadSection]) -> Table {
    let cols = numbered_columns(langs, sections, |s| &s.paragraphs, paragraph_header);
    list_table(
        Section::EasyRead,
        langs,
        sections,
        easy_read_cell,
        &[(PARAGRAPHS_BEFORE, cols)],
    )
}

fn picture_cell(p: Option<&Picture>, part: Option<Lang>) -> Cell {
    match (p, part) {
        (None, _) => Cell::Empty,
        (Some(p), None) => Cell::text(&p.file),
        (Some(p), Some(lang)) => text_in(&p.alt, lang),
    }
}

fn easy_read_cell(s: &EasyReadSection, c: EasyReadCol) -> Cell {
    use EasyReadCol as E;
    let pic = s.picture.as_ref();
    match c {
        E::Heading(l) => text_in(&s.heading, l),
        E::PictureFile => picture_cell(pic, None),
        E::PictureAlt(l) => picture_cell(pic, Some(l)),
    }
}

fn video_cell(v: &SignVideo, c: SignVideoCol) -> Cell {
    use SignVideoCol as V;
    match c {
        V::Title(l) => text_in(&v.title, l),
        V::File => Cell::text(&v.file),
        V::CaptionsPl => Cell::text(&v.captions.pl),
        V::CaptionsEn => opt(&v.captions.en),
        V::Poster => opt(&v.poster),
        V::Transcript(l) => text_in(&v.transcript, l),
    }
}

fn project_cell(p: &Project, c: ProjectCol) -> Cell {
    use ProjectCol as P;
    match c {
        P::Id => Cell::text(&p.id),
        P::Name(l) => text_in(&p.name, l),
        P::Kind(l) => opt_text_in(&p.kind, l),
        P::Role => choice_cell(p.role, ROLES),
        P::Programme(l) => text_in(&p.programme, l),
        P::Measure(l) => opt_text_in(&p.measure, l),
        P::Period => date_cell(p.period),
        P::Fund => p.fund.map_or(Cell::Empty, |f| choice_cell(f, FUNDS)),
        P::Dates => date_cell(p.dates),
        P::Summary(l) => text_in(&p.summary, l),
        P::ActivitiesNote(l) => opt_text_in(&p.activities_note, l),
        P::Results(l) => opt_text_in(&p.results, l),
        P::Value => p.value.map_or(Cell::Empty, |m| amount_cell(m.minor)),
        P::EuContribution => p
            .eu_contribution
            .map_or(Cell::Empty, |m| amount_cell(m.minor)),
        // A checked bundle has one currency per project (the validator's
        // CurrencyMismatch), so one column says it for both amounts.
        P::Currency => p
            .currency()
            .map_or(Cell::Empty, |c| choice_cell(c, CURRENCIES)),
        P::Source => Cell::text(&p.source),
        P::ContractNumber => opt(&p.contract_number),
        P::KohesioId => opt(&p.kohesio_id),
        P::StripFile => picture_cell(p.eu_visibility.as_ref().map(|v| &v.strip), None),
        P::StripAlt(l) => picture_cell(p.eu_visibility.as_ref().map(|v| &v.strip), Some(l)),
    }
}

fn event_cell(e: &Event, c: EventCol) -> Cell {
    match c {
        EventCol::Id => Cell::text(&e.id),
        EventCol::Kind => choice_cell(e.kind, KINDS),
        EventCol::Date => date_cell(e.date),
        EventCol::Title(l) => text_in(&e.title, l),
        EventCol::Description(l) => text_in(&e.description, l),
        EventCol::Project => opt(&e.project),
        EventCol::Source => Cell::text(&e.source),
    }
}

fn figure_cell(f: &Figure, c: FigureCol) -> Cell {
    match c {
        FigureCol::Id => Cell::text(&f.id),
        FigureCol::Value => count_cell(f.value),
        FigureCol::Bound => choice_cell(f.bound, BOUNDS),
        FigureCol::Label(l) => text_in(&f.label, l),
        FigureCol::Project => opt(&f.project),
        FigureCol::Source => Cell::text(&f.source),
    }
}

/// What a field/value sheet's row holds: a cell per language of
/// `Lang::ALL` (the value, in Polish, first); a list field has one row per
/// item (and one empty row when it has none).
type FieldCells = Vec<[Cell; Lang::ALL.len()]>;

/// A row of a value that is not a text: the value, the rest empty.
fn values(value: Cell) -> [Cell; Lang::ALL.len()] {
    let mut row: [Cell; Lang::ALL.len()] = Default::default();
    row[0] = value;
    row
}

fn one(value: Cell) -> FieldCells {
    vec![values(value)]
}

fn text_pair(t: &Text) -> FieldCells {
    vec![Lang::ALL.map(|l| text_in(t, l))]
}

fn opt_text_pair(t: &Option<Text>) -> FieldCells {
    vec![Lang::ALL.map(|l| opt_text_in(t, l))]
}

fn fields_table<F: Fields>(
    section: Section,
    langs: &[Lang],
    cells: impl Fn(F) -> FieldCells,
) -> Table {
    let mut t = Table::new(section.name());
    // A language's column beyond Polish and English only for a bundle in it.
    let cols: Vec<KvCol> = KvCol::all()
        .iter()
        .copied()
        .filter(|&c| !matches!(c, KvCol::In(l) if !langs.contains(&l)))
        .collect();
    t.rows.push(
        cols.iter()
            .map(|c| Cell::text(c.header()))
            .chain([Cell::text(NOTE.header())])
            .collect(),
    );
    t.columns = cols
        .iter()
        .map(|c| c.kind())
        .chain([ColumnKind::Note])
        .collect();
    for &f in F::ALL {
        let note = format!("{} / {}", f.kind().note(Lang::Pl), f.kind().note(Lang::En));
        let mut rows = cells(f);
        if rows.is_empty() {
            rows.push(Default::default());
        }
        for by_lang in rows {
            let mut row = vec![Cell::text(f.label().header()), by_lang[0].clone()];
            for (l, cell) in Lang::ALL.into_iter().zip(by_lang).skip(1) {
                if langs.contains(&l) {
                    row.push(cell);
                }
            }
            row.push(Cell::text(&note));
            t.rows.push(row);
        }
    }
    t
}

fn org_field(b: &Bundle, f: OrgField) -> FieldCells {
    let o: &Organisation = &b.organisation;
    let d = &o.page_descriptions;
    use OrgField as O;
    match f {
        O::SchemaVersion => one(count_cell(b.schema_version.into())),
        O::Schema => one(opt(&b.schema)),
        O::ContentDate => one(date_cell(b.content_date)),
        O::Name => text_pair(&o.name),
        O::ShortName => text_pair(&o.short_name),
        O::Summary => text_pair(&o.summary),
        O::LegalBasis => text_pair(&o.legal_basis),
        O::Source => one(Cell::text(&o.source)),
        O::SiteTitle => text_pair(&o.site_title),
        O::Description => text_pair(&o.description),
        O::SourceLine => text_pair(&o.source_line),
        O::RoleLabel => text_pair(&o.role_label),
        O::EmbedTimeline => text_pair(&o.embed_titles.timeline),
        O::EmbedFunding => text_pair(&o.embed_titles.funding),
        O::PageAbout => text_pair(&d.about),
        O::PageTimeline => text_pair(&d.timeline),
        O::PageFunding => text_pair(&d.funding),
        O::PageAccessibility => text_pair(&d.accessibility),
        O::PageEmbedCode => text_pair(&d.embed_code),
        O::AppShortName => one(Cell::text(&o.app_short_name)),
        O::Slug => one(Cell::text(&o.slug)),
        O::ThemeColour => one(Cell::text(&o.theme_colour)),
        O::AccentLight => one(o
            .accent
            .as_ref()
            .map_or(Cell::Empty, |a| Cell::text(&a.light))),
        O::AccentDark => one(o
            .accent
            .as_ref()
            .map_or(Cell::Empty, |a| Cell::text(&a.dark))),
        O::LogoFile => one(o.logo.as_ref().map_or(Cell::Empty, |l| Cell::text(&l.file))),
        O::LogoAlt => opt_text_pair(&o.logo.as_ref().map(|l| l.alt.clone())),
        O::AddressStreet => one(o
            .address
            .as_ref()
            .map_or(Cell::Empty, |a| Cell::text(&a.street))),
        O::AddressPostalCode => one(o
            .address
            .as_ref()
            .map_or(Cell::Empty, |a| Cell::text(&a.postal_code))),
        O::AddressLocality => one(o
            .address
            .as_ref()
            .map_or(Cell::Empty, |a| Cell::text(&a.locality))),
        O::Languages => b
            .languages
            .iter()
            .flatten()
            .map(|l| values(Cell::text(l.as_str())))
            .collect(),
        O::SameAs => o.same_as.iter().map(|u| values(Cell::text(u))).collect(),
        O::OpenDataLicence => opt_text_pair(&b.open_data.as_ref().map(|d| d.licence.clone())),
        O::ContactPhone => one(opt(&b.contact.phone)),
        O::ContactEmail => one(opt(&b.contact.email)),
        O::ContactEpuap => one(opt(&b.contact.epuap)),
        O::ContactHours => opt_text_pair(&b.contact.office_hours),
        O::ContactBip => one(opt(&b.contact.bip_url)),
        O::ContactDeaf => opt_text_pair(&b.contact.deaf),
        O::PrivacyController => opt_text_pair(&b.privacy.controller),
        O::PrivacyDpo => opt_text_pair(&b.privacy.dpo),
        O::PrivacyPurposes => opt_text_pair(&b.privacy.purposes),
        O::PrivacyLogs => opt_text_pair(&b.privacy.log_retention),
        O::EasyReadTerms => list(
            b.easy_read
                .as_ref()
                .map(|e| e.terms.as_slice())
                .unwrap_or_default(),
        ),
        O::OpenDataLicenceUrl => one(b
            .open_data
            .as_ref()
            .map_or(Cell::Empty, |d| Cell::text(&d.licence_url))),
    }
}

/// A repeated field of texts: one row each, in every language.
fn list(items: &[Text]) -> FieldCells {
    items.iter().flat_map(text_pair).collect()
}

fn decl_field(a: &Declaration, f: DeclField) -> FieldCells {
    use DeclField as D;
    match f {
        D::Entity => text_pair(&a.entity),
        D::SiteUrl => one(opt(&a.site_url)),
        D::Published => one(date_cell(a.published)),
        D::Updated => one(date_cell(a.updated)),
        D::Status => one(a.status.map_or(Cell::Empty, |s| choice_cell(s, COMPLIANCE))),
        D::NonAccessible => list(&a.non_accessible),
        D::Exemptions => list(&a.exemptions),
        D::Prepared => one(date_cell(a.prepared)),
        D::Method => opt_text_pair(&a.method),
        D::Reviewed => one(date_cell(a.reviewed)),
        D::ContactPerson => one(opt(&a.contact_person)),
        D::Email => one(opt(&a.email)),
        D::Phone => one(opt(&a.phone)),
        D::Architecture => opt_text_pair(&a.architecture),
        D::Scope => opt_text_pair(&a.scope),
        D::Communication => opt_text_pair(&a.communication),
        D::Applications => opt_text_pair(&a.applications),
        D::Burden => opt_text_pair(&a.burden),
    }
}
