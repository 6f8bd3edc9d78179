//! Tables → bundle, in three passes that never half-apply: find the sheets
//! and their headers (a layout fault stops here: every cell would follow
//! from it), read every cell (collecting each fault, a placeholder in its
//! place), then run the bundle's own validator and map its faults back to
//! the cells they came from.

use super::cells::*;
use super::layout::*;
use super::{a1, Cell, Place, Problem, SheetFault, SheetFaults, Table, EMPTY};
use rops_content::date::DateValue;
use rops_content::error::{ContentError, Fault, FaultKind, JsonPath};
use rops_content::model::*;
use rops_content::money::{Currency, Minor, Money};
use rops_content::parse::{parse, warnings};
use rops_content::text::{Lang, Text};
use std::collections::{BTreeMap, HashMap};
use std::marker::PhantomData;

/// How far down a header row is looked for (a title row or two above it
/// is common).
pub(crate) const HEADER_SEARCH_ROWS: u32 = 10;

/// A bundle read from a workbook, with the validator's warnings (fields
/// still to be filled in) located like faults.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub bundle: Bundle,
    pub warnings: Vec<SheetFault>,
}

/// The bundle the tables hold, or every fault in them.
pub fn from_tables(tables: &[Table]) -> Result<Bundle, SheetFaults> {
    import(tables).map(|i| i.bundle)
}

/// [`from_tables`], with the warnings.
pub fn import(tables: &[Table]) -> Result<Imported, SheetFaults> {
    let mut cx = Cx::default();
    let sheets = find_sheets(tables, &mut cx);
    let sorted = |mut cx: Cx| {
        let order = |name: &str| {
            tables
                .iter()
                .position(|t| t.name == name)
                .map_or(-1, |i| i as i64)
        };
        cx.faults.sort_by_key(|f| {
            let (r, c) = match f.place {
                Place::Sheet => (-1, -1),
                Place::Row(r) => (r as i64, -1),
                Place::Cell(r, c) => (r as i64, c as i64),
            };
            (order(&f.sheet), r, c)
        });
        SheetFaults(cx.faults)
    };
    let Some(sheets) = sheets else {
        return Err(sorted(cx));
    };
    let [Some(org), Some(sources), Some(eras), Some(projects), Some(events), Some(figures), Some(decl), easy_read, sign_language] =
        sheets
    else {
        return Err(sorted(cx));
    };
    let org = Kv::<OrgField>::new(org, &mut cx);
    let sources = Grid::<SourceCol>::new(sources, &mut cx);
    let eras = Grid::<EraCol>::new(eras, &mut cx);
    let projects = Grid::<ProjectCol>::new(projects, &mut cx);
    let events = Grid::<EventCol>::new(events, &mut cx);
    let figures = Grid::<FigureCol>::new(figures, &mut cx);
    let decl = Kv::<DeclField>::new(decl, &mut cx);
    // The sheets older workbooks lack: absent is "no such content", a
    // sheet there must have its header.
    let easy_read = easy_read.map(|t| Grid::<EasyReadCol>::new(t, &mut cx));
    let sign_language = sign_language.map(|t| Grid::<SignVideoCol>::new(t, &mut cx));
    if matches!(easy_read, Some(None)) || matches!(sign_language, Some(None)) {
        return Err(sorted(cx));
    }
    let (easy_read, sign_language) = (easy_read.flatten(), sign_language.flatten());
    let (
        Some(org),
        Some(sources),
        Some(eras),
        Some(projects),
        Some(events),
        Some(figures),
        Some(decl),
    ) = (org, sources, eras, projects, events, figures, decl)
    else {
        return Err(sorted(cx));
    };
    if !cx.faults.is_empty() {
        return Err(sorted(cx));
    }

    let root = JsonPath::default();
    let bundle = Bundle {
        schema: org.opt_code(&mut cx, OrgField::Schema, root.key("$schema")),
        schema_version: {
            let n = org.count(&mut cx, OrgField::SchemaVersion, root.key("schema_version"));
            u32::try_from(n).unwrap_or_else(|_| {
                org.fault(
                    &mut cx,
                    OrgField::SchemaVersion,
                    Problem::Count { raw: n.to_string() },
                );
                0
            })
        },
        languages: org.languages(&mut cx, OrgField::Languages, root.key("languages")),
        content_date: org.date(&mut cx, OrgField::ContentDate, root.key("content_date")),
        organisation: read_organisation(&org, &mut cx),
        sources: sources.items(&mut cx, root.key("sources"), read_source),
        eras: eras.items(&mut cx, root.key("eras"), read_era),
        projects: projects.items(&mut cx, root.key("projects"), read_project),
        events: events.items(&mut cx, root.key("events"), read_event),
        figures: figures.items(&mut cx, root.key("figures"), read_figure),
        accessibility: read_declaration(&decl, &mut cx),
        // A sheet without rows is no such content, as a missing sheet is:
        // the page then says it is being prepared.
        easy_read: {
            let no_sheet = easy_read.is_none();
            let sections = easy_read
                .map(|g| {
                    let p = root.key("easy_read");
                    cx.mark(&p, g.name(), Place::Sheet);
                    g.items(&mut cx, p.key("sections"), read_easy_read_section)
                })
                .unwrap_or_default();
            // The words to explain are said once for the whole text, on the
            // Organisation sheet; given without sections, the validator
            // asks for a section.
            let terms = org.texts(
                &mut cx,
                OrgField::EasyReadTerms,
                root.key("easy_read").key("terms"),
            );
            if no_sheet {
                // A fault of the text as a whole (no sections) is told at
                // the words' rows, the only place that gives it.
                let (_, place) =
                    org.grid
                        .cell(&mut cx, org.row(OrgField::EasyReadTerms), KvCol::Field);
                cx.mark(&root.key("easy_read"), org.grid.name(), place);
            }
            (!sections.is_empty() || !terms.is_empty()).then_some(EasyRead { sections, terms })
        },
        sign_language: sign_language
            .map(|g| {
                let p = root.key("sign_language");
                cx.mark(&p, g.name(), Place::Sheet);
                g.items(&mut cx, p.key("videos"), read_sign_video)
            })
            .filter(|v| !v.is_empty())
            .map(|videos| SignLanguage { videos }),
        open_data: read_open_data(&org, &mut cx),
        contact: read_contact(&org, &mut cx),
        privacy: read_privacy(&org, &mut cx),
    };

    // The same validator as the app's, on the same JSON it would load.
    let json = match serde_json::to_string(&bundle) {
        Ok(j) => j,
        Err(e) => {
            cx.fault(
                "",
                Place::Sheet,
                Problem::Content(FaultKind::Structure(e.to_string())),
            );
            return Err(sorted(cx));
        }
    };
    match parse(&json) {
        Ok(checked) if cx.faults.is_empty() => {
            let warnings = warnings(&checked, &json)
                .into_iter()
                .map(|w| cx.locate(w))
                .collect();
            Ok(Imported {
                bundle: checked,
                warnings,
            })
        }
        Ok(_) => Err(sorted(cx)),
        Err(ContentError::Invalid(faults)) => {
            for f in faults {
                let located = cx.locate(f);
                // One fault per cell: a value this reader already refused
                // (an empty id) is not reported again in the validator's words.
                let taken = cx
                    .faults
                    .iter()
                    .any(|g| g.sheet == located.sheet && g.place == located.place);
                if !taken || located.place == Place::Sheet {
                    cx.faults.push(located);
                }
            }
            Err(sorted(cx))
        }
        Err(ContentError::NewerSchema { found, supported })
            if cx
                .places
                .contains_key(&root.key("schema_version").to_string()) =>
        {
            let f = Fault {
                path: root.key("schema_version"),
                at: None,
                kind: FaultKind::UnsupportedSchema { found, supported },
            };
            let located = cx.locate(f);
            cx.faults.push(located);
            Err(sorted(cx))
        }
        Err(ContentError::TooLarge { size, limit }) => {
            cx.fault("", Place::Sheet, Problem::TooLarge { size, limit });
            Err(sorted(cx))
        }
        Err(other) => {
            cx.fault(
                "",
                Place::Sheet,
                Problem::Content(FaultKind::Structure(other.to_string())),
            );
            Err(sorted(cx))
        }
    }
}

