//! `careerbook form` / `-f form`: one self-contained HTML page in which an employee
//! fills in their profile without YAML and saves it as a valid profile. The page is
//! a static shell (templates/form/) with the profile, the catalogues and the ladders
//! embedded as JSON; its own script builds the fields from that data with
//! `textContent` only, checks as the user types, and saves a YAML file through a Blob
//! link. A Content-Security-Policy of `default-src 'none'` with the inline script and
//! style allowed by hash keeps it offline and inert to anything in the data. Peer
//! picks never enter the page.

use crate::base::locale::Locale;
use crate::profile::catalog::{self, Item};
use crate::profile::ladder::{Ladders, AREAS};
use crate::profile::model::{
    Action, Career, Date, Every, Mark, PartialDate, Profile, Service, Status,
};
use base64::Engine as _;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

const SHELL: &str = include_str!("../../templates/form/form.html");
const STYLE: &str = include_str!("../../templates/form/form.css");
/// The page's one inline script, kept in two files (fields; checks and saving).
const SCRIPT: &str = concat!(
    include_str!("../../templates/form/form.js"),
    include_str!("../../templates/form/form-save.js")
);

fn items(list: &[Item]) -> Value {
    Value::Array(
        list.iter()
            .map(|i| json!({ "id": i.id, "zh": i.zh, "en": i.en }))
            .collect(),
    )
}

fn ids(list: &[&Item]) -> Value {
    Value::Array(list.iter().map(|i| Value::from(i.id)).collect())
}

fn opt(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |v| Value::from(v.as_str()))
}

fn mark(m: Option<Mark>) -> Value {
    match m {
        Some(Mark::Towards) => "towards".into(),
        Some(Mark::Meets) => "meets".into(),
        Some(Mark::Exceeds) => "exceeds".into(),
        None => Value::Null,
    }
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Planned => "planned",
        Status::InProgress => "in_progress",
        Status::Done => "done",
        Status::Dropped => "dropped",
    }
}

/// The profile as the form edits it: canonical ids, every field the format has,
/// and no peer picks.
pub fn model(p: &Profile, ladders: &Ladders) -> Value {
    let career = p.career.as_ref().map(|c| career_model(c, ladders));
    let answer = |id: &str| p.answer(id).map_or(Value::Null, Value::from);
    let strategy = |id: &str| p.strategy_answer(id).map_or(Value::Null, Value::from);
    let mut mediocrity = Map::new();
    for (item, v) in catalog::MEDIOCRITY.iter().zip(&p.mediocrity) {
        if let Some(v) = v {
            mediocrity.insert(item.id.into(), Value::from(*v));
        }
    }
    let service = p.service.as_ref().map(service_model);
    json!({
        "locale": p.locale.tag(),
        "person": {
            "name": p.person.name,
            "id": opt(&p.person.id),
            "department": opt(&p.person.department),
            "role": opt(&p.person.role),
            "birth_year": p.person.birth_year,
            "joined": p.person.joined.map(|d| d.display()),
            "manager": opt(&p.person.manager),
        },
        "career": career,
        "johari": { "self": ids(&p.johari_self) },
        "needs": {
            "top": ids(&p.needs_top),
            "next": ids(&p.needs_next),
            "extra": p.needs_extra,
        },
        "answers": {
            "current_job_fit": answer("current_job_fit"),
            "next_job_expectation": answer("next_job_expectation"),
            "most_needed": answer("most_needed"),
            "activities": p.activities,
            "skills_to_develop": p.skills_to_develop,
            "summary": answer("summary"),
        },
        "strategy": {
            "quality": strategy("quality"),
            "skills": strategy("skills"),
            "shortfalls": strategy("shortfalls"),
            "opportunities": strategy("opportunities"),
        },
        "actions": p.actions.iter().filter(|a| !a.carried).map(action_model).collect::<Vec<_>>(),
        "reviews": p.reviews.map(|(every, start)| reviews_model(p, every, start)),
        "self_check": {
            "mediocrity": mediocrity,
            "burnout": ids(&p.burnout),
        },
        "service": service,
    })
}

/// The career block: rungs by id, the target, and the assessment by standard.
fn career_model(c: &Career, ladders: &Ladders) -> Value {
    let ladder = ladders.get(&c.track).ok();
    let rung = |i: Option<usize>| -> Value {
        match (ladder, i) {
            (Some(l), Some(i)) => Value::from(l.rungs[i].id.as_str()),
            _ => Value::Null,
        }
    };
    let mut assessment = Map::new();
    for a in &c.assessment {
        assessment.insert(
            a.id.clone(),
            json!({ "self": mark(a.self_mark), "manager": mark(a.manager), "evidence": opt(&a.evidence) }),
        );
    }
    json!({
        "track": c.track,
        "level": rung(c.level),
        "since": c.since,
        "target": {
            "level": rung(c.target_level),
            "by_age": c.target_by_age,
            "by_year": c.target_by_year,
        },
        "assessment": assessment,
    })
}

