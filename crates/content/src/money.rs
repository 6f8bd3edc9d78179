//! Money as an exact integer number of minor units (grosze), never a float.
//!
//! In the bundle an amount is a decimal *string* (`"1980000"` or
//! `"1980000.00"`), so no JSON parser anywhere can turn it into a binary
//! fraction. Inside, it is `u64` grosze: exact up to ~184 quadrillion zł.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Currency {
    /// Polish złoty.
    #[serde(rename = "PLN")]
    Pln,
    /// Euro.
    #[serde(rename = "EUR")]
    Eur,
}

impl Currency {
    pub fn as_str(self) -> &'static str {
        match self {
            Currency::Pln => "PLN",
            Currency::Eur => "EUR",
        }
    }
}

/// An exact amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Money {
    /// Decimal string in the currency's major unit, with no or exactly two decimals: "1980000" or "1980000.00".
    #[serde(rename = "amount")]
    #[cfg_attr(feature = "schema", schemars(with = "AmountSchema"))]
    pub minor: Minor,
    pub currency: Currency,
}

/// Minor units (grosze, cents), written in JSON as a major-unit decimal string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Minor(pub u64);

#[cfg(feature = "schema")]
struct AmountSchema;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for AmountSchema {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An amount in the currency's major unit as a decimal string, without grouping: \"1980000\" or \"1980000.00\".",
            "type": "string",
            "pattern": "^(0|[1-9][0-9]{0,14})(\\.[0-9]{2})?$"
        })
    }
}

impl Minor {
    /// The largest amount the bundle accepts: 15 integer digits and two
    /// decimals. Totals are held to it too, so a sum of amounts is always
    /// one the site can show (and a JavaScript reader hold exactly).
    pub const MAX: Minor = Minor(99_999_999_999_999_999);

    /// The sum of `amounts`, or `None` when it would be more than
    /// [`Minor::MAX`]: 185 projects at the largest amount overflow a `u64`,
    /// and a public body's funding page must never show a wrapped total.
    pub fn total(amounts: impl IntoIterator<Item = Minor>) -> Option<Minor> {
        amounts
            .into_iter()
            .try_fold(0u64, |sum, m| {
                sum.checked_add(m.0).filter(|&t| t <= Minor::MAX.0)
            })
            .map(Minor)
    }

    pub fn parse(s: &str) -> Result<Minor, String> {
        let bad = || {
            format!(
                "`{s}` is not an amount: write digits, optionally a dot and two decimals, e.g. \"1980000\" or \"1980000.50\""
            )
        };
        let (whole, frac) = match s.split_once('.') {
            None => (s, "00"),
            Some((w, f)) if f.len() == 2 => (w, f),
            Some(_) => return Err(bad()),
        };
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(frac) || (whole.len() > 1 && whole.starts_with('0')) {
            return Err(bad());
        }
        // 15 integer digits keep every amount below 2^53 grosze as well, so even
        // a JavaScript consumer of the exported numbers stays exact.
        if whole.len() > 15 {
            return Err(format!("`{s}` is too large an amount"));
        }
        let w: u64 = whole.parse().map_err(|_| bad())?;
        let f: u64 = frac.parse().map_err(|_| bad())?;
        Ok(Minor(w * 100 + f))
    }
}

impl fmt::Display for Minor {
    /// Plain machine form, as in the bundle and the CSV export: "1980000" or "1980000.50".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (w, g) = (self.0 / 100, self.0 % 100);
        if g == 0 {
            write!(f, "{w}")
        } else {
            write!(f, "{w}.{g:02}")
        }
    }
}

impl<'de> Deserialize<'de> for Minor {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Minor::parse(&s).map_err(de::Error::custom)
    }
}

impl Serialize for Minor {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Money {
    pub fn pln(zloty: u64) -> Money {
        Money {
            minor: Minor(zloty * 100),
            currency: Currency::Pln,
        }
    }

    /// `self - other`, or None when currencies differ or the result would be negative.
    pub fn minus(self, other: Money) -> Option<Money> {
        if self.currency != other.currency {
            return None;
        }
        self.minor.0.checked_sub(other.minor.0).map(|m| Money {
            minor: Minor(m),
            currency: self.currency,
        })
    }
}

/// An exact ratio `part / whole`, kept as integers until it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub part: u64,
    pub whole: u64,
}

impl Share {
    /// None when the whole is zero or currencies differ: there is no share to show.
    pub fn of(part: Money, whole: Money) -> Option<Share> {
        (part.currency == whole.currency && whole.minor.0 > 0).then_some(Share {
            part: part.minor.0,
            whole: whole.minor.0,
        })
    }

    /// The share in tenths of a percent, rounded once, half up:
    /// 1 683 000 / 1 980 000 → 850 (85%); 1/3 → 333 (33.3%); 2/3 → 667 (66.7%).
    /// u128 keeps `part * 2000` exact for any amount a bundle can hold.
    pub fn permille_rounded(self) -> u64 {
        let num = self.part as u128 * 2000 + self.whole as u128;
        (num / (2 * self.whole as u128)) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_exactly() {
        assert_eq!(Minor::parse("1980000").unwrap(), Minor(198_000_000));
        assert_eq!(Minor::parse("1980000.00").unwrap(), Minor(198_000_000));
        assert_eq!(Minor::parse("0.07").unwrap(), Minor(7));
        assert_eq!(Minor::parse("0").unwrap(), Minor(0));
        assert_eq!(
            Minor::parse("999999999999999.99").unwrap().0,
            99_999_999_999_999_999
        );
        for bad in [
            "",
            "1,980,000",
            "1 980 000",
            "1980000.5",
            "1980000.",
            ".50",
            "-5",
            "1e6",
            "01",
            "1980000.000",
            "1000000000000000",
        ] {
            assert!(Minor::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn plain_form_round_trips() {
        assert_eq!(Minor(198_000_000).to_string(), "1980000");
        assert_eq!(Minor(198_000_050).to_string(), "1980000.50");
        assert_eq!(Minor(7).to_string(), "0.07");
    }

    #[test]
    fn remainder_is_exact_and_never_negative() {
        let value = Money::pln(1_980_000);
        let eu = Money::pln(1_683_000);
        assert_eq!(value.minus(eu), Some(Money::pln(297_000)));
        assert_eq!(value.minus(value), Some(Money::pln(0)));
        assert_eq!(eu.minus(value), None);
        let eur = Money {
            minor: Minor(100),
            currency: Currency::Eur,
        };
        assert_eq!(value.minus(eur), None);
    }

    #[test]
    fn shares_round_once_half_up() {
        let s = |p, w| {
            Share::of(Money::pln(p), Money::pln(w))
                .unwrap()
                .permille_rounded()
        };
        assert_eq!(s(1_683_000, 1_980_000), 850);
        assert_eq!(s(1, 3), 333);
        assert_eq!(s(2, 3), 667);
        assert_eq!(s(5, 5), 1000);
        assert_eq!(s(0, 5), 0);
        // 0.05% rounds up to 0.1%: half up, not banker's rounding.
        assert_eq!(s(1, 2000), 1);
        assert_eq!(Share::of(Money::pln(1), Money::pln(0)), None);
    }
}
