//! Owns the two frames a page can be shown in: the full site (header,
//! navigation, footer) and the chrome-less embed for the portal's iframes.

mod embed;
mod site;

pub use embed::{EmbedFrame, EmbedMessage, HostMessage};
pub use site::SiteFrame;
