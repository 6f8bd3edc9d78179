//! The timeline's overview axis as numbers: which years it spans, where each
//! year, era and event falls (SVG user units), which lane a mark sits in so
//! marks of one year do not cover each other, and, past
//! [`AGGREGATE_ABOVE`] dated events, counts per year and kind instead of one
//! mark per event. Pure: the view only turns these numbers into elements.

use super::{Bundle, Chronology, DateValue, EventKind, Point};

/// Above this many dated events the axis draws counts per year (small
/// stacked bars) instead of one mark per event: a few hundred marks are
/// readable and cheap; 10 000 are neither.
pub const AGGREGATE_ABOVE: usize = 500;

/// Left and right margin of the drawing.
pub const MARGIN: f64 = 12.0;
/// Width of one year at its narrowest: "2012" fits under its slot.
pub const YEAR_WIDTH: f64 = 44.0;
/// The drawing is never narrower than this (a one-year bundle).
pub const MIN_WIDTH: f64 = 320.0;
/// Marks stack in this many lanes above the baseline; more overlap.
pub const LANES: u8 = 4;
/// A mark's half-size, and the gap kept between marks in one lane.
pub const MARK_R: f64 = 5.0;

/// Years to x. Each year is a slot: year `y` spans `[x(y), x(y + 1))`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    first: u16,
    last: u16,
    year_width: f64,
}

impl Scale {
    /// The years `first..=last` (`last >= first`), at least [`YEAR_WIDTH`]
    /// each and [`MIN_WIDTH`] in all.
    pub fn new(first: u16, last: u16) -> Scale {
        let last = last.max(first);
        let years = f64::from(last - first + 1);
        Scale {
            first,
            last,
            year_width: YEAR_WIDTH.max((MIN_WIDTH - 2.0 * MARGIN) / years),
        }
    }

    pub fn first(&self) -> u16 {
        self.first
    }

    pub fn last(&self) -> u16 {
        self.last
    }

    pub fn year_width(&self) -> f64 {
        self.year_width
    }

    /// The whole drawing's width, margins included.
    pub fn width(&self) -> f64 {
        2.0 * MARGIN + f64::from(self.last - self.first + 1) * self.year_width
    }

    /// x of a fractional year (2012.5 is the middle of 2012).
    pub fn x(&self, year: f64) -> f64 {
        MARGIN + (year - f64::from(self.first)) * self.year_width
    }

    /// x of the end of the last year: where open ranges run out.
    pub fn end(&self) -> f64 {
        self.x(f64::from(self.last) + 1.0)
    }

    pub fn years(&self) -> impl Iterator<Item = u16> {
        self.first..=self.last
    }
}

/// Where a point starts, its middle (where a single date's mark goes) and
/// where it ends, as fractional years. Months are twelfths; days are
/// placed within their month (a 31st part each: close enough at this scale).
fn start_of(p: Point) -> f64 {
    let (y, m, d) = p.first_day();
    f64::from(y) + (f64::from(m) - 1.0 + (f64::from(d) - 1.0) / 31.0) / 12.0
}

fn end_of(p: Point) -> f64 {
    match p {
        Point::Year(y) => f64::from(y) + 1.0,
        Point::Month(y, m) => f64::from(y) + f64::from(m) / 12.0,
        Point::Day(y, m, d) => f64::from(y) + (f64::from(m) - 1.0 + f64::from(d) / 31.0) / 12.0,
    }
}

fn middle_of(p: Point) -> f64 {
    (start_of(p) + end_of(p)) / 2.0
}

/// The end of a range as drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SpanEnd {
    /// Ends at this x.
    At(f64),
    /// Open ("from 2015"): runs to the axis' end, fading.
    Open,
}

/// One dated event.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Position in timeline order (as in `Chronology::matching`).
    pub pos: usize,
    pub kind: EventKind,
    /// Where the mark's shape is: the date's middle, or a range's start.
    pub x: f64,
    /// A range's span from `x`; `None` for a single date.
    pub span: Option<SpanEnd>,
    /// 0 = nearest the baseline.
    pub lane: u8,
}

/// An era drawn as a band.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Index into `bundle.eras`.
    pub era: usize,
    pub x1: f64,
    pub x2: f64,
    /// The era has no end: the band fades out.
    pub open: bool,
}

/// What the axis draws for events: one mark each, or counts per year.
#[derive(Debug, Clone, PartialEq)]
pub enum Layer {
    Marks(Vec<Mark>),
    /// The busiest year's count, so bars share one height scale.
    Years {
        busiest: u32,
    },
}

