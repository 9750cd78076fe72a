//! Structural check of a parsed YAML value against the profile's JSON Schema:
//! unknown keys (with "did you mean"), missing required keys and wrong types, all
//! collected with their positions, each with the [`Fix`] that takes it out of the
//! way so that validation still reports every other problem.

use super::locate::Locations;
use crate::base::diag::Diagnostic;
use crate::profile::catalog::nearest;
use serde_json::Value as J;
use serde_yaml::Value as Y;
use std::sync::OnceLock;

/// The profile's JSON Schema as schemars makes it from the profile types, committed
/// (`assets/schema/lint.json`) because making it costs a process more than reading it;
/// the test below holds the two equal (`CAREERBOOK_BLESS=1` rewrites the file).
const COMMITTED: &str = include_str!("../../assets/schema/lint.json");

fn schema() -> &'static J {
    static SCHEMA: OnceLock<J> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::from_str(COMMITTED).unwrap_or_else(|_| super::raw::schema()))
}

/// What takes a structural problem out of validation's way: the value at `path`
/// removed (`None`: an unknown key, or a wrong value where it is optional) or set
/// (a wrong value in a list, or where a value is required, becomes empty; a missing
/// required key is added empty). Validation then says nothing more about `path`.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// The field (`person.name`, `actions[0].goal`).
    pub path: String,
    /// The value it gets, or `None` to remove it.
    pub value: Option<Y>,
}

/// What [`check`] finds.
#[derive(Debug, Default)]
pub struct Found {
    /// Every structural problem.
    pub diagnostics: Vec<Diagnostic>,
    /// A fix for each problem that has one (a root that is not a mapping, and keys
    /// that are not text, have none: nothing below them can be read).
    pub fixes: Vec<Fix>,
}

impl Found {
    fn push(&mut self, d: Diagnostic, path: &str, value: Option<Y>) {
        self.diagnostics.push(d);
        self.fixes.push(Fix {
            path: path.to_string(),
            value,
        });
    }
}

/// Every structural problem in `value`, with its fix.
pub fn check(value: &Y, locs: &Locations) -> Found {
    let mut out = Found::default();
    if !matches!(value, Y::Mapping(_)) {
        out.diagnostics.push(
            Diagnostic::new(crate::msg!("lint.root", kind = kind(value)))
                .at(Some((1, 1)), 1)
                .help(crate::msg!("lint.root.help")),
        );
        return out;
    }
    walk(value, schema(), "", locs, &mut out);
    out
}

/// The emptiest value a field of schema `s` takes: a mapping with its required
/// keys empty for an object, else nothing (`null`, which an optional field reads as
/// absent and text as "").
fn empty_like(s: &J) -> Y {
    let mut s = resolve(s);
    while let Some(first) = s.get("allOf").and_then(J::as_array).and_then(|a| a.first()) {
        s = resolve(first);
    }
    if s.get("type").and_then(J::as_str) != Some("object") {
        return Y::Null;
    }
    let mut m = serde_yaml::Mapping::new();
    for r in s
        .get("required")
        .and_then(J::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(key) = r.as_str() {
            let child = s.get("properties").and_then(|p| p.get(key));
            m.insert(Y::from(key), child.map_or(Y::Null, empty_like));
        }
    }
    Y::Mapping(m)
}

/// Puts back the text of plain scalars that YAML read as numbers or booleans where
/// the schema takes text (`id: 1e3` is the id "1e3", not 1000; `+12` stays `+12`).
pub fn restore_text(v: &mut Y, plain: &std::collections::HashMap<String, String>) {
    restore(v, schema(), "", plain);
}

fn restore(v: &mut Y, s: &J, path: &str, plain: &std::collections::HashMap<String, String>) {
    let s = resolve(s);
    for key in ["allOf", "anyOf"] {
        if let Some(branches) = s.get(key).and_then(J::as_array) {
            for b in branches
                .iter()
                .filter(|b| b.get("type").and_then(J::as_str) != Some("null"))
            {
                restore(v, b, path, plain);
            }
            return;
        }
    }
    match v {
        Y::Number(_) | Y::Bool(_) => {
            let takes_text = match s.get("type") {
                Some(J::String(t)) => t == "string",
                Some(J::Array(ts)) => ts.iter().any(|t| t.as_str() == Some("string")),
                _ => false,
            };
            if takes_text {
                if let Some(raw) = plain.get(path) {
                    *v = Y::String(raw.clone());
                }
            }
        }
        Y::Mapping(m) => {
            let props = s.get("properties").and_then(J::as_object);
            let extra = s.get("additionalProperties").filter(|e| e.is_object());
            for (k, val) in m.iter_mut() {
                let Some(key) = k.as_str() else { continue };
                let child = if path.is_empty() {
                    key.to_string()
                } else {
                    format!("{path}.{key}")
                };
                if let Some(cs) = props.and_then(|p| p.get(key)).or(extra) {
                    restore(val, cs, &child, plain);
                }
            }
        }
        Y::Sequence(items) => {
            if let Some(is) = s.get("items") {
                for (i, item) in items.iter_mut().enumerate() {
                    restore(item, is, &format!("{path}[{i}]"), plain);
                }
            }
        }
        _ => {}
    }
}

