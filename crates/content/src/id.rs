//! The one rule for ids in a bundle (events, projects, eras, sources,
//! figures): used by the validator and by anything that takes an id from
//! outside, such as an embed's host asking to open an event.

/// An id as a bundle may have it: lowercase a–z, digits and hyphens, 1 to
/// 80 bytes. Safe in a URL path segment and in an attribute as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Id(String);

/// An event's id (the same rule as every other id).
pub type EventId = Id;

impl Id {
    pub fn parse(s: &str) -> Option<Id> {
        let ok = !s.is_empty()
            && s.len() <= 80
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        ok.then(|| Id(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_one_rule() {
        assert!(EventId::parse("2015-mokes").is_some());
        assert_eq!(Id::parse("a-1").unwrap().as_str(), "a-1");
        for bad in ["", "Equal", "a b", "<script>", "ą", &"a".repeat(81)] {
            assert!(Id::parse(bad).is_none(), "{bad}");
        }
        assert!(Id::parse(&"a".repeat(80)).is_some());
    }
}
