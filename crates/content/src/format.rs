//! Display formatting, as pure functions of integers.
//!
//! Output follows CLDR for pl-PL, en and uk (what `Intl.NumberFormat` prints;
//! the browser tier checks the two agree), but is computed here from
//! integers, so no amount ever passes through a float on its way to the
//! screen. Plural categories come from CLDR's rules through `icu_plurals`.

use super::date::{DateValue, Point};
use super::model::FigureBound;
use super::money::{Currency, Money, Share};
use super::text::Lang;

const NBSP: char = '\u{a0}';

/// Digits grouped by three. Polish CLDR leaves four-digit numbers ungrouped
/// (minimumGroupingDigits = 2): "1980", but "12 345".
/// A file size for staff: megabytes with one decimal in the language's
/// notation ("9,5 MB" / "9.5 MB"), never a raw byte count.
pub fn megabytes(bytes: u64, lang: Lang) -> String {
    megabytes_to(bytes, 1, lang)
}

/// Two sizes that must read apart ("67,108 MB, more than 67,109 MB"):
/// as many decimals as that takes, at most three, then bytes.
pub fn two_sizes(size: u64, limit: u64, lang: Lang) -> (String, String) {
    for decimals in 1..=3 {
        let (a, b) = (
            megabytes_to(size, decimals, lang),
            megabytes_to(limit, decimals, lang),
        );
        if a != b {
            return (a, b);
        }
    }
    let b = |n: u64| format!("{} B", integer(n, lang));
    (b(size), b(limit))
}

/// The decimal separator of `lang` (CLDR): a comma in Polish, Ukrainian
/// and German, a point in English.
pub fn decimal_separator(lang: Lang) -> char {
    match lang {
        Lang::En => '.',
        Lang::Pl | Lang::Uk | Lang::De => ',',
    }
}

fn megabytes_to(bytes: u64, decimals: usize, lang: Lang) -> String {
    let mb = format!("{:.*} MB", decimals, bytes as f64 / 1_000_000.0);
    mb.replace('.', &decimal_separator(lang).to_string())
}

