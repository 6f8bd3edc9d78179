//! Dates with the precision the source gives, never more.
//!
//! In the bundle a date is a string in a small subset of ISO 8601 / EDTF:
//! `"2004"` (a year), `"2008-03"` (a month), `"2008-03-14"` (a day),
//! `"2007/2013"` (a range), `"2015/.."` (from 2015, end not given), or `null`
//! when the source gives no date at all. Parsing rejects impossible calendar
//! dates and ranges that end before they start, so a [`DateValue`] in a
//! checked bundle is always meaningful.

use super::text::{Lang, Staff};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// Why a text is not a date. Plain values, no strings: the app's own
/// parse path (serde) builds these too, and stays as small as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not YYYY, YYYY-MM or YYYY-MM-DD.
    Shape,
    YearOutOfRange {
        year: u16,
    },
    NoSuchMonth {
        month: u8,
    },
    NoSuchDay {
        day: u8,
        year: u16,
        month: u8,
    },
    EndsBeforeStart,
    /// `2008/2008`: write the single date `start` instead.
    EndsWhereStarts {
        start: Point,
    },
}

/// Which part of a text a problem is in: the point, or one end of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Start,
    End,
}

impl DateProblem {
    /// What is wrong, without the date itself (the caller quotes it).
    pub fn message(&self, lang: Lang) -> String {
        use DateProblem::*;
        match (self, Staff::from(lang)) {
            (Shape, Staff::Pl) => "zapisz ją jako RRRR, RRRR-MM lub RRRR-MM-DD, zakres RRRR/RRRR albo „od” RRRR/.., a brak daty jako pustą komórkę".into(),
            (Shape, Staff::En) => "write it as YYYY, YYYY-MM or YYYY-MM-DD, a range YYYY/YYYY or \"from\" YYYY/.., and no date as an empty cell".into(),
            (YearOutOfRange { year }, Staff::Pl) => format!("rok {year} jest poza zakresem (1000–9999)"),
            (YearOutOfRange { year }, Staff::En) => format!("year {year} is out of range (1000–9999)"),
            (NoSuchMonth { month }, Staff::Pl) => format!("miesiąc {month} nie istnieje"),
            (NoSuchMonth { month }, Staff::En) => format!("month {month} does not exist"),
            (NoSuchDay { day, year, month }, Staff::Pl) => format!(
                "dzień {day} nie istnieje ({year:04}-{month:02} ma {} dni)",
                days_in_month(*year, *month)
            ),
            (NoSuchDay { day, year, month }, Staff::En) => format!(
                "day {day} does not exist ({year:04}-{month:02} has {} days)",
                days_in_month(*year, *month)
            ),
            (EndsBeforeStart, Staff::Pl) => "zakres kończy się przed początkiem".into(),
            (EndsBeforeStart, Staff::En) => "the range ends before it starts".into(),
            (EndsWhereStarts { start }, Staff::Pl) => {
                format!("zakres kończy się tam, gdzie zaczyna: wpisz pojedynczą datę {start}")
            }
            (EndsWhereStarts { start }, Staff::En) => {
                format!("the range ends where it starts: write the single date {start}")
            }
        }
    }

    /// The English text serde reports for a bundle's date (unchanged since
    /// schema 1, so that messages in existing reports stay the same).
    fn legacy_message(&self, whole: &str, part: Part) -> String {
        use DateProblem::*;
        let part = match (whole.split_once('/'), part) {
            (Some((a, _)), Part::Start) => a,
            (Some((_, b)), Part::End) => b,
            (None, _) => whole,
        };
        match self {
            Shape => format!("`{part}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            YearOutOfRange { year } => format!("year {year} is out of range"),
            NoSuchMonth { month } => format!("month {month} does not exist in `{part}`"),
            NoSuchDay { day, .. } => format!("day {day} does not exist in `{part}`"),
            EndsBeforeStart => format!("range `{whole}` ends before it starts"),
            EndsWhereStarts { start } => {
                format!("range `{whole}` ends where it starts: write the single date `{start}`")
            }
        }
    }
}

/// One point in time at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Point {
    Year(u16),
    Month(u16, u8),
    Day(u16, u8, u8),
}

/// A date as the source gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// The source names no date. Shown as such, never guessed.
    NotGiven,
    At(Point),
    /// A span; `end: None` is open ("from 2015"), which the source often says.
    Range {
        start: Point,
        end: Option<Point>,
    },
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days from 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date (year, month, day) `z` days from 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