/// Counts of one year among some events, per kind in [`EventKind::ALL`]
/// order, and the first of them (to open when the year is chosen).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct YearCount {
    pub counts: [u32; 5],
    /// Position in timeline order of the year's first event.
    pub first: Option<usize>,
}

impl YearCount {
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
}

/// The axis of one bundle; built once per bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    scale: Scale,
    /// Dated events come first in timeline order: positions below this are
    /// dated, the rest undated.
    dated: usize,
    bands: Vec<Band>,
    layer: Layer,
    /// Start year of each dated event, by position (for the year counts).
    start_years: Vec<u16>,
    kinds: Vec<EventKind>,
}

impl Overview {
    /// `None` when no event has a date: there is nothing to draw.
    pub fn new(b: &Bundle, c: &Chronology) -> Option<Overview> {
        let n = b.events.len();
        let dated = (0..n).take_while(|&p| c.at(b, p).date.is_given()).count();
        if dated == 0 {
            return None;
        }
        let mut first = u16::MAX;
        let mut last = 0;
        for p in 0..dated {
            let (s, e) = years_of(c.at(b, p).date)?;
            first = first.min(s);
            last = last.max(e.unwrap_or(s));
        }
        let scale = Scale::new(first, last);
        let bands = b
            .eras
            .iter()
            .enumerate()
            .filter_map(|(era, e)| {
                let (s, end) = match e.period {
                    DateValue::At(p) => (p, Some(p)),
                    DateValue::Range { start, end } => (start, end),
                    DateValue::NotGiven => return None,
                };
                let x1 = scale.x(start_of(s)).max(scale.x(f64::from(first)));
                let x2 = end.map_or(scale.end(), |p| scale.x(end_of(p)).min(scale.end()));
                (x2 > x1).then_some(Band {
                    era,
                    x1,
                    x2,
                    open: end.is_none(),
                })
            })
            .collect();
        let start_years: Vec<u16> = (0..dated)
            .map(|p| c.at(b, p).date.start().map_or(first, Point::year))
            .collect();
        let kinds: Vec<EventKind> = (0..dated).map(|p| c.at(b, p).kind).collect();
        let layer = if dated > AGGREGATE_ABOVE {
            let mut per_year = vec![0u32; usize::from(last - first) + 1];
            for y in &start_years {
                per_year[usize::from(y - first)] += 1;
            }
            Layer::Years {
                busiest: per_year.into_iter().max().unwrap_or(0),
            }
        } else {
            Layer::Marks(marks(b, c, &scale, dated))
        };
        Some(Overview {
            scale,
            dated,
            bands,
            layer,
            start_years,
            kinds,
        })
    }

    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    pub fn bands(&self) -> &[Band] {
        &self.bands
    }

    pub fn layer(&self) -> &Layer {
        &self.layer
    }

    /// How many events have a date.
    pub fn dated(&self) -> usize {
        self.dated
    }

    /// How many of `matches` (ascending positions) have no date: they sort
    /// last, so these are the tail.
    pub fn undated(&self, matches: &[usize]) -> usize {
        matches.len() - matches.partition_point(|&p| p < self.dated)
    }

    /// Whether each dated event (by position) is among `matches`.
    pub fn matched(&self, matches: &[usize]) -> Vec<bool> {
        let mut m = vec![false; self.dated];
        for &p in matches.iter().take_while(|&&p| p < self.dated) {
            m[p] = true;
        }
        m
    }

    /// Counts per year (from the first year) and kind of the dated events
    /// among `matches`; a range counts in its start year.
    pub fn year_counts(&self, matches: &[usize]) -> Vec<YearCount> {
        let first = self.scale.first;
        let mut years = vec![YearCount::default(); usize::from(self.scale.last - first) + 1];
        for &p in matches.iter().take_while(|&&p| p < self.dated) {
            let y = &mut years[usize::from(self.start_years[p] - first)];
            let k = EventKind::ALL
                .iter()
                .position(|&k| k == self.kinds[p])
                .unwrap_or(0);
            y.counts[k] += 1;
            y.first.get_or_insert(p);
        }
        years
    }
}

/// First and last year a date covers (`None` as the last: open).
fn years_of(d: DateValue) -> Option<(u16, Option<u16>)> {
    match d {
        DateValue::NotGiven => None,
        DateValue::At(p) => Some((p.year(), Some(p.year()))),
        DateValue::Range { start, end } => Some((start.year(), end.map(Point::year))),
    }
}

