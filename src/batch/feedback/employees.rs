//! The run's employees as a survey names them: by id — exactly, after width and case
//! folding (`e001`, `Ｅ００１`), or with the name beside it (`E001 张三`) — or by name as
//! the roster or profile gives it. A name two employees share names nobody for sure.

use super::report::Skip;
use std::collections::HashMap;

/// Who a subject cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// Employee k, by id.
    Id(u32),
    /// Employee k, by name.
    Name(u32),
    /// A name several employees share: nobody for sure.
    SharedName,
    /// An id with the name of another employee beside it.
    Conflict,
    /// Nobody of this run.
    Nobody,
}

impl Named {
    /// The employee, when the cell names one for sure.
    pub fn employee(self) -> Option<u32> {
        match self {
            Named::Id(k) | Named::Name(k) => Some(k),
            _ => None,
        }
    }
}

/// `by_name`: an employee without an id.
const NO_ID: u32 = u32::MAX;
/// `by_name`: a name several employees share.
const SHARED: u32 = u32::MAX - 1;

/// The employees of a run, for finding the subject of a feedback row.
#[derive(Debug, Default)]
pub struct Employees {
    /// Each employee's id as written in the profile or roster (trimmed).
    ids: Vec<String>,
    /// Folded id → employee.
    by_id: HashMap<String, u32>,
    /// Folded name → the employee (`NO_ID` for one without an id), or `SHARED` when
    /// several share it.
    by_name: HashMap<String, u32>,
}

/// Width- and case-folds an id or a name: full-width forms to ASCII, the ideographic
/// space to a space, lower case, runs of spaces to one.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().trim_start_matches('\u{feff}').chars() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' | '\u{a0}' | '\t' => ' ',
            _ => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// A name folded for matching: also without the spaces people put between the
/// characters of a Chinese name (`张 伟`).
fn fold_name(s: &str) -> String {
    let f = fold(s);
    if !f.is_ascii() {
        f.replace(' ', "")
    } else {
        f
    }
}

impl Employees {
    /// Adds an employee (an id may be missing: the name still counts for telling
    /// shared names apart).
    pub fn add(&mut self, id: Option<&str>, name: &str) {
        let k = match id.map(str::trim).filter(|i| !i.is_empty()) {
            Some(id) => {
                let key = fold(id);
                if let Some(k) = self.by_id.get(&key) {
                    *k
                } else {
                    let k = self.ids.len() as u32;
                    self.ids.push(id.to_string());
                    self.by_id.insert(key, k);
                    k
                }
            }
            None => NO_ID,
        };
        let name = fold_name(name);
        if name.is_empty() {
            return;
        }
        self.by_name
            .entry(name)
            .and_modify(|e| {
                if *e != k || k == NO_ID {
                    *e = SHARED
                }
            })
            .or_insert(k);
    }

    /// Employee k's id as written.
    pub fn id(&self, k: u32) -> &str {
        &self.ids[k as usize]
    }

    /// Who a subject cell names.
    pub fn named(&self, cell: &str) -> Named {
        let f = fold(cell);
        if f.is_empty() {
            return Named::Nobody;
        }
        if let Some(k) = self.by_id.get(&f) {
            return Named::Id(*k);
        }
        match self.by_name.get(&fold_name(cell)).copied() {
            Some(SHARED) => return Named::SharedName,
            Some(NO_ID) | None => {}
            Some(k) => return Named::Name(k),
        }
        // `E001 张三`, `张三(E001)`, `E001-张三`: one part an id, the rest (if a known
        // name) the same employee's
        let parts: Vec<&str> = f
            .split([
                ' ', '(', ')', '（', '）', '-', '/', '_', '[', ']', '【', '】', ':', '：',
            ])
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 {
            return Named::Nobody;
        }
        let mut found = None;
        for (i, p) in parts.iter().enumerate() {
            if let Some(k) = self.by_id.get(*p) {
                if found.is_some_and(|(_, j)| j != *k) {
                    return Named::Conflict;
                }
                found = Some((i, *k));
            }
        }
        let Some((at, k)) = found else {
            return Named::Nobody;
        };
        let rest: String = parts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != at)
            .map(|(_, p)| *p)
            .collect::<Vec<_>>()
            .join(" ");
        match self.by_name.get(&fold_name(&rest)).copied() {
            Some(j) if j != k && j != SHARED => Named::Conflict,
            _ => Named::Id(k),
        }
    }
}

/// The employee id a subject cell names for sure, or why the row cannot count; with
/// no employees to match (`inspect` without `--employees`), the cell as written.
pub fn subject(cell: &str, employees: Option<&Employees>) -> Result<String, Skip> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Err(Skip::NoSubject);
    }
    let Some(e) = employees else {
        return Ok(cell.to_string());
    };
    match e.named(cell) {
        Named::Id(k) | Named::Name(k) => Ok(e.id(k).to_string()),
        Named::SharedName => Err(Skip::SharedName),
        Named::Conflict => Err(Skip::Conflict),
        Named::Nobody => Err(Skip::NotEmployee),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff() -> Employees {
        let mut e = Employees::default();
        e.add(Some("E001"), "张伟");
        e.add(Some("E002"), "Emily Chen");
        e.add(Some("E011"), "周杰");
        e.add(Some("E012"), "周杰");
        e.add(None, "王芳");
        e.add(Some("E003"), "王芳");
        e.add(None, "赵六");
        e
    }

    #[test]
    fn ids_fold_and_carry_names() {
        let e = staff();
        for cell in [
            "E001",
            "e001",
            "Ｅ００１",
            " E001 ",
            "E001 张伟",
            "张伟(E001)",
            "E001-张伟",
            "张 伟",
            "张伟",
        ] {
            assert_eq!(e.named(cell).employee(), Some(0), "{cell}");
        }
        assert_eq!(e.named("emily  chen"), Named::Name(1));
        assert_eq!(
            e.named("E001\u{3000}张伟"),
            Named::Id(0),
            "an ideographic space"
        );
        assert_eq!(e.named("E001\t张伟"), Named::Id(0));
        assert_eq!(e.named("E001 Emily Chen"), Named::Conflict);
        assert_eq!(
            e.named("E001 E002"),
            Named::Conflict,
            "two ids: nobody for sure"
        );
        assert_eq!(e.named("E001 e001"), Named::Id(0));
        assert_eq!(
            e.named("E001 李四"),
            Named::Id(0),
            "an unknown name beside an id"
        );
        assert_eq!(e.named("E999"), Named::Nobody);
        assert_eq!(e.named(""), Named::Nobody);
    }

    #[test]
    fn shared_names_name_nobody_for_sure() {
        let e = staff();
        assert_eq!(e.named("周杰"), Named::SharedName);
        assert_eq!(e.named("E011 周杰"), Named::Id(2));
        // one of the two 王芳 has no id: the name is still shared
        assert_eq!(e.named("王芳"), Named::SharedName);
        assert_eq!(e.id(4), "E003");
        assert_eq!(
            e.named("赵六"),
            Named::Nobody,
            "no id: no feedback, not shared"
        );
    }
}
