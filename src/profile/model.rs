//! The validated profile: every id resolved, every date checked. Built only by
//! `profile::validate`; analysis and rendering read nothing else.

use crate::base::locale::Locale;
use crate::profile::catalog::Item;
use serde::Serialize;

/// A date written as YYYY, YYYY-MM or YYYY-MM-DD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month 1–12, if given.
    pub month: Option<u8>,
    /// Day, if given.
    pub day: Option<u8>,
}

impl PartialDate {
    /// The first day the date covers (2027-06 → 2027-06-01).
    pub fn first_day(&self) -> Date {
        Date {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The last day the date covers (2027-06 → 2027-06-30; 2027 → 2027-12-31).
    pub fn last_day(&self) -> Date {
        let month = self.month.unwrap_or(12);
        Date {
            year: self.year,
            month,
            day: self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        }
    }

    /// Formats as written: `2027`, `2027-06` or `2027-06-01`.
    pub fn display(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
}

/// A full calendar date (for "today" and review dates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Date {
    /// Days since 1970-01-01 (inverse of [`Date::from_unix_days`]).
    pub fn unix_days(&self) -> i64 {
        // days-from-civil (Howard Hinnant's algorithm)
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// ISO 8601 `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Parses `YYYY-MM-DD`, checking the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let p = parse_partial(s)?;
        Some(Date {
            year: p.year,
            month: p.month?,
            day: p.day?,
        })
    }

    /// Adds whole months, clamping the day to the month's length.
    pub fn add_months(&self, months: u32) -> Date {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) + months as i64;
        let year = total.div_euclid(12) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// Today from the system clock (UTC). Only the CLI calls this.
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Date::from_unix_days(secs.div_euclid(86_400))
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_unix_days(days: i64) -> Date {
        // civil-from-days (Howard Hinnant's algorithm)
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.display())
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in a month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses YYYY, YYYY-MM or YYYY-MM-DD (also with `/` or `.`), checking ranges.
pub fn parse_partial(s: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = s.trim().split(['-', '/', '.']).collect();
    if parts.is_empty() || parts.len() > 3 || parts[0].len() != 4 {
        return None;
    }
    let year: i32 = parts[0].parse().ok()?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    let month = match parts.get(1) {
        Some(m) if (1..=2).contains(&m.len()) => {
            let m: u8 = m.parse().ok()?;
            (1..=12).contains(&m).then_some(m)?;
            Some(m)
        }
        Some(_) => return None,
        None => None,
    };
    let day = match parts.get(2) {
        Some(d) if (1..=2).contains(&d.len()) => {
            let d: u8 = d.parse().ok()?;
            (1..=days_in_month(year, month?))
                .contains(&d)
                .then_some(d)?;
            Some(d)
        }
        Some(_) => return None,
        None => None,
    };
    Some(PartialDate { year, month, day })
}

/// Who the workbook is for.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    /// Full name.
    pub name: String,
    /// Employee id.
    pub id: Option<String>,
    /// Department.
    pub department: Option<String>,
    /// Job title.
    pub role: Option<String>,
    /// Year of birth (given, or derived from `age`).
    pub birth_year: Option<i32>,
    /// Date joined.
    pub joined: Option<PartialDate>,
    /// Manager.
    pub manager: Option<String>,
}

/// Current rung and target on a ladder.
#[derive(Debug, Clone, Serialize)]
pub struct Career {
    /// Ladder id.
    pub track: String,
    /// Index of the current rung, if given.
    pub level: Option<usize>,
    /// Year the current rung was reached.
    pub since: Option<i32>,
    /// Index of the target rung.
    pub target_level: Option<usize>,
    /// Age by which to reach the target.
    pub target_by_age: Option<u32>,
    /// Year by which to reach the target.
    pub target_by_year: Option<i32>,
    /// Marks against rung standards, in the order of the ladder's standards.
    pub assessment: Vec<Assessment>,
}

/// How far a person is on one standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Still working towards it (待提高).
    Towards,
    /// Meets it (达到).
    Meets,
    /// Goes beyond it (超出).
    Exceeds,
}

impl Mark {
    /// Parses `towards` | `meets` | `exceeds` or 待提高 / 达到 / 超出 (either script;
    /// 待加强 is how the zh-TW workbook words "towards").
    pub fn parse(word: &str) -> Option<Mark> {
        match crate::profile::catalog::normalise(word).as_str() {
            "towards" | "toward" | "待提高" | "待提升" | "待加强" => Some(Mark::Towards),
            "meets" | "meet" | "达到" => Some(Mark::Meets),
            "exceeds" | "exceed" | "超出" | "超过" => Some(Mark::Exceeds),
            _ => None,
        }
    }