/// One mark per dated event, each in the lowest lane where it does not
/// touch the mark before it (greedy interval packing, in timeline order,
/// which is by start); when every lane is taken, the one free soonest.
fn marks(b: &Bundle, c: &Chronology, scale: &Scale, dated: usize) -> Vec<Mark> {
    let mut lane_ends = [f64::NEG_INFINITY; LANES as usize];
    (0..dated)
        .map(|pos| {
            let e = c.at(b, pos);
            let (x, span) = match e.date {
                DateValue::Range { start, end } => (
                    scale.x(start_of(start)),
                    Some(end.map_or(SpanEnd::Open, |p| SpanEnd::At(scale.x(end_of(p))))),
                ),
                DateValue::At(p) => (scale.x(middle_of(p)), None),
                DateValue::NotGiven => (scale.x(f64::from(scale.first)), None),
            };
            let right = match span {
                None => x,
                Some(SpanEnd::At(x2)) => x2,
                Some(SpanEnd::Open) => scale.end(),
            } + MARK_R;
            let left = x - MARK_R;
            let lane = lane_ends
                .iter()
                .position(|&end| end <= left)
                .unwrap_or_else(|| {
                    let soonest = lane_ends.iter().copied().fold(f64::INFINITY, f64::min);
                    lane_ends.iter().position(|&e| e == soonest).unwrap_or(0)
                });
            lane_ends[lane] = right + 2.0;
            Mark {
                pos,
                kind: e.kind,
                x,
                span,
                lane: lane as u8,
            }
        })
        .collect()
}

