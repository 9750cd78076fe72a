//! Colour for our own diagnostics on standard error: `--color auto|always|never`,
//! `NO_COLOR`, and only on a terminal. Messages are written plain and painted line
//! by line when they are printed, so what they say never depends on colour.

/// Prints a line to standard output; a closed pipe (`careerbook … | head`) is not
/// an error, so the run goes on and finishes its files and summary.
#[macro_export]
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($t)*);
        let _ = writeln!(std::io::stdout(), "{}", $crate::base::term::safe(&text));
    }};
}

/// Prints a line to standard error, ignoring a closed pipe; diagnostics are painted
/// when colour is on (see [`term`]).
#[macro_export]
macro_rules! errln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let text = $crate::base::term::paint(&$crate::base::term::safe(&format!($($t)*)));
        let _ = writeln!(std::io::stderr(), "{text}");
    }};
}

/// Prints to standard output without a newline, ignoring a closed pipe.
#[macro_export]
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($t)*);
    }};
}

use std::sync::atomic::{AtomicBool, Ordering};

static COLOR: AtomicBool = AtomicBool::new(false);

/// The `--color` choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard error is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Whether to colour, from the choice, `NO_COLOR` (set and not empty: no colour),
/// `TERM=dumb`, and whether standard error is a terminal.
pub fn decide(choice: ColorChoice, no_color: Option<&str>, term: Option<&str>, tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && no_color.is_none_or(str::is_empty) && term != Some("dumb"),
    }
}

/// Sets colour for the rest of the process.
pub fn init(choice: ColorChoice) {
    use std::io::IsTerminal;
    let no_color = std::env::var("NO_COLOR").ok();
    let term = std::env::var("TERM").ok();
    let on = decide(
        choice,
        no_color.as_deref(),
        term.as_deref(),
        std::io::stderr().is_terminal(),
    );
    COLOR.store(on, Ordering::Relaxed);
}

/// `text` with every control character (newlines and tabs included) and every
/// direction override written as an escape (`\u{1b}`), so that a name — a file
/// path, a ladder's name — can neither move the cursor, colour the terminal nor
/// start a line of its own when printed.
pub fn escape(text: &str) -> String {
    escape_but(text, &[])
}

/// `text` as it may reach the terminal: what [`escape`] escapes but the line breaks
/// and tabs of our own messages. `errln!` and `outln!` pass everything through it.
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .chars()
        .any(|c| needs_escape(c) && c != '\n' && c != '\t')
    {
        std::borrow::Cow::Owned(escape_but(text, &['\n', '\t']))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape_but(text: &str, keep: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if needs_escape(c) && !keep.contains(&c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// How a path is printed: [`escape`]d.
pub trait Shown {
    /// The path as it may be printed.
    fn shown(&self) -> String;
}

impl Shown for std::path::Path {
    fn shown(&self) -> String {
        escape(&self.display().to_string())
    }
}

/// `text` painted for the terminal when colour is on, else as it is.
pub fn paint(text: &str) -> String {
    if !COLOR.load(Ordering::Relaxed) {
        return text.to_string();
    }
    paint_lines(text)
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const BLUE: &str = "\x1b[1;34m";
const CYAN: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

/// Paints the parts of a diagnostic: the severity, the `-->` place, the gutter, the
/// carets, and the `= help` line.
pub fn paint_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let severity = [
            ("error", RED),
            ("错误", RED),
            ("warning", YELLOW),
            ("警告", YELLOW),
        ]
        .iter()
        .find(|(w, _)| {
            line.strip_prefix(w)
                .is_some_and(|rest| rest.starts_with(':') || rest.starts_with('：'))
        });
        if let Some((word, colour)) = severity {
            out.push_str(&format!("{colour}{word}{RESET}{}", &line[word.len()..]));
        } else if let Some(rest) = line.strip_prefix("  --> ") {
            out.push_str(&format!("  {BLUE}-->{RESET} {rest}"));
        } else if let Some((gutter, rest)) = line
            .split_once(" | ")
            .filter(|(g, _)| g.trim().chars().all(|c| c.is_ascii_digit()))
        {
            let rest = if rest.trim_start().starts_with('^') {
                format!("{RED}{rest}{RESET}")
            } else {
                rest.to_string()
            };
            out.push_str(&format!("{BLUE}{gutter} |{RESET} {rest}"));
        } else if line.trim_end() == "|" || line.ends_with(" |") && line.trim() == "|" {
            out.push_str(&format!("{BLUE}{line}{RESET}"));
        } else if let Some(rest) = line.strip_prefix("   = ") {
            out.push_str(&format!("   {CYAN}={RESET} {rest}"));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_take_over_the_terminal() {
        assert_eq!(escape("a\u{1b}[31mred.yaml"), "a\\u{1b}[31mred.yaml");
        assert_eq!(escape("x\ny\u{9b}2J\u{202e}"), "x\\u{a}y\\u{9b}2J\\u{202e}");
        assert_eq!(safe("line 1\n\tline 2"), "line 1\n\tline 2");
        assert_eq!(safe("a\u{7}b\n"), "a\\u{7}b\n");
        assert_eq!(
            std::path::Path::new("名单\u{85}.csv").shown(),
            "名单\\u{85}.csv"
        );
    }

    #[test]
    fn colour_only_on_a_terminal_and_never_with_no_color() {
        assert!(decide(ColorChoice::Auto, None, Some("xterm"), true));
        assert!(!decide(ColorChoice::Auto, None, Some("xterm"), false));
        assert!(!decide(ColorChoice::Auto, Some("1"), Some("xterm"), true));
        // NO_COLOR set but empty does not count
        assert!(decide(ColorChoice::Auto, Some(""), None, true));
        assert!(!decide(ColorChoice::Auto, None, Some("dumb"), true));
        // an explicit choice wins over NO_COLOR and the terminal
        assert!(decide(ColorChoice::Always, Some("1"), None, false));
        assert!(!decide(ColorChoice::Never, None, None, true));
    }

    #[test]
    fn a_diagnostic_is_painted_part_by_part_and_reads_the_same_without_codes() {
        let d = "error: `age` must be a number\n  --> me.yaml:3:8\n  |\n3 |   age: 三十\n  |        ^^^^\n   = help: write the age in years, e.g. `age: 30`\n";
        let p = paint_lines(d);
        assert!(p.starts_with("\x1b[1;31merror\x1b[0m: `age`"), "{p:?}");
        assert!(p.contains("\x1b[1;34m-->\x1b[0m me.yaml:3:8"));
        assert!(
            p.contains("\x1b[1;31m       ^^^^\x1b[0m") || p.contains("\x1b[1;31m        ^^^^"),
            "{p:?}"
        );
        assert!(p.contains("\x1b[36m=\x1b[0m help:"));
        // stripping the codes gives the plain text back
        let plain = p
            .split('\x1b')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('m').map_or("", |(_, r)| r)
                }
            })
            .collect::<String>();
        assert_eq!(plain, d);
    }
}
