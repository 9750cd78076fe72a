//! Peer feedback written as YAML: a folder of files each holding one entry
//! `{subject_id, rater, adjectives: [..]}` or a list of them. A bad entry is skipped
//! with its `line:col`; no message quotes a value or a key of it.

use super::employees::{self, Employees};
use super::merge::Merge;
use super::report::{FileReport, Skip};
use super::words;
use crate::profile::yaml::{self as reader, Why};
use std::path::Path;

/// Removes anything quoted from a parser's message: a quoted part may be a cell or a
/// key, and either could be a rater's name.
fn unquoted(msg: &str) -> String {
    let mut out = String::new();
    let mut skip: Option<char> = None;
    let mut escaped = false;
    for c in msg.split(" at line ").next().unwrap_or(msg).chars() {
        match skip {
            Some(_) if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(q) if c == q => {
                skip = None;
                out.push('…');
            }
            Some(_) => {}
            None if matches!(c, '`' | '"' | '\'') => skip = Some(c),
            None => out.push(c),
        }
    }
    // an unclosed quote hides the rest: nothing after it is shown
    if skip.is_some() {
        out.push('…');
    }
    out
}

/// Reads one YAML feedback file into `merge`.
pub fn read(f: &Path, report: &mut FileReport, employees: Option<&Employees>, m: &mut Merge) {
    let shown = report.path.clone();
    let text = match std::fs::read(f) {
        Ok(t) if t.len() > crate::profile::MAX_BYTES => {
            report.skip(
                Skip::Unreadable,
                Some(format!("{shown}: {}", crate::msg!("fb.yaml_big"))),
            );
            return;
        }
        Ok(t) => match String::from_utf8(t) {
            Ok(s) => s,
            Err(_) => {
                report.skip(
                    Skip::Unreadable,
                    Some(format!("{shown}: {}", crate::msg!("fb.yaml_not_utf8"))),
                );
                return;
            }
        },
        Err(e) => {
            report.skip(
                Skip::Unreadable,
                Some(format!(
                    "{shown}: {}",
                    crate::msg!("table.cannot_read", err = e)
                )),
            );
            return;
        }
    };
    // a BOM is no second document
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let read = match reader::read(&text, &reader::Caps::FILE) {
        Ok(r) => r,
        Err(f) => {
            let why = match f.why {
                Why::Documents => crate::msg!("fb.yaml_multi"),
                Why::Duplicate => crate::msg!("fb.yaml_dup"),
                _ => crate::msg!("fb.yaml_syntax", text = unquoted(&f.text)),
            };
            report.skip(
                Skip::Unreadable,
                Some(format!(
                    "{shown}:{}:{}: {}",
                    f.pos.0,
                    f.pos.1,
                    crate::msg!("fb.yaml_skipped", why = why)
                )),
            );
            return;
        }
    };
    let (value, plain, locs) = (read.value, read.plain, read.locations);
    let (entries, prefix): (Vec<serde_yaml::Value>, bool) = match value {
        serde_yaml::Value::Sequence(s) => (s, true),
        other => (vec![other], false),
    };
    for (i, mut e) in entries.into_iter().enumerate() {
        let path = if prefix {
            format!("[{i}]")
        } else {
            String::new()
        };
        // ids as written: `subject_id: 0x1F` is the id "0x1F", not 31
        if let serde_yaml::Value::Mapping(map) = &mut e {
            for key in ["subject_id", "rater"] {
                let p = if prefix {
                    format!("{path}.{key}")
                } else {
                    key.to_string()
                };
                if let (Some(v), Some(raw)) = (map.get_mut(key), plain.get(&p)) {
                    if matches!(v, serde_yaml::Value::Number(_) | serde_yaml::Value::Bool(_)) {
                        *v = serde_yaml::Value::String(raw.clone());
                    }
                }
            }
        }
        let at = match locs.find(&path) {
            Some(((l, c), _)) if prefix || l > 0 => format!("{shown}:{l}:{c}"),
            _ => format!("{shown}:1:1"),
        };
        report.rows += 1;
        match serde_yaml::from_value::<Entry>(e) {
            Ok(e) => entry(&e, &at, report, employees, m),
            Err(err) => {
                // serde's messages may quote a value or a key: keep only the shape
                let line =
                    crate::msg!("fb.entry_bad", n = i + 1, text = unquoted(&err.to_string()));
                report.skip(Skip::Unreadable, Some(format!("{at}: {line}")));
            }
        }
    }
}

/// One entry: its subject matched like a table's, its words read like a cell's.
fn entry(
    e: &Entry,
    at: &str,
    report: &mut FileReport,
    employees: Option<&Employees>,
    m: &mut Merge,
) {
    let subject = match employees::subject(&e.subject_id, employees) {
        Ok(s) => s,
        Err(Skip::NoSubject) => {
            let line = format!("{at}: {}", crate::msg!("fb.subject_empty"));
            report.skip(Skip::NoSubject, Some(line));
            return;
        }
        Err(Skip::NotEmployee) => {
            report.not_employee(&employees::fold(&e.subject_id));
            return;
        }
        Err(why) => {
            report.skip(why, None);
            return;
        }
    };
    let mut mask = 0u64;
    for (n, w) in e
        .adjectives
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        match words::adjective(w) {
            Some(k) => mask |= 1 << k,
            None => {
                let hint = words::near(w)
                    .map(|x| crate::msg!("fb.near", near = x))
                    .unwrap_or_default();
                *report
                    .left_out
                    .entry(super::report::LeftOut::Unlisted)
                    .or_default() += 1;
                report.line(format!(
                    "{at}: {}",
                    crate::msg!("fb.pick_unknown", n = n + 1, hint = hint)
                ));
            }
        }
    }
    if mask == 0 {
        report.skip(Skip::NoAdjective, None);
        return;
    }
    m.answer(&subject, e.rater.iter().map(String::as_str), mask);
    report.used += 1;
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(deserialize_with = "text")]
    subject_id: String,
    #[serde(default, deserialize_with = "opt_text")]
    rater: Option<String>,
    adjectives: Vec<String>,
}

fn scalar_text(v: serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let v: serde_yaml::Value = serde::Deserialize::deserialize(d)?;
    scalar_text(v).ok_or_else(|| serde::de::Error::custom("`subject_id` must be text"))
}

fn opt_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v: serde_yaml::Value = serde::Deserialize::deserialize(d)?;
    Ok(scalar_text(v))
}
