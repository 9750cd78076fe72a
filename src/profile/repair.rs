//! Takes what the structure check reported out of validation's way (see
//! [`super::lint::Fix`]), so that one pass reports every problem of a profile: a
//! wrong type, an unknown key and a bad value in one file are all shown.

use super::lint::Fix;
use crate::base::diag::Diagnostic;
use serde_yaml::Value as Y;

/// One step of a field path: a key, or a list index.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `actions[0].goal` → `actions`, `0`, `goal`; `None` for a path it cannot read.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        let name = pieces.next().unwrap_or("");
        if !name.is_empty() {
            out.push(Step::Key(name));
        }
        for idx in pieces {
            out.push(Step::Index(idx.strip_suffix(']')?.parse().ok()?));
        }
    }
    Some(out)
}

/// The value at `steps` inside `v`.
fn reach<'a>(v: &'a mut Y, steps: &[Step]) -> Option<&'a mut Y> {
    match steps.split_first() {
        None => Some(v),
        Some((Step::Key(k), rest)) => reach(v.get_mut(*k)?, rest),
        Some((Step::Index(i), rest)) => reach(v.get_mut(*i)?, rest),
    }
}

/// Applies each fix to `v`.
pub fn apply(v: &mut Y, fixes: &[Fix]) {
    for f in fixes {
        let Some(steps) = steps(&f.path) else {
            continue;
        };
        let Some((last, parents)) = steps.split_last() else {
            continue;
        };
        match (last, &f.value, reach(v, parents)) {
            (Step::Key(k), None, Some(Y::Mapping(m))) => {
                m.remove(*k);
            }
            (Step::Key(k), Some(x), Some(Y::Mapping(m))) => {
                m.insert(Y::from(*k), x.clone());
            }
            (Step::Index(i), x, Some(Y::Sequence(items))) if *i < items.len() => {
                items[*i] = x.clone().unwrap_or(Y::Null);
            }
            _ => {}
        }
    }
}

/// Whether `d` is about a field a fix took away (or inside it): the structure
/// check has said what is wrong there already.
pub fn owned(d: &Diagnostic, fixes: &[Fix]) -> bool {
    fixes.iter().any(|f| {
        d.path == f.path
            || d.path
                .strip_prefix(f.path.as_str())
                .is_some_and(|rest| rest.starts_with(['.', '[']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_remove_empty_and_add_fields_by_path() {
        let mut v: Y = serde_yaml::from_str(
            "person: { name: [x], age: 三十, nick: y }\nactions: [{ goal: a, due: [1] }, { goal: b }]\njohari: { self: [calm, [x], kind] }\n",
        )
        .unwrap();
        let fix = |path: &str, value: Option<Y>| Fix {
            path: path.to_string(),
            value,
        };
        apply(
            &mut v,
            &[
                fix("person.name", Some(Y::Null)),
                fix("person.age", None),
                fix("person.nick", None),
                fix("actions[0].due", None),
                fix("johari.self[1]", Some(Y::Null)),
                fix("actions[1].steps", Some(Y::from("s"))),
                fix("nowhere[3].x", None),
            ],
        );
        let want: Y = serde_yaml::from_str(
            "person: { name: null }\nactions: [{ goal: a }, { goal: b, steps: s }]\njohari: { self: [calm, null, kind] }\n",
        )
        .unwrap();
        assert_eq!(v, want);
        let d = |path: &str| Diagnostic {
            path: path.to_string(),
            ..Diagnostic::new("x")
        };
        let fixes = [fix("actions[0].due", None), fix("johari.self[1]", None)];
        assert!(owned(&d("actions[0].due"), &fixes));
        assert!(owned(&d("johari.self[1]"), &fixes));
        assert!(!owned(&d("johari.self[10]"), &fixes));
        assert!(!owned(&d("actions[0].due_2"), &fixes));
        assert!(!owned(&d("person.name"), &fixes));
    }
}
