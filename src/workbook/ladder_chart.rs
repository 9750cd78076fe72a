//! The ladder chart: the ladders as steps by typical age, the person's rung and
//! target, and a legend when step titles do not fit inside their steps.
//!
//! Top to bottom: one band per ladder, its name in the left column and its steps
//! rising from the band's foot, one step per rung from the rung's typical age to
//! the next rung's, then the open step; the age axis under the bands; and, when
//! some ladder's step titles do not fit inside their steps, the legend of that
//! ladder's numbered rungs in two columns.

use super::{Words, FIG_W};
use crate::analysis::{Analysis, LadderPosition};
use crate::profile::ladder::{Ladder, Rung};
use crate::workbook::figure::{color, flow_words, text_width, Anchor, Figure, Shape};

/// Width of the left column, where each ladder's name stands; the age axis starts
/// at its right edge.
const NAME_COL: f64 = 92.0;
/// Room between a ladder's name and the axis start.
const NAME_GAP: f64 = 8.0;
/// Room right of the axis end.
const RIGHT_MARGIN: f64 = 6.0;
/// x of the axis start and end.
const AXIS_LEFT: f64 = NAME_COL;
const AXIS_RIGHT: f64 = FIG_W - RIGHT_MARGIN;
/// Room above the first ladder's band.
const TOP: f64 = 24.0;
/// Height of each ladder's band.
const BAND: f64 = 112.0;
/// How far above the foot of its band a ladder's steps stand.
const FOOT: f64 = 8.0;
/// Height each step adds to the one before it, at most.
const STEP_RISE: f64 = 17.0;
/// Room a band keeps above its tallest step, for the "you are here" label.
const HEADROOM: f64 = 22.0;
/// The axis starts at this age or younger and ends at this age or older.
const AXIS_FROM_AGE: u32 = 25;
const AXIS_TO_AGE: u32 = 45;
/// Years the axis runs past the last open age (the open step's width).
const YEARS_PAST: f64 = 5.0;
/// Years between the age ticks.
const TICK_YEARS: f64 = 5.0;
/// Room under the axis for its tick labels, its caption and the target label.
const AXIS_ROOM: f64 = 48.0;
/// Half the gap between neighbouring steps, and their corners' radius.
const STEP_GAP: f64 = 1.0;
const STEP_CORNER: f64 = 2.0;
/// Indent of a step's title (or number) from the step's left edge.
const STEP_INSET: f64 = 5.0;
/// Horizontal room a step's title leaves in its step (both sides).
const TITLE_MARGIN: f64 = 10.0;
/// Sizes tried for a step's title, largest first; its leading (added to the size);
/// its most lines.
const TITLE_SIZES: [f64; 3] = [9.0, 8.0, 7.0];
const TITLE_LEADING: f64 = 1.5;
const TITLE_MAX_LINES: usize = 3;
/// Sizes tried for a ladder's name, largest first; its leading; its most rows
/// before the smallest size is taken whatever its rows.
const NAME_SIZES: [f64; 3] = [10.5, 9.5, 8.5];
const NAME_LEADING: f64 = 2.5;
const NAME_MAX_ROWS: usize = 3;
/// Baseline of the legend's first heading, below the axis.
const LEGEND_TOP: f64 = 56.0;
/// Size of the legend's text, its leading, the gap between its two columns, the
/// room the figure keeps below it, and the room between two ladders' legends.
const LEGEND_SIZE: f64 = 8.5;
const LEGEND_LEADING: f64 = 4.0;
const LEGEND_COL_GAP: f64 = 12.0;
const LEGEND_MARGIN: f64 = 12.0;
const LEGEND_LADDER_GAP: f64 = 8.0;
/// Width of a legend column.
const LEGEND_COL: f64 = (FIG_W - LEGEND_COL_GAP) / 2.0;
/// Right edge of a legend entry's number, and the start of its text, from the
/// column's left edge.
const LEGEND_NUMBER_END: f64 = 10.0;
const LEGEND_TEXT_AT: f64 = 16.0;
/// Width of a legend entry's text.
const LEGEND_TEXT_W: f64 = LEGEND_COL - 18.0;

