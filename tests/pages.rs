//! The page checker: every bundled profile (and three stress profiles, one on an
//! eight-rung company ladder with long titles) in both
//! languages on A4 and Letter, judged from the layout's own draw list — no text run
//! overlaps another, is crossed by a line or leaves the box it starts in, no label is
//! cut short with "…",
//! and no page holds only a few lines (a lone heading, row or prompt).

use careerbook::analysis::cycle;
use careerbook::analysis::{analyse, JohariRules};
use careerbook::base::locale::Locale;
use careerbook::profile::ladder::Ladders;
use careerbook::profile::model::{Date, Profile};
use careerbook::profile::{load_str, LoadOptions};
use careerbook::render::pdf::{layout, Paper};
use careerbook::text::font::FontFace;
use careerbook::workbook::{build, BookOptions};
use std::path::Path;

const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 1,
};

/// A text run's ink box: x from its start to its measured end, y from cap height to
/// descender.
#[derive(Debug, Clone)]
struct Run {
    text: String,
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
}

/// The built-in ladders, the bundled company ladder, and the stress ladder (eight
/// rungs with long titles and uneven ages).
fn ladders() -> Ladders {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut ladders = Ladders::with_dir(&root.join("profiles/ladders")).unwrap();
    let stress =
        std::fs::read_to_string(root.join("tests/fixtures/pages/ladders/stress.yaml")).unwrap();
    ladders
        .all
        .push(careerbook::profile::ladder::parse(&stress).unwrap());
    ladders
}

fn load(path: &Path, ladders: &Ladders) -> Profile {
    let text = std::fs::read_to_string(path).unwrap();
    load_str(
        &text,
        &LoadOptions {
            ladders,
            today: TODAY,
        },
    )
    .unwrap_or_else(|e| panic!("{}", e.render(&path.display().to_string())))
}

fn runs(page: &layout::Page, font: &FontFace) -> Vec<Run> {
    page.cmds
        .iter()
        .filter_map(|c| match c {
            layout::Cmd::Text {
                x, y, size, text, ..
            } if !text.trim().is_empty() => Some(Run {
                text: text.clone(),
                // a hanging opening bracket's ink starts half an em in
                x0: if text.starts_with(['（', '「', '『', '《', '【', '“', '‘']) {
                    x + 0.5 * size
                } else {
                    *x
                },
                x1: x + font.width(text.trim_end(), *size),
                y0: y - 0.82 * size,
                y1: y + 0.14 * size,
            }),
            _ => None,
        })
        .collect()
}

/// Rectangles (x0, y0, x1, y1) drawn on a page.
fn rects(page: &layout::Page) -> Vec<(f32, f32, f32, f32)> {
    page.cmds
        .iter()
        .filter_map(|c| match c {
            layout::Cmd::Rect { x, y, w, h, .. } if *w > 4.0 && *h > 4.0 => {
                Some((*x, *y, x + w, y + h))
            }
            _ => None,
        })
        .collect()
}

const EPS: f32 = 0.6;

/// Every problem of one laid-out document, as "page N: what".
fn judge(laid: &layout::Laid, font: &FontFace) -> Vec<String> {
    let (w, h) = laid.size;
    let mut problems = Vec::new();
    let body_top = 56.7;
    let body_bottom = h - 62.0;
    for (n, page) in laid.pages.iter().enumerate() {
        let p = n + 1;
        let rs = runs(page, font);
        // inside the page
        for r in &rs {
            if r.x0 < 20.0 || r.x1 > w - 20.0 || r.y0 < 20.0 || r.y1 > h - 20.0 {
                problems.push(format!("page {p}: {:?} leaves the page", r.text));
            }
            if r.text.trim_end().ends_with('…') {
                problems.push(format!("page {p}: {:?} is cut short", r.text));
            }
        }
        // no two runs overlap
        for (i, a) in rs.iter().enumerate() {
            for b in &rs[i + 1..] {
                let dx = a.x1.min(b.x1) - a.x0.max(b.x0);
                let dy = a.y1.min(b.y1) - a.y0.max(b.y0);
                if dx > EPS && dy > EPS {
                    problems.push(format!("page {p}: {:?} overlaps {:?}", a.text, b.text));
                }
            }
        }
        // no line (a rule, a tick, a marker) runs through a text run's ink
        for c in &page.cmds {
            if let layout::Cmd::Line { x1, y1, x2, y2, .. } = c {
                let (lx0, lx1) = (x1.min(*x2), x1.max(*x2));
                let (ly0, ly1) = (y1.min(*y2), y1.max(*y2));
                for r in &rs {
                    let inside_x = lx1 > r.x0 + 1.0 && lx0 < r.x1 - 1.0;
                    let inside_y = ly1 > r.y0 + 1.5 && ly0 < r.y1 - 1.5;
                    if inside_x && inside_y {
                        problems.push(format!("page {p}: a line runs through {:?}", r.text));
                    }
                }
            }
        }
        // a run that starts inside a box (a cell, a step, a chip) ends inside it
        let boxes = rects(page);
        for r in &rs {
            let inside = boxes
                .iter()
                .filter(|b| {
                    r.x0 >= b.0 - EPS && r.x0 < b.2 && r.y0 >= b.1 - EPS && r.y1 <= b.3 + EPS
                })
                .min_by(|a, b| ((a.2 - a.0) * (a.3 - a.1)).total_cmp(&((b.2 - b.0) * (b.3 - b.1))));
            if let Some(b) = inside {
                if r.x1 > b.2 + EPS {
                    problems.push(format!(
                        "page {p}: {:?} runs out of its box by {:.1} pt",
                        r.text,
                        r.x1 - b.2
                    ));
                }
            }
        }
        // no near-empty page, the last one included: the body is used at least a
        // fifth down (some eight lines), with at least four text runs
        if n > 0 {
            let body: Vec<&Run> = rs.iter().filter(|r| r.y1 < body_bottom).collect();
            let lowest = page
                .cmds
                .iter()
                .map(|c| match c {
                    layout::Cmd::Text { y, .. } => *y,
                    layout::Cmd::Rect { y, h: rh, .. } => y + rh,
                    layout::Cmd::Line { y1, y2, .. } => y1.max(*y2),
                    layout::Cmd::Ellipse { cy, ry, .. } => cy + ry,
                })
                .filter(|y| *y < body_bottom)
                .fold(body_top, f32::max);
            let used = (lowest - body_top) / (body_bottom - body_top);
            if used < 0.2 || body.len() < 4 {
                problems.push(format!(
                    "page {p}: nearly empty ({} lines, {:.0}% of the body)",
                    body.len(),
                    used * 100.0
                ));
            }
        }
    }
    problems
}

