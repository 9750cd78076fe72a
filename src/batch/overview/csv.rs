//! The overview as CSV (`_overview.csv`): long format, one value a row, every field
//! safe to open in Excel.

use super::cells::Overview;

/// with `=`, `+`, `-`, `@` (also after leading tabs, carriage returns or spaces) or
/// with a tab or CR is prefixed with `'` so that it is shown as text, never run as a
/// formula (OWASP's advice for CSV injection).
pub fn csv_field(s: &str) -> String {
    let first = s.trim_start_matches([' ', '\t', '\r']).chars().next();
    let risky = matches!(first, Some('=' | '+' | '-' | '@')) || s.starts_with(['\t', '\r']);
    let s = if risky {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// `_overview.csv`: `section,department,key,count`; a suppressed cell's count is
/// `suppressed`.
pub fn csv(o: &Overview) -> String {
    let mut out = String::from("section,department,key,count\n");
    let mut row = |a: &str, b: &str, c: &str, n: Option<usize>| {
        out.push_str(&format!(
            "{},{},{},{}\n",
            csv_field(a),
            csv_field(b),
            csv_field(c),
            n.map_or("suppressed".to_string(), |n| n.to_string())
        ))
    };
    row("run", "", "profiles", Some(o.total));
    row("run", "", "ok", Some(o.ok));
    row("run", "", "failed", Some(o.failed));
    for h in &o.headcount {
        row(
            "headcount",
            &h.department,
            &format!("{}/{}", h.track, h.level),
            Some(h.count),
        );
    }
    for p in &o.positions {
        row("position", &p.department, "ahead", p.ahead);
        row("position", &p.department, "on_track", p.on_track);
        row("position", &p.department, "behind", p.behind);
        row("position", &p.department, "unknown", p.unknown);
    }
    for n in &o.needs {
        row("need_top", "", &n.id, n.top);
        row("need_next", "", &n.id, n.next);
    }
    for m in &o.mismatches {
        row("track_mismatch", &m.department, "people", m.people);
    }
    for b in o.blind.iter().filter(|b| b.shown) {
        for (t, n) in &b.traits {
            row("blind_spot", &b.department, t, Some(*n));
        }
    }
    for r in &o.readiness {
        let key = format!("{}/{}", r.track, r.level);
        row("readiness_people", &r.department, &key, Some(r.people));
        row("readiness_ready", &r.department, &key, r.ready);
    }
    for g in &o.progress {
        if !g.shown {
            row("progress", &g.department, "people", Some(g.people));
            continue;
        }
        let a = |n: usize| g.actions_shown.then_some(n);
        for (k, n) in [
            ("actions_done", a(g.done)),
            ("actions_in_progress", a(g.in_progress)),
            ("actions_planned", a(g.planned)),
            ("actions_dropped", a(g.dropped)),
            ("actions_overdue", a(g.overdue)),
            ("reviews_held", Some(g.reviews_held)),
            ("reviews_due", Some(g.reviews_due)),
            ("with_previous_cycle", Some(g.with_previous)),
            ("people_blind_to_open", g.blind_to_open),
        ] {
            row("progress", &g.department, k, n);
        }
    }
    row("feedback", "", "enough_raters", o.enough_raters);
    row("feedback", "", "too_few_raters", o.too_few_raters);
    for b in &o.blind {
        row("feedback", &b.department, "enough_raters", b.people);
    }
    for n in &o.behind_people {
        row("named_behind", &n.department, &n.who, Some(1));
    }
    for n in &o.leaning_people {
        row(
            "named_track_mismatch",
            &n.department,
            &format!("{} {}", n.who, n.detail),
            Some(1),
        );
    }
    for n in &o.short_of_raters {
        row(
            "named_too_few_raters",
            &n.department,
            &n.who,
            n.detail.parse().ok(),
        );
    }
    for f in &o.failures {
        row("failed", "", &f.source, Some(1));
    }
    for f in &o.feedback_files {
        let n = f.number;
        row("feedback_file", "", &format!("file {n} rows"), Some(f.rows));
        row("feedback_file", "", &format!("file {n} used"), Some(f.used));
        row(
            "feedback_file",
            "",
            &format!("file {n} repeat raters detectable"),
            Some(usize::from(f.identity)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_cells_never_run_as_formulas() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("+86 10"), "'+86 10");
        assert_eq!(csv_field("-2"), "'-2");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\t=cmd"), "'\t=cmd");
        assert_eq!(csv_field("\r=cmd"), "\"'\r=cmd\"");
        assert_eq!(csv_field("  =x"), "'  =x");
        assert_eq!(csv_field("=A1,B1"), "\"'=A1,B1\"");
        assert_eq!(csv_field("李娜"), "李娜");
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
    }
}