    /// Whether the standard is met (meets or exceeds).
    pub fn met(self) -> bool {
        self != Mark::Towards
    }

    /// The word in `loc`.
    pub fn word(self, loc: crate::base::locale::Locale) -> &'static str {
        match self {
            Mark::Towards => loc.pick("待提高", "working towards"),
            Mark::Meets => loc.pick("达到", "meets"),
            Mark::Exceeds => loc.pick("超出", "exceeds"),
        }
    }
}

/// Self and manager marks against one standard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Standard id.
    pub id: String,
    /// Own mark.
    #[serde(rename = "self")]
    pub self_mark: Option<Mark>,
    /// Manager's mark.
    pub manager: Option<Mark>,
    /// Evidence.
    pub evidence: Option<String>,
}

/// How often to review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Every {
    /// Monthly.
    Month,
    /// Every three months.
    Quarter,
    /// Every six months.
    HalfYear,
    /// Yearly.
    Year,
}

impl Every {
    /// Months between reviews.
    pub fn months(self) -> u32 {
        match self {
            Every::Month => 1,
            Every::Quarter => 3,
            Every::HalfYear => 6,
            Every::Year => 12,
        }
    }
}

/// One action of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct Action {
    /// Goal.
    pub goal: String,
    /// Steps.
    pub steps: Option<String>,
    /// Due date.
    pub due: Option<PartialDate>,
    /// Support needed.
    pub support: Option<String>,
    /// Measure of success.
    pub measure: Option<String>,
    /// Where it stands.
    pub status: Status,
    /// When it was done.
    pub done_on: Option<PartialDate>,
    /// What happened.
    pub note: Option<String>,
    /// Carried over from the last cycle's plan (unfinished there).
    pub carried: bool,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not started (the default).
    #[default]
    Planned,
    /// Under way.
    InProgress,
    /// Done.
    Done,
    /// Given up.
    Dropped,
}

impl Status {
    /// Parses an id or a Chinese word.
    pub fn parse(word: &str) -> Option<Status> {
        match crate::profile::catalog::normalise(word).as_str() {
            "planned" | "计划中" | "计划" | "计画中" | "计画" | "未开始" => {
                Some(Status::Planned)
            }
            "in_progress" | "inprogress" | "进行中" => Some(Status::InProgress),
            "done" | "已完成" | "完成" => Some(Status::Done),
            "dropped" | "已放弃" | "放弃" => Some(Status::Dropped),
            _ => None,
        }
    }

    /// The words a profile may use, for messages.
    pub const WORDS: [&'static str; 8] = [
        "planned",
        "in_progress",
        "done",
        "dropped",
        "计划中",
        "进行中",
        "已完成",
        "已放弃",
    ];

    /// Whether the action is still open (planned or in progress).
    pub fn open(self) -> bool {
        matches!(self, Status::Planned | Status::InProgress)
    }

    /// A mark that survives black-and-white printing, with the word.
    pub fn label(self, loc: Locale) -> &'static str {
        match self {
            Status::Planned => loc.pick("○ 计划中", "○ planned"),
            Status::InProgress => loc.pick("◎ 进行中", "◎ in progress"),
            Status::Done => loc.pick("● 已完成", "● done"),
            Status::Dropped => loc.pick("× 已放弃", "× dropped"),
        }
    }
}

/// A review held.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewEntry {
    /// When.
    pub date: PartialDate,
    /// What was found.
    pub notes: Option<String>,
    /// What was revised.
    pub changes: Vec<String>,
}

/// An internal customer and what is owed.
#[derive(Debug, Clone, Serialize)]
pub struct Customer {
    /// Who.
    pub who: String,
    /// Deliverables.
    pub owe: Vec<String>,
}

/// Service modules.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Service {
    /// Internal customers.
    pub internal_customers: Vec<Customer>,
    /// (procedure, warmth), 1–5 each.
    pub style: Option<(u8, u8)>,
    /// Ratings of the five dimensions in catalogue order.
    pub quality: Vec<Option<u8>>,
}