/// The profiles the checker covers: every bundled one, the second cycle with its
/// "since last time", and two stress profiles.
fn cases(ladders: &Ladders) -> Vec<(String, Profile, Option<Profile>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(root.join("profiles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    for f in files {
        out.push((
            f.file_name().unwrap().to_string_lossy().into_owned(),
            load(&f, ladders),
            None,
        ));
    }
    let prev = load(&root.join("profiles/cycle/2025/chen-li.zh.yaml"), ladders);
    let cur = load(&root.join("profiles/cycle/2026/chen-li.zh.yaml"), ladders);
    out.push(("cycle/2026/chen-li.zh.yaml".into(), cur, Some(prev)));
    for f in [
        "stress-long.zh.yaml",
        "stress-long.en.yaml",
        "stress-ladder.zh.yaml",
    ] {
        out.push((
            f.into(),
            load(&root.join("tests/fixtures/pages").join(f), ladders),
            None,
        ));
    }
    out
}

#[test]
fn every_page_of_every_profile_passes_the_page_checker() {
    let ladders = ladders();
    let font = FontFace::default_shared();
    let mut problems = Vec::new();
    let mut documents = 0;
    for (name, profile, prev) in cases(&ladders) {
        for locale in [Locale::Zh, Locale::En] {
            let mut p = profile.clone();
            p.locale = locale;
            let mut a = analyse(&p, &ladders, JohariRules::default(), TODAY);
            if let Some(prev) = &prev {
                let mut prev = prev.clone();
                prev.locale = locale;
                a.changes = Some(cycle::compare(
                    &prev,
                    &p,
                    &ladders,
                    JohariRules::default(),
                    TODAY,
                ));
            }
            let book = build(&p, &a, &ladders, TODAY, BookOptions { modules: true });
            for paper in [Paper::A4, Paper::Letter] {
                let laid = layout::layout(&book, &font, paper);
                documents += 1;
                for pr in judge(&laid, &font) {
                    problems.push(format!("{name} {locale:?} {paper:?} {pr}"));
                }
            }
        }
    }
    assert!(documents >= 40, "{documents} documents checked");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The checker itself catches what it is for: overlapping runs, a run out of its
/// box, a cut label, and a near-empty page.
#[test]
fn the_page_checker_catches_overlaps_overflow_cuts_and_empty_pages() {
    let font = FontFace::default_shared();
    let text = |x: f32, y: f32, s: &str| layout::Cmd::Text {
        x,
        y,
        size: 10.0,
        text: s.into(),
        color: layout::rgb("#000000"),
        bold: false,
    };
    let full = layout::Page {
        cmds: (0..40)
            .map(|i| text(60.0, 80.0 + i as f32 * 18.0, "一行字"))
            .collect(),
    };
    let bad = layout::Page {
        cmds: vec![
            text(60.0, 100.0, "重叠的文字"),
            text(70.0, 102.0, "重叠的文字"),
            layout::Cmd::Rect {
                x: 60.0,
                y: 120.0,
                w: 30.0,
                h: 20.0,
                fill: None,
                stroke: Some(layout::rgb("#000000")),
                width: 0.5,
                dashed: false,
            },
            text(62.0, 134.0, "超出方框的标签"),
            text(60.0, 150.0, "截断的标…"),
            layout::Cmd::Line {
                x1: 200.0,
                y1: 90.0,
                x2: 200.0,
                y2: 110.0,
                color: layout::rgb("#000000"),
                width: 0.5,
                dashed: true,
            },
            text(190.0, 100.0, "被线穿过"),
        ],
    };
    let laid = layout::Laid {
        size: Paper::A4.size(),
        pages: vec![full.clone(), bad, full.clone(), full],
        outline: Vec::new(),
    };
    let found = judge(&laid, &font).join("\n");
    for what in [
        "overlaps",
        "runs out of its box",
        "cut short",
        "nearly empty",
    ] {
        assert!(found.contains(what), "the checker missed {what}:\n{found}");
    }
    assert!(found.lines().all(|l| l.starts_with("page 2:")), "{found}");
}
