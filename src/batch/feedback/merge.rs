//! Answers gathered from every feedback file, one per rater and subject. A rater is
//! told by the values of the identity columns: two answers whose rows share any
//! identity value (an email, a name, a nickname, a phone number — a placeholder such as
//! `anonymous` shares nothing) come from one rater, who counts once, with their last
//! answer. Identities are kept as hashes only; an answer is 16 bytes.

use std::collections::HashMap;

/// No identity: the answer is its own rater.
const NOBODY: u32 = u32::MAX;

/// One answer: the subject, the rater's node (or [`NOBODY`]) and the picks.
#[derive(Debug, Clone, Copy)]
struct Answer {
    subject: u32,
    rater: u32,
    mask: u64,
}

/// Gathers answers.
#[derive(Debug, Default)]
pub struct Merge {
    /// Subject ids as the profiles write them → their number.
    subjects: HashMap<String, u32>,
    names: Vec<String>,
    /// Identity value hash → node; nodes linked by union-find.
    nodes: HashMap<u64, u32>,
    parent: Vec<u32>,
    answers: Vec<Answer>,
}

impl Merge {
    fn node(&mut self, value: u64) -> u32 {
        let next = self.parent.len() as u32;
        let n = *self.nodes.entry(value).or_insert(next);
        if n == next {
            self.parent.push(next);
        }
        n
    }

    fn root(&mut self, mut n: u32) -> u32 {
        while self.parent[n as usize] != n {
            let up = self.parent[self.parent[n as usize] as usize];
            self.parent[n as usize] = up;
            n = up;
        }
        n
    }

    /// The rater behind a row's identity values (already folded, placeholders left
    /// out): every value links to the others.
    pub fn rater(&mut self, values: &[String]) -> u32 {
        let mut first: Option<u32> = None;
        for v in values {
            let n = self.node(crate::base::hash::fnv(v));
            let r = self.root(n);
            match first {
                None => first = Some(r),
                // (linking a root to itself changes nothing)
                Some(f) => self.parent[r as usize] = f,
            }
        }
        first.unwrap_or(NOBODY)
    }

    /// Adds an answer with at least one pick, its rater told by the row's identity
    /// values (placeholders left out, the rest folded).
    pub fn answer<'a>(
        &mut self,
        subject: &str,
        identity: impl Iterator<Item = &'a str>,
        mask: u64,
    ) {
        let ids: Vec<String> = identity
            .filter(|v| !super::headers::is_placeholder(v))
            .map(super::employees::fold)
            .collect();
        let rater = self.rater(&ids);
        self.add(subject, rater, mask);
    }

    /// Adds an answer with at least one pick.
    pub fn add(&mut self, subject: &str, rater: u32, mask: u64) {
        let next = self.names.len() as u32;
        let s = *self.subjects.entry(subject.to_string()).or_insert(next);
        if s == next {
            self.names.push(subject.to_string());
        }
        self.answers.push(Answer {
            subject: s,
            rater,
            mask,
        });
    }

    /// Subject id → one set of picks per rater: a rater who answered several times
    /// counts once, with their last answer.
    pub fn finish(mut self) -> HashMap<String, Vec<u64>> {
        let mut last: HashMap<(u32, u32), usize> = HashMap::new();
        let mut keep = vec![true; self.answers.len()];
        for i in 0..self.answers.len() {
            let a = self.answers[i];
            if a.rater == NOBODY {
                continue;
            }
            let r = self.root(a.rater);
            if let Some(before) = last.insert((a.subject, r), i) {
                keep[before] = false;
            }
        }
        let mut out: HashMap<String, Vec<u64>> = HashMap::new();
        for (a, k) in self.answers.iter().zip(keep) {
            if k {
                out.entry(self.names[a.subject as usize].clone())
                    .or_default()
                    .push(a.mask);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_rater_counts_once_with_the_last_answer() {
        let mut m = Merge::default();
        let a = m.rater(&v(&["a@x"]));
        m.add("S1", a, 1);
        let b = m.rater(&v(&["b@x"]));
        m.add("S1", b, 2);
        let a2 = m.rater(&v(&["a@x"]));
        m.add("S1", a2, 4);
        m.add("S2", a2, 8);
        let f = m.finish();
        let mut s1 = f["S1"].clone();
        s1.sort();
        assert_eq!(s1, vec![2, 4], "the last answer of a@x");
        assert_eq!(f["S2"], vec![8]);
    }

    #[test]
    fn any_shared_identity_value_links_two_answers() {
        // the first answer by email and name; the second anonymous by email but with
        // the same name; the third by the same email only
        let mut m = Merge::default();
        let r1 = m.rater(&v(&["a@x", "张三"]));
        m.add("S1", r1, 1);
        let r2 = m.rater(&v(&["张三"]));
        m.add("S1", r2, 2);
        let r3 = m.rater(&v(&["a@x"]));
        m.add("S1", r3, 4);
        let r4 = m.rater(&[]);
        m.add("S1", r4, 8);
        let r5 = m.rater(&[]);
        m.add("S1", r5, 16);
        let mut s1 = m.finish()["S1"].clone();
        s1.sort();
        assert_eq!(
            s1,
            vec![4, 8, 16],
            "one rater, and two answers without identity"
        );
    }

    #[test]
    fn links_made_later_still_join_earlier_answers() {
        let mut m = Merge::default();
        let r1 = m.rater(&v(&["a@x"]));
        m.add("S1", r1, 1);
        let r2 = m.rater(&v(&["李四"]));
        m.add("S1", r2, 2);
        // this row shows a@x and 李四 are one person
        let r3 = m.rater(&v(&["a@x", "李四"]));
        m.add("S2", r3, 4);
        let f = m.finish();
        assert_eq!(f["S1"], vec![2]);
    }
}
