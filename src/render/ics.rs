//! `-f ics`: the plan's dates as an iCalendar file (RFC 5545) — one all-day event per
//! scheduled review and per action due date, summaries in the workbook's language,
//! UIDs derived from the person and the item so that a re-import updates rather than
//! duplicates, and DTSTAMP from `--today`, so the same input gives the same bytes.
//! Written here rather than by a library: every TEXT value is escaped (`\\`, `\;`,
//! `\,`, `\n`) and every line folded to at most 75 octets, never inside a character.

use crate::analysis::Analysis;
use crate::base::hash::fnv;
use crate::profile::model::{Date, Profile};

/// Longest content line, in octets, without its CRLF (RFC 5545 §3.1).
pub const MAX_LINE: usize = 75;

/// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma and line
/// breaks; other control characters (which a checked profile cannot hold) dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded (RFC 5545 §3.1): at most [`MAX_LINE`] octets a line, the
/// continuation lines starting with one space, never splitting a character; each
/// line ends in CRLF.
pub fn fold(line: &str, out: &mut String) {
    let mut room = MAX_LINE;
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > room {
            out.push_str("\r\n ");
            // the leading space takes one octet of the next line
            room = MAX_LINE - 1;
            used = 0;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// Builds the calendar's lines.
struct Writer(String);

impl Writer {
    fn raw(&mut self, line: &str) {
        fold(line, &mut self.0);
    }

    fn text(&mut self, name: &str, value: &str) {
        self.raw(&format!("{name}:{}", escape(value)));
    }
}

fn basic(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// One all-day event.
fn event(w: &mut Writer, uid: &str, stamp: &str, summary: &str, description: &str, day: Date) {
    w.raw("BEGIN:VEVENT");
    w.text("UID", uid);
    w.raw(&format!("DTSTAMP:{stamp}"));
    w.raw(&format!("DTSTART;VALUE=DATE:{}", basic(day)));
    w.text("SUMMARY", summary);
    w.text("DESCRIPTION", description);
    w.raw("END:VEVENT");
}

/// Renders the calendar of `p`.
pub fn render(p: &Profile, a: &Analysis, stem: &str, today: Date) -> String {
    let loc = p.locale;
    let stamp = format!("{}T000000Z", basic(today));
    let mut w = Writer(String::new());
    w.raw("BEGIN:VCALENDAR");
    w.raw("VERSION:2.0");
    w.raw("PRODID:-//careerbook//careerbook//EN");
    w.raw("CALSCALE:GREGORIAN");
    let name = format!(
        "{} — {}",
        p.person.name,
        loc.pick("职业发展计划", "Career development plan")
    );
    w.text("NAME", &name);
    w.text("X-WR-CALNAME", &name);
    let who = format!("{:016x}", fnv(&format!("{}\u{0}{}", stem, p.person.name)));
    for slot in &a.progress.schedule {
        event(
            &mut w,
            &format!("review-{}-{who}@careerbook", slot.date.iso()),
            &stamp,
            loc.pick("职业发展计划复盘", "Career plan review"),
            loc.pick(
                "回顾：上次定下的行动完成了哪些？得到了什么反馈？需要和目标还合适吗？下一阶段增加、调整或放弃哪些行动？",
                "Review: which actions are done? What feedback did you get? Do your needs and goal still fit? What do you add, change or drop next?",
            ),
            slot.date,
        );
    }
    for (i, x) in p.actions.iter().enumerate() {
        let Some(due) = x.due else { continue };
        let mut desc = Vec::new();
        for (label, v) in [
            (loc.pick("步骤", "Steps"), &x.steps),
            (loc.pick("所需支持", "Support"), &x.support),
            (loc.pick("衡量标准", "Measure"), &x.measure),
        ] {
            if let Some(v) = v {
                desc.push(format!("{label}: {v}"));
            }
        }
        desc.push(format!(
            "{}: {}",
            loc.pick("状态", "Status"),
            x.status.label(loc)
        ));
        event(
            &mut w,
            &format!("action-{}-{:016x}-{who}@careerbook", i + 1, fnv(&x.goal)),
            &stamp,
            &format!("{}{}", loc.pick("行动到期：", "Action due: "), x.goal),
            &desc.join("\n"),
            due.last_day(),
        );
    }
    w.raw("END:VCALENDAR");
    w.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_lines_fold_at_75_octets_between_characters() {
        assert_eq!(escape("Wang, Li; Jr\\\nx"), "Wang\\, Li\\; Jr\\\\\\nx");
        for text in [
            "a".repeat(200),
            "中".repeat(80),
            format!("{}中文", "a".repeat(73)),
        ] {
            let mut out = String::new();
            fold(&format!("SUMMARY:{text}"), &mut out);
            let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
            assert!(lines.iter().all(|l| l.len() <= MAX_LINE), "{lines:?}");
            assert!(lines.iter().skip(1).all(|l| l.starts_with(' ')));
            // full lines: nothing wasted but the part of a character that did not fit
            assert!(lines[0].len() > MAX_LINE - 4, "{}", lines[0].len());
            assert_eq!(out.replace("\r\n ", ""), format!("SUMMARY:{text}\r\n"));
        }
    }
}