/// The service block: internal customers, service style, quality by dimension id.
fn service_model(s: &Service) -> Value {
    let mut quality = Map::new();
    for (item, v) in catalog::QUALITY_DIMENSIONS.iter().zip(&s.quality) {
        if let Some(v) = v {
            quality.insert(item.id.into(), Value::from(*v));
        }
    }
    json!({
        "internal_customers": s.internal_customers.iter().map(|c| json!({ "who": c.who, "owe": c.owe })).collect::<Vec<_>>(),
        "service_style": s.style.map(|(p, w)| json!({ "procedure": p, "warmth": w })),
        "quality_dimensions": quality,
    })
}

/// One action of the plan.
fn action_model(a: &Action) -> Value {
    json!({
        "goal": a.goal,
        "steps": opt(&a.steps),
        "due": a.due.map(|d| d.display()),
        "support": opt(&a.support),
        "measure": opt(&a.measure),
        "status": status(a.status),
        "done_on": a.done_on.map(|d| d.display()),
        "note": opt(&a.note),
    })
}

/// The review schedule (`every`, from `start`) with the review log.
fn reviews_model(p: &Profile, every: Every, start: PartialDate) -> Value {
    json!({
        "every": match every {
            Every::Month => "month",
            Every::Quarter => "quarter",
            Every::HalfYear => "half_year",
            Every::Year => "year",
        },
        "start": start.display(),
        "log": p.review_log.iter().map(|e| json!({
            "date": e.date.display(),
            "notes": opt(&e.notes),
            "changes": e.changes,
        })).collect::<Vec<_>>(),
    })
}