/// The ladder chart of the `shown` ladders; `own` is the person's, on which their
/// rung, their age and their target are marked.
pub(super) fn ladder_figure(
    b: &Words,
    shown: &[&Ladder],
    a: &Analysis,
    own: Option<&Ladder>,
) -> Figure {
    let chart = Chart::new(b, shown, a, own);
    let steps: Vec<Steps> = shown.iter().map(|l| chart.steps(l)).collect();
    // the ladders whose steps are numbered, their titles listed in the legend
    let numbered: Vec<&Ladder> = shown
        .iter()
        .zip(&steps)
        .filter(|(_, s)| s.titles.is_none())
        .map(|(l, _)| *l)
        .collect();
    let legend_h = legend_height(b, &numbered);
    let mut f = Figure::new(
        FIG_W,
        chart.axis_y
            + AXIS_ROOM
            + if numbered.is_empty() {
                0.0
            } else {
                legend_h + LEGEND_MARGIN
            },
        b.t(
            "两条职业阶梯与典型年龄",
            "The two career ladders by typical age",
        ),
    );
    chart.axis(&mut f);
    // the "you are here" and target marker lines
    let mut markers: Vec<Marker> = Vec::new();
    for (li, (l, steps)) in shown.iter().zip(&steps).enumerate() {
        let base = foot(li);
        chart.name(&mut f, l, base);
        chart.steps_drawn(&mut f, l, base, steps);
        chart.open_step(&mut f, l, base, steps.rise);
        if chart.is_own(l) {
            if let Some(p) = chart.pos {
                chart.here(&mut f, p, base, &mut markers);
                let last = li + 1 == shown.len();
                chart.target(&mut f, p, l, base, last, &mut markers);
            }
        }
    }
    // drawn once every label is placed, with gaps around them
    for m in markers {
        f.vline_around_text(m.x, m.from, m.to, color::WARM, m.width, true);
    }
    chart.legend(&mut f, &numbered);
    f
}

/// y where the steps of the `li`-th ladder stand.
fn foot(li: usize) -> f64 {
    TOP + BAND * (li as f64 + 1.0) - FOOT
}

/// The chart's scale and the person's place on it.
struct Chart<'a> {
    b: &'a Words,
    /// The youngest and the oldest age the axis shows (it runs [`YEARS_PAST`] on).
    min_age: f64,
    max_age: f64,
    /// y of the age axis, under the bands.
    axis_y: f64,
    /// The person's ladder and where they stand.
    own: Option<&'a Ladder>,
    pos: Option<&'a LadderPosition>,
}

/// A ladder's steps as drawn: the height each step adds, and every step's title
/// inside its step, or None when one does not fit.
struct Steps {
    rise: f64,
    titles: Option<Vec<StepTitle>>,
}

/// A step's title as it fits inside its step: its size and lines.
#[derive(Clone)]
struct StepTitle {
    size: f64,
    lines: Vec<String>,
}

/// A marker line, drawn after the texts: x, from y to y, and its width.
struct Marker {
    x: f64,
    from: f64,
    to: f64,
    width: f64,
}