fn resolve(s: &J) -> &J {
    match s.get("$ref").and_then(J::as_str) {
        Some(r) => {
            let name = r.rsplit('/').next().unwrap_or("");
            schema()
                .get("definitions")
                .and_then(|d| d.get(name))
                .unwrap_or(s)
        }
        None => s,
    }
}

fn kind(v: &Y) -> String {
    match v {
        Y::Null => crate::msg!("kind.empty"),
        Y::Bool(_) => crate::msg!("kind.bool"),
        Y::Number(n) if n.is_i64() || n.is_u64() => crate::msg!("kind.integer"),
        Y::Number(_) => crate::msg!("kind.number"),
        Y::String(_) => crate::msg!("kind.text"),
        Y::Sequence(_) => crate::msg!("kind.list"),
        Y::Mapping(_) => crate::msg!("kind.mapping"),
        Y::Tagged(_) => crate::msg!("kind.tagged"),
    }
}

fn matches_type(v: &Y, t: &str) -> bool {
    match (v, t) {
        (Y::Null, "null") | (Y::Bool(_), "boolean") | (Y::String(_), "string") => true,
        (Y::Sequence(_), "array") | (Y::Mapping(_), "object") => true,
        (Y::Number(_), "number") => true,
        (Y::Number(n), "integer") => n.is_i64() || n.is_u64(),
        _ => false,
    }
}

fn type_words(types: &[&str]) -> String {
    if types.contains(&"string") {
        return crate::msg!("kind.text");
    }
    let words: Vec<String> = types
        .iter()
        .filter(|t| **t != "null")
        .map(|t| match *t {
            "string" => crate::msg!("kind.text"),
            "integer" => crate::msg!("kind.integer"),
            "number" => crate::msg!("kind.number"),
            "boolean" => crate::msg!("kind.bool"),
            "array" => crate::msg!("kind.list"),
            "object" => crate::msg!("kind.mapping_of_keys"),
            _ => crate::msg!("kind.value"),
        })
        .collect();
    words.join(&crate::msg!("kind.or"))
}

/// Checks `v` against the schema `s` at `path`: every problem found is recorded in
/// `out` with the fix that takes it out of the way.
fn walk(v: &Y, s: &J, path: &str, locs: &Locations, out: &mut Found) {
    let s = resolve(s);
    if let Some(all) = s.get("allOf").and_then(J::as_array) {
        for branch in all {
            walk(v, branch, path, locs, out);
        }
        return;
    }
    if let Some(any) = s.get("anyOf").and_then(J::as_array) {
        if matches!(v, Y::Null)
            && any
                .iter()
                .any(|b| b.get("type").and_then(J::as_str) == Some("null"))
        {
            return;
        }
        if let Some(branch) = fitting_branch(v, any) {
            walk(v, branch, path, locs, out);
        }
        return;
    }
    // a wrong value goes (or, in a list, becomes empty, keeping the others' places)
    let gone = path.ends_with(']').then_some(Y::Null);
    if let Y::Tagged(_) = v {
        out.push(
            at(
                Diagnostic::new(crate::msg!("lint.tag")).help(crate::msg!("lint.tag.help")),
                path,
                locs,
                true,
            ),
            path,
            gone,
        );
        return;
    }
    let types: Vec<&str> = match s.get("type") {
        Some(J::String(t)) => vec![t.as_str()],
        Some(J::Array(ts)) => ts.iter().filter_map(J::as_str).collect(),
        _ => vec![],
    };
    if !types.is_empty() && !types.iter().any(|t| matches_type(v, t)) {
        out.push(
            at(wrong_type(v, &types, path), path, locs, true),
            path,
            gone,
        );
        return;
    }
    match v {
        Y::Mapping(m) => walk_mapping(m, s, path, locs, out),
        Y::Sequence(items) => {
            if let Some(item_schema) = s.get("items") {
                for (i, item) in items.iter().enumerate() {
                    walk(item, item_schema, &format!("{path}[{i}]"), locs, out);
                }
            }
        }
        _ => {}
    }
}

