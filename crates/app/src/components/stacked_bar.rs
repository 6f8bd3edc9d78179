//! A horizontal stacked bar chart in SVG, its values written on it.

use leptos::prelude::*;

/// What a segment stands for; each is drawn differently (solid or
/// hatched), never told apart by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// The EU contribution: solid.
    Eu,
    /// The rest of the value: hatched.
    Rest,
}

impl SegmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentKind::Eu => "eu",
            SegmentKind::Rest => "rest",
        }
    }
}

/// One segment of a stacked bar.
#[derive(Clone)]
pub struct Segment {
    /// Exact integer amount (grosze): widths are computed from these.
    pub amount: u64,
    /// Text drawn on the chart next to the segment, e.g. "UE 85% · 1 683 000 zł".
    pub label: String,
    pub kind: SegmentKind,
}

/// A horizontal stacked bar drawn as SVG, with each segment's value written
/// on the chart. The `figure` around it carries the one-sentence description;
/// the data table beside it carries the numbers for assistive technology.
#[component]
pub fn StackedBar(
    /// Segments from left to right; widths are proportional to their amounts.
    segments: Vec<Segment>,
    /// Identifier for the SVG pattern, unique on the page.
    id: String,
    /// Width as a share of the row (percent), to compare bars across
    /// projects; full width when absent. An SVG attribute, not a style: the
    /// prerendered HTML must pass a CSP without 'unsafe-inline' styles.
    #[prop(optional)]
    width_pct: Option<f64>,
) -> impl IntoView {
    const W: f64 = 320.0;
    const BAR_Y: f64 = 4.0;
    const BAR_H: f64 = 28.0;
    let total: u64 = segments.iter().map(|s| s.amount).sum();
    let mut x = 0.0;
    let mut rects = vec![];
    let mut labels = vec![];
    let pattern = format!("hatch-{id}");
    for (i, s) in segments.iter().enumerate() {
        // Widths from integers; floats only for pixels, never for money.
        let w = if total == 0 {
            0.0
        } else {
            W * s.amount as f64 / total as f64
        };
        let fill = match s.kind {
            SegmentKind::Eu => "var(--c-chart-eu)".to_owned(),
            SegmentKind::Rest => format!("url(#{pattern})"),
        };
        let kind = s.kind.as_str();
        rects.push(view! {
            <rect class=format!("bar__seg bar__seg--{kind}") x=format!("{x:.2}") y=BAR_Y width=format!("{w:.2}") height=BAR_H
                fill=fill.clone()></rect>
        });
        // Labels go on their own lines under the bar, so narrow segments stay readable.
        let ly = BAR_Y + BAR_H + 20.0 + 20.0 * i as f64;
        labels.push(view! {
            <g class=format!("bar__legend bar__legend--{kind}")>
                <rect x="0" y=ly - 12.0 width="14" height="14" fill=fill
                    class=format!("bar__swatch bar__seg--{kind}")></rect>
                <text x="20" y=ly class="bar__text">{s.label.clone()}</text>
            </g>
        });
        x += w;
    }
    let height = BAR_Y + BAR_H + 20.0 * segments.len() as f64 + 12.0;
    view! {
        // Hidden from assistive technology: the figure's caption says the
        // same in one sentence, and the data table has every number.
        <svg class="bar" viewBox=format!("0 0 {W} {height}") aria-hidden="true" focusable="false"
            width=width_pct.map(|w| format!("{w:.1}%"))
            preserveAspectRatio="xMinYMin meet">
            <defs>
                <pattern id=pattern.clone() width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" class="bar__hatch-bg"></rect>
                    <line x1="0" y1="0" x2="0" y2="6" class="bar__hatch-line" stroke-width="3"></line>
                </pattern>
            </defs>
            {rects}
            <rect x="0.5" y=BAR_Y + 0.5 width=W - 1.0 height=BAR_H - 1.0 class="bar__outline" fill="none"></rect>
            {labels}
        </svg>
    }
}
