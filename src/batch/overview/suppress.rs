//! The overview's suppression rules, after all counting: a cell that counts people by
//! something personal is shown only when at least the group minimum stand behind it
//! (zero is shown); where a row's total is known, a lone hidden cell takes another
//! with it; and feedback coverage, known in all and by department, hides departments
//! together so that neither the total nor the other departments give one away.

use std::collections::BTreeMap;

/// A count shown only when at least `k` people stand behind it (zero is shown).
pub fn cell(n: usize, k: usize) -> Option<usize> {
    (n == 0 || n >= k).then_some(n)
}

/// Suppresses small cells of a row whose total is known, and one more cell when a
/// single suppressed cell could be worked out from the total.
pub fn row_cells(values: &[usize], k: usize) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = values.iter().map(|n| cell(*n, k)).collect();
    if out.iter().filter(|c| c.is_none()).count() == 1 {
        if let Some(i) = values
            .iter()
            .enumerate()
            .filter(|(i, n)| out[*i].is_some() && **n > 0)
            .min_by_key(|(i, n)| (**n, *i))
            .map(|(i, _)| i)
        {
            out[i] = None;
        }
    }
    out
}

/// Feedback coverage as the shared overview shows it (`None`: suppressed).
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// People with enough raters, in all.
    pub enough: Option<usize>,
    /// People with too few raters, in all.
    pub too_few: Option<usize>,
    /// Department → people with enough raters.
    pub by_department: BTreeMap<String, Option<usize>>,
}

/// Coverage from each department's (name, people, people with enough raters).
///
/// A department's count is shown when it has at least `k` people and both its
/// counts (enough, too few: its headcount is known) are zero or at least `k`. When
/// the totals are shown, the hidden departments together must hold at least `k`
/// with enough raters and `k` with too few (unless nobody in the run has that many),
/// else more departments are hidden, the fewest first: the total minus the shown
/// departments then tells nothing about any one hidden department.
pub fn coverage(departments: &[(&str, usize, usize)], k: usize) -> Coverage {
    let people: usize = departments.iter().map(|d| d.1).sum();
    let enough: usize = departments.iter().map(|d| d.2).sum();
    let too_few = people - enough;
    let totals = if people < k {
        vec![None, None]
    } else {
        row_cells(&[enough, too_few], k)
    };
    let split = |i: usize| (departments[i].2, departments[i].1 - departments[i].2);
    let mut shown: Vec<bool> = (0..departments.len())
        .map(|i| {
            let (e, t) = split(i);
            departments[i].1 >= k && row_cells(&[e, t], k)[0].is_some()
        })
        .collect();
    if totals.iter().all(Option::is_some) {
        hide_together(&mut shown, &split, (enough, too_few), k);
    }
    Coverage {
        enough: totals[0],
        too_few: totals[1],
        by_department: departments
            .iter()
            .enumerate()
            .map(|(i, d)| (d.0.to_string(), shown[i].then_some(d.2)))
            .collect(),
    }
}

/// Hides more departments until the hidden ones together are no small group.
fn hide_together(
    shown: &mut [bool],
    split: &dyn Fn(usize) -> (usize, usize),
    (enough, too_few): (usize, usize),
    k: usize,
) {
    loop {
        let hidden: Vec<usize> = (0..shown.len()).filter(|i| !shown[*i]).collect();
        let e: usize = hidden.iter().map(|i| split(*i).0).sum();
        let t: usize = hidden.iter().map(|i| split(*i).1).sum();
        let short_e = enough > 0 && e < k;
        let short_t = too_few > 0 && t < k;
        if hidden.is_empty() || !(short_e || short_t) {
            return;
        }
        let part = |i: usize| if short_e { split(i).0 } else { split(i).1 };
        let next = (0..shown.len())
            .filter(|i| shown[*i] && part(*i) > 0)
            .min_by_key(|i| (part(*i), *i));
        match next {
            Some(i) => shown[i] = false,
            None => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cells_go_and_a_lone_one_takes_a_neighbour_with_it() {
        assert_eq!(cell(0, 5), Some(0));
        assert_eq!(cell(4, 5), None);
        assert_eq!(cell(5, 5), Some(5));
        // ahead 2 alone would be the total minus the others: the smallest other goes too
        assert_eq!(
            row_cells(&[2, 6, 7, 0], 5),
            vec![None, None, Some(7), Some(0)]
        );
        // two small cells already hide each other
        assert_eq!(
            row_cells(&[2, 3, 9, 0], 5),
            vec![None, None, Some(9), Some(0)]
        );
        assert_eq!(
            row_cells(&[5, 6, 0, 0], 5),
            vec![Some(5), Some(6), Some(0), Some(0)]
        );
    }
}