/// The outline of a kind's mark, centred on (cx, cy), `r` across half:
/// each kind its own shape, so the kind never rests on colour alone.
pub fn shape_path(kind: EventKind, cx: f64, cy: f64, r: f64) -> String {
    match kind {
        // Circle.
        EventKind::Project => format!(
            "M{:.1} {cy:.1}a{r} {r} 0 1 0 {:.1} 0a{r} {r} 0 1 0 {:.1} 0Z",
            cx - r,
            2.0 * r,
            -2.0 * r
        ),
        // Diamond.
        EventKind::Partnership => format!(
            "M{cx:.1} {:.1}L{:.1} {cy:.1}L{cx:.1} {:.1}L{:.1} {cy:.1}Z",
            cy - r * 1.2,
            cx + r * 1.2,
            cy + r * 1.2,
            cx - r * 1.2
        ),
        // Square.
        EventKind::Policy => {
            let h = r * 0.9;
            format!(
                "M{:.1} {:.1}h{:.1}v{:.1}h{:.1}Z",
                cx - h,
                cy - h,
                2.0 * h,
                2.0 * h,
                -2.0 * h
            )
        }
        // Triangle, point up.
        EventKind::Model => format!(
            "M{cx:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
            cy - r * 1.2,
            cx + r * 1.15,
            cy + r * 0.9,
            cx - r * 1.15,
            cy + r * 0.9
        ),
        // Five-pointed star.
        EventKind::Award => {
            let mut d = String::new();
            for i in 0..10 {
                let a = std::f64::consts::PI * (f64::from(i) / 5.0 - 0.5);
                let rr = if i % 2 == 0 { r * 1.35 } else { r * 0.6 };
                let (x, y) = (cx + rr * a.cos(), cy + rr * a.sin());
                d.push_str(&format!("{}{x:.1} {y:.1}", if i == 0 { 'M' } else { 'L' }));
            }
            d.push('Z');
            d
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;
    use crate::query::Filter;
    use crate::Lang;

    const REAL: &str = include_str!("../../../public/content/bundle.json");

    #[test]
    fn years_are_slots_of_equal_width_from_the_first_to_the_last_dated_year() {
        let s = Scale::new(2004, 2016);
        assert_eq!(s.x(2004.0), MARGIN);
        assert_eq!(s.x(2005.0) - s.x(2004.0), YEAR_WIDTH);
        assert_eq!(s.end(), s.x(2017.0));
        assert_eq!(s.width(), 2.0 * MARGIN + 13.0 * YEAR_WIDTH);
        assert_eq!(s.years().count(), 13);
        // One year alone still gets a usable width.
        let one = Scale::new(2012, 2012);
        assert_eq!(one.width(), MIN_WIDTH);
        assert_eq!(Scale::new(2012, 2000).last(), 2012);
    }

    #[test]
    fn dates_fall_where_their_precision_says() {
        let s = Scale::new(2000, 2010);
        let mid = |p| s.x(middle_of(p));
        assert_eq!(mid(Point::Year(2001)), s.x(2001.5));
        assert!(mid(Point::Month(2001, 1)) < mid(Point::Month(2001, 12)));
        assert!(mid(Point::Month(2001, 12)) < s.x(2002.0));
        assert!(mid(Point::Day(2001, 3, 1)) < mid(Point::Day(2001, 3, 31)));
        assert_eq!(end_of(Point::Year(2001)), 2002.0);
        assert_eq!(start_of(Point::Month(2001, 7)), 2001.5);
    }

    #[test]
    fn the_real_bundle_spans_2004_to_2016_with_three_undated() {
        let b = parse(REAL).unwrap();
        let c = Chronology::new(&b);
        let o = Overview::new(&b, &c).unwrap();
        assert_eq!((o.scale().first(), o.scale().last()), (2004, 2016));
        assert_eq!(o.dated(), 7);
        let all = c.matching(&b, &Filter::default(), Lang::Pl);
        assert_eq!(o.undated(&all), 3);
        let Layer::Marks(marks) = o.layer() else {
            panic!("ten events are drawn one by one")
        };
        assert_eq!(marks.len(), 7);
        // 2015/..: a range with an open end.
        let open = marks
            .iter()
            .find(|m| c.at(&b, m.pos).id == "2015-mokes")
            .unwrap();
        assert_eq!(open.span, Some(SpanEnd::Open));
        assert!(marks.iter().all(|m| m.lane < LANES));
        // Eras: 2004, 2007/2013, 2014/2020 (clipped to the axis' end).
        assert_eq!(o.bands().len(), 3);
        assert!(o.bands().iter().all(|b| b.x2 <= o.scale().end()));
        // Filtered: the awards, one of them undated.
        let awards = Filter {
            kinds: vec![EventKind::Award],
            ..Filter::default()
        };
        let m = c.matching(&b, &awards, Lang::Pl);
        assert_eq!(o.undated(&m), 1);
        assert_eq!(o.matched(&m).iter().filter(|&&x| x).count(), 2);
        let years = o.year_counts(&m);
        assert_eq!(years[2012 - 2004].counts[4], 1);
        assert_eq!(years.iter().map(YearCount::total).sum::<u32>(), 2);
    }

    #[test]
    fn marks_of_one_moment_go_to_separate_lanes() {
        let mut b = parse(REAL).unwrap();
        for e in b.events.iter_mut() {
            e.date = DateValue::At(Point::Year(2010));
        }
        let c = Chronology::new(&b);
        let o = Overview::new(&b, &c).unwrap();
        let Layer::Marks(marks) = o.layer() else {
            panic!()
        };
        let lanes: Vec<u8> = marks.iter().map(|m| m.lane).collect();
        assert_eq!(&lanes[..4], &[0, 1, 2, 3]);
        assert_eq!(o.undated(&(0..10).collect::<Vec<_>>()), 0);
    }

    #[test]
    fn more_than_the_threshold_is_counted_per_year_and_kind() {
        let mut b = parse(REAL).unwrap();
        let template = b.events[0].clone();
        for i in 0..=AGGREGATE_ABOVE {
            let mut e = template.clone();
            e.id = format!("test-{i}");
            e.date = DateValue::At(Point::Year(2000 + (i % 3) as u16));
            e.kind = EventKind::ALL[i % 5];
            b.events.push(e);
        }
        let c = Chronology::new(&b);
        let o = Overview::new(&b, &c).unwrap();
        assert!(o.dated() > AGGREGATE_ABOVE);
        assert_eq!(o.scale().first(), 2000);
        let Layer::Years { busiest } = o.layer() else {
            panic!("aggregated past the threshold")
        };
        let all: Vec<usize> = (0..b.events.len()).collect();
        let years = o.year_counts(&all);
        assert_eq!(*busiest, years.iter().map(YearCount::total).max().unwrap());
        assert_eq!(
            years.iter().map(YearCount::total).sum::<u32>() as usize,
            o.dated()
        );
        assert_eq!(years[0].first, Some(0));
        assert_eq!(o.undated(&all), 3);
        // Exactly at the threshold: still one mark each.
        b.events.truncate(AGGREGATE_ABOVE + 3);
        let c = Chronology::new(&b);
        let o = Overview::new(&b, &c).unwrap();
        assert_eq!(o.dated(), AGGREGATE_ABOVE);
        assert!(matches!(o.layer(), Layer::Marks(_)));
    }

    #[test]
    fn every_kind_has_its_own_closed_shape() {
        let paths: Vec<String> = EventKind::ALL
            .iter()
            .map(|&k| shape_path(k, 10.0, 10.0, 5.0))
            .collect();
        for (i, p) in paths.iter().enumerate() {
            assert!(p.starts_with('M') && p.ends_with('Z'), "{p}");
            assert!(paths[i + 1..].iter().all(|q| q != p));
        }
    }
}