/// Everything the page's script needs besides the model.
fn data(
    model: Value,
    locale: Locale,
    ladders: &Ladders,
    today: Date,
    peers_kept_out: bool,
) -> Value {
    let mut words = json!({
        "catalog": {
            "adjectives": items(catalog::ADJECTIVES),
            "needs": items(catalog::NEEDS),
            "questions": items(catalog::QUESTIONS),
            "strategy": items(catalog::STRATEGY),
            "mediocrity": items(catalog::MEDIOCRITY),
            "burnout": items(catalog::BURNOUT_SIGNS),
            "quality": items(catalog::QUALITY_DIMENSIONS),
            "areas": AREAS.iter().map(|(id, zh, en)| json!({ "id": id, "zh": zh, "en": en })).collect::<Vec<_>>(),
        },
        "ladders": ladders.all.iter().map(|l| json!({
            "id": l.id,
            "name": l.name,
            "rungs": l.rungs.iter().map(|r| json!({
                "id": r.id,
                "title": r.title,
                "typical_age": r.typical_age,
                "standards": r.standards,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    if locale == Locale::ZhTw {
        zh_values_to_tw(&mut words);
    }
    json!({
        "lang": locale.tag(),
        "today": today.iso(),
        "peers_kept_out": peers_kept_out,
        "model": model,
        "catalog": words["catalog"].take(),
        "ladders": words["ladders"].take(),
    })
}

/// The page's script in `locale`: for zh-TW its Chinese string literals are in
/// Traditional characters (the code between them is untouched).
fn script(locale: Locale) -> &'static str {
    static TW: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    match locale {
        Locale::ZhTw => TW.get_or_init(|| js_literals_to_tw(SCRIPT)),
        _ => SCRIPT,
    }
}

/// The page shell in `locale`.
fn shell(locale: Locale) -> &'static str {
    static TW: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    match locale {
        Locale::ZhTw => TW.get_or_init(|| crate::text::zhtw::convert(SHELL)),
        _ => SHELL,
    }
}

/// Converts the JavaScript string literals of `src` that hold Chinese text; comments
/// are skipped, and everything outside the literals is copied as it is.
fn js_literals_to_tw(src: &str) -> String {
    let is_han =
        |c: char| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c);
    let mut out = String::with_capacity(src.len() + 1024);
    let mut rest = src;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("//") {
            let end = rest.find('\n').unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(rest.len(), |i| i + 2);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if matches!(c, '\'' | '"' | '`') {
            // the literal up to its closing quote, escapes skipped
            let mut end = rest.len();
            let mut escaped = false;
            for (i, d) in rest.char_indices().skip(1) {
                if escaped {
                    escaped = false;
                } else if d == '\\' {
                    escaped = true;
                } else if d == c || (d == '\n' && c != '`') {
                    end = i + d.len_utf8();
                    break;
                }
            }
            let lit = &rest[..end];
            if lit.chars().any(is_han) {
                out.push_str(&crate::text::zhtw::convert(lit));
            } else {
                out.push_str(lit);
            }
            rest = &rest[end..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The catalogue and ladder words (every `zh` value of the data) in zh-TW.
fn zh_values_to_tw(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                match x {
                    Value::String(s) if k == "zh" => *s = crate::text::zhtw::convert(s),
                    _ => zh_values_to_tw(x),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(zh_values_to_tw),
        _ => {}
    }
}

/// JSON that is safe inside `<script type="application/json">`: no `<`, `>` or `&`
/// (so no `</script>`), and no U+2028/U+2029.
fn embed(v: &Value) -> String {
    serde_json::to_string(v)
        .unwrap_or_else(|_| "{}".into())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

fn hash(s: &str) -> String {
    let digest = Sha256::digest(s.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The form page for `p` (or a blank one), in `locale`.
pub fn page(p: Option<&Profile>, locale: Locale, ladders: &Ladders, today: Date) -> String {
    let model = match p {
        Some(p) => model(p, ladders),
        None => json!({ "locale": locale.tag(), "person": { "name": "" } }),
    };
    let peers = p.is_some_and(|p| !p.johari_peers.is_empty());
    let title = match p {
        Some(p) if !p.person.name.is_empty() => format!(
            "{} — {}",
            p.person.name,
            locale.pick("职业发展档案表单", "Career profile form")
        ),
        _ => locale
            .pick("职业发展档案表单", "Career profile form")
            .to_string(),
    };
    let csp = format!(
        "default-src 'none'; script-src {}; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        hash(script(locale)),
        hash(STYLE)
    );
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    // filled in order, one marker at a time, so that nothing in the data is ever
    // read as a marker
    let parts: [(&str, String); 6] = [
        ("{{lang}}", locale.tag().to_string()),
        ("{{csp}}", esc(&csp)),
        ("{{title}}", esc(&title)),
        ("{{style}}", STYLE.to_string()),
        (
            "{{data}}",
            embed(&data(model, locale, ladders, today, peers)),
        ),
        ("{{script}}", script(locale).to_string()),
    ];
    let mut out = String::with_capacity(SHELL.len() + STYLE.len() + SCRIPT.len() + 64 * 1024);
    let mut rest = shell(locale);
    for (marker, value) in &parts {
        let (before, after) = rest.split_once(marker).unwrap_or((rest, ""));
        out.push_str(before);
        out.push_str(value);
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_cannot_close_its_script() {
        let v = json!({ "x": "</script><script>alert(1)</script> & \u{2028}" });
        let s = embed(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn the_page_allows_only_its_own_script_and_style() {
        let l = Ladders::builtin();
        let html = page(
            None,
            Locale::Zh,
            &l,
            Date {
                year: 2026,
                month: 11,
                day: 23,
            },
        );
        // the policy, directive by directive (a weakened one fails here)
        let csp = html
            .split("Content-Security-Policy\" content=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap()
            .replace("&#39;", "'");
        let mut directives: Vec<&str> = csp.split("; ").collect();
        directives.sort_unstable();
        let (script, style) = (
            format!("script-src {}", hash(SCRIPT)),
            format!("style-src {}", hash(STYLE)),
        );
        let mut want = vec![
            "base-uri 'none'",
            "default-src 'none'",
            "form-action 'none'",
            "img-src data:",
            script.as_str(),
            style.as_str(),
        ];
        want.sort_unstable();
        assert_eq!(directives, want);
        // the script and style are inlined byte for byte, so the hashes match
        assert!(html.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(html.contains(&format!("<style>{STYLE}</style>")));
        assert!(!html.contains("http://") && !html.contains("https://"));
    }

    #[test]
    fn the_zh_tw_script_differs_only_inside_its_chinese_literals() {
        let tw = script(Locale::ZhTw);
        let skeleton = |s: &str| s.chars().filter(char::is_ascii).collect::<String>();
        assert_eq!(skeleton(tw), skeleton(SCRIPT));
        assert!(tw.contains("'手冊語言'") && !tw.contains("手册语言"));
        // an English literal keeps its apostrophe
        assert!(tw.contains("Colleagues’ anonymous picks"));
        let html = page(
            None,
            Locale::ZhTw,
            &Ladders::builtin(),
            Date {
                year: 2026,
                month: 11,
                day: 23,
            },
        );
        assert!(html.contains(&hash(tw)) && html.contains(&format!("<script>{tw}</script>")));
        assert!(html.contains("\"zh\":\"熱情\"") && html.contains("lang=\"zh-TW\""));
    }
}