/// Faults found so far, and where each JSON path of the bundle came from.
#[derive(Default)]
struct Cx {
    faults: Vec<SheetFault>,
    places: HashMap<String, (String, Place)>,
}

impl Cx {
    /// Records a fault once (a cell may be looked at more than once).
    fn fault(&mut self, sheet: &str, place: Place, problem: Problem) {
        let f = SheetFault {
            sheet: sheet.to_owned(),
            place,
            problem,
        };
        if !self.faults.contains(&f) {
            self.faults.push(f);
        }
    }

    fn mark(&mut self, path: &JsonPath, sheet: &str, place: Place) {
        self.places
            .insert(path.to_string(), (sheet.to_owned(), place));
    }

    /// A validator fault at the cell its path came from (or the nearest
    /// enclosing thing that has a place: the row, the sheet).
    fn locate(&self, f: Fault) -> SheetFault {
        let mut path = f.path.clone();
        loop {
            if let Some((sheet, place)) = self.places.get(&path.to_string()) {
                return SheetFault {
                    sheet: sheet.clone(),
                    place: *place,
                    problem: Problem::Content(f.kind),
                };
            }
            if path.0.pop().is_none() {
                return SheetFault {
                    sheet: String::new(),
                    place: Place::Sheet,
                    problem: Problem::Content(f.kind),
                };
            }
        }
    }
}

/// The tables of the sections, matched by name (either language, any
/// case, with or without diacritics); other sheets are ignored. None when
/// a required section is missing (its faults are in `cx`).
type Sheets<'t> = [Option<&'t Table>; Section::ALL.len()];

fn find_sheets<'t>(tables: &'t [Table], cx: &mut Cx) -> Option<Sheets<'t>> {
    let mut found: Sheets<'t> = [None; Section::ALL.len()];
    for t in tables {
        let Some(i) = section_of(&t.name).and_then(|s| Section::ALL.iter().position(|&x| x == s))
        else {
            continue;
        };
        match found[i] {
            None => found[i] = Some(t),
            Some(first) => cx.fault(
                &t.name,
                Place::Sheet,
                Problem::TwoSheets {
                    used: first.name.clone(),
                },
            ),
        }
    }
    if found.iter().all(Option::is_none) {
        cx.fault(
            "",
            Place::Sheet,
            Problem::NoContentSheets {
                found: tables.iter().map(|t| t.name.clone()).collect(),
            },
        );
        return None;
    }
    let mut complete = true;
    for (i, f) in found.iter().enumerate() {
        if f.is_none() && Section::ALL[i].required() {
            complete = false;
            cx.fault(Section::ALL[i].name(), Place::Sheet, Problem::MissingSheet);
        }
    }
    complete.then_some(found)
}

pub(super) fn section_of(name: &str) -> Option<Section> {
    let name = normalise(name);
    Section::ALL
        .into_iter()
        .find(|s| matches_label(s.label(), &name))
}

/// Whether a normalised header names this label: the whole "pl / en", or
/// either half.
fn matches_label(label: Label, header: &str) -> bool {
    !header.is_empty()
        && (header == normalise(&label.header())
            || header == normalise(label.pl)
            || header == normalise(label.en))
}

fn matches_column<C: Columns>(c: C, header: &str) -> bool {
    match c.lang() {
        None => matches_label(c.label(), header),
        Some(lang) => {
            let tag = lang_tag(lang);
            let l = c.label();
            !header.is_empty()
                && (header == normalise(&c.header())
                    || header == normalise(&format!("{} ({tag})", l.pl))
                    || header == normalise(&format!("{} ({tag})", l.en)))
        }
    }
}

/// A cell as its merged area shows it (the area's top-left value).
fn shown(t: &Table, row: u32, col: u32) -> &Cell {
    t.merged
        .iter()
        .find(|a| a.contains(row, col))
        .map_or_else(|| t.cell(row, col), |a| t.cell(a.first_row, a.first_col))
}

fn plain_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.trim().to_owned(),
        Cell::Number(n) => number_text(*n),
        _ => String::new(),
    }
}

