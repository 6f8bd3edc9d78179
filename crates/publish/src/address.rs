//! The site's public address, which every page's canonical link, language
//! alternates and Open Graph tags, the sitemap and `robots.txt` carry.
//!
//! There is no default: a publish without one once wrote
//! `http://127.0.0.1:8080/` into all of these, silently, and a site
//! deployed that way tells search engines and link previews to look on
//! the visitor's own machine. Copies served on this machine ask for that
//! address explicitly ([`SiteAddress::Local`]). The address itself is the
//! app's [`SiteUrl`], which the prerendered pages carry too.

use rops_app::site_url::SiteUrl;

/// Where the published site will be served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteAddress {
    /// The public address (`--site-url`, or `ROPS_SITE_URL`).
    Public(SiteUrl),
    /// A copy served on this machine (`--local`):
    /// `http://127.0.0.1:8080` followed by the router base the app was
    /// built for (scripts/serve_dist.py and the tests serve it there).
    Local,
}