/// Of `anyOf`'s branches, the one whose type the value has (e.g. one text or a list),
/// else the first that is not null.
fn fitting_branch<'s>(v: &Y, any: &'s [J]) -> Option<&'s J> {
    let branches: Vec<&J> = any
        .iter()
        .filter(|b| b.get("type").and_then(J::as_str) != Some("null"))
        .collect();
    let fits = |b: &&&J| -> bool {
        let mut b = resolve(b);
        while let Some(first) = b.get("allOf").and_then(J::as_array).and_then(|a| a.first()) {
            b = resolve(first);
        }
        match b.get("type") {
            Some(J::String(t)) => matches_type(v, t),
            Some(J::Array(ts)) => ts.iter().filter_map(J::as_str).any(|t| matches_type(v, t)),
            _ => false,
        }
    };
    branches.iter().find(fits).or(branches.first()).copied()
}

/// The problem of a value of the wrong type, with help for the field.
fn wrong_type(v: &Y, types: &[&str], path: &str) -> Diagnostic {
    let key = path
        .rsplit(['.', '['])
        .next()
        .unwrap_or(path)
        .trim_end_matches(']');
    let msg = if matches!(v, Y::Null) {
        crate::msg!("lint.empty", key = key, want = type_words(types))
    } else {
        crate::msg!(
            "lint.type",
            key = key,
            want = type_words(types),
            kind = kind(v)
        )
    };
    let help = match (types.first(), key) {
        (_, "age") => crate::msg!("lint.help.age"),
        (Some(&"array"), _) => crate::msg!("lint.help.list"),
        (Some(&"object"), _) => crate::msg!("lint.help.mapping"),
        (Some(&"integer"), "birth_year") => crate::msg!("lint.help.birth_year"),
        (Some(&"integer"), "by_age") => crate::msg!("lint.help.by_age"),
        (Some(&"integer"), _) => crate::msg!("lint.help.integer"),
        _ => crate::msg!("lint.help.plain"),
    };
    Diagnostic::new(msg).help(help)
}

/// Checks a mapping: each key against the schema's properties (an unknown key named,
/// with the key it probably means), and the required keys.
fn walk_mapping(m: &serde_yaml::Mapping, s: &J, path: &str, locs: &Locations, out: &mut Found) {
    let props = s.get("properties").and_then(J::as_object);
    let extra = s.get("additionalProperties");
    let required: Vec<&str> = s
        .get("required")
        .and_then(J::as_array)
        .map(|r| r.iter().filter_map(J::as_str).collect())
        .unwrap_or_default();
    for (k, val) in m {
        let Some(key) = k.as_str() else {
            out.diagnostics.push(at(
                Diagnostic::new(crate::msg!("lint.key_text"))
                    .help(crate::msg!("lint.key_text.help"))
                    .code("key_not_text"),
                path,
                locs,
                false,
            ));
            continue;
        };
        let child = if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        };
        match props.and_then(|p| p.get(key)) {
            Some(ps) => {
                let before = out.fixes.len();
                walk(val, ps, &child, locs, out);
                // a required field that is wrong is kept, empty
                if required.contains(&key) {
                    for f in &mut out.fixes[before..] {
                        if f.path == child && f.value.is_none() {
                            f.value = Some(empty_like(ps));
                        }
                    }
                }
            }
            None => match extra {
                Some(J::Bool(false)) => {
                    let d = unknown_key(key, props, path);
                    out.push(at(d, &child, locs, false), &child, None);
                }
                Some(es @ J::Object(_)) => walk(val, es, &child, locs, out),
                _ => {}
            },
        }
    }
    for r in &required {
        if !m.contains_key(*r) {
            let place = if path.is_empty() {
                crate::msg!("lint.missing.root")
            } else {
                format!("`{path}`")
            };
            let child = if path.is_empty() {
                r.to_string()
            } else {
                format!("{path}.{r}")
            };
            let empty = props.and_then(|p| p.get(*r)).map_or(Y::Null, empty_like);
            out.push(
                at(
                    Diagnostic::new(crate::msg!("lint.missing", place = place, key = r))
                        .help(crate::msg!("lint.missing.help", key = r)),
                    path,
                    locs,
                    false,
                ),
                &child,
                Some(empty),
            );
        }
    }
}

