//! The raw counts behind the HR overview, before any suppression: built from a run's
//! summaries, written by each shard as `_overview-K-of-N.json` (for HR only), and
//! merged by `careerbook overview` so that the shards of one run give the same
//! overview as a single run. Counting by rung id, never by a title in some language.

use super::{Failure, Report, Summary};
use crate::analysis::{Leaning, Position};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod check;
pub mod file;
pub use check::{MAX_COUNT, MAX_SHARDS};

/// Format tag of the shard files.
pub const FORMAT: &str = "careerbook-overview-counts/1";

/// Counts of one department's ladder positions.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct PositionCounts {
    /// Younger than the rung's typical age.
    pub ahead: usize,
    /// In the typical band.
    pub on_track: usize,
    /// Past the next rung's typical age.
    pub behind: usize,
    /// No age or rung.
    pub unknown: usize,
}

impl std::ops::AddAssign for PositionCounts {
    fn add_assign(&mut self, o: PositionCounts) {
        self.ahead += o.ahead;
        self.on_track += o.on_track;
        self.behind += o.behind;
        self.unknown += o.unknown;
    }
}

impl PositionCounts {
    /// The department's people: each has one position, or none known.
    pub fn people(&self) -> usize {
        self.ahead + self.on_track + self.behind + self.unknown
    }
}

/// Progress of one department.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct ProgressCounts {
    /// People.
    pub people: usize,
    /// Actions done.
    pub done: usize,
    /// Actions in progress.
    pub in_progress: usize,
    /// Actions planned.
    pub planned: usize,
    /// Actions dropped.
    pub dropped: usize,
    /// Actions overdue.
    pub overdue: usize,
    /// Reviews held.
    pub reviews_held: usize,
    /// Reviews due.
    pub reviews_due: usize,
    /// People with a previous cycle.
    pub with_previous: usize,
    /// People who moved a trait from blind to open.
    pub blind_to_open: usize,
    /// People with at least one action.
    #[serde(default)]
    pub with_actions: usize,
}

impl std::ops::AddAssign for ProgressCounts {
    fn add_assign(&mut self, o: ProgressCounts) {
        self.people += o.people;
        self.done += o.done;
        self.in_progress += o.in_progress;
        self.planned += o.planned;
        self.dropped += o.dropped;
        self.overdue += o.overdue;
        self.reviews_held += o.reviews_held;
        self.reviews_due += o.reviews_due;
        self.with_previous += o.with_previous;
        self.blind_to_open += o.blind_to_open;
        self.with_actions += o.with_actions;
    }
}

impl ProgressCounts {
    /// One person's share of their department's progress.
    fn of(p: &Summary) -> ProgressCounts {
        ProgressCounts {
            people: 1,
            done: p.progress.done,
            in_progress: p.progress.in_progress,
            planned: p.progress.planned,
            dropped: p.progress.dropped,
            overdue: p.overdue,
            reviews_held: p.reviews.0,
            reviews_due: p.reviews.1,
            with_previous: usize::from(p.with_previous),
            blind_to_open: usize::from(p.blind_to_open > 0),
            with_actions: usize::from(p.progress.actions() > 0),
        }
    }
}

/// A named entry for HR's own lists (`--named`): never in a shared overview.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Named {
    /// Canonical position of the item in the run.
    pub index: usize,
    /// "Name (id)".
    pub who: String,
    /// Department.
    pub department: String,
    /// Extra detail (ladder and leaning, or rater count).
    pub detail: String,
}

/// Everything counted in a run or a shard.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Tally {
    /// [`FORMAT`].
    pub format: String,
    /// `--today` of the run.
    pub date: String,
    /// The shard (K, N), when sharded.
    pub shard: Option<(usize, usize)>,
    /// What makes shards parts of one run (a hash of the inputs and settings).
    #[serde(default)]
    pub run: String,
    /// The group minimum the run used: a merge never suppresses less.
    #[serde(default)]
    pub min_group: usize,
    /// Items seen.
    pub total: usize,
    /// Items rendered or skipped as existing.
    pub ok: usize,
    /// Always 0 in a finished run's counts: a shard resumed with `--skip-existing`
    /// writes the same counts file as a clean run (the summary on the terminal still
    /// says how many were skipped). Kept so that older counts files read.
    #[serde(default)]
    pub skipped: usize,
    /// Failed items with their canonical position.
    pub failures: Vec<(usize, String, String)>,
    /// What became of each feedback file (the same in every shard): counts only.
    #[serde(default)]
    pub feedback: Vec<crate::batch::feedback::report::FileCounts>,
    /// "department\ttrack\tlevel id" → people.
    pub head: BTreeMap<String, usize>,
    /// department → positions.
    pub positions: BTreeMap<String, PositionCounts>,
    /// need id → (top, next).
    pub needs: BTreeMap<String, (usize, usize)>,
    /// department → people whose needs lean against their ladder.
    pub mismatches: BTreeMap<String, usize>,
    /// department → (people with enough raters, blind trait id → people).
    pub blind: BTreeMap<String, (usize, BTreeMap<String, usize>)>,
    /// People with enough raters.
    pub enough_raters: usize,
    /// People with too few.
    pub too_few_raters: usize,
    /// "department\ttrack\tlevel id" → (people with a next rung with standards, ready).
    pub ready: BTreeMap<String, (usize, usize)>,
    /// department → progress.
    pub progress: BTreeMap<String, ProgressCounts>,
    /// HR's named lists: who is behind.
    pub behind: Vec<Named>,
    /// Who leans against their ladder.
    pub leaning: Vec<Named>,
    /// Who has too few raters.
    pub short_of_raters: Vec<Named>,
}

