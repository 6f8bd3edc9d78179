//! The site's absolute public address, as one checked type: the publisher
//! parses it from `--site-url` and writes it into every page's canonical
//! link, language alternates, Open Graph tags, sitemap and `robots.txt`;
//! the app takes it as context in a prerendered page, where the embed
//! snippet points to it ([`crate::nav::site_url`]).

/// A checked `http(s)://host[:port][/path]/` address.
///
/// Invariant: starts with `http://` or `https://`, has a host, has no
/// query, fragment, user name, space or control character, and ends with
/// exactly one `/` (pages' paths are appended to it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl(String);

/// Why an address cannot be the site's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SiteUrlError {
    #[error("site address {0:?}: it must start with https:// (or http://)")]
    NotHttp(String),
    #[error("site address {0:?}: no host after the scheme")]
    NoHost(String),
    #[error("site address {url:?}: {host:?} is not a host name (letters, digits, '-' and '.', then an optional :port)")]
    BadHost { url: String, host: String },
    #[error("site address {0:?}: a query (?) or fragment (#) cannot be part of it, since each page's path is appended to it")]
    QueryOrFragment(String),
    #[error("site address {0:?}: spaces, quotes and control characters cannot be part of it")]
    BadCharacter(String),
}

impl SiteUrl {
    pub fn parse(text: &str) -> Result<SiteUrl, SiteUrlError> {
        let url = text.trim();
        let rest = ["https://", "http://"]
            .iter()
            .find_map(|scheme| {
                url.get(..scheme.len())
                    .filter(|s| s.eq_ignore_ascii_case(scheme))
                    .map(|_| &url[scheme.len()..])
            })
            .ok_or_else(|| SiteUrlError::NotHttp(url.to_owned()))?;
        // Written into attributes and XML as is (escaped, but a quote or a
        // space in a canonical address is a mistake, not a name).
        if url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
        {
            return Err(SiteUrlError::BadCharacter(url.to_owned()));
        }
        if url.contains(['?', '#']) {
            return Err(SiteUrlError::QueryOrFragment(url.to_owned()));
        }
        let authority = rest.split('/').next().unwrap_or_default();
        if authority.is_empty() {
            return Err(SiteUrlError::NoHost(url.to_owned()));
        }
        if !is_host(authority) {
            return Err(SiteUrlError::BadHost {
                url: url.to_owned(),
                host: authority.to_owned(),
            });
        }
        Ok(SiteUrl(format!("{}/", url.trim_end_matches('/'))))
    }

    /// The address, ending with `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SiteUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// `host[:port]`: a name of letters, digits, `-` and `.` (any script: an
/// internationalised name is written as typed), or `[an IPv6 address]`.
fn is_host(authority: &str) -> bool {
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(':') && (h.starts_with('[') == h.ends_with(']')) => {
            (h, Some(p))
        }
        _ => (authority, None),
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    let host_ok = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => !v6.is_empty() && v6.chars().all(|c| c.is_ascii_hexdigit() || c == ':'),
        None => {
            !host.is_empty()
                && !host.starts_with(['.', '-'])
                && !host.contains("..")
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        }
    };
    port_ok && host_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_address_ends_with_one_slash() {
        for (given, kept) in [
            ("https://example.org", "https://example.org/"),
            ("https://example.org/", "https://example.org/"),
            ("https://example.org/sub", "https://example.org/sub/"),
            (
                "https://example.org/ekonomia//",
                "https://example.org/ekonomia/",
            ),
            ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
            ("http://[::1]:8080/x/", "http://[::1]:8080/x/"),
            ("HTTPS://rops.krakow.pl/", "HTTPS://rops.krakow.pl/"),
            ("https://zażółć.pl/", "https://zażółć.pl/"),
        ] {
            assert_eq!(SiteUrl::parse(given).map(|u| u.0), Ok(kept.to_owned()));
        }
    }

    #[test]
    fn an_address_that_is_not_a_site_is_refused_with_its_reason() {
        let url = |s: &str| s.to_owned();
        for (given, why) in [
            ("example.org", SiteUrlError::NotHttp(url("example.org"))),
            (
                "ftp://example.org/",
                SiteUrlError::NotHttp(url("ftp://example.org/")),
            ),
            ("https://", SiteUrlError::NoHost(url("https://"))),
            ("https:///sub/", SiteUrlError::NoHost(url("https:///sub/"))),
            (
                "https://exa mple.org/",
                SiteUrlError::BadCharacter(url("https://exa mple.org/")),
            ),
            (
                "https://example.org/?x=1",
                SiteUrlError::QueryOrFragment(url("https://example.org/?x=1")),
            ),
            (
                "https://example.org/#top",
                SiteUrlError::QueryOrFragment(url("https://example.org/#top")),
            ),
        ] {
            assert_eq!(SiteUrl::parse(given), Err(why), "{given}");
        }
        for given in [
            "https://user@example.org/",
            "https://example.org:80a/",
            "https://example.org:/",
            "https://.example.org/",
            "https://example..org/",
            "https://exam_ple.org/",
        ] {
            assert!(
                matches!(SiteUrl::parse(given), Err(SiteUrlError::BadHost { .. })),
                "{given}: {:?}",
                SiteUrl::parse(given)
            );
        }
    }
}
