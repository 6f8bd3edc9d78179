//! Owns the visitor's look: light or dark theme (remembered when storage
//! allows) and the accent colour a host may pick for an embed.
//!
//! Until the visitor chooses, the system's preference rules (CSS
//! `prefers-color-scheme`); a choice is stored and set as `data-theme` on
//! `<html>`, which the static first screen (boot.js) reads as well.

use leptos::prelude::*;

const THEME_KEY: &str = crate::storage::THEME.name;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// Accent colours a host may pick for an embed; each is contrast-checked in
/// both themes (see style.css). Anything else is ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accent {
    Blue,
    Green,
    Purple,
    Red,
}

impl Accent {
    pub const ALL: [Accent; 4] = [Accent::Blue, Accent::Green, Accent::Purple, Accent::Red];

    pub fn as_str(self) -> &'static str {
        match self {
            Accent::Blue => "blue",
            Accent::Green => "green",
            Accent::Purple => "purple",
            Accent::Red => "red",
        }
    }

    pub fn parse(s: &str) -> Option<Accent> {
        Accent::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Prerendered pages (native) have no visitor, so no stored choice.
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    // Private modes may refuse storage: then the choice is simply not kept.
    window().local_storage().ok().flatten()
}

pub fn stored_theme() -> Option<Theme> {
    Theme::parse(&storage()?.get_item(THEME_KEY).ok().flatten()?)
}

pub fn store_theme(theme: Theme) {
    if let Some(s) = storage() {
        let _ = s.set_item(THEME_KEY, theme.as_str());
    }
}

pub fn system_theme() -> Theme {
    // Prerendered pages are light; boot.js sets the switch before the first paint.
    if !cfg!(target_arch = "wasm32") {
        return Theme::Light;
    }
    let dark = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}

fn set_root_attribute(name: &str, value: &str) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute(name, value);
    }
}

pub fn apply_theme(theme: Theme) {
    set_root_attribute("data-theme", theme.as_str());
}

pub fn apply_accent(accent: Accent) {
    set_root_attribute("data-accent", accent.as_str());
}

/// The theme in force: the stored choice (applied), else the system's.
pub fn current_theme() -> Theme {
    match stored_theme() {
        Some(t) => {
            apply_theme(t);
            t
        }
        None => system_theme(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in [Theme::Light, Theme::Dark] {
            assert_eq!(Theme::parse(t.as_str()), Some(t));
            assert_eq!(t.other().other(), t);
        }
        for a in Accent::ALL {
            assert_eq!(Accent::parse(a.as_str()), Some(a));
        }
        assert_eq!(Accent::parse("gold"), None);
        assert_eq!(Theme::parse("Dark"), None);
    }
}