impl<'a> Chart<'a> {
    fn new(b: &'a Words, shown: &[&Ladder], a: &'a Analysis, own: Option<&'a Ladder>) -> Chart<'a> {
        let min_age = shown
            .iter()
            .filter_map(|l| l.rungs.first())
            .map(|r| r.typical_age)
            .min()
            .unwrap_or(AXIS_FROM_AGE)
            .min(AXIS_FROM_AGE) as f64;
        let max_age = shown
            .iter()
            .map(|l| l.open_age())
            .max()
            .unwrap_or(AXIS_TO_AGE)
            .max(AXIS_TO_AGE) as f64;
        Chart {
            b,
            min_age,
            max_age,
            axis_y: TOP + BAND * shown.len() as f64,
            own,
            pos: a.ladder.as_ref(),
        }
    }

    /// x of an age on the axis.
    fn x(&self, age: f64) -> f64 {
        AXIS_LEFT
            + (age - self.min_age) / (self.max_age + YEARS_PAST - self.min_age)
                * (AXIS_RIGHT - AXIS_LEFT)
    }

    /// x from and to of the `ri`-th rung's step: from its typical age to the next
    /// rung's, or to the open age.
    fn span(&self, l: &Ladder, ri: usize) -> (f64, f64) {
        let x = self.x(l.rungs[ri].typical_age as f64);
        let nx = l
            .rungs
            .get(ri + 1)
            .map_or(self.x(l.open_age() as f64), |nr| {
                self.x(nr.typical_age as f64)
            });
        (x, nx)
    }

    fn is_own(&self, l: &Ladder) -> bool {
        self.own.is_some_and(|o| o.id == l.id)
    }

    /// Whether a rung of `l` is the person's current rung, and whether their target.
    fn marks(&self, l: &Ladder, r: &Rung) -> (bool, bool) {
        let is_own = self.is_own(l);
        let current = is_own && self.pos.and_then(|p| p.level.as_ref()) == Some(&r.id);
        let target = is_own && self.pos.and_then(|p| p.target_level.as_ref()) == Some(&r.id);
        (current, target)
    }

    /// Every step's title inside its step (9 pt down to 7 pt, wrapped), or, when one
    /// does not fit, none: the ladder's steps are numbered and the titles listed
    /// below.
    fn steps(&self, l: &Ladder) -> Steps {
        let n = l.rungs.len() + 1;
        let rise = (BAND - HEADROOM).min(STEP_RISE * n as f64) / n as f64;
        let titles = l
            .rungs
            .iter()
            .enumerate()
            .map(|(ri, r)| {
                let (x, nx) = self.span(l, ri);
                let (avail, h) = (nx - x - TITLE_MARGIN, rise * (ri as f64 + 1.0));
                self.step_title(r, avail, h)
            })
            .collect();
        Steps { rise, titles }
    }

    /// A rung's title at the largest size that fits `avail` wide and `h` high, if any.
    fn step_title(&self, r: &Rung, avail: f64, h: f64) -> Option<StepTitle> {
        let title = r.title.get(self.b.loc);
        TITLE_SIZES.iter().find_map(|sz| {
            let lines = flow_words(title, *sz, avail);
            // whole words only: a Latin word is never split across lines
            let words_fit = title
                .split_whitespace()
                .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
                .all(|w| text_width(w, *sz) <= avail);
            let fits = words_fit
                && lines.len() as f64 * (sz + TITLE_LEADING) <= h - 4.0
                && lines.iter().all(|l| text_width(l, *sz) <= avail)
                && lines.len() <= TITLE_MAX_LINES;
            fits.then_some(StepTitle { size: *sz, lines })
        })
    }

    /// The age axis, its ticks at round ages (whatever age the first rung has) and
    /// its caption.
    fn axis(&self, f: &mut Figure) {
        let (b, axis_y) = (self.b, self.axis_y);
        f.line(
            AXIS_LEFT,
            axis_y,
            AXIS_RIGHT,
            axis_y,
            color::MUTED,
            0.8,
            false,
        );
        let mut age = (self.min_age / TICK_YEARS).ceil() * TICK_YEARS;
        while age <= self.max_age {
            let x = self.x(age);
            f.line(x, axis_y - 3.0, x, axis_y + 3.0, color::MUTED, 0.8, false);
            f.text(
                x,
                axis_y + 14.0,
                8.5,
                b.loc.pick(format!("{age} 岁"), format!("{age}")),
                Anchor::Middle,
                color::MUTED,
                false,
            );
            age += TICK_YEARS;
        }
        f.text(
            AXIS_RIGHT,
            axis_y + 28.0,
            8.0,
            b.t("典型年龄", "typical age"),
            Anchor::End,
            color::MUTED,
            false,
        );
    }

    /// The ladder's name in the left column, centred on its band, wrapped (smaller
    /// when it needs more than three rows), never cut.
    fn name(&self, f: &mut Figure, l: &Ladder, base: f64) {
        let name = l.name.get(self.b.loc);
        let width = NAME_COL - NAME_GAP;
        let smallest = NAME_SIZES[NAME_SIZES.len() - 1];
        let (name_size, name_rows) = NAME_SIZES
            .iter()
            .map(|sz| (*sz, flow_words(name, *sz, width)))
            .find(|(_, rows)| rows.len() <= NAME_MAX_ROWS)
            .unwrap_or_else(|| (smallest, flow_words(name, smallest, width)));
        // each row past the first lifts the name by half a row
        let name_top = base - BAND / 2.0 + 10.0 - (name_rows.len() as f64 - 1.0) * 5.0;
        let ink = if self.is_own(l) {
            color::ACCENT
        } else {
            color::INK
        };
        for (k, row) in name_rows.iter().enumerate() {
            f.text(
                0.0,
                name_top + k as f64 * (name_size + NAME_LEADING),
                name_size,
                row.clone(),
                Anchor::Start,
                ink,
                true,
            );
        }
    }

    /// The rungs' steps, standing on `base`: the current one filled, the target
    /// outlined; each with its title inside, or its number (titles in the legend).
    fn steps_drawn(&self, f: &mut Figure, l: &Ladder, base: f64, steps: &Steps) {
        for (ri, r) in l.rungs.iter().enumerate() {
            let (x, nx) = self.span(l, ri);
            let h = steps.rise * (ri as f64 + 1.0);
            let (current, target) = self.marks(l, r);
            let fill = if current {
                color::ACCENT
            } else if target {
                color::PALE
            } else {
                color::PALER
            };
            f.shapes.push(Shape::Rect {
                x: x + STEP_GAP,
                y: base - h,
                w: nx - x - 2.0 * STEP_GAP,
                h,
                r: STEP_CORNER,
                fill: Some(fill),
                stroke: Some(if target { color::WARM } else { color::RULE }),
                width: if target { 1.4 } else { 0.6 },
                dashed: false,
            });
            let StepTitle { size, lines } = match &steps.titles {
                Some(titles) => titles[ri].clone(),
                None => StepTitle {
                    size: 8.0,
                    lines: vec![format!("{}", ri + 1)],
                },
            };
            for (k, line) in lines.iter().enumerate() {
                f.text(
                    x + STEP_INSET,
                    base - h + 3.0 + size + k as f64 * (size + TITLE_LEADING),
                    size,
                    line.clone(),
                    Anchor::Start,
                    if current { color::WHITE } else { color::INK },
                    current || target,
                );
            }
        }
    }

    /// The open step after the last rung, dashed, with "yours to set" wrapped to its
    /// width.
    fn open_step(&self, f: &mut Figure, l: &Ladder, base: f64, rise: f64) {
        let n = l.rungs.len() + 1;
        let x = self.x(l.open_age() as f64);
        let h = rise * n as f64;
        let end = self.x(self.max_age + YEARS_PAST);
        f.shapes.push(Shape::Rect {
            x: x + STEP_GAP,
            y: base - h,
            w: end - x - 2.0 * STEP_GAP,
            h,
            r: STEP_CORNER,
            fill: None,
            stroke: Some(color::MUTED),
            width: 0.8,
            dashed: true,
        });
        let open_w = end - x - TITLE_MARGIN;
        let words = self.b.t("由你来定", "yours to set");
        for (k, line) in flow_words(words.as_str(), 9.0, open_w)
            .into_iter()
            .enumerate()
        {
            f.text(
                x + STEP_INSET,
                base - h + 12.0 + k as f64 * 11.0,
                9.0,
                line,
                Anchor::Start,
                color::MUTED,
                false,
            );
        }
    }

    /// "You are here": a dot on the axis at the person's age, its label at the top
    /// of their ladder's band, and the marker line between them.
    fn here(&self, f: &mut Figure, p: &LadderPosition, base: f64, markers: &mut Vec<Marker>) {
        let Some(age) = p.age else {
            return;
        };
        let axis_y = self.axis_y;
        let x = self.x((age as f64).clamp(self.min_age - 2.0, self.max_age + 4.0));
        markers.push(Marker {
            x,
            from: base - BAND + 30.0,
            to: axis_y,
            width: 1.0,
        });
        f.shapes.push(Shape::Ellipse {
            cx: x,
            cy: axis_y,
            rx: 4.0,
            ry: 4.0,
            fill: Some(color::WARM),
            stroke: None,
            width: 0.0,
        });
        f.text(
            x,
            base - BAND + 26.0,
            8.5,
            self.b.loc.pick(
                format!("你在这里 · {age} 岁"),
                format!("you are here · {age}"),
            ),
            Anchor::Middle,
            color::WARM,
            true,
        );
    }

    /// The target: a ring under the person's ladder at the target age, and its
    /// label under it, or, on the lowest ladder, below the age ticks (never on them)
    /// with a marker line down to it.
    fn target(
        &self,
        f: &mut Figure,
        p: &LadderPosition,
        l: &Ladder,
        base: f64,
        last: bool,
        markers: &mut Vec<Marker>,
    ) {
        let (Some(tage), Some(tl)) = (p.target_age, p.target_level.as_ref()) else {
            return;
        };
        let x = self.x((tage as f64).clamp(self.min_age, self.max_age + 4.0));
        let title = l
            .rungs
            .iter()
            .find(|r| &r.id == tl)
            .map(|r| r.title.get(self.b.loc).to_string())
            .unwrap_or_default();
        f.shapes.push(Shape::Ellipse {
            cx: x,
            cy: base + 2.0,
            rx: 3.5,
            ry: 3.5,
            fill: None,
            stroke: Some(color::WARM),
            width: 1.4,
        });
        let label_y = if last {
            self.axis_y + 40.0
        } else {
            base + 14.0
        };
        if last {
            markers.push(Marker {
                x,
                from: base + 6.0,
                to: self.axis_y + 4.0,
                width: 0.6,
            });
        }
        // centred under the mark, or held inside the figure when long
        let label = self.b.loc.pick(
            format!("目标：{title} · {tage} 岁"),
            format!("target: {title} · {tage}"),
        );
        let half = text_width(&label, 8.0) / 2.0;
        let (lx, anchor) = if x + half > FIG_W {
            (FIG_W, Anchor::End)
        } else if x - half < 0.0 {
            (0.0, Anchor::Start)
        } else {
            (x, Anchor::Middle)
        };
        f.text(lx, label_y, 8.0, label, anchor, color::WARM, false);
    }

    /// The legend of numbered ladders, under the axis.
    fn legend(&self, f: &mut Figure, numbered: &[&Ladder]) {
        let mut y = self.axis_y + LEGEND_TOP;
        for l in numbered {
            y = self.legend_ladder(f, l, y);
        }
    }

    /// One numbered ladder's legend from `y`: a heading, then its rungs by number
    /// in two columns; returns the y after it.
    fn legend_ladder(&self, f: &mut Figure, l: &Ladder, y: f64) -> f64 {
        f.text(
            0.0,
            y,
            LEGEND_SIZE,
            self.b.loc.pick(
                format!("{}：各级名称", l.name.zh),
                format!("{}: the rungs", l.name.en),
            ),
            Anchor::Start,
            color::MUTED,
            true,
        );
        let y = y + LEGEND_SIZE + LEGEND_LEADING;
        let half = l.rungs.len().div_ceil(2);
        let mut bottom = y;
        for (c, chunk) in [&l.rungs[..half], &l.rungs[half..]].iter().enumerate() {
            let x = c as f64 * (LEGEND_COL + LEGEND_COL_GAP);
            let mut cy = y;
            for (k, r) in chunk.iter().enumerate() {
                cy = self.legend_entry(f, l, r, c * half + k + 1, (x, cy));
            }
            bottom = bottom.max(cy);
        }
        bottom + LEGEND_LADDER_GAP
    }

    /// One rung in the legend at (x, y): its number and its title with its typical
    /// age, in the current rung's or target's colour; returns the y after it.
    fn legend_entry(
        &self,
        f: &mut Figure,
        l: &Ladder,
        r: &Rung,
        number: usize,
        (x, y): (f64, f64),
    ) -> f64 {
        let (current, target) = self.marks(l, r);
        let ink = if current {
            color::ACCENT
        } else if target {
            color::WARM
        } else {
            color::INK
        };
        f.text(
            x + LEGEND_NUMBER_END,
            y,
            LEGEND_SIZE,
            format!("{number}"),
            Anchor::End,
            ink,
            true,
        );
        let mut y = y;
        for line in flow_words(&legend_text(self.b, r), LEGEND_SIZE, LEGEND_TEXT_W) {
            f.text(
                x + LEGEND_TEXT_AT,
                y,
                LEGEND_SIZE,
                line,
                Anchor::Start,
                ink,
                current || target,
            );
            y += LEGEND_SIZE + LEGEND_LEADING;
        }
        y
    }
}

/// Height of the legend of the numbered ladders (0 when there are none): a heading
/// row per ladder and its rungs in two columns, the taller column counting.
fn legend_height(b: &Words, numbered: &[&Ladder]) -> f64 {
    if numbered.is_empty() {
        return 0.0;
    }
    let rows: f64 = numbered
        .iter()
        .map(|l| {
            let entries: Vec<usize> = l
                .rungs
                .iter()
                .map(|r| flow_words(&legend_text(b, r), LEGEND_SIZE, LEGEND_TEXT_W).len())
                .collect();
            let half = entries.len().div_ceil(2);
            let first: usize = entries[..half].iter().sum();
            let second: usize = entries[half..].iter().sum();
            1.0 + first.max(second) as f64
        })
        .sum();
    rows * (LEGEND_SIZE + LEGEND_LEADING) + LEGEND_LADDER_GAP * numbered.len() as f64
}

/// A rung in the legend: its title and typical age.
fn legend_text(b: &Words, r: &Rung) -> String {
    b.loc.pick(
        // no-break spaces: the age never goes alone onto a line of its own
        format!("{}\u{a0}·\u{a0}{}\u{a0}岁", r.title.zh, r.typical_age),
        format!("{}\u{a0}·\u{a0}{}", r.title.en, r.typical_age),
    )
}