/// Department as shown ("—" when unknown).
pub fn dept(d: &str) -> String {
    if d.is_empty() {
        "—".into()
    } else {
        d.to_string()
    }
}

/// Joins a composite key.
pub fn key(parts: &[&str]) -> String {
    parts.join("\t")
}

impl Tally {
    /// Counts a run (or one shard of it).
    /// An empty tally of a run made on `date` (of shard `shard`).
    pub fn new(date: &str, shard: Option<(usize, usize)>) -> Tally {
        Tally {
            format: FORMAT.into(),
            date: date.into(),
            shard,
            ..Tally::default()
        }
    }

    /// Counts one employee as their workbook is done; their summary is not kept.
    /// The lists of people (behind, leaning, short of raters) are kept only when
    /// `named` (an overview with names, or a shard's counts, which may be merged into
    /// one).
    pub fn add(&mut self, p: &Summary, named: bool) {
        self.ok += 1;
        let d = dept(&p.department);
        let track = p.track.clone().unwrap_or_else(|| "—".into());
        let level = p.level_id.clone().unwrap_or_else(|| "—".into());
        *self.head.entry(key(&[&d, &track, &level])).or_default() += 1;
        let pos = self.positions.entry(d.clone()).or_default();
        match p.position {
            Some(Position::Ahead) => pos.ahead += 1,
            Some(Position::OnTrack) => pos.on_track += 1,
            Some(Position::Behind) => {
                pos.behind += 1;
                self.named(
                    named,
                    |t| &mut t.behind,
                    Named {
                        index: p.index,
                        who: format!("{} ({})", p.name, p.id),
                        department: d.clone(),
                        detail: String::new(),
                    },
                );
            }
            None => pos.unknown += 1,
        }
        for n in &p.top_needs {
            self.needs.entry(n.to_string()).or_default().0 += 1;
        }
        for n in &p.next_needs {
            self.needs.entry(n.to_string()).or_default().1 += 1;
        }
        if let Some(l) = p.mismatch {
            *self.mismatches.entry(d.clone()).or_default() += 1;
            self.named(
                named,
                |t| &mut t.leaning,
                Named {
                    index: p.index,
                    who: format!("{} ({})", p.name, p.id),
                    department: d.clone(),
                    detail: format!(
                        "{} / {}",
                        track,
                        match l {
                            Leaning::Administrative => "administrative",
                            Leaning::Technical => "technical",
                            Leaning::Balanced => "balanced",
                        }
                    ),
                },
            );
        }
        if p.enough_raters {
            self.enough_raters += 1;
            let b = self.blind.entry(d.clone()).or_default();
            b.0 += 1;
            for trait_id in &p.blind {
                *b.1.entry(trait_id.to_string()).or_default() += 1;
            }
        } else {
            self.too_few_raters += 1;
            self.named(
                named,
                |t| &mut t.short_of_raters,
                Named {
                    index: p.index,
                    who: format!("{} ({})", p.name, p.id),
                    department: d.clone(),
                    detail: p.raters.to_string(),
                },
            );
        }
        if let Some(r) = p.ready {
            let e = self.ready.entry(key(&[&d, &track, &level])).or_default();
            e.0 += 1;
            e.1 += usize::from(r);
        }
        *self.progress.entry(d.clone()).or_default() += ProgressCounts::of(p);
    }

    fn named(&mut self, keep: bool, list: fn(&mut Tally) -> &mut Vec<Named>, n: Named) {
        if keep {
            list(self).push(n);
        }
    }

    /// The tally of a finished run: its totals and failures, the lists in run order.
    pub fn finish(mut self, report: &Report) -> Tally {
        self.total = report.total;
        self.failures = report
            .indexed_failures
            .iter()
            .map(|(i, f)| (*i, f.source.clone(), f.reason.clone()))
            .collect();
        self.feedback = report.feedback.clone();
        self.failures.sort_by_key(|f| f.0);
        for list in [
            &mut self.behind,
            &mut self.leaning,
            &mut self.short_of_raters,
        ] {
            list.sort_by_key(|x| x.index);
        }
        self
    }

