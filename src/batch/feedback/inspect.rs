//! `careerbook feedback inspect`: how each export was read — the tool, each column by
//! letter and header with its role, how many rows were used and skipped and why —
//! without writing anything. It shows headers (the questions), never a cell.

use super::columns::{Found, Mapping, Override, Picks};
use super::report::FileReport;
use super::{merge, read_file, Employees};
use crate::tables::column_letters;
use std::fmt::Write;
use std::path::PathBuf;

/// A header as the listing shows it: at most 48 characters, control characters
/// escaped.
fn header_text(h: &str) -> String {
    let clean: String = h
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.chars().count() > 48 {
        format!("{}…", clean.chars().take(47).collect::<String>())
    } else {
        clean
    }
}

/// Columns a text takes on a terminal: East Asian wide characters take two.
fn width_of(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115f
            | 0x2e80..=0xa4cf
            | 0xac00..=0xd7a3
            | 0xf900..=0xfaff
            | 0xfe30..=0xfe4f
            | 0xff00..=0xff60
            | 0xffe0..=0xffe6
            | 0x20000..=0x3fffd => 2,
            _ => 1,
        })
        .sum()
}

fn role(m: &Mapping, c: usize) -> String {
    if c == m.subject {
        return match m.found {
            Found::ById => crate::msg!("fb.role.subject_id"),
            Found::ByName => crate::msg!("fb.role.subject_name"),
            Found::ByHeader => crate::msg!("fb.role.subject_header"),
            Found::Given => crate::msg!("fb.role.subject_given"),
            Found::Format => crate::msg!("fb.role.subject_format"),
        };
    }
    if m.identity.contains(&c) {
        return crate::msg!("fb.role.identity");
    }
    match &m.picks {
        Picks::Column(p) if *p == c => crate::msg!("fb.role.picks"),
        Picks::Options(o) => match o.iter().find(|(x, _)| *x == c) {
            Some((_, k)) => crate::msg!(
                "fb.role.option",
                word = crate::profile::catalog::ADJECTIVES[*k].zh
            ),
            None => crate::msg!("fb.role.ignored"),
        },
        _ => crate::msg!("fb.role.ignored"),
    }
}

fn columns(out: &mut String, m: &Mapping) {
    let _ = writeln!(
        out,
        "  {}",
        crate::msg!("fb.inspect.tool", tool = m.tool.name())
    );
    let _ = writeln!(
        out,
        "  {}",
        crate::msg!("fb.inspect.header", row = m.header_row)
    );
    let width = m.headers.len();
    let mut c = 0;
    while c < width {
        // a run of per-option columns is one line
        let run = match &m.picks {
            Picks::Options(o) if o.first().is_some_and(|(x, _)| *x == c) => o.len(),
            _ => 1,
        };
        let letters = if run > 1 {
            format!("{}–{}", column_letters(c), column_letters(c + run - 1))
        } else {
            column_letters(c)
        };
        let (head, what) = if run > 1 {
            (
                format!("{} …", header_text(&m.headers[c])),
                crate::msg!("fb.role.options", n = run),
            )
        } else {
            (header_text(&m.headers[c]), role(m, c))
        };
        let pad = 50usize.saturating_sub(width_of(&head));
        let _ = writeln!(out, "  {letters:<7} {head}{} {what}", " ".repeat(pad));
        c += run;
    }
    if m.identity.is_empty() {
        let _ = writeln!(out, "  {}", crate::msg!("fb.inspect.no_identity"));
    }
}

fn counts(out: &mut String, r: &FileReport) {
    let why = r.skipped_words();
    let _ = writeln!(
        out,
        "  {}",
        crate::msg!(
            "fb.inspect.rows",
            read = r.rows,
            used = r.used,
            skipped = r.skipped_total(),
            why = if why.is_empty() {
                String::new()
            } else {
                format!(" ({})", why.join(", "))
            }
        )
    );
    let left = r.left_out_words();
    if !left.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            crate::msg!("fb.inspect.left_out", what = left.join(", "))
        );
    }
    for l in &r.lines {
        let _ = writeln!(out, "    {l}");
    }
    if r.more > 0 {
        let _ = writeln!(out, "    {}", crate::msg!("fb.more_lines", n = r.more));
    }
}

/// The listing of every file, and whether each was read (true) or refused.
pub fn inspect(
    files: &[PathBuf],
    employees: Option<&Employees>,
    given: &Override,
) -> (String, bool) {
    let mut out = String::new();
    let mut all_ok = true;
    for (i, f) in files.iter().enumerate() {
        let mut m = merge::Merge::default();
        let (report, res) = read_file(f, i + 1, employees, given, &mut m);
        let _ = writeln!(out, "{}", report.path);
        match res {
            Ok(Some(mapping)) => {
                columns(&mut out, &mapping);
                counts(&mut out, &report);
            }
            Ok(None) => {
                let _ = writeln!(out, "  {}", crate::msg!("fb.inspect.yaml"));
                counts(&mut out, &report);
            }
            Err(e) => {
                all_ok = false;
                let _ = writeln!(out, "  {}", crate::msg!("fb.inspect.refused", why = e));
            }
        }
        out.push('\n');
    }
    (out, all_ok)
}
