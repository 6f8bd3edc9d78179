//! The HTML a publish writes by hand, below everything that writes pages:
//! escaping, and the head line every published HTML file carries.

use rops_app::nav::{Page, DECLARATION_META};
use rops_content::Lang;

/// Text for HTML: an element's content or a quoted attribute's value.
pub(super) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Where the accessibility declaration is, as the 2019 act's template asks
/// every page of a public body to say: every published HTML file carries it.
pub(super) fn declaration_meta(site_url: &str, lang: Lang) -> String {
    format!(
        "<meta name=\"{DECLARATION_META}\" content=\"{}\">",
        esc(&Page::Accessibility.url(site_url, lang))
    )
}