/// A list sheet with its header found: which table columns hold each
/// column of `C`, and which rows hold items.
struct Grid<'t, C> {
    table: &'t Table,
    /// Per column of `C::all()`: the table columns under its header (more
    /// than one when a header is repeated, or merged over several columns).
    cols: Vec<Vec<u32>>,
    /// The numbered pairs of columns (a project's activities, a section's
    /// paragraphs): (number, 0 = PL / 1 = EN).
    numbered: BTreeMap<(usize, u8), Vec<u32>>,
    rows: Vec<u32>,
    _columns: PhantomData<C>,
}

impl<'t, C: Columns> Grid<'t, C> {
    fn new(table: &'t Table, cx: &mut Cx) -> Option<Grid<'t, C>> {
        let name = &table.name;
        // The header row: the first with the key column's header. A header
        // merged down over several rows spans them all ("Tytuł / Title"
        // above "PL" | "EN" reads as "Tytuł PL" and "Tytuł EN").
        let limit = HEADER_SEARCH_ROWS.min(table.rows.len() as u32);
        let found = (0..limit).find_map(|r| {
            let width = table.rows[r as usize].len() as u32;
            (0..width)
                .find(|&c| matches_column(C::KEY, &normalise(&plain_text(shown(table, r, c)))))
                .map(|c| {
                    let last = table
                        .merged
                        .iter()
                        .find(|a| a.contains(r, c))
                        .map_or(r, |a| a.last_row);
                    (r, last)
                })
        });
        let Some((first, last)) = found else {
            cx.fault(
                name,
                Place::Sheet,
                Problem::NoHeader {
                    key: C::KEY.header(),
                },
            );
            return None;
        };
        let width = (first..=last)
            .map(|r| table.rows.get(r as usize).map_or(0, |row| row.len() as u32))
            .chain(
                table
                    .merged
                    .iter()
                    .filter(|a| a.first_row <= last && a.last_row >= first)
                    .map(|a| a.last_col + 1),
            )
            .max()
            .unwrap_or(0);
        let mut cols = vec![vec![]; C::all().len()];
        let mut numbered: BTreeMap<(usize, u8), Vec<u32>> = BTreeMap::new();
        for c in 0..width {
            let mut parts: Vec<String> = vec![];
            for r in first..=last {
                let t = plain_text(shown(table, r, c));
                if !t.is_empty() && parts.last() != Some(&t) {
                    parts.push(t);
                }
            }
            // Over two header rows, a group's "Tytuł / Title" with "PL" below
            // it is "Tytuł PL" or "Title PL".
            let mut candidates = vec![normalise(&parts.join(" "))];
            if let [group, rest @ ..] = parts.as_slice() {
                if !rest.is_empty() {
                    let rest = rest.join(" ");
                    for half in group.split(" / ") {
                        candidates.push(normalise(&format!("{half} {rest}")));
                    }
                }
            }
            if let Some(i) = C::all()
                .iter()
                .position(|&k| candidates.iter().any(|h| matches_column(k, h)))
            {
                cols[i].push(c);
            } else if let Some((n, lang)) =
                C::NUMBERED.and_then(|label| candidates.iter().find_map(|h| numbered_of(label, h)))
            {
                numbered.entry((n, lang.index() as u8)).or_default().push(c);
            }
        }
        let mut complete = true;
        for (i, found) in cols.iter().enumerate() {
            if found.is_empty() && !C::all()[i].optional() {
                complete = false;
                cx.fault(
                    name,
                    Place::Row(first),
                    Problem::MissingColumn {
                        column: C::all()[i].header(),
                    },
                );
            }
        }
        // Items are the rows below the header with anything in a known
        // column: empty rows (trailing or between) and notes in other
        // columns are not items.
        let known: Vec<u32> = cols
            .iter()
            .chain(numbered.values())
            .flatten()
            .copied()
            .collect();
        let rows = (last + 1..table.rows.len() as u32)
            .filter(|&r| known.iter().any(|&c| !table.cell(r, c).is_empty()))
            .collect();
        complete.then_some(Grid {
            table,
            cols,
            numbered,
            rows,
            _columns: PhantomData,
        })
    }

    fn name(&self) -> &str {
        &self.table.name
    }

    fn index(c: C) -> usize {
        C::all().iter().position(|&k| k == c).unwrap_or(0)
    }

    /// The value at row `r` under the header of `col`; when the header is
    /// there twice, the one non-empty value, or the first (and a fault)
    /// when they differ.
    fn cell(&self, cx: &mut Cx, r: u32, col: C) -> (&'t Cell, Place) {
        let cols = &self.cols[Self::index(col)];
        self.cell_in(cx, r, cols, &col.header())
    }

    fn cell_in(&self, cx: &mut Cx, r: u32, cols: &[u32], header: &str) -> (&'t Cell, Place) {
        let mut found: Option<(&'t Cell, u32)> = None;
        for &c in cols {
            let cell = self.table.cell(r, c);
            if cell.is_empty() {
                continue;
            }
            match found {
                None => found = Some((cell, c)),
                Some((first, _)) if first == cell => {}
                Some((_, fc)) => cx.fault(
                    self.name(),
                    Place::Cell(r, c),
                    Problem::ColumnsDisagree {
                        column: header.to_owned(),
                        other: a1(r, fc),
                    },
                ),
            }
        }
        match found {
            Some((cell, c)) => (cell, Place::Cell(r, c)),
            // A column the sheet lacks (an optional one): the row.
            None => (
                &EMPTY,
                cols.first().map_or(Place::Row(r), |&c| Place::Cell(r, c)),
            ),
        }
    }

    /// Every item of the sheet, read by `read` with its JSON path.
    fn items<T>(
        &self,
        cx: &mut Cx,
        list: JsonPath,
        read: fn(&Self, &mut Cx, u32, JsonPath) -> T,
    ) -> Vec<T> {
        cx.mark(&list, self.name(), Place::Sheet);
        self.rows
            .iter()
            .enumerate()
            .map(|(i, &r)| {
                let path = list.index(i);
                cx.mark(&path, self.name(), Place::Row(r));
                read(self, cx, r, path)
            })
            .collect()
    }

    fn at<V>(
        &self,
        cx: &mut Cx,
        r: u32,
        col: C,
        path: &JsonPath,
        read: impl Fn(&Cell) -> Result<V, Problem>,
    ) -> Option<V> {
        let (cell, place) = self.cell(cx, r, col);
        cx.mark(path, self.name(), place);
        match read(cell) {
            Ok(v) => Some(v),
            Err(p) => {
                cx.fault(self.name(), place, p);
                None
            }
        }
    }

    fn text(&self, cx: &mut Cx, r: u32, col: impl Fn(Lang) -> C, path: JsonPath) -> Text {
        self.opt_text(cx, r, col, path.clone()).unwrap_or_default()
    }

    /// A text from its column in each language (`col`: the column of a
    /// language; a sheet without a language's column reads it as empty).
    /// Every cell empty: no text. Polish empty alone is the validator's
    /// "the text is empty", at the Polish cell.
    fn opt_text(
        &self,
        cx: &mut Cx,
        r: u32,
        col: impl Fn(Lang) -> C,
        path: JsonPath,
    ) -> Option<Text> {
        let cells: Vec<(Lang, Option<String>)> = Lang::ALL
            .into_iter()
            .map(|l| {
                let v = self.at(cx, r, col(l), &path.key(l.as_str()), text_of);
                (l, v.flatten())
            })
            .collect();
        let (_, place) = self.cell(cx, r, col(Lang::Pl));
        cx.mark(&path, self.name(), place);
        cells
            .iter()
            .any(|(_, v)| v.is_some())
            .then(|| text_of_cells(cells))
    }

    fn code(&self, cx: &mut Cx, r: u32, col: C, path: JsonPath) -> String {
        match self.at(cx, r, col, &path, code_of).flatten() {
            Some(s) => s,
            None => {
                let (cell, place) = self.cell(cx, r, col);
                if cell.is_empty() {
                    cx.fault(self.name(), place, Problem::Required { allowed: vec![] });
                }
                String::new()
            }
        }
    }

    fn opt_code(&self, cx: &mut Cx, r: u32, col: C, path: JsonPath) -> Option<String> {
        self.at(cx, r, col, &path, code_of).flatten()
    }

    /// A string shown as it is (a number as written), or None when empty.
    fn opt_plain(&self, cx: &mut Cx, r: u32, col: C, path: JsonPath) -> Option<String> {
        self.at(cx, r, col, &path, text_of).flatten()
    }

    fn date(&self, cx: &mut Cx, r: u32, col: C, path: JsonPath) -> DateValue {
        self.at(cx, r, col, &path, date_of)
            .unwrap_or(DateValue::NotGiven)
    }

    fn choice<T: Copy>(
        &self,
        cx: &mut Cx,
        r: u32,
        col: C,
        choices: &[Choice<T>],
        path: JsonPath,
    ) -> T {
        match self.at(cx, r, col, &path, |c| choice_of(c, choices)) {
            Some(Some(v)) => v,
            Some(None) => {
                let (_, place) = self.cell(cx, r, col);
                cx.fault(
                    self.name(),
                    place,
                    Problem::Required {
                        allowed: written(choices),
                    },
                );
                choices[0].value
            }
            None => choices[0].value,
        }
    }

    fn opt_choice<T: Copy>(
        &self,
        cx: &mut Cx,
        r: u32,
        col: C,
        choices: &[Choice<T>],
        path: JsonPath,
    ) -> Option<T> {
        self.at(cx, r, col, &path, |c| choice_of(c, choices))
            .flatten()
    }

    fn count(&self, cx: &mut Cx, r: u32, col: C, path: JsonPath) -> u64 {
        match self.at(cx, r, col, &path, count_of) {
            Some(Some(n)) => n,
            Some(None) => {
                let (_, place) = self.cell(cx, r, col);
                cx.fault(self.name(), place, Problem::Required { allowed: vec![] });
                0
            }
            None => 0,
        }
    }
}

impl<C: Columns> Grid<'_, C> {
    /// The texts of row `r`'s numbered pairs of columns, in number order;
    /// a pair with both cells empty is no item (so numbers may have gaps).
    fn numbered_texts(&self, cx: &mut Cx, r: u32, path: JsonPath) -> Vec<Text> {
        let Some(label) = C::NUMBERED else {
            return vec![];
        };
        let mut numbers: Vec<usize> = self.numbered.keys().map(|&(n, _)| n).collect();
        numbers.dedup();
        let mut out = vec![];
        for n in numbers {
            let one = |cx: &mut Cx, lang: Lang| -> (Option<String>, Option<Place>) {
                let Some(cols) = self.numbered.get(&(n, lang.index() as u8)) else {
                    return (None, None);
                };
                let header = numbered_header(label, n, lang);
                let (cell, place) = self.cell_in(cx, r, cols, &header);
                match text_of(cell) {
                    Ok(v) => (v, Some(place)),
                    Err(problem) => {
                        cx.fault(self.name(), place, problem);
                        (None, Some(place))
                    }
                }
            };
            let read: Vec<(Lang, Read)> = Lang::ALL.into_iter().map(|l| (l, one(cx, l))).collect();
            if read.iter().all(|(_, (v, _))| v.is_none()) {
                continue;
            }
            let item = path.index(out.len());
            // The item's place: its Polish cell, else the first there is.
            let first = read
                .iter()
                .find_map(|(_, (_, place))| *place)
                .unwrap_or(Place::Row(r));
            cx.mark(&item, self.name(), first);
            for (l, (_, place)) in &read {
                cx.mark(&item.key(l.as_str()), self.name(), place.unwrap_or(first));
            }
            out.push(text_of_cells(
                read.into_iter().map(|(l, (v, _))| (l, v)).collect(),
            ));
        }
        let (_, place) = self.cell(cx, r, C::KEY);
        cx.mark(&path, self.name(), place);
        out
    }

    /// A picture: its file's name and what it shows; None when all three
    /// cells are empty. A description without a file is a fault; a file
    /// without a description is the validator's "the text is empty".
    fn picture(
        &self,
        cx: &mut Cx,
        r: u32,
        file: C,
        alt: fn(Lang) -> C,
        path: JsonPath,
    ) -> Option<Picture> {
        let f = self.opt_code(cx, r, file, path.key("file"));
        let pl = alt(Lang::Pl);
        let alt = self.opt_text(cx, r, alt, path.key("alt"));
        let (_, place) = self.cell(cx, r, file);
        cx.mark(&path, self.name(), place);
        picture_of(f, alt).unwrap_or_else(|DescriptionWithoutFile| {
            let (_, place) = self.cell(cx, r, pl);
            cx.fault(self.name(), place, Problem::PictureWithoutFile);
            None
        })
    }
}

/// One language's cell of a numbered text: its value and where it is.
type Read = (Option<String>, Option<Place>);

/// A text from its cells, one per language (the Polish one kept even when
/// empty: the validator then says "the text is empty" at its cell).
fn text_of_cells(cells: Vec<(Lang, Option<String>)>) -> Text {
    let mut t = Text::new(Lang::Pl, "");
    for (l, v) in cells {
        if let Some(v) = v {
            t.set(l, v);
        }
    }
    t
}

/// A description cell filled for a picture whose file cell is empty.
struct DescriptionWithoutFile;

/// A picture (the logo, a logo strip, an easy-to-read picture) from its
/// file and description cells: None when both are empty. A file without a
/// description is kept, for the validator's "the text is empty".
fn picture_of(
    file: Option<String>,
    alt: Option<Text>,
) -> Result<Option<Picture>, DescriptionWithoutFile> {
    match (file, alt) {
        (Some(file), alt) => Ok(Some(Picture {
            file,
            alt: alt.unwrap_or_default(),
        })),
        (None, Some(_)) => Err(DescriptionWithoutFile),
        (None, None) => Ok(None),
    }
}

fn read_source(g: &Grid<SourceCol>, cx: &mut Cx, r: u32, p: JsonPath) -> Source {
    use SourceCol as S;
    Source {
        id: g.code(cx, r, S::Id, p.key("id")),
        title: g.text(cx, r, S::Title, p.key("title")),
        url: g.opt_code(cx, r, S::Url, p.key("url")),
    }
}

fn read_era(g: &Grid<EraCol>, cx: &mut Cx, r: u32, p: JsonPath) -> Era {
    use EraCol as E;
    Era {
        id: g.code(cx, r, E::Id, p.key("id")),
        name: g.text(cx, r, E::Name, p.key("name")),
        period: g.date(cx, r, E::Period, p.key("period")),
        note: g.opt_text(cx, r, E::Note, p.key("note")),
    }
}

fn read_project(g: &Grid<ProjectCol>, cx: &mut Cx, r: u32, p: JsonPath) -> Project {
    use ProjectCol as P;
    let activities = g.numbered_texts(cx, r, p.key("activities"));

    // Amounts: their own currency ("1 980 000 zł") or the row's.
    let currency = g.opt_choice(cx, r, P::Currency, CURRENCIES, p.key("currency-column"));
    let (_, currency_place) = g.cell(cx, r, P::Currency);
    let money = |cx: &mut Cx, col: P, key: &str| -> Option<Money> {
        let path = p.key(key);
        let (cell, place) = g.cell(cx, r, col);
        cx.mark(&path, g.name(), place);
        cx.mark(&path.key("amount"), g.name(), place);
        let read: Result<Option<(Minor, Option<Currency>)>, Problem> = match cell {
            Cell::Empty => Ok(None),
            Cell::Text(s) if s.trim().is_empty() => Ok(None),
            Cell::Text(s) => amount_from_text(s)
                .map(Some)
                .map_err(|problem| Problem::Amount {
                    raw: s.trim().to_owned(),
                    problem,
                }),
            Cell::Number(x) => amount_from_number(*x)
                .map(|m| Some((m, None)))
                .map_err(|problem| Problem::Amount {
                    raw: number_text(*x),
                    problem,
                }),
            other => Err(wrong_type(other)),
        };
        let (minor, own) = match read {
            Ok(Some(v)) => v,
            Ok(None) => return None,
            Err(problem) => {
                cx.fault(g.name(), place, problem);
                return None;
            }
        };
        let currency = match (own, currency) {
            (Some(a), Some(b)) if a != b => {
                cx.fault(
                    g.name(),
                    place,
                    Problem::CurrencyConflict {
                        cell: a.as_str().to_owned(),
                        column: b.as_str().to_owned(),
                    },
                );
                return None;
            }
            (Some(a), _) => {
                cx.mark(&path.key("currency"), g.name(), place);
                a
            }
            (None, Some(b)) => {
                cx.mark(&path.key("currency"), g.name(), currency_place);
                b
            }
            (None, None) => {
                cx.fault(g.name(), place, Problem::NoCurrency);
                return None;
            }
        };
        Some(Money { minor, currency })
    };
    let value = money(cx, P::Value, "value");
    let eu_contribution = money(cx, P::EuContribution, "eu_contribution");

    Project {
        id: g.code(cx, r, P::Id, p.key("id")),
        name: g.text(cx, r, P::Name, p.key("name")),
        kind: g.opt_text(cx, r, P::Kind, p.key("kind")),
        role: g.choice(cx, r, P::Role, ROLES, p.key("role")),
        programme: g.text(cx, r, P::Programme, p.key("programme")),
        measure: g.opt_text(cx, r, P::Measure, p.key("measure")),
        period: g.date(cx, r, P::Period, p.key("period")),
        fund: g.opt_choice(cx, r, P::Fund, FUNDS, p.key("fund")),
        dates: g.date(cx, r, P::Dates, p.key("dates")),
        summary: g.text(cx, r, P::Summary, p.key("summary")),
        activities,
        activities_note: g.opt_text(cx, r, P::ActivitiesNote, p.key("activities_note")),
        results: g.opt_text(cx, r, P::Results, p.key("results")),
        value,
        eu_contribution,
        source: g.code(cx, r, P::Source, p.key("source")),
        eu_visibility: {
            let vp = p.key("eu_visibility");
            let strip = g.picture(cx, r, P::StripFile, P::StripAlt, vp.key("strip"));
            let (_, place) = g.cell(cx, r, P::StripFile);
            cx.mark(&vp, g.name(), place);
            strip.map(|strip| EuVisibility { strip })
        },
        contract_number: g.opt_plain(cx, r, P::ContractNumber, p.key("contract_number")),
        kohesio_id: g.opt_code(cx, r, P::KohesioId, p.key("kohesio_id")),
    }
}

fn read_easy_read_section(
    g: &Grid<EasyReadCol>,
    cx: &mut Cx,
    r: u32,
    p: JsonPath,
) -> EasyReadSection {
    use EasyReadCol as E;
    EasyReadSection {
        heading: g.text(cx, r, E::Heading, p.key("heading")),
        paragraphs: g.numbered_texts(cx, r, p.key("paragraphs")),
        picture: g.picture(cx, r, E::PictureFile, E::PictureAlt, p.key("picture")),
    }
}

fn read_sign_video(g: &Grid<SignVideoCol>, cx: &mut Cx, r: u32, p: JsonPath) -> SignVideo {
    use SignVideoCol as V;
    let cp = p.key("captions");
    let (_, place) = g.cell(cx, r, V::CaptionsPl);
    cx.mark(&cp, g.name(), place);
    SignVideo {
        title: g.text(cx, r, V::Title, p.key("title")),
        file: g.code(cx, r, V::File, p.key("file")),
        captions: Captions {
            pl: g.code(cx, r, V::CaptionsPl, cp.key("pl")),
            en: g.opt_code(cx, r, V::CaptionsEn, cp.key("en")),
        },
        poster: g.opt_code(cx, r, V::Poster, p.key("poster")),
        transcript: g.text(cx, r, V::Transcript, p.key("transcript")),
    }
}

fn read_event(g: &Grid<EventCol>, cx: &mut Cx, r: u32, p: JsonPath) -> Event {
    use EventCol as E;
    Event {
        id: g.code(cx, r, E::Id, p.key("id")),
        date: g.date(cx, r, E::Date, p.key("date")),
        kind: g.choice(cx, r, E::Kind, KINDS, p.key("kind")),
        title: g.text(cx, r, E::Title, p.key("title")),
        description: g.text(cx, r, E::Description, p.key("description")),
        project: g.opt_code(cx, r, E::Project, p.key("project")),
        source: g.code(cx, r, E::Source, p.key("source")),
    }
}

fn read_figure(g: &Grid<FigureCol>, cx: &mut Cx, r: u32, p: JsonPath) -> Figure {
    use FigureCol as F;
    Figure {
        id: g.code(cx, r, F::Id, p.key("id")),
        value: g.count(cx, r, F::Value, p.key("value")),
        bound: g.choice(cx, r, F::Bound, BOUNDS, p.key("bound")),
        label: g.text(cx, r, F::Label, p.key("label")),
        project: g.opt_code(cx, r, F::Project, p.key("project")),
        source: g.code(cx, r, F::Source, p.key("source")),
    }
}

/// A field/value sheet: each field's rows (one, or one per item of a list).
struct Kv<'t, F> {
    grid: Grid<'t, KvCol>,
    rows: Vec<Vec<u32>>,
    _fields: PhantomData<F>,
}

