//! The organisation's colours: `#rrggbb` parsing, WCAG contrast, the
//! colours style.css draws an accent against (so the validator can refuse an
//! accent that would make links or buttons unreadable), and the CSS that
//! applies a bundle's accent.

use super::model::{AccentColours, Bundle};
use super::text::{Lang, Staff};
use std::fmt;

/// WCAG 2.1 AA for normal text (1.4.3): links and button labels are text.
pub const MIN_CONTRAST: f64 = 4.5;

/// A colour as the bundle gives it: `#rrggbb`, nothing else (no names, no
/// `rgb()`), so that it can go into CSS as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// WCAG 2.1 relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio, 1 to 21, the same whichever colour is in front.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The two palettes of style.css.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

impl Scheme {
    pub const ALL: [Scheme; 2] = [Scheme::Light, Scheme::Dark];

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, Staff::from(lang)) {
            (Scheme::Light, Staff::Pl) => "jasnym",
            (Scheme::Dark, Staff::Pl) => "ciemnym",
            (Scheme::Light, Staff::En) => "light",
            (Scheme::Dark, Staff::En) => "dark",
        }
    }
}

/// What an accent is drawn against in style.css: as text on the page and on
/// the header's and panels' surface (links, the navigation), and as the
/// background of buttons, chips and the skip link under their label colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backdrop {
    /// `--c-bg`: links in the page.
    Page,
    /// `--c-surface`: the navigation links in the header, links in notices.
    Surface,
    /// `--c-accent-fg`: the label of a button whose background is the accent.
    ButtonLabel,
}

impl Backdrop {
    pub const ALL: [Backdrop; 3] = [Backdrop::Page, Backdrop::Surface, Backdrop::ButtonLabel];

    /// The custom property style.css gives this colour.
    pub fn css_var(self) -> &'static str {
        match self {
            Backdrop::Page => "--c-bg",
            Backdrop::Surface => "--c-surface",
            Backdrop::ButtonLabel => "--c-accent-fg",
        }
    }

    /// Its value in each palette. A test reads style.css and fails if they
    /// drift apart, so the validator always checks against what is drawn.
    pub fn colour(self, scheme: Scheme) -> Rgb {
        match (self, scheme) {
            (Backdrop::Page, Scheme::Light) => Rgb(0xff, 0xff, 0xff),
            (Backdrop::Surface, Scheme::Light) => Rgb(0xf2, 0xf4, 0xf7),
            (Backdrop::ButtonLabel, Scheme::Light) => Rgb(0xff, 0xff, 0xff),
            (Backdrop::Page, Scheme::Dark) => Rgb(0x12, 0x14, 0x17),
            (Backdrop::Surface, Scheme::Dark) => Rgb(0x1d, 0x21, 0x27),
            (Backdrop::ButtonLabel, Scheme::Dark) => Rgb(0x0b, 0x14, 0x20),
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, Staff::from(lang)) {
            (Backdrop::Page, Staff::Pl) => "tłem strony",
            (Backdrop::Surface, Staff::Pl) => "tłem nagłówka i ramek",
            (Backdrop::ButtonLabel, Staff::Pl) => "napisem na przyciskach",
            (Backdrop::Page, Staff::En) => "the page background",
            (Backdrop::Surface, Staff::En) => "the background of the header and panels",
            (Backdrop::ButtonLabel, Staff::En) => "the label of buttons",
        }
    }
}

/// The accent's lowest contrast in `scheme`, with what it is against,
/// when it is below [`MIN_CONTRAST`].
pub fn too_low(accent: Rgb, scheme: Scheme) -> Option<(Backdrop, f64)> {
    Backdrop::ALL
        .into_iter()
        .map(|b| (b, accent.contrast(b.colour(scheme))))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .filter(|&(_, ratio)| ratio < MIN_CONTRAST)
}

/// The CSS custom properties the app sets at run time (through CSSOM: the
/// Content-Security-Policy refuses inline styles in HTML) and style.css
/// reads, each palette with its own default: `--c-accent:
/// var(--c-org-accent, …)` in the light palette and `var(--c-org-accent-dark,
/// …)` in the dark one. One variable per palette, because a property set on
/// the element cannot depend on the theme.
pub const ORG_ACCENT_VARS: [(Scheme, &str); 2] = [
    (Scheme::Light, "--c-org-accent"),
    (Scheme::Dark, "--c-org-accent-dark"),
];

/// A bundle's accent as a style sheet, for pages written before the app
/// runs: it sets the variables style.css reads and also mirrors its three
/// palette rules (light; `data-theme="dark"`; the system's dark preference
/// unless the visitor chose light), so the result does not depend on which
/// sheet comes first. A host's `?accent=` choice in an embed still wins:
/// its rules in style.css are more specific. None when a colour is not
/// `#rrggbb` (the validator refuses such a bundle anyway); what is written
/// is re-formatted from the parsed colour, so nothing else can reach the CSS.
pub fn accent_css(accent: &AccentColours) -> Option<String> {
    let light = Rgb::parse(&accent.light)?;
    let dark = Rgb::parse(&accent.dark)?;
    let vars = |c: Rgb| format!("--c-accent: {c}; --c-chart-eu: {c};");
    Some(format!(
        ":root {{ {}: {light}; {}: {dark}; {} }}\n\
         :root[data-theme=\"dark\"] {{ {} }}\n\
         @media (prefers-color-scheme: dark) {{\n  :root:not([data-theme=\"light\"]) {{ {} }}\n}}\n",
        ORG_ACCENT_VARS[0].1,
        ORG_ACCENT_VARS[1].1,
        vars(light),
        vars(dark),
        vars(dark),
    ))
}

