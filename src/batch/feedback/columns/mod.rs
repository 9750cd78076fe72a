//! The mapping of a feedback table — which column names the colleague being rated,
//! which holds the picks, which identify whoever answered — found from the values of
//! its first rows, headers only breaking ties; or given by HR with
//! `--feedback-columns`. When the values leave a doubt the table is refused with the
//! reason and the way to say what was meant: feedback is never credited to a guess.

use super::employees::{Employees, Named};
use super::headers::{self, Tool};
use super::words;
use crate::tables::{column_letters, TableRow};

mod given;
pub use given::Override;

/// How a table's picks are laid out.
#[derive(Debug, Clone, PartialEq)]
pub enum Picks {
    /// One column holds the picks, joined by a separator.
    Column(usize),
    /// One column per adjective: (column, adjective); a ticked cell is a pick.
    Options(Vec<(usize, usize)>),
}

impl Picks {
    /// The columns the picks take.
    pub fn columns(&self) -> Vec<usize> {
        match self {
            Picks::Column(c) => vec![*c],
            Picks::Options(o) => o.iter().map(|(c, _)| *c).collect(),
        }
    }
}

/// How the subject column was told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Its values are the employees' ids.
    ById,
    /// Its values are the employees' names.
    ByName,
    /// Its header asks for the colleague (no employees given to check the values).
    ByHeader,
    /// HR said so (`--feedback-columns`).
    Given,
    /// careerbook's own format: headers `subject_id` and `adjectives`.
    Format,
}

/// The roles of a feedback table's columns.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// The survey tool that wrote it.
    pub tool: Tool,
    /// The header row's number.
    pub header_row: usize,
    /// The header cells as written.
    pub headers: Vec<String>,
    /// The column naming the colleague being rated.
    pub subject: usize,
    /// How it was told.
    pub found: Found,
    /// The picks.
    pub picks: Picks,
    /// Columns identifying whoever answered (only to count each rater once).
    pub identity: Vec<usize>,
}

/// Why a table's mapping could not be told. Columns are 0-based.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// No header row among the first rows.
    NoHeader,
    /// A header and no answers below it.
    NoAnswers,
    /// Several columns hold the employees and no header tells which is the colleague.
    TwoSubjects(Vec<usize>),
    /// No column holds the employees' ids or names; `asked`: a column whose header asks
    /// for the colleague, `own`: columns that hold employees but identify the respondent.
    NoSubject {
        /// A header asking for the colleague whose values are not the employees.
        asked: Option<usize>,
        /// Columns of employees that are the respondent's own.
        own: Vec<usize>,
    },
    /// Several columns (or blocks) of picks.
    TwoPicks(Vec<usize>),
    /// A per-option export that rates a second colleague in each response.
    SecondColleague(Vec<usize>),
    /// Picks written as option numbers (问卷星's 按选项序号 download).
    OptionNumbers(usize),
    /// No column of picks.
    NoPicks,
    /// `--feedback-columns` names a column the table does not have.
    Override(String),
}

impl Refusal {
    /// The reason and what to do, for `path`.
    pub fn say(&self, path: &str) -> String {
        let cols = |v: &[usize]| {
            v.iter()
                .map(|c| column_letters(*c))
                .collect::<Vec<_>>()
                .join(&crate::msg!("fb.and"))
        };
        match self {
            Refusal::NoHeader => crate::msg!("fb.no_header", path = path),
            Refusal::NoAnswers => crate::msg!("fb.no_answers", path = path),
            Refusal::TwoSubjects(v) => crate::msg!("fb.two_subjects", path = path, cols = cols(v)),
            Refusal::NoSubject { asked, own } => {
                let mut s = crate::msg!("fb.no_subject", path = path);
                if let Some(a) = asked {
                    s.push_str(&crate::msg!(
                        "fb.no_subject.asked",
                        col = column_letters(*a)
                    ));
                }
                if !own.is_empty() {
                    s.push_str(&crate::msg!("fb.no_subject.own", cols = cols(own)));
                }
                s.push_str(&crate::msg!("fb.no_subject.help"));
                s
            }
            Refusal::TwoPicks(v) => crate::msg!("fb.two_picks", path = path, cols = cols(v)),
            Refusal::SecondColleague(v) => {
                crate::msg!("fb.second_colleague", path = path, cols = cols(v))
            }
            Refusal::OptionNumbers(c) => {
                crate::msg!("fb.option_numbers", path = path, col = column_letters(*c))
            }
            Refusal::NoPicks => crate::msg!("fb.no_picks", path = path),
            Refusal::Override(e) => format!("{path}: {e}"),
        }
    }

