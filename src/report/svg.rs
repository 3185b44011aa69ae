//! Charts as inline SVG, written directly: no fonts to embed (labels use the viewer's fonts
//! through the page's CSS), no scripts, nothing fetched. Colours for text and grid lines come
//! from the page's CSS classes, so the charts follow its light or dark scheme.

use super::format::thousands;
use super::html::escape;
use std::fmt::Write;

/// Colours for series, distinguishable with the common colour-vision deficiencies
/// (Okabe and Ito), without the yellow that vanishes on white.
pub const PALETTE: [&str; 7] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6BB1",
];
/// The colour of the "other" series.
pub const OTHER_COLOUR: &str = "#9AA0A6";

/// One series of a stacked column chart.
#[derive(Debug, Clone)]
pub struct Series {
    /// Its name, for tooltips and the legend.
    pub name: String,
    /// Its fill colour.
    pub colour: &'static str,
}

/// One column: a label under it (empty for none), a name for its tooltip, and one value per
/// series.
#[derive(Debug, Clone)]
pub struct Column {
    /// Shown under the axis; leave empty on crowded axes.
    pub label: String,
    /// The column's full name in tooltips (an ISO date).
    pub name: String,
    /// One value per series, stacked bottom up.
    pub values: Vec<u64>,
}

const WIDTH: f64 = 760.0;

/// A stacked column chart.
pub fn columns(cols: &[Column], series: &[Series], label: &str) -> String {
    let height = 250.0;
    let (left, right, top, bottom) = (54.0, 10.0, 12.0, 34.0);
    let plot_w = WIDTH - left - right;
    let plot_h = height - top - bottom;
    let max = cols
        .iter()
        .map(|c| c.values.iter().sum::<u64>())
        .max()
        .unwrap_or(0);
    let (axis_max, step) = nice_axis(max);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{}">"#,
        escape(label)
    );
    let y = |v: f64| top + plot_h - v / axis_max as f64 * plot_h;
    let mut tick = 0;
    while tick <= axis_max {
        let ty = y(tick as f64);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{left}" x2="{}" y1="{ty:.1}" y2="{ty:.1}"/><text class="ylab" x="{}" y="{:.1}">{}</text>"#,
            WIDTH - right,
            left - 6.0,
            ty + 4.0,
            thousands(tick)
        );
        tick += step;
    }
    let n = cols.len().max(1) as f64;
    let slot = plot_w / n;
    let bar = (slot * 0.8).clamp(1.0, 60.0);
    for (i, c) in cols.iter().enumerate() {
        let x = left + slot * i as f64 + (slot - bar) / 2.0;
        let mut base = 0u64;
        for (j, v) in c.values.iter().enumerate() {
            if *v == 0 {
                continue;
            }
            let (y0, y1) = (y(base as f64), y((base + v) as f64));
            let (name, colour) = series
                .get(j)
                .map(|s| (s.name.as_str(), s.colour))
                .unwrap_or(("", OTHER_COLOUR));
            let tip = if name.is_empty() {
                format!("{}: {}", c.name, thousands(*v))
            } else {
                format!("{} · {}: {}", c.name, name, thousands(*v))
            };
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{y1:.1}" width="{bar:.1}" height="{:.1}" fill="{colour}"><title>{}</title></rect>"#,
                (y0 - y1).max(0.5),
                escape(&tip)
            );
            base += v;
        }
        if !c.label.is_empty() {
            let _ = write!(
                s,
                r#"<line class="tick" x1="{cx:.1}" x2="{cx:.1}" y1="{}" y2="{}"/><text class="xlab" x="{cx:.1}" y="{}">{}</text>"#,
                top + plot_h,
                top + plot_h + 4.0,
                top + plot_h + 18.0,
                escape(&c.label),
                cx = left + slot * (i as f64 + 0.5)
            );
        }
    }
    let _ = write!(
        s,
        r#"<line class="axis" x1="{left}" x2="{}" y1="{:.1}" y2="{:.1}"/></svg>"#,
        WIDTH - right,
        top + plot_h,
        top + plot_h
    );
    s
}

/// A horizontal bar chart: one labelled bar per item, its value beside it.
pub fn bars(items: &[(String, u64)], colour: &str, label: &str) -> String {
    // Narrower than the column charts, so that labels stay legible when a phone shrinks it.
    let width = 600.0;
    let row = 26.0;
    let (left, right, top) = (190.0, 70.0, 6.0);
    let height = top * 2.0 + row * items.len().max(1) as f64;
    let plot_w = width - left - right;
    let max = items.iter().map(|i| i.1).max().unwrap_or(0).max(1);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart bars" viewBox="0 0 {width} {height}" role="img" aria-label="{}">"#,
        escape(label)
    );
    for (i, (name, v)) in items.iter().enumerate() {
        let y = top + row * i as f64;
        let w = (*v as f64 / max as f64 * plot_w).max(1.0);
        let short = super::aggregate::truncate(name, 24);
        let _ = write!(
            s,
            r#"<g><title>{}: {}</title><text class="blab" x="{}" y="{:.1}">{}</text><rect x="{left}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="{colour}"/><text class="bval" x="{:.1}" y="{:.1}">{}</text></g>"#,
            escape(name),
            thousands(*v),
            left - 8.0,
            y + row * 0.62,
            escape(&short),
            y + 3.0,
            row - 6.0,
            left + w + 6.0,
            y + row * 0.62,
            thousands(*v)
        );
    }
    s.push_str("</svg>");
    s
}

/// A round axis maximum at or above `max` and its tick step (1, 2 or 5 times a power of ten),
/// with four or five ticks.
fn nice_axis(max: u64) -> (u64, u64) {
    if max == 0 {
        return (1, 1);
    }
    let rough = (max as f64 / 4.0).max(1.0);
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power)
        .max(1.0) as u64;
    (max.div_ceil(step) * step, step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_is_round() {
        assert_eq!(nice_axis(0), (1, 1));
        assert_eq!(nice_axis(3), (3, 1));
        assert_eq!(nice_axis(17), (20, 5));
        assert_eq!(nice_axis(1234), (1500, 500));
    }

    #[test]
    fn charts_escape_their_labels() {
        let cols = vec![Column {
            label: "<b>".into(),
            name: "x".into(),
            values: vec![1, 2],
        }];
        let series = vec![Series {
            name: "<script>".into(),
            colour: PALETTE[0],
        }];
        let svg = columns(&cols, &series, "a\"b");
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;") && svg.contains("a&quot;b"));
        let svg = bars(&[("<img onerror=x>".into(), 3)], PALETTE[1], "t");
        assert!(!svg.contains("<img") && svg.contains("&lt;img onerror=x&gt;"));
    }
}