// Here, not in the model: the model is data and its questions; this one
// needs the palettes above (and the model importing them made a cycle).
impl Bundle {
    /// The organisation's accent as a style sheet (see [`accent_css`]);
    /// None without one.
    pub fn accent_css(&self) -> Option<String> {
        accent_css(self.organisation.accent.as_ref()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_six_hex_digits_only() {
        assert_eq!(Rgb::parse("#0b5394"), Some(Rgb(0x0b, 0x53, 0x94)));
        assert_eq!(Rgb::parse("#FFFFFF"), Some(Rgb(255, 255, 255)));
        for bad in [
            "0b5394", "#fff", "#0b53944", "#0b539g", "red", "", "#", "#ąąą",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb(0x0B, 0x53, 0x94).to_string(), "#0b5394");
    }

    #[test]
    fn contrast_matches_known_pairs() {
        let c = |a: &str, b: &str| Rgb::parse(a).unwrap().contrast(Rgb::parse(b).unwrap());
        // The grey every contrast checker quotes as just passing AA on white.
        assert!((c("#767676", "#ffffff") - 4.54).abs() < 0.01);
        assert!((c("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((c("#ffffff", "#ffffff") - 1.0).abs() < 1e-9);
        // Symmetric.
        assert_eq!(c("#0b5394", "#f2f4f7"), c("#f2f4f7", "#0b5394"));
        assert!((c("#777777", "#ffffff") - 4.48).abs() < 0.01);
    }

    #[test]
    fn low_contrast_names_the_weakest_backdrop() {
        let grey = Rgb::parse("#767676").unwrap();
        // 4.54 on white, but 4.12 on the header's surface.
        let (b, r) = too_low(grey, Scheme::Light).unwrap();
        assert_eq!(b, Backdrop::Surface);
        assert!((r - 4.12).abs() < 0.01);
        assert_eq!(too_low(Rgb::parse("#0b5394").unwrap(), Scheme::Light), None);
        assert_eq!(too_low(Rgb::parse("#8cc4ff").unwrap(), Scheme::Dark), None);
        // A light-theme accent is unreadable on the dark palette.
        assert!(too_low(Rgb::parse("#0b5394").unwrap(), Scheme::Dark).is_some());
    }

    /// The backdrops are the colours style.css really draws: its light
    /// palette (`:root`) and its dark one (`:root[data-theme="dark"]`, the
    /// same as the media query's).
    #[test]
    fn backdrops_are_the_colours_of_style_css() {
        let css = include_str!("../../../style.css");
        let block = |selector: &str| -> &str {
            let start = css.find(selector).expect(selector) + selector.len();
            let end = start + css[start..].find('}').unwrap();
            &css[start..end]
        };
        let media = {
            let m = css.find("@media (prefers-color-scheme: dark)").unwrap();
            let sel = ":root:not([data-theme=\"light\"]) {";
            let start = m + css[m..].find(sel).unwrap() + sel.len();
            &css[start..start + css[start..].find('}').unwrap()]
        };
        for (scheme, blocks) in [
            (Scheme::Light, vec![block(":root {")]),
            (
                Scheme::Dark,
                vec![block(":root[data-theme=\"dark\"] {"), media],
            ),
        ] {
            for text in blocks {
                for b in Backdrop::ALL {
                    let decl = format!("{}: {};", b.css_var(), b.colour(scheme));
                    assert!(text.contains(&decl), "{decl} missing in {scheme:?}: {text}");
                }
                let own = ORG_ACCENT_VARS
                    .iter()
                    .find(|(s, _)| *s == scheme)
                    .unwrap()
                    .1;
                assert!(
                    text.contains(&format!("--c-accent: var({own}, ")),
                    "{scheme:?} palette does not read {own}"
                );
            }
        }
    }

    #[test]
    fn accent_css_sets_every_palette_and_only_colours() {
        let css = accent_css(&AccentColours {
            light: "#00695C".into(),
            dark: "#6fd6c4".into(),
        })
        .unwrap();
        assert!(css.contains(":root { --c-org-accent: #00695c; --c-org-accent-dark: #6fd6c4; --c-accent: #00695c; --c-chart-eu: #00695c; }"), "{css}");
        assert!(css.contains(
            ":root[data-theme=\"dark\"] { --c-accent: #6fd6c4; --c-chart-eu: #6fd6c4; }"
        ));
        assert!(css.contains("@media (prefers-color-scheme: dark) {\n  :root:not([data-theme=\"light\"]) { --c-accent: #6fd6c4;"));
        assert_eq!(
            accent_css(&AccentColours {
                light: "red;}body{display:none".into(),
                dark: "#000000".into(),
            }),
            None
        );
    }
}