    /// A short name of the kind, for tests and the inspect output.
    pub fn kind(&self) -> &'static str {
        match self {
            Refusal::NoHeader => "no-header",
            Refusal::NoAnswers => "no-answers",
            Refusal::TwoSubjects(_) => "two-subjects",
            Refusal::NoSubject { .. } => "no-subject",
            Refusal::TwoPicks(_) => "two-picks",
            Refusal::SecondColleague(_) => "second-colleague",
            Refusal::OptionNumbers(_) => "option-numbers",
            Refusal::NoPicks => "no-picks",
            Refusal::Override(_) => "override",
        }
    }
}

/// Rows of the first rows searched for the header.
pub const HEADER_ROWS: usize = 20;
/// Data rows looked at to tell the columns.
pub const SAMPLE_ROWS: usize = 1000;

/// The header row among the first rows: the first with at least two different values
/// and at least half as many as the fullest of them (a title row, even merged across
/// every column, has one value).
pub fn header_row(rows: &[TableRow]) -> Option<usize> {
    let distinct = |t: &TableRow| {
        let mut v: Vec<&str> = t
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let head = &rows[..rows.len().min(HEADER_ROWS)];
    let most = head.iter().map(distinct).max()?;
    head.iter()
        .position(|t| distinct(t) >= 2 && distinct(t) * 2 >= most)
}

/// What the sample says of one column.
#[derive(Debug, Default, Clone)]
struct Stats {
    nonempty: usize,
    /// Cells whose items are mostly catalogue adjectives.
    adjective_cells: usize,
    /// Cells of two or more option numbers and nothing else.
    number_cells: usize,
    /// Cells naming an employee (by id / by name, shared names included).
    ids: usize,
    names: usize,
    /// Cells shaped like a cell that names an employee (`E017` beside a matched
    /// `E001`): the column of a run that holds only some of the people rated.
    shaped: usize,
    /// The employee each sample row names, when one for sure.
    who: Vec<Option<u32>>,
    /// Whether the values count 1, 2, 3 … down the rows (a response number).
    counting: bool,
}

/// The shape of an id or a name: digits as 9, Latin letters as a, Chinese characters
/// as 汉 (`E001` and `e017` → `a999`, `张伟` → `汉汉`).
fn shape(cell: &str) -> String {
    super::employees::fold(cell)
        .chars()
        .take(40)
        .map(|c| match c {
            '0'..='9' => '9',
            'a'..='z' => 'a',
            '\u{3400}'..='\u{9fff}' => '汉',
            c => c,
        })
        .collect()
}

fn stats(rows: &[TableRow], col: usize, employees: Option<&Employees>) -> Stats {
    let mut s = Stats {
        counting: true,
        ..Stats::default()
    };
    let mut last: Option<u64> = None;
    for t in rows {
        let cell = t.cells.get(col).map_or("", |c| c.trim());
        if cell.is_empty() {
            s.who.push(None);
            continue;
        }
        s.nonempty += 1;
        match (cell.parse::<u64>(), last) {
            (Ok(n), None) => last = Some(n),
            (Ok(n), Some(l)) if n == l + 1 => last = Some(n),
            _ => s.counting = false,
        }
        let w = words::read_cell(cell);
        let known = w.count() as usize;
        if known > 0 && known >= w.unknown.len() {
            s.adjective_cells += 1;
        } else if known == 0 && w.unknown.is_empty() && w.numbers >= 2 {
            s.number_cells += 1;
        }
        let named = employees.map_or(Named::Nobody, |e| e.named(cell));
        match named {
            Named::Id(_) | Named::Conflict => s.ids += 1,
            Named::Name(_) | Named::SharedName => s.names += 1,
            Named::Nobody => {}
        }
        s.who.push(named.employee());
    }
    s.counting &= s.nonempty >= 3;
    if s.ids + s.names > 0 {
        let shapes: std::collections::HashSet<String> = rows
            .iter()
            .zip(&s.who)
            .filter(|(_, w)| w.is_some())
            .filter_map(|(t, _)| t.cells.get(col).map(|c| shape(c)))
            .collect();
        s.shaped = rows
            .iter()
            .filter_map(|t| t.cells.get(col))
            .filter(|c| !c.trim().is_empty() && shapes.contains(&shape(c)))
            .count();
    }
    s
}

impl Stats {
    fn picks_like(&self) -> bool {
        self.nonempty > 0 && self.adjective_cells * 10 >= self.nonempty * 6
    }
    fn numbers_like(&self) -> bool {
        self.nonempty > 0 && self.number_cells * 10 >= self.nonempty * 6
    }
    fn hits(&self) -> usize {
        self.ids + self.names
    }
    /// Holds the employees: at least three in ten of its values name one, or some do
    /// and eight in ten are shaped like those (a run of some of the people rated).
    fn employee_like(&self) -> bool {
        self.hits() > 0
            && !self.counting
            && (self.hits() * 10 >= self.nonempty * 3 || self.shaped * 10 >= self.nonempty * 8)
    }
}

/// Whether two columns name the same employee row by row (the respondent's id and
/// name, or the colleague's).
fn agree(a: &Stats, b: &Stats) -> bool {
    let both: Vec<bool> = a
        .who
        .iter()
        .zip(&b.who)
        .filter_map(|(x, y)| Some((*x)? == (*y)?))
        .collect();
    !both.is_empty() && both.iter().filter(|s| **s).count() * 10 >= both.len() * 9
}

/// Tells the mapping of a table from its header cells and the data rows below them.
pub fn decide(
    header: &TableRow,
    rows: &[TableRow],
    employees: Option<&Employees>,
    given: &Override,
) -> Result<Mapping, Refusal> {
    let raw = &header.cells;
    let h: Vec<String> = raw.iter().map(|c| headers::norm(c)).collect();
    let width = raw
        .len()
        .max(rows.iter().map(|r| r.cells.len()).max().unwrap_or(0));
    let check = |c: usize| {
        if c < width {
            Ok(c)
        } else {
            Err(Refusal::Override(crate::msg!(
                "fb.override_column",
                col = column_letters(c),
                last = column_letters(width.saturating_sub(1))
            )))
        }
    };
    if rows.is_empty() {
        return Err(Refusal::NoAnswers);
    }
    let st: Vec<Stats> = (0..width).map(|c| stats(rows, c, employees)).collect();
    let hd = |c: usize| h.get(c).map_or("", String::as_str);
    // careerbook's own format (`subject_id`, `adjectives`, `rater`) says what it is
    let own = |name: &str| h.iter().position(|x| x == name);
    let by_format = !given.is_set() && own("subject_id").is_some() && own("adjectives").is_some();
    let given = &match (own("subject_id"), own("adjectives")) {
        (Some(sj), Some(ad)) if by_format => Override {
            subject: Some(sj),
            picks: Some((ad, ad)),
            identity: None,
        },
        _ => given.clone(),
    };
    let picks = match given.picks {
        Some((a, b)) if a == b => Picks::Column(check(a)?),
        Some((a, b)) => {
            check(b)?;
            let options: Vec<(usize, usize)> = (a..=b)
                .filter_map(|c| raw.get(c).and_then(|x| words::option_of(x)).map(|k| (c, k)))
                .collect();
            if options.is_empty() {
                return Err(Refusal::Override(crate::msg!(
                    "fb.override_options",
                    from = column_letters(a),
                    to = column_letters(b)
                )));
            }
            Picks::Options(options)
        }
        None => find_picks(raw, &h, &st)?,
    };
    let taken = picks.columns();
    let (subject, found, others) = match given.subject {
        Some(c) if by_format => (c, Found::Format, Vec::new()),
        Some(c) => (check(c)?, Found::Given, Vec::new()),
        None => find_subject(&h, &st, &taken, employees.is_some())?,
    };
    let identity = match &given.identity {
        Some(v) => v.iter().map(|c| check(*c)).collect::<Result<Vec<_>, _>>()?,
        None => {
            let mut id: Vec<usize> = (0..width)
                .filter(|c| *c != subject && !taken.contains(c))
                .filter(|c| others.contains(c) || headers::is_identity(hd(*c)))
                .collect();
            id.extend(further_identity(rows, &h, &st, &id, subject, &taken));
            id.sort_unstable();
            id.dedup();
            id
        }
    };
    Ok(Mapping {
        tool: headers::tool(&h),
        header_row: header.row,
        headers: raw.clone(),
        subject,
        found,
        picks,
        identity,
    })
}

fn find_picks(raw: &[String], h: &[String], st: &[Stats]) -> Result<Picks, Refusal> {
    let options: Vec<(usize, usize)> = raw
        .iter()
        .enumerate()
        .filter_map(|(c, x)| words::option_of(x).map(|k| (c, k)))
        .collect();
    let columns: Vec<usize> = (0..st.len())
        .filter(|c| !options.iter().any(|(o, _)| o == c))
        .filter(|c| !headers::is_meta(h.get(*c).map_or("", String::as_str)))
        .filter(|c| st[*c].picks_like())
        .collect();
    if options.len() >= 10 {
        // the same option again: a second question, i.e. a second colleague (or a
        // second picks question) in each response; each block starts where an option
        // comes back
        let mut starts = vec![options[0].0];
        let mut block = 0u64;
        for (c, k) in &options {
            if block & (1 << k) != 0 {
                starts.push(*c);
                block = 0;
            }
            block |= 1 << k;
        }
        if starts.len() > 1 {
            return Err(Refusal::SecondColleague(starts));
        }
        if !columns.is_empty() {
            let mut v = vec![options[0].0];
            v.extend(&columns);
            return Err(Refusal::TwoPicks(v));
        }
        return Ok(Picks::Options(options));
    }
    match columns.as_slice() {
        [c] => Ok(Picks::Column(*c)),
        [] => match (0..st.len()).find(|c| st[*c].numbers_like()) {
            Some(c) => Err(Refusal::OptionNumbers(c)),
            None => Err(Refusal::NoPicks),
        },
        many => Err(Refusal::TwoPicks(many.to_vec())),
    }
}

/// The subject column, how it was told, and the columns of employees that lost to it
/// (the respondent's own id or name: identity).
fn find_subject(
    h: &[String],
    st: &[Stats],
    taken: &[usize],
    with_employees: bool,
) -> Result<(usize, Found, Vec<usize>), Refusal> {
    let hd = |c: usize| h.get(c).map_or("", String::as_str);
    let free = |c: &usize| !taken.contains(c) && !headers::is_meta(hd(*c));
    let asked: Vec<usize> = (0..st.len())
        .filter(free)
        .filter(|c| headers::asks_subject(hd(*c)) && st[*c].nonempty > 0)
        .collect();
    if !with_employees {
        return match asked.as_slice() {
            [c] => Ok((*c, Found::ByHeader, Vec::new())),
            [] => Err(Refusal::NoSubject {
                asked: None,
                own: Vec::new(),
            }),
            many => Err(Refusal::TwoSubjects(many.to_vec())),
        };
    }
    let candidates: Vec<usize> = (0..st.len())
        .filter(free)
        .filter(|c| st[*c].employee_like())
        .collect();
    // columns naming the same people row by row are one group
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for c in candidates {
        match groups
            .iter_mut()
            .find(|g| g.iter().all(|o| agree(&st[*o], &st[c])))
        {
            Some(g) => g.push(c),
            None => groups.push(vec![c]),
        }
    }
    let own = |g: &[usize]| g.iter().any(|c| headers::is_identity(hd(*c)));
    let asks = |g: &[usize]| g.iter().any(|c| headers::asks_subject(hd(*c)));
    let preferred: Vec<&Vec<usize>> = groups.iter().filter(|g| asks(g) && !own(g)).collect();
    let chosen = match preferred.as_slice() {
        [g] => (*g).clone(),
        [] => {
            let neutral: Vec<&Vec<usize>> = groups.iter().filter(|g| !own(g)).collect();
            match neutral.as_slice() {
                [g] => {
                    // a plain column of employees while a header asks for the colleague
                    // in a column that holds none: the plain one may be the respondent's
                    if let Some(a) = asked.iter().find(|a| !g.contains(a)) {
                        return Err(Refusal::NoSubject {
                            asked: Some(*a),
                            own: (*g).clone(),
                        });
                    }
                    (*g).clone()
                }
                [] => {
                    return Err(Refusal::NoSubject {
                        asked: asked.first().copied(),
                        own: groups.concat(),
                    })
                }
                many => return Err(Refusal::TwoSubjects(many.iter().map(|g| g[0]).collect())),
            }
        }
        many => return Err(Refusal::TwoSubjects(many.iter().map(|g| g[0]).collect())),
    };
    // within the group: the column of ids before the one of names
    let best = *chosen
        .iter()
        .max_by_key(|c| (st[**c].ids, st[**c].hits(), std::cmp::Reverse(**c)))
        .unwrap_or(&chosen[0]);
    let found = if st[best].ids >= st[best].names {
        Found::ById
    } else {
        Found::ByName
    };
    let others = groups
        .into_iter()
        .filter(|g| *g != chosen)
        .flatten()
        .collect();
    Ok((best, found, others))
}

/// Further columns that identify whoever answered: on the sample, each respondent
/// (told by the identity columns found so far) has one value in it and no two share
/// one, over at least five respondents one of whom answered twice (a department
/// column fails as soon as two respondents share one).
fn further_identity(
    rows: &[TableRow],
    h: &[String],
    st: &[Stats],
    known: &[usize],
    subject: usize,
    taken: &[usize],
) -> Vec<usize> {
    if known.is_empty() {
        return Vec::new();
    }
    // the respondent of each sample row: its first non-placeholder known identity
    let who: Vec<Option<String>> = rows
        .iter()
        .map(|t| {
            known
                .iter()
                .filter_map(|c| t.cells.get(*c))
                .find(|v| !headers::is_placeholder(v))
                .map(|v| super::employees::fold(v))
        })
        .collect();
    let mut out = Vec::new();
    for (c, stat) in st.iter().enumerate() {
        let hc = h.get(c).map_or("", String::as_str);
        if c == subject
            || taken.contains(&c)
            || known.contains(&c)
            || headers::is_meta(hc)
            || headers::asks_subject(hc)
            || stat.adjective_cells > 0
        {
            continue;
        }
        let mut pairs: std::collections::HashMap<&str, String> = Default::default();
        let mut back: std::collections::HashMap<String, &str> = Default::default();
        let mut rows_of: std::collections::HashMap<&str, usize> = Default::default();
        let mut ok = true;
        for (t, w) in rows.iter().zip(&who) {
            let (Some(w), Some(v)) = (w.as_deref(), t.cells.get(c)) else {
                continue;
            };
            if headers::is_placeholder(v) {
                continue;
            }
            let v = super::employees::fold(v);
            *rows_of.entry(w).or_default() += 1;
            if pairs.get(w).is_some_and(|x| *x != v) || back.get(&v).is_some_and(|x| *x != w) {
                ok = false;
                break;
            }
            pairs.insert(w, v.clone());
            back.insert(v, w);
        }
        if ok && pairs.len() >= 5 && rows_of.values().any(|n| *n >= 2) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
