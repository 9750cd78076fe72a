//! The passes of a workbook's layout: the cover, contents and sections laid out in
//! order, and laid out again while a page would hold only a few lines.

use super::blocks::{lead_height, render_block};
use super::front::{contents, cover, footer, section_title};
use super::wraps::Wraps;
use super::{
    rgb, BlockAt, Cmd, Flow, Hints, Laid, Page, BODY, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X,
};
use crate::render::pdf::Paper;
use crate::text::font::FontFace;
use crate::workbook::figure::color;
use crate::workbook::{Block, Section, Workbook};

/// Lays out a workbook. A page that would hold only a few lines (a lone prompt, a
/// last row) is avoided by laying out again: the prompt that opens it shrinks its
/// writing lines to fit the page before, or the block before it moves along with it.
pub fn layout(book: &Workbook, font: &FontFace, paper: Paper) -> Laid {
    let mut hints = Hints::default();
    let wraps = Wraps::default();
    let (mut best, mut owners) = layout_once(book, font, &wraps, paper, hints.clone());
    let mut worst = sparse_pages(&best).len();
    for _ in 0..6 {
        let sparse = sparse_pages(&best);
        if sparse.is_empty() {
            break;
        }
        let before = hints.clone();
        for page in sparse {
            let at = owners[page];
            let prompt = matches!(
                book.sections.get(at.0).and_then(|s| s.blocks.get(at.1)),
                Some(Block::Prompt { answer, .. }) if answer.is_empty()
            );
            let blocks = book.sections.get(at.0).map_or(&[][..], |s| &s.blocks[..]);
            // the nearest prompt before it in the section that can give up a line
            let giver = (0..at.1).rev().find(|&k| {
                matches!(&blocks[k], Block::Prompt { answer, lines, .. }
                    if answer.is_empty()
                        && *lines > 1 + hints.fewer.get(&(at.0, k)).copied().unwrap_or(0))
            });
            if prompt && !hints.squeeze.contains(&at) {
                hints.squeeze.insert(at);
            } else if let (true, Some(k)) = (prompt, giver) {
                *hints.fewer.entry((at.0, k)).or_insert(0) += 1;
            } else if at.1 > 0 {
                hints.break_before.insert((at.0, at.1 - 1));
            }
        }
        if hints == before {
            break; // nothing left to try
        }
        let (laid, own) = layout_once(book, font, &wraps, paper, hints.clone());
        let n = sparse_pages(&laid).len();
        // keep the better layout; the hints keep growing from the best one (a prompt
        // before may give up one more line on the next round)
        if n < worst {
            worst = n;
            best = laid;
            owners = own;
        }
    }
    best
}

/// Pages (after the cover) that hold only a few lines: less than a fifth of the
/// body used, or fewer than four text runs.
fn sparse_pages(laid: &Laid) -> Vec<usize> {
    let h = laid.size.1;
    let bottom = h - MARGIN_BOTTOM;
    (1..laid.pages.len())
        .filter(|&i| {
            let cmds = &laid.pages[i].cmds;
            let mut lowest = MARGIN_TOP;
            let mut runs = 0;
            for c in cmds {
                let y = match c {
                    Cmd::Text { y, .. } => {
                        if *y < bottom && *y > MARGIN_TOP - 10.0 {
                            runs += 1;
                        }
                        *y
                    }
                    Cmd::Rect { y, h, .. } => y + h,
                    Cmd::Line { y1, y2, .. } => y1.max(*y2),
                    Cmd::Ellipse { cy, ry, .. } => cy + ry,
                };
                if y < bottom {
                    lowest = lowest.max(y);
                }
            }
            (lowest - MARGIN_TOP) / (bottom - MARGIN_TOP) < 0.2 || runs < 4
        })
        .collect()
}