pub(crate) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Point {
    pub fn year(self) -> u16 {
        match self {
            Point::Year(y) | Point::Month(y, _) | Point::Day(y, _, _) => y,
        }
    }

    /// The earliest day this point may mean, as (year, month, day).
    pub fn first_day(self) -> (u16, u8, u8) {
        match self {
            Point::Year(y) => (y, 1, 1),
            Point::Month(y, m) => (y, m, 1),
            Point::Day(y, m, d) => (y, m, d),
        }
    }

    /// The latest day this point may mean.
    pub fn last_day(self) -> (u16, u8, u8) {
        match self {
            Point::Year(y) => (y, 12, 31),
            Point::Month(y, m) => (y, m, days_in_month(y, m)),
            Point::Day(y, m, d) => (y, m, d),
        }
    }

    /// Sort key: coarser precision first within the same period, so "2008"
    /// comes before "2008-03", which comes before "2008-03-14".
    pub fn sort_key(self) -> (u16, u8, u8) {
        match self {
            Point::Year(y) => (y, 0, 0),
            Point::Month(y, m) => (y, m, 0),
            Point::Day(y, m, d) => (y, m, d),
        }
    }

    fn parse(s: &str) -> Result<Point, DateProblem> {
        let shape = || DateProblem::Shape;
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, DateProblem> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse::<u32>().map_err(|_| shape())
            } else {
                Err(shape())
            }
        };
        let year = num(parts[0], 4)? as u16;
        if year < 1000 {
            return Err(DateProblem::YearOutOfRange { year });
        }
        match parts.len() {
            1 => Ok(Point::Year(year)),
            2 | 3 => {
                let month = num(parts[1], 2)? as u8;
                if !(1..=12).contains(&month) {
                    return Err(DateProblem::NoSuchMonth { month });
                }
                if parts.len() == 2 {
                    return Ok(Point::Month(year, month));
                }
                let day = num(parts[2], 2)? as u8;
                if day == 0 || day > days_in_month(year, month) {
                    return Err(DateProblem::NoSuchDay { day, year, month });
                }
                Ok(Point::Day(year, month, day))
            }
            _ => Err(shape()),
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Point::Year(y) => write!(f, "{y:04}"),
            Point::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Point::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

impl DateValue {
    /// The bundle's text form, with the problem in English (serde's message).
    pub fn parse(s: &str) -> Result<DateValue, String> {
        DateValue::parse_in_parts(s).map_err(|(p, part)| p.legacy_message(s, part))
    }

    /// The bundle's text form, with the problem as a value, so that each
    /// caller can say it in its reader's language and terms (the
    /// spreadsheet import: `Wydarzenia!C7: data „2008-13” — miesiąc 13 nie istnieje`).
    pub fn parse_checked(s: &str) -> Result<DateValue, DateProblem> {
        DateValue::parse_in_parts(s).map_err(|(p, _)| p)
    }

    fn parse_in_parts(s: &str) -> Result<DateValue, (DateProblem, Part)> {
        let start_of = |p| (p, Part::Start);
        match s.split_once('/') {
            None => Point::parse(s).map(DateValue::At).map_err(start_of),
            Some((a, b)) => {
                let start = Point::parse(a).map_err(start_of)?;
                if b == ".." {
                    return Ok(DateValue::Range { start, end: None });
                }
                let end = Point::parse(b).map_err(|p| (p, Part::End))?;
                if end.last_day() < start.first_day() {
                    return Err((DateProblem::EndsBeforeStart, Part::Start));
                }
                if end == start {
                    return Err((DateProblem::EndsWhereStarts { start }, Part::Start));
                }
                Ok(DateValue::Range {
                    start,
                    end: Some(end),
                })
            }
        }
    }

    pub fn is_given(self) -> bool {
        !matches!(self, DateValue::NotGiven)
    }

    pub fn start(self) -> Option<Point> {
        match self {
            DateValue::NotGiven => None,
            DateValue::At(p) | DateValue::Range { start: p, .. } => Some(p),
        }
    }

    /// Chronological order for the timeline: by start (coarser precision
    /// first), a point before a range starting at the same point, a closed
    /// range before an open one, and undated entries last.
    pub fn chronological(self, other: DateValue) -> Ordering {
        type Ymd = (u16, u8, u8);
        fn key(d: DateValue) -> Option<(Ymd, u8, Ymd)> {
            match d {
                DateValue::NotGiven => None,
                DateValue::At(p) => Some((p.sort_key(), 0, (0, 0, 0))),
                DateValue::Range {
                    start,
                    end: Some(e),
                } => Some((start.sort_key(), 1, e.sort_key())),
                DateValue::Range { start, end: None } => {
                    Some((start.sort_key(), 2, (u16::MAX, 0, 0)))
                }
            }
        }
        match (key(self), key(other)) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(a), Some(b)) => a.cmp(&b),
        }
    }

    /// Whether any day of this date falls within `[from, to]` (inclusive years);
    /// `to: None` means open-ended. Used to place events in eras.
    pub fn overlaps_years(self, from: u16, to: Option<u16>) -> bool {
        let (s, e) = match self {
            DateValue::NotGiven => return false,
            DateValue::At(p) => (p.year(), Some(p.year())),
            DateValue::Range { start, end } => (start.year(), end.map(Point::year)),
        };
        let starts_before_end = to.is_none_or(|to| s <= to);
        let ends_after_start = e.is_none_or(|e| e >= from);
        starts_before_end && ends_after_start
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::NotGiven => f.write_str("null"),
            DateValue::At(p) => write!(f, "{p}"),
            DateValue::Range { start, end: None } => write!(f, "{start}/.."),
            DateValue::Range {
                start,
                end: Some(end),
            } => write!(f, "{start}/{end}"),
        }
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(DateValue::NotGiven),
            Some(s) => DateValue::parse(&s).map_err(de::Error::custom),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DateValue::NotGiven => s.serialize_none(),
            other => s.collect_str(other),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DateValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateValue".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date with the precision the source gives: \"2004\", \"2008-03\", \"2008-03-14\", a range \"2007/2013\", an open range \"2015/..\" (from 2015), or null when the source gives no date.",
            "type": ["string", "null"],
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\\.\\.))?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> DateValue {
        DateValue::parse(s).unwrap()
    }

    #[test]
    fn parses_every_precision() {
        assert_eq!(d("2004"), DateValue::At(Point::Year(2004)));
        assert_eq!(d("2008-03"), DateValue::At(Point::Month(2008, 3)));
        assert_eq!(d("2024-02-29"), DateValue::At(Point::Day(2024, 2, 29)));
        assert_eq!(
            d("2007/2013"),
            DateValue::Range {
                start: Point::Year(2007),
                end: Some(Point::Year(2013))
            }
        );
        assert_eq!(
            d("2015/.."),
            DateValue::Range {
                start: Point::Year(2015),
                end: None
            }
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "04",
            "2004-13",
            "2023-02-29",
            "2004-00",
            "2004-1",
            "2004-01-32",
            "",
            "abcd",
            "2004-01-01-01",
            "0999",
            "2013/2007",
            "2008-05/2008-03",
            "2008/2008",
        ] {
            assert!(DateValue::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(DateValue::parse("2008/2008-03").is_ok());
    }

    #[test]
    fn serde_messages_name_the_part_that_is_wrong() {
        let e = |s| DateValue::parse(s).unwrap_err();
        assert_eq!(e("2004-13"), "month 13 does not exist in `2004-13`");
        assert_eq!(
            e("2004/2010-02-30"),
            "day 30 does not exist in `2010-02-30`"
        );
        assert_eq!(
            e("20x4/2010"),
            "`20x4` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        );
        assert_eq!(e("2013/2007"), "range `2013/2007` ends before it starts");
        assert_eq!(
            e("2008/2008"),
            "range `2008/2008` ends where it starts: write the single date `2008`"
        );
        assert_eq!(
            DateValue::parse_checked("2008-13"),
            Err(DateProblem::NoSuchMonth { month: 13 })
        );
    }

    #[test]
    fn round_trips_through_json() {
        for s in [
            "\"2004\"",
            "\"2008-03-14\"",
            "\"2007/2013\"",
            "\"2015/..\"",
            "null",
        ] {
            let v: DateValue = serde_json::from_str(s).unwrap();
            assert_eq!(serde_json::to_string(&v).unwrap(), s);
        }
    }

    #[test]
    fn chronological_order_of_partial_dates_and_ranges() {
        let mut v = [
            DateValue::NotGiven,
            d("2015/.."),
            d("2010"),
            d("2008-03-14"),
            d("2008-03"),
            d("2008"),
            d("2007/2013"),
            d("2015/2020"),
            d("2015"),
            d("2004"),
        ];
        v.sort_by(|a, b| a.chronological(*b));
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "2004",
                "2007/2013",
                "2008",
                "2008-03",
                "2008-03-14",
                "2010",
                "2015",
                "2015/2020",
                "2015/..",
                "null"
            ]
        );
    }

    #[test]
    fn era_overlap() {
        assert!(d("2008").overlaps_years(2007, Some(2013)));
        assert!(!d("2004").overlaps_years(2007, Some(2013)));
        assert!(d("2015/..").overlaps_years(2014, Some(2020)));
        assert!(d("2015/..").overlaps_years(2030, None));
        assert!(!d("2007/2013").overlaps_years(2014, Some(2020)));
        assert!(d("2007/2013").overlaps_years(2013, Some(2020)));
        assert!(!DateValue::NotGiven.overlaps_years(1000, None));
    }
}