/// The validated profile.
#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    /// Workbook language.
    pub locale: Locale,
    /// The person.
    pub person: Person,
    /// Ladder position, if the profile gives a track.
    pub career: Option<Career>,
    /// Own adjective picks.
    #[serde(skip)]
    pub johari_self: Vec<&'static Item>,
    /// Peer picks, one list per anonymous peer.
    #[serde(skip)]
    pub johari_peers: Vec<Vec<&'static Item>>,
    /// The 3 most important needs.
    #[serde(skip)]
    pub needs_top: Vec<&'static Item>,
    /// The next 3.
    #[serde(skip)]
    pub needs_next: Vec<&'static Item>,
    /// Needs in the person's own words.
    pub needs_extra: Vec<String>,
    /// Answers to q3–q8 keyed by question id (q6/q7 joined lists live in `lists`).
    pub answers: Vec<(&'static str, String)>,
    /// Q6 activities.
    pub activities: Vec<String>,
    /// Q7 skills.
    pub skills_to_develop: Vec<String>,
    /// Strategy answers keyed by strategy id.
    pub strategy: Vec<(&'static str, String)>,
    /// The plan.
    pub actions: Vec<Action>,
    /// Review schedule.
    pub reviews: Option<(Every, PartialDate)>,
    /// Reviews held (`reviews.log`), oldest first.
    pub review_log: Vec<ReviewEntry>,
    /// Mediocrity self-ratings (catalogue order; None where not rated).
    pub mediocrity: Vec<Option<u8>>,
    /// Burnout signs noticed.
    #[serde(skip)]
    pub burnout: Vec<&'static Item>,
    /// Service modules, when the profile has them.
    pub service: Option<Service>,
}

impl Profile {
    /// The answer to a question id, if given.
    pub fn answer(&self, id: &str) -> Option<&str> {
        self.answers
            .iter()
            .find(|(k, _)| *k == id)
            .map(|(_, v)| v.as_str())
    }

    /// Gentle notes on a valid profile: exercises that are started but incomplete
    /// (shown by `careerbook check`; they never stop a render).
    pub fn hints(&self) -> Vec<String> {
        let mut out = Vec::new();
        let n = self.johari_self.len();
        if n > 0 && !(5..=6).contains(&n) {
            out.push(crate::msg!("hint.self", n = n));
        }
        if !self.needs_top.is_empty() && self.needs_top.len() < 3 {
            out.push(crate::msg!("hint.top", n = self.needs_top.len()));
        }
        if !self.activities.is_empty() && self.activities.len() < 4 {
            out.push(crate::msg!("hint.activities", n = self.activities.len()));
        }
        if let Some(c) = &self.career {
            if c.level.is_none() {
                out.push(crate::msg!("hint.level"));
            }
        }
        if self.career.is_some() && self.person.birth_year.is_none() {
            out.push(crate::msg!("hint.birth"));
        }
        out
    }

    /// The strategy answer for an id, if given.
    pub fn strategy_answer(&self, id: &str) -> Option<&str> {
        self.strategy
            .iter()
            .find(|(k, _)| *k == id)
            .map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_statuses_read_in_either_script() {
        for (w, m) in [
            ("达到", Mark::Meets),
            ("達到", Mark::Meets),
            ("待加強", Mark::Towards),
            ("待提高", Mark::Towards),
            ("超出", Mark::Exceeds),
        ] {
            assert_eq!(Mark::parse(w), Some(m), "{w}");
        }
        assert_eq!(Status::parse("進行中"), Some(Status::InProgress));
        assert_eq!(Status::parse("已放棄"), Some(Status::Dropped));
        assert_eq!(Status::parse("計畫中"), Some(Status::Planned));
    }

    #[test]
    fn partial_dates_check_ranges() {
        assert_eq!(parse_partial("2021-07").unwrap().display(), "2021-07");
        assert!(parse_partial("2027-13").is_none());
        assert!(parse_partial("2027-02-29").is_none());
        assert!(parse_partial("2028-02-29").is_some());
        assert!(parse_partial("21-07").is_none());
    }

    #[test]
    fn add_months_clamps_the_day() {
        let d = Date {
            year: 2027,
            month: 1,
            day: 31,
        };
        assert_eq!(d.add_months(1).iso(), "2027-02-28");
        assert_eq!(d.add_months(12).iso(), "2028-01-31");
    }
}
