//! `-f ics`: the plan's dates as an iCalendar file (RFC 5545) — one all-day event per
//! scheduled review and per action due date, summaries in the workbook's language,
//! UIDs derived from the person and the item so that a re-import updates rather than
//! duplicates, and DTSTAMP from `--today`, so the same input gives the same bytes.
//! Line folding and text escaping are the icalendar crate's.

use crate::analysis::Analysis;
use crate::model::{Date, Profile};
use icalendar::{Calendar, Component, EventLike};

fn naive(d: Date) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(d.year, u32::from(d.month), u32::from(d.day))
        .unwrap_or_default()
}

/// FNV-1a: a stable short hash for UIDs (not for security).
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Renders the calendar of `p`.
pub fn render(p: &Profile, a: &Analysis, stem: &str, today: Date) -> String {
    let loc = p.locale;
    let stamp = naive(today)
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"));
    cal.append_property(("PRODID", "-//careerbook//careerbook//EN"));
    cal.append_property(("CALSCALE", "GREGORIAN"));
    cal.name(&format!(
        "{} — {}",
        p.person.name,
        loc.pick("职业发展计划", "Career development plan")
    ));
    let who = format!("{:016x}", fnv(&format!("{}\u{0}{}", stem, p.person.name)));
    for slot in &a.progress.schedule {
        let mut e = icalendar::Event::new();
        e.uid(&format!("review-{}-{who}@careerbook", slot.date.iso()))
            .timestamp(stamp)
            .summary(loc.pick("职业发展计划复盘", "Career plan review"))
            .description(loc.pick(
                "回顾：上次定下的行动完成了哪些？得到了什么反馈？需要和目标还合适吗？下一阶段增加、调整或放弃哪些行动？",
                "Review: which actions are done? What feedback did you get? Do your needs and goal still fit? What do you add, change or drop next?",
            ))
            .starts(naive(slot.date));
        cal.push(e.done());
    }
    for (i, x) in p.actions.iter().enumerate() {
        let Some(due) = x.due else { continue };
        let mut e = icalendar::Event::new();
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
        e.uid(&format!(
            "action-{}-{:016x}-{who}@careerbook",
            i + 1,
            fnv(&x.goal)
        ))
        .timestamp(stamp)
        .summary(&format!(
            "{}{}",
            loc.pick("行动到期：", "Action due: "),
            x.goal
        ))
        .description(&desc.join("\n"))
        .starts(naive(due.last_day()));
        cal.push(e.done());
    }
    cal.done().to_string()
}