/// One pass of the layout with `hints`: the cover, the sections, then the contents
/// on the cover page and every page's footer and running header. Returns the
/// document and the block that opened each page.
fn layout_once(
    book: &Workbook,
    font: &FontFace,
    wraps: &Wraps,
    paper: Paper,
    hints: Hints,
) -> (Laid, Vec<BlockAt>) {
    let (w, h) = paper.size();
    let mut l = Flow {
        font,
        wraps,
        block: (usize::MAX, 0),
        owners: Vec::new(),
        hints,
        chain: None,
        section_pages: Vec::new(),
        w,
        h,
        pages: Vec::new(),
        y: MARGIN_TOP,
    };
    let mut outline = Vec::new();
    let cover_end = cover(&mut l, book);
    outline.push((book.cover.title.clone(), 0));
    l.new_page();
    for (si, section) in book.sections.iter().enumerate() {
        lay_section(&mut l, si, section, &mut outline);
    }
    contents(&mut l.pages[0], font, w, h, cover_end, book, &outline[1..]);
    let total = l.pages.len();
    let sections = std::mem::take(&mut l.section_pages);
    for (i, page) in l.pages.iter_mut().enumerate().skip(1) {
        footer(page, font, w, h, book, i + 1, total);
        running_header(page, i, &sections, w);
    }
    (
        Laid {
            size: (w, h),
            pages: l.pages,
            outline,
        },
        l.owners,
    )
}

/// Lays out section `si`: its title (on a new page when needed, entered in the
/// `outline`) and its blocks.
fn lay_section(l: &mut Flow, si: usize, section: &Section, outline: &mut Vec<(String, usize)>) {
    l.block = (si, 0);
    if starts_page(l, section) {
        l.new_page();
    }
    let at_top = l.y <= MARGIN_TOP + 0.5;
    let pages_before = l.pages.len();
    section_title(l, &section.title, &section.gloss);
    // the title may have moved to a new page to stay with its content
    let page = l.pages.len() - 1;
    outline.push((section.title.clone(), page));
    l.section_pages.push((
        page,
        at_top || l.pages.len() != pages_before,
        section.title.clone(),
    ));
    for (i, block) in section.blocks.iter().enumerate() {
        l.block = (si, i);
        if l.hints.break_before.contains(&(si, i)) {
            l.new_page();
        }
        let next = section.blocks.get(i + 1);
        // a heading, its paragraph and the chart or table after it stay together
        l.chain = match (block, next) {
            (Block::Heading { .. }, Some(Block::Paragraph { text })) => {
                Some(paragraph_height(l, text) + lead_height(l, section.blocks.get(i + 2)))
                    .filter(|h| *h <= l.full() * 0.8)
            }
            _ => None,
        };
        render_block(l, block, next);
    }
    l.y += 14.0;
}

/// Height of a paragraph block with the space after it.
fn paragraph_height(l: &Flow, text: &str) -> f32 {
    l.wrap(text, BODY, l.width()).len() as f32 * Flow::line_h(BODY) + 6.0
}

/// Whether a section starts on a new page: when less than a third is left, or when
/// its title, intro and first element would not fit together.
fn starts_page(l: &Flow, section: &Section) -> bool {
    let intro = match section.blocks.first() {
        Some(Block::Paragraph { text }) => {
            paragraph_height(l, text) + lead_height(l, section.blocks.get(1))
        }
        first => lead_height(l, first),
    };
    // the title block: its lines, the gloss, the rule and the space around them
    let title_h = l.wrap(&section.title, 18.0, l.width() - 12.0).len() as f32 * 18.0 * 1.35
        + if section.gloss.is_empty() { 0.0 } else { 14.0 }
        + 26.0;
    let together = title_h + intro + 8.0;
    l.room() < l.full() / 3.0 || (l.room() < together && together <= l.full())
}

/// The running header of page `i` (`w` wide): the section it continues, over a
/// rule; pages that open a section show its title already. `sections` are (page,
/// starts at the top, title).
fn running_header(page: &mut Page, i: usize, sections: &[(usize, bool, String)], w: f32) {
    if sections.iter().any(|(p, top, _)| *p == i && *top) {
        return;
    }
    let Some((_, _, title)) = sections.iter().rev().find(|(p, _, _)| *p < i) else {
        return;
    };
    page.cmds.push(Cmd::Text {
        x: MARGIN_X,
        y: 34.0,
        size: 8.0,
        text: title.clone(),
        color: rgb(color::MUTED),
        bold: false,
    });
    page.cmds.push(Cmd::Line {
        x1: MARGIN_X,
        y1: 40.0,
        x2: w - MARGIN_X,
        y2: 40.0,
        color: rgb(color::RULE),
        width: 0.5,
        dashed: false,
    });
}