    /// Merges the shards of one run into the counts of the whole run; refuses damaged
    /// counts, shards of different runs, a shard given twice, and a missing shard.
    pub fn merge(shards: Vec<(String, Tally)>) -> Result<Tally, String> {
        Tally::check_shards(&shards)?;
        let first = &shards[0].1;
        let mut out = Tally {
            format: FORMAT.into(),
            date: first.date.clone(),
            shard: None,
            run: first.run.clone(),
            min_group: shards.iter().map(|(_, t)| t.min_group).max().unwrap_or(0),
            feedback: first.feedback.clone(),
            ..Tally::default()
        };
        for (_, t) in shards {
            out.add_shard(t);
        }
        out.failures.sort_by_key(|f| f.0);
        for list in [&mut out.behind, &mut out.leaning, &mut out.short_of_raters] {
            list.sort_by_key(|x| x.index);
        }
        Ok(out)
    }

    /// Refuses a set of shards that are not exactly the K-of-N shards of one run, each
    /// with counts a run can make.
    fn check_shards(shards: &[(String, Tally)]) -> Result<(), String> {
        for (name, t) in shards {
            if t.format != FORMAT {
                return Err(crate::msg!("tally.format", name = name, format = t.format));
            }
            t.check()
                .map_err(|what| crate::msg!("overview.damaged", path = name, what = what))?;
        }
        let Some((first_name, first)) = shards.first() else {
            return Err(crate::msg!("tally.none"));
        };
        let n = match first.shard {
            Some((_, n)) => n,
            None => return Err(crate::msg!("tally.whole", name = first_name)),
        };
        let mut seen = BTreeMap::<usize, &str>::new();
        for (name, t) in shards {
            let Some((k, m)) = t.shard else {
                return Err(crate::msg!("tally.whole", name = name));
            };
            if m != n {
                return Err(crate::msg!(
                    "tally.of_n",
                    name = name,
                    k = k,
                    m = m,
                    first = first_name,
                    n = n
                ));
            }
            if t.run != first.run {
                return Err(crate::msg!("tally.run", name = name, first = first_name));
            }
            if t.date != first.date {
                return Err(crate::msg!(
                    "tally.date",
                    name = name,
                    date = t.date,
                    first = first_name,
                    first_date = first.date
                ));
            }
            if k == 0 || k > n {
                return Err(crate::msg!("tally.range", name = name, k = k, n = n));
            }
            if let Some(other) = seen.get(&k) {
                return Err(crate::msg!(
                    "tally.twice",
                    name = name,
                    k = k,
                    n = n,
                    other = other
                ));
            }
            seen.insert(k, name);
        }
        if seen.len() < n {
            // named up to ten: N may be large, and only the given shards are held
            let mut missing: Vec<String> = (1..=n)
                .filter(|k| !seen.contains_key(k))
                .take(10)
                .map(|k| format!("{k}/{n}"))
                .collect();
            if n - seen.len() > missing.len() {
                missing.push("…".into());
            }
            return Err(crate::msg!(
                "tally.missing",
                list = missing.join(", "),
                n = n
            ));
        }
        Ok(())
    }

    /// Adds one shard's counts to these.
    fn add_shard(&mut self, t: Tally) {
        self.total += t.total;
        self.ok += t.ok;
        self.skipped += t.skipped;
        self.failures.extend(t.failures);
        for (k, v) in t.head {
            *self.head.entry(k).or_default() += v;
        }
        for (k, v) in t.positions {
            *self.positions.entry(k).or_default() += v;
        }
        for (k, (a, b)) in t.needs {
            let e = self.needs.entry(k).or_default();
            e.0 += a;
            e.1 += b;
        }
        for (k, v) in t.mismatches {
            *self.mismatches.entry(k).or_default() += v;
        }
        for (k, (people, traits)) in t.blind {
            let e = self.blind.entry(k).or_default();
            e.0 += people;
            for (tr, n) in traits {
                *e.1.entry(tr).or_default() += n;
            }
        }
        self.enough_raters += t.enough_raters;
        self.too_few_raters += t.too_few_raters;
        for (k, (a, b)) in t.ready {
            let e = self.ready.entry(k).or_default();
            e.0 += a;
            e.1 += b;
        }
        for (k, v) in t.progress {
            *self.progress.entry(k).or_default() += v;
        }
        self.behind.extend(t.behind);
        self.leaning.extend(t.leaning);
        self.short_of_raters.extend(t.short_of_raters);
    }

    /// Refuses counts no run can make (see [`check`]): the reason, without the file.
    pub fn check(&self) -> Result<(), String> {
        check::check(self)
    }

    /// The failures, as the overview lists them.
    pub fn failure_list(&self) -> Vec<Failure> {
        self.failures
            .iter()
            .map(|(_, source, reason)| Failure {
                source: source.clone(),
                reason: reason.clone(),
            })
            .collect()
    }
}
