//! Checks the head of a profile: its format version and language, and the person.

use super::Ctx;
use crate::base::locale::Locale;
use crate::profile::model::{Date, Person};
use crate::profile::raw::RawPerson;

/// Checks `version` and `locale`; the workbook's language (zh-CN when left out or
/// refused).
pub(super) fn version_and_locale(
    c: &mut Ctx,
    version: Option<i64>,
    locale: Option<String>,
) -> Locale {
    if let Some(v) = version {
        if v != 1 {
            c.err(
                "version",
                crate::msg!("validate.version", version = v),
                crate::msg!("validate.version.help"),
            );
        }
    }
    match locale.as_deref().map(|l| (l, Locale::parse(l))) {
        None => Locale::Zh,
        Some((_, Some(l))) => l,
        Some((l, None)) => {
            c.err(
                "locale",
                crate::msg!("validate.locale", locale = l),
                crate::msg!("validate.locale.help"),
            );
            Locale::Zh
        }
    }
}

/// Checks the person: a name, an age or birth year in range, the day they joined.
pub(super) fn person(c: &mut Ctx, p: RawPerson, today: Date) -> Person {
    let before = c.errs.len();
    let name = c.text("person.name", Some(p.name));
    // a name refused for what it holds is not also empty
    if name.is_none() && c.errs.len() == before {
        c.err(
            "person.name",
            crate::msg!("validate.name.empty"),
            crate::msg!("validate.name.empty.help"),
        );
    } else if name.as_ref().is_some_and(|n| n.chars().count() > 100) {
        c.err(
            "person.name",
            crate::msg!("validate.name.long"),
            crate::msg!("validate.name.long.help"),
        );
    }
    let id = c.text("person.id", p.id);
    let birth_year = birth_year(c, p.birth_year, p.age, today);
    let joined = c.date("person.joined", p.joined);
    if let Some(j) = joined {
        if j.year > today.year + 1 {
            c.err(
                "person.joined",
                crate::msg!("validate.joined.future", date = j.display()),
                crate::msg!("validate.joined.future.help"),
            );
        }
    }
    Person {
        name: name.unwrap_or_default(),
        id,
        department: c.text("person.department", p.department),
        role: c.text("person.role", p.role),
        birth_year,
        joined,
        manager: c.text("person.manager", p.manager),
    }
}

/// The birth year from `birth_year` or `age` (one of them, in range), if any.
fn birth_year(c: &mut Ctx, year: Option<i64>, age: Option<i64>, today: Date) -> Option<i32> {
    let mut birth_year = None;
    match (year, age) {
        (Some(_), Some(_)) => c.err(
            "person.age",
            crate::msg!("validate.age.both"),
            crate::msg!("validate.keep_one"),
        ),
        (Some(y), None) => {
            if y > today.year as i64 {
                c.err(
                    "person.birth_year",
                    crate::msg!("validate.birth_year.future", year = y),
                    crate::msg!("validate.birth_year.future.help", today = today.year),
                );
            } else if y < today.year as i64 - 100 || y > today.year as i64 - 14 {
                c.err(
                    "person.birth_year",
                    crate::msg!("validate.birth_year.range", year = y),
                    crate::msg!("validate.birth_year.range.help"),
                );
            } else {
                birth_year = Some(y as i32);
            }
        }
        (None, Some(a)) => {
            if (14..=100).contains(&a) {
                birth_year = Some(today.year - a as i32);
            } else {
                c.err(
                    "person.age",
                    crate::msg!("validate.age.range", age = a),
                    crate::msg!("lint.help.age"),
                );
            }
        }
        (None, None) => {}
    }
    birth_year
}
