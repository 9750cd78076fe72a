//! `-f json`: the analysis with the person's public fields, for other tools.

use crate::analysis::Analysis;
use crate::profile::model::{Date, Profile};
use serde::Serialize;

#[derive(Serialize)]
struct Person<'a> {
    name: &'a str,
    id: Option<&'a str>,
    department: Option<&'a str>,
    role: Option<&'a str>,
    birth_year: Option<i32>,
}

#[derive(Serialize)]
struct Doc<'a> {
    format: &'static str,
    generated: Date,
    locale: &'static str,
    person: Person<'a>,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

/// Serialises the analysis of `p` as pretty JSON (raters are never named).
pub fn render(p: &Profile, a: &Analysis, today: Date) -> String {
    let doc = Doc {
        format: "careerbook-analysis/1",
        generated: today,
        locale: p.locale.tag(),
        person: Person {
            name: &p.person.name,
            id: p.person.id.as_deref(),
            department: p.person.department.as_deref(),
            role: p.person.role.as_deref(),
            birth_year: p.person.birth_year,
        },
        analysis: a,
    };
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