pub fn integer(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    // Polish leaves four digits ungrouped (CLDR minimumGroupingDigits 2);
    // Ukrainian and English group them.
    let (sep, min_len) = match lang {
        Lang::Pl => (NBSP, 5),
        Lang::En => (',', 4),
        Lang::Uk => (NBSP, 4),
        Lang::De => ('.', 4),
    };
    if digits.len() < min_len {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `1 980 000 zł` / `PLN 1,980,000` / `1 980 000 PLN`; grosze shown only
/// when there are any.
pub fn money(m: Money, lang: Lang) -> String {
    let whole = integer(m.minor.0 / 100, lang);
    let cents = m.minor.0 % 100;
    let number = match cents {
        0 => whole,
        c => format!("{whole}{}{c:02}", decimal_separator(lang)),
    };
    match (m.currency, lang) {
        (Currency::Pln, Lang::Pl) => format!("{number}{NBSP}zł"),
        (Currency::Eur, Lang::Pl) => format!("{number}{NBSP}€"),
        (Currency::Pln, Lang::En) => format!("PLN{NBSP}{number}"),
        (Currency::Eur, Lang::En) => format!("€{number}"),
        // CLDR's Ukrainian writes both currencies by their codes.
        (Currency::Pln, Lang::Uk) => format!("{number}{NBSP}PLN"),
        (Currency::Eur, Lang::Uk) => format!("{number}{NBSP}EUR"),
        (Currency::Pln, Lang::De) => format!("{number}{NBSP}PLN"),
        (Currency::Eur, Lang::De) => format!("{number}{NBSP}€"),
    }
}

/// `85%`, or one decimal when the share is not a whole percent: `33,3%` / `33.3%`.
pub fn percent(share: Share, lang: Lang) -> String {
    let pm = share.permille_rounded();
    let (w, t) = (pm / 10, pm % 10);
    // German sets the sign apart (CLDR: "85 %").
    let sign = if lang == Lang::De { "\u{a0}%" } else { "%" };
    match t {
        0 => format!("{w}{sign}"),
        t => format!("{w}{}{t}{sign}", decimal_separator(lang)),
    }
}

/// "ponad 40" / "over 40": a lower bound stays a lower bound.
pub fn figure(value: u64, bound: FigureBound, lang: Lang) -> String {
    let n = integer(value, lang);
    match (bound, lang) {
        (FigureBound::Exact, _) => n,
        (FigureBound::MoreThan, Lang::Pl) => format!("ponad {n}"),
        (FigureBound::MoreThan, Lang::En) => format!("over {n}"),
        (FigureBound::MoreThan, Lang::Uk) => format!("понад {n}"),
        (FigureBound::MoreThan, Lang::De) => format!("über {n}"),
    }
}

const PL_MONTHS: [&str; 12] = [
    "styczeń",
    "luty",
    "marzec",
    "kwiecień",
    "maj",
    "czerwiec",
    "lipiec",
    "sierpień",
    "wrzesień",
    "październik",
    "listopad",
    "grudzień",
];
/// German months (CLDR `de`): one form, alone and in a date.
const DE_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const PL_MONTHS_GEN: [&str; 12] = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// CLDR's Ukrainian months standing alone ("листопад 2026 р.").
const UK_MONTHS: [&str; 12] = [
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
];
/// And in a date, in the genitive ("26 листопада 2026 р.").
const UK_MONTHS_GEN: [&str; 12] = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
];

/// A point at exactly its own precision: "2004", "marzec 2008", "14 marca
/// 2008"; the month's name stands alone (nominative) or in a date
/// (genitive), as CLDR's `stand-alone` and `format` forms.
pub fn point(p: Point, lang: Lang) -> String {
    let m = |m: u8| usize::from(m - 1);
    match (p, lang) {
        (Point::Year(y), _) => y.to_string(),
        (Point::Month(y, mo), Lang::Pl) => format!("{} {y}", PL_MONTHS[m(mo)]),
        (Point::Month(y, mo), Lang::En) => format!("{} {y}", EN_MONTHS[m(mo)]),
        (Point::Month(y, mo), Lang::Uk) => format!("{} {y}{NBSP}р.", UK_MONTHS[m(mo)]),
        (Point::Day(y, mo, d), Lang::Pl) => format!("{d} {} {y}", PL_MONTHS_GEN[m(mo)]),
        (Point::Day(y, mo, d), Lang::En) => format!("{d} {} {y}", EN_MONTHS[m(mo)]),
        (Point::Day(y, mo, d), Lang::Uk) => {
            format!("{d} {} {y}{NBSP}р.", UK_MONTHS_GEN[m(mo)])
        }
        (Point::Month(y, mo), Lang::De) => format!("{} {y}", DE_MONTHS[m(mo)]),
        (Point::Day(y, mo, d), Lang::De) => format!("{d}. {} {y}", DE_MONTHS[m(mo)]),
    }
}

pub use icu_plurals::PluralCategory;

/// CLDR's cardinal plural category of `n` in `lang` ("1 подія", "2 події",
/// "5 подій": one, few, many), from `icu_plurals`' compiled CLDR data.
pub fn plural(n: u64, lang: Lang) -> PluralCategory {
    use icu_locale_core::langid;
    use icu_plurals::{PluralRuleType, PluralRules};
    thread_local! {
        // Each language's rules, looked up once: a timeline page asks for
        // a form for every year of its axis.
        static RULES: [std::cell::OnceCell<Option<PluralRules>>; Lang::ALL.len()] =
            const { [const { std::cell::OnceCell::new() }; Lang::ALL.len()] };
    }
    let id = match lang {
        Lang::Pl => langid!("pl"),
        Lang::En => langid!("en"),
        Lang::Uk => langid!("uk"),
        Lang::De => langid!("de"),
    };
    RULES.with(|rules| {
        rules[lang.index()]
            .get_or_init(|| PluralRules::try_new(id.into(), PluralRuleType::Cardinal.into()).ok())
            .as_ref()
            // The data is compiled in for every language of `Lang`: a test
            // asks each; "other" is every language's catch-all.
            .map_or(PluralCategory::Other, |r| r.category_for(n))
    })
}

/// The start of an open range, after "od" / "з": a month alone takes the
/// genitive there as in a date ("od marca 2008", "з березня 2008 р.").
fn from_point(p: Point, lang: Lang) -> String {
    let m = |m: u8| usize::from(m - 1);
    match (p, lang) {
        (Point::Month(y, mo), Lang::Pl) => format!("{} {y}", PL_MONTHS_GEN[m(mo)]),
        (Point::Month(y, mo), Lang::Uk) => format!("{} {y}{NBSP}р.", UK_MONTHS_GEN[m(mo)]),
        _ => point(p, lang),
    }
}

/// A date as the source gives it; never more precise, never invented.
pub fn date(d: DateValue, lang: Lang) -> String {
    match (d, lang) {
        (DateValue::NotGiven, Lang::Pl) => "data nie podana".into(),
        (DateValue::NotGiven, Lang::En) => "date not given".into(),
        (DateValue::NotGiven, Lang::Uk) => "дату не вказано".into(),
        (DateValue::NotGiven, Lang::De) => "Datum nicht angegeben".into(),
        (DateValue::At(p), _) => point(p, lang),
        (DateValue::Range { start, end: None }, Lang::Pl) => {
            format!("od {}", from_point(start, lang))
        }
        (DateValue::Range { start, end: None }, Lang::En) => {
            format!("from {}", point(start, lang))
        }
        (DateValue::Range { start, end: None }, Lang::Uk) => {
            format!("з {}", from_point(start, lang))
        }
        (DateValue::Range { start, end: None }, Lang::De) => {
            format!("ab {}", point(start, lang))
        }
        (
            DateValue::Range {
                start,
                end: Some(end),
            },
            _,
        ) => {
            let (a, b) = (point(start, lang), point(end, lang));
            // "2007–2013" closed up; spaced when either side has spaces.
            if a.contains(' ') || b.contains(' ') {
                format!("{a} – {b}")
            } else {
                format!("{a}–{b}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_categories_are_cldrs() {
        use PluralCategory::*;
        let pl: Vec<_> = [0, 1, 2, 4, 5, 12, 14, 21, 22, 25, 102, 112]
            .map(|n| plural(n, Lang::Pl))
            .to_vec();
        assert_eq!(
            pl,
            [Many, One, Few, Few, Many, Many, Many, Many, Few, Many, Few, Many]
        );
        assert_eq!(
            [0, 1, 2, 21].map(|n| plural(n, Lang::En)),
            [Other, One, Other, Other]
        );
    }
    use crate::money::Minor;

    #[test]
    fn money_in_both_languages() {
        assert_eq!(
            money(Money::pln(1_980_000), Lang::Pl),
            "1\u{a0}980\u{a0}000\u{a0}zł"
        );
        assert_eq!(money(Money::pln(1_980_000), Lang::En), "PLN\u{a0}1,980,000");
        assert_eq!(money(Money::pln(297_000), Lang::Pl), "297\u{a0}000\u{a0}zł");
        assert_eq!(money(Money::pln(1980), Lang::Pl), "1980\u{a0}zł");
        assert_eq!(money(Money::pln(1980), Lang::En), "PLN\u{a0}1,980");
        let m = Money {
            minor: Minor(123_456_789),
            currency: Currency::Pln,
        };
        assert_eq!(money(m, Lang::Pl), "1\u{a0}234\u{a0}567,89\u{a0}zł");
        assert_eq!(money(m, Lang::En), "PLN\u{a0}1,234,567.89");
        assert_eq!(money(Money::pln(0), Lang::Pl), "0\u{a0}zł");
    }

    #[test]
    fn percents_round_once() {
        let sh = |p, w| Share::of(Money::pln(p), Money::pln(w)).unwrap();
        assert_eq!(percent(sh(1_683_000, 1_980_000), Lang::Pl), "85%");
        assert_eq!(percent(sh(1_683_000, 1_980_000), Lang::En), "85%");
        assert_eq!(percent(sh(1, 3), Lang::Pl), "33,3%");
        assert_eq!(percent(sh(1, 3), Lang::En), "33.3%");
        assert_eq!(percent(sh(7, 7), Lang::En), "100%");
    }

    #[test]
    fn figures_keep_their_bound() {
        assert_eq!(figure(40, FigureBound::MoreThan, Lang::Pl), "ponad 40");
        assert_eq!(figure(40, FigureBound::MoreThan, Lang::En), "over 40");
        assert_eq!(figure(295, FigureBound::Exact, Lang::En), "295");
        assert_eq!(figure(12_345, FigureBound::Exact, Lang::Pl), "12\u{a0}345");
    }

    #[test]
    fn dates_at_their_own_precision() {
        let d = |s: &str| DateValue::parse(s).unwrap();
        assert_eq!(date(d("2004"), Lang::Pl), "2004");
        assert_eq!(date(d("2008-03"), Lang::Pl), "marzec 2008");
        assert_eq!(date(d("2008-03-14"), Lang::Pl), "14 marca 2008");
        assert_eq!(date(d("2008-03-14"), Lang::En), "14 March 2008");
        assert_eq!(date(d("2007/2013"), Lang::Pl), "2007–2013");
        assert_eq!(date(d("2015/.."), Lang::Pl), "od 2015");
        assert_eq!(date(d("2015/.."), Lang::En), "from 2015");
        assert_eq!(date(d("2015/.."), Lang::Uk), "з 2015");
        // A month after "od" / "з" is in the genitive, alone it is not.
        assert_eq!(date(d("2008-03/.."), Lang::Pl), "od marca 2008");
        assert_eq!(date(d("2008-03/.."), Lang::Uk), "з березня 2008\u{a0}р.");
        assert_eq!(date(d("2026-11"), Lang::Uk), "листопад 2026\u{a0}р.");
        assert_eq!(date(d("2026-11-26"), Lang::Uk), "26 листопада 2026\u{a0}р.");
        assert_eq!(date(d("2026-11-26"), Lang::Pl), "26 listopada 2026");
        assert_eq!(date(d("2008-03/2010"), Lang::En), "March 2008 – 2010");
        assert_eq!(date(DateValue::NotGiven, Lang::Pl), "data nie podana");
        assert_eq!(date(DateValue::NotGiven, Lang::En), "date not given");
    }
}