impl<'t, F: Fields> Kv<'t, F> {
    fn new(table: &'t Table, cx: &mut Cx) -> Option<Kv<'t, F>> {
        let grid = Grid::<KvCol>::new(table, cx)?;
        let mut rows = vec![vec![]; F::ALL.len()];
        let mut complete = true;
        for &r in &grid.rows {
            let (cell, _) = grid.cell(cx, r, KvCol::Field);
            let name = normalise(&plain_text(cell));
            if let Some(i) = F::ALL.iter().position(|f| matches_label(f.label(), &name)) {
                rows[i].push(r);
            }
        }
        for (i, &f) in F::ALL.iter().enumerate() {
            match rows[i].as_slice() {
                [] if f.optional() => {}
                [] => {
                    complete = false;
                    cx.fault(
                        grid.name(),
                        Place::Sheet,
                        Problem::MissingField {
                            field: f.label().header(),
                        },
                    );
                }
                [first, second, ..]
                    if !matches!(f.kind(), FieldKind::TextList | FieldKind::CodeList) =>
                {
                    complete = false;
                    let (_, place) = grid.cell(cx, *second, KvCol::Field);
                    let (_, first) = grid.cell(cx, *first, KvCol::Field);
                    let first = match first {
                        Place::Cell(r, c) => a1(r, c),
                        _ => String::new(),
                    };
                    cx.fault(
                        grid.name(),
                        place,
                        Problem::RepeatedField {
                            field: f.label().header(),
                            first,
                        },
                    );
                }
                _ => {}
            }
        }
        complete.then_some(Kv {
            grid,
            rows,
            _fields: PhantomData,
        })
    }

    /// The field's (first) row. An optional field the sheet lacks is the
    /// row below the sheet: its cells are empty, and a fault there says
    /// where to add it.
    fn row(&self, f: F) -> u32 {
        let i = F::ALL.iter().position(|&k| k == f).unwrap_or(0);
        self.rows[i]
            .first()
            .copied()
            .unwrap_or(self.grid.table.rows.len() as u32)
    }

    fn fault(&self, cx: &mut Cx, f: F, problem: Problem) {
        let (_, place) = self.grid.cell(cx, self.row(f), KvCol::Value);
        cx.fault(self.grid.name(), place, problem);
    }

    /// A field without an English version must leave that cell empty.
    fn no_english(&self, cx: &mut Cx, f: F) {
        let (cell, place) = self.grid.cell(cx, self.row(f), KvCol::In(Lang::En));
        if !cell.is_empty() {
            cx.fault(
                self.grid.name(),
                place,
                Problem::NoEnglish {
                    field: f.label().header(),
                },
            );
        }
    }

    fn text(&self, cx: &mut Cx, f: F, path: JsonPath) -> Text {
        self.opt_text(cx, f, path).unwrap_or_default()
    }

    fn opt_text(&self, cx: &mut Cx, f: F, path: JsonPath) -> Option<Text> {
        self.text_at(cx, self.row(f), path)
    }

    /// A row's text: the value (Polish), then a column per other language.
    fn text_at(&self, cx: &mut Cx, r: u32, path: JsonPath) -> Option<Text> {
        let col = |l: Lang| {
            if l == Lang::Pl {
                KvCol::Value
            } else {
                KvCol::In(l)
            }
        };
        self.grid.opt_text(cx, r, col, path)
    }

    fn texts(&self, cx: &mut Cx, f: F, path: JsonPath) -> Vec<Text> {
        let i = F::ALL.iter().position(|&k| k == f).unwrap_or(0);
        let mut out = vec![];
        for &r in &self.rows[i] {
            let item = path.index(out.len());
            if let Some(t) = self.text_at(cx, r, item) {
                out.push(t);
            }
        }
        let (_, place) = self.grid.cell(cx, self.row(f), KvCol::Value);
        cx.mark(&path, self.grid.name(), place);
        out
    }

    /// A repeated field of codes (addresses): one per row, empty rows skipped.
    fn codes(&self, cx: &mut Cx, f: F, path: JsonPath) -> Vec<String> {
        let i = F::ALL.iter().position(|&k| k == f).unwrap_or(0);
        let mut out = vec![];
        for &r in &self.rows[i] {
            let (cell, place) = self.grid.cell(cx, r, KvCol::In(Lang::En));
            if !cell.is_empty() {
                cx.fault(
                    self.grid.name(),
                    place,
                    Problem::NoEnglish {
                        field: f.label().header(),
                    },
                );
            }
            let item = path.index(out.len());
            if let Some(c) = self.grid.opt_code(cx, r, KvCol::Value, item) {
                out.push(c);
            }
        }
        let (_, place) = self.grid.cell(cx, self.row(f), KvCol::Value);
        cx.mark(&path, self.grid.name(), place);
        out
    }

    /// The bundle's languages, one tag per row ("pl", "en"): none given is
    /// the default pair; a tag the app has no strings for is said at its cell.
    fn languages(&self, cx: &mut Cx, f: F, path: JsonPath) -> Option<Vec<Lang>> {
        let i = F::ALL.iter().position(|&k| k == f).unwrap_or(0);
        let mut out = vec![];
        for &r in &self.rows[i] {
            let item = path.index(out.len());
            if let Some(c) = self.grid.opt_code(cx, r, KvCol::Value, item) {
                match Lang::exact(&c) {
                    Some(l) => out.push(l),
                    None => {
                        let (_, place) = self.grid.cell(cx, r, KvCol::Value);
                        cx.fault(
                            self.grid.name(),
                            place,
                            Problem::Content(FaultKind::UnknownLanguage(c)),
                        );
                    }
                }
            }
        }
        let (_, place) = self.grid.cell(cx, self.row(f), KvCol::Value);
        cx.mark(&path, self.grid.name(), place);
        (!out.is_empty()).then_some(out)
    }

    fn plain(&self, cx: &mut Cx, f: F, path: JsonPath) -> String {
        self.opt_plain(cx, f, path).unwrap_or_default()
    }

    fn opt_plain(&self, cx: &mut Cx, f: F, path: JsonPath) -> Option<String> {
        self.no_english(cx, f);
        self.grid
            .at(cx, self.row(f), KvCol::Value, &path, text_of)
            .flatten()
    }

    fn code(&self, cx: &mut Cx, f: F, path: JsonPath) -> String {
        self.no_english(cx, f);
        self.grid.code(cx, self.row(f), KvCol::Value, path)
    }

    fn opt_code(&self, cx: &mut Cx, f: F, path: JsonPath) -> Option<String> {
        self.no_english(cx, f);
        self.grid.opt_code(cx, self.row(f), KvCol::Value, path)
    }

    fn date(&self, cx: &mut Cx, f: F, path: JsonPath) -> DateValue {
        self.no_english(cx, f);
        self.grid.date(cx, self.row(f), KvCol::Value, path)
    }

    fn count(&self, cx: &mut Cx, f: F, path: JsonPath) -> u64 {
        self.no_english(cx, f);
        self.grid.count(cx, self.row(f), KvCol::Value, path)
    }

    fn opt_choice<T: Copy>(
        &self,
        cx: &mut Cx,
        f: F,
        choices: &[Choice<T>],
        path: JsonPath,
    ) -> Option<T> {
        self.no_english(cx, f);
        self.grid
            .opt_choice(cx, self.row(f), KvCol::Value, choices, path)
    }

    fn place(&self, cx: &mut Cx, f: F) -> Place {
        self.grid.cell(cx, self.row(f), KvCol::Value).1
    }
}

fn read_organisation(k: &Kv<OrgField>, cx: &mut Cx) -> Organisation {
    use OrgField as O;
    let p = JsonPath::default().key("organisation");
    let e = p.key("embed_titles");
    let d = p.key("page_descriptions");
    let accent = {
        let ap = p.key("accent");
        let light = k.opt_code(cx, O::AccentLight, ap.key("light"));
        let dark = k.opt_code(cx, O::AccentDark, ap.key("dark"));
        let place = k.place(cx, O::AccentLight);
        cx.mark(&ap, k.grid.name(), place);
        match (light, dark) {
            (Some(light), Some(dark)) => Some(AccentColours { light, dark }),
            (None, None) => None,
            (Some(_), None) => {
                k.fault(cx, O::AccentLight, Problem::AccentHalf);
                None
            }
            (None, Some(_)) => {
                k.fault(cx, O::AccentDark, Problem::AccentHalf);
                None
            }
        }
    };
    let logo = {
        let lp = p.key("logo");
        let file = k.opt_code(cx, O::LogoFile, lp.key("file"));
        let alt = k.opt_text(cx, O::LogoAlt, lp.key("alt"));
        let place = k.place(cx, O::LogoFile);
        cx.mark(&lp, k.grid.name(), place);
        picture_of(file, alt).unwrap_or_else(|DescriptionWithoutFile| {
            k.fault(cx, O::LogoAlt, Problem::LogoWithoutFile);
            None
        })
    };
    Organisation {
        name: k.text(cx, O::Name, p.key("name")),
        short_name: k.text(cx, O::ShortName, p.key("short_name")),
        summary: k.text(cx, O::Summary, p.key("summary")),
        legal_basis: k.text(cx, O::LegalBasis, p.key("legal_basis")),
        source: k.code(cx, O::Source, p.key("source")),
        site_title: k.text(cx, O::SiteTitle, p.key("site_title")),
        description: k.text(cx, O::Description, p.key("description")),
        source_line: k.text(cx, O::SourceLine, p.key("source_line")),
        role_label: k.text(cx, O::RoleLabel, p.key("role_label")),
        embed_titles: EmbedTitles {
            timeline: k.text(cx, O::EmbedTimeline, e.key("timeline")),
            funding: k.text(cx, O::EmbedFunding, e.key("funding")),
        },
        page_descriptions: PageDescriptions {
            about: k.text(cx, O::PageAbout, d.key("about")),
            timeline: k.text(cx, O::PageTimeline, d.key("timeline")),
            funding: k.text(cx, O::PageFunding, d.key("funding")),
            accessibility: k.text(cx, O::PageAccessibility, d.key("accessibility")),
            embed_code: k.text(cx, O::PageEmbedCode, d.key("embed_code")),
        },
        app_short_name: k.plain(cx, O::AppShortName, p.key("app_short_name")),
        slug: k.code(cx, O::Slug, p.key("slug")),
        theme_colour: k.code(cx, O::ThemeColour, p.key("theme_colour")),
        accent,
        logo,
        address: {
            let ap = p.key("address");
            let street = k.opt_plain(cx, O::AddressStreet, ap.key("street"));
            let postal_code = k.opt_code(cx, O::AddressPostalCode, ap.key("postal_code"));
            let locality = k.opt_plain(cx, O::AddressLocality, ap.key("locality"));
            let place = k.place(cx, O::AddressStreet);
            cx.mark(&ap, k.grid.name(), place);
            // Part of an address is an address with empty parts: the
            // validator names each at its cell.
            (street.is_some() || postal_code.is_some() || locality.is_some()).then(|| {
                PostalAddress {
                    street: street.unwrap_or_default(),
                    postal_code: postal_code.unwrap_or_default(),
                    locality: locality.unwrap_or_default(),
                }
            })
        },
        same_as: k.codes(cx, O::SameAs, p.key("same_as")),
    }
}

/// How to reach the organisation, on the Organisation sheet beside its
/// address: each row optional.
fn read_contact(k: &Kv<OrgField>, cx: &mut Cx) -> Contact {
    use OrgField as O;
    let p = JsonPath::default().key("contact");
    Contact {
        phone: k.opt_plain(cx, O::ContactPhone, p.key("phone")),
        email: k.opt_code(cx, O::ContactEmail, p.key("email")),
        epuap: k.opt_code(cx, O::ContactEpuap, p.key("epuap")),
        office_hours: k.opt_text(cx, O::ContactHours, p.key("office_hours")),
        bip_url: k.opt_code(cx, O::ContactBip, p.key("bip_url")),
        deaf: k.opt_text(cx, O::ContactDeaf, p.key("deaf")),
    }
}

/// The privacy clause, on the Organisation sheet: each row optional.
fn read_privacy(k: &Kv<OrgField>, cx: &mut Cx) -> Privacy {
    use OrgField as O;
    let p = JsonPath::default().key("privacy");
    Privacy {
        controller: k.opt_text(cx, O::PrivacyController, p.key("controller")),
        dpo: k.opt_text(cx, O::PrivacyDpo, p.key("dpo")),
        purposes: k.opt_text(cx, O::PrivacyPurposes, p.key("purposes")),
        log_retention: k.opt_text(cx, O::PrivacyLogs, p.key("log_retention")),
    }
}

/// The open-data licence, kept on the Organisation sheet with the other
/// things said once for the whole content.
fn read_open_data(k: &Kv<OrgField>, cx: &mut Cx) -> Option<OpenData> {
    use OrgField as O;
    let p = JsonPath::default().key("open_data");
    let licence = k.opt_text(cx, O::OpenDataLicence, p.key("licence"));
    let licence_url = k.opt_code(cx, O::OpenDataLicenceUrl, p.key("licence_url"));
    let place = k.place(cx, O::OpenDataLicence);
    cx.mark(&p, k.grid.name(), place);
    match (licence, licence_url) {
        (None, None) => None,
        (licence, licence_url) => Some(OpenData {
            licence: licence.unwrap_or_default(),
            licence_url: licence_url.unwrap_or_default(),
        }),
    }
}

fn read_declaration(k: &Kv<DeclField>, cx: &mut Cx) -> Declaration {
    use DeclField as D;
    let p = JsonPath::default().key("accessibility");
    Declaration {
        entity: k.text(cx, D::Entity, p.key("entity")),
        site_url: k.opt_code(cx, D::SiteUrl, p.key("site_url")),
        published: k.date(cx, D::Published, p.key("published")),
        updated: k.date(cx, D::Updated, p.key("updated")),
        status: k.opt_choice(cx, D::Status, COMPLIANCE, p.key("status")),
        non_accessible: k.texts(cx, D::NonAccessible, p.key("non_accessible")),
        exemptions: k.texts(cx, D::Exemptions, p.key("exemptions")),
        burden: k.opt_text(cx, D::Burden, p.key("burden")),
        prepared: k.date(cx, D::Prepared, p.key("prepared")),
        method: k.opt_text(cx, D::Method, p.key("method")),
        reviewed: k.date(cx, D::Reviewed, p.key("reviewed")),
        contact_person: k.opt_plain(cx, D::ContactPerson, p.key("contact_person")),
        email: k.opt_code(cx, D::Email, p.key("email")),
        phone: k.opt_plain(cx, D::Phone, p.key("phone")),
        architecture: k.opt_text(cx, D::Architecture, p.key("architecture")),
        scope: k.opt_text(cx, D::Scope, p.key("scope")),
        communication: k.opt_text(cx, D::Communication, p.key("communication")),
        applications: k.opt_text(cx, D::Applications, p.key("applications")),
    }
}