/// The problem of a key the schema does not know at `path`, with the key it probably
/// means (the English key of a key written in Chinese, else the nearest).
fn unknown_key(key: &str, props: Option<&serde_json::Map<String, J>>, path: &str) -> Diagnostic {
    let known: Vec<&str> = props
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let place = if path.is_empty() {
        crate::msg!("lint.place.top")
    } else {
        crate::msg!("lint.place.under", path = path)
    };
    let mut d = Diagnostic::new(crate::msg!("lint.unknown_key", key = key, place = place))
        .code("unknown_key");
    // a key written in Chinese: name the English key it means
    let alias = chinese_key(key).filter(|k| known.contains(k));
    let keys = known.join(", ");
    d = d.help(
        match alias.or_else(|| nearest(key, known.iter().copied())) {
            Some(n) if alias.is_some() => {
                crate::msg!("lint.unknown_key.chinese", key = key, near = n, keys = keys)
            }
            Some(n) => {
                crate::msg!("lint.unknown_key.near", near = n, keys = keys)
            }
            None => crate::msg!("lint.unknown_key.list", keys = keys),
        },
    );
    d
}

fn at(mut d: Diagnostic, path: &str, locs: &Locations, value: bool) -> Diagnostic {
    d.path = path.to_string();
    let found = if value {
        locs.value(path)
    } else {
        locs.find(path)
    };
    match found {
        Some((pos, len)) => d.at(Some(pos), len),
        None => d.at(None, 1),
    }
}

/// Attaches the position of `path` (its value when `value`) to a diagnostic.
pub fn place(d: Diagnostic, path: &str, locs: &Locations, value: bool) -> Diagnostic {
    at(d, path, locs, value)
}

/// The English key a Chinese key name means (`姓名` → `name`).
fn chinese_key(key: &str) -> Option<&'static str> {
    const KEYS: &[(&str, &str)] = &[
        ("姓名", "name"),
        ("名字", "name"),
        ("工号", "id"),
        ("员工编号", "id"),
        ("编号", "id"),
        ("部门", "department"),
        ("岗位", "role"),
        ("职位", "role"),
        ("职务", "role"),
        ("年龄", "age"),
        ("出生年份", "birth_year"),
        ("出生年", "birth_year"),
        ("入职时间", "joined"),
        ("入职日期", "joined"),
        ("入职", "joined"),
        ("直属上级", "manager"),
        ("上级", "manager"),
        ("主管", "manager"),
        ("经理", "manager"),
        ("语言", "locale"),
        ("个人信息", "person"),
        ("基本信息", "person"),
        ("员工", "person"),
        ("职业", "career"),
        ("职业路线", "career"),
        ("路线", "track"),
        ("阶梯", "track"),
        ("级别", "level"),
        ("职级", "level"),
        ("目标", "target"),
        ("目标年龄", "by_age"),
        ("需要", "needs"),
        ("回答", "answers"),
        ("策略", "strategy"),
        ("行动", "actions"),
        ("行动计划", "actions"),
        ("复盘", "reviews"),
        ("回顾", "reviews"),
        ("服务", "service"),
        ("橱窗", "johari"),
        ("橱窗分析", "johari"),
        ("自评", "self"),
        ("同事", "peers"),
        ("同事评价", "peers"),
        ("目的", "goal"),
        ("步骤", "steps"),
        ("截止", "due"),
        ("完成时间", "due"),
        ("支持", "support"),
        ("衡量", "measure"),
        ("状态", "status"),
    ];
    KEYS.iter().find(|(zh, _)| *zh == key).map(|(_, en)| *en)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_committed_schema_is_what_the_profile_types_make() {
        let made = super::super::raw::schema();
        if std::env::var_os("CAREERBOOK_BLESS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/schema/lint.json");
            let mut text = serde_json::to_string_pretty(&made).unwrap();
            text.push('\n');
            std::fs::write(path, text).unwrap();
            return;
        }
        let committed: serde_json::Value =
            serde_json::from_str(super::COMMITTED).expect("assets/schema/lint.json is JSON");
        assert!(
            committed == made,
            "assets/schema/lint.json is stale: run `CAREERBOOK_BLESS=1 cargo test --release --lib committed_schema`"
        );
    }
}
