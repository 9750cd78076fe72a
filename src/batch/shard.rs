//! `--shard K/N`: a deterministic slice of a run, given on the command line or taken
//! from the job engine's own index (Kubernetes, Slurm, GNU parallel).

/// `--shard K/N`: the K-th (1-based) of N deterministic slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which slice, 1..=N.
    pub k: usize,
    /// How many slices.
    pub n: usize,
}

impl Shard {
    /// Parses `K/N`, or `auto/N` with K from the job engine's environment.
    pub fn parse(s: &str) -> Result<Shard, String> {
        Shard::parse_with(s, &|v| std::env::var(v).ok())
    }

    /// Parses `K/N` or `auto/N`, reading the environment through `env`.
    pub fn parse_with(s: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| crate::msg!("arg.shard", text = s))?;
        let n: usize = n
            .trim()
            .parse()
            .map_err(|_| crate::msg!("arg.shard.n", text = s))?;
        let k: usize = if k.trim().eq_ignore_ascii_case("auto") {
            let (k, _) =
                Shard::from_engine(env).ok_or_else(|| crate::msg!("arg.shard.auto", text = s))?;
            k
        } else {
            k.trim()
                .parse()
                .map_err(|_| crate::msg!("arg.shard.k", text = s))?
        };
        if n == 0 || k == 0 || k > n {
            return Err(crate::msg!("arg.shard.range", text = s, k = k, n = n));
        }
        Ok(Shard { k, n })
    }

    /// K (1-based) from the job engines' variables, in order: `CAREERBOOK_SHARD_INDEX`
    /// (0-based), Kubernetes Indexed Jobs' `JOB_COMPLETION_INDEX` (0-based), Slurm
    /// arrays' `SLURM_ARRAY_TASK_ID` minus `SLURM_ARRAY_TASK_MIN`, GNU parallel's
    /// `PARALLEL_SEQ` (1-based); with the variable that gave it.
    pub fn from_engine(env: &dyn Fn(&str) -> Option<String>) -> Option<(usize, &'static str)> {
        let num = |v: &str| env(v).and_then(|x| x.trim().parse::<usize>().ok());
        if let Some(i) = num("CAREERBOOK_SHARD_INDEX") {
            return Some((i + 1, "CAREERBOOK_SHARD_INDEX"));
        }
        if let Some(i) = num("JOB_COMPLETION_INDEX") {
            return Some((i + 1, "JOB_COMPLETION_INDEX"));
        }
        if let Some(i) = num("SLURM_ARRAY_TASK_ID") {
            let min = num("SLURM_ARRAY_TASK_MIN").unwrap_or(0);
            return i.checked_sub(min).map(|k| (k + 1, "SLURM_ARRAY_TASK_ID"));
        }
        num("PARALLEL_SEQ")
            .filter(|k| *k > 0)
            .map(|k| (k, "PARALLEL_SEQ"))
    }

    /// Whether the item at `index` (in the canonical order of all items) is ours.
    pub fn takes(&self, index: usize) -> bool {
        index % self.n == self.k - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_shards_take_k_from_the_job_engine() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |v: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == v)
                    .map(|(_, x)| x.to_string())
            }
        };
        let k = |pairs: &'static [(&'static str, &'static str)]| {
            Shard::parse_with("auto/4", &env(pairs)).map(|s| s.k)
        };
        assert_eq!(
            k(&[("CAREERBOOK_SHARD_INDEX", "0"), ("PARALLEL_SEQ", "3")]),
            Ok(1)
        );
        assert_eq!(k(&[("JOB_COMPLETION_INDEX", "3")]), Ok(4));
        assert_eq!(
            k(&[
                ("SLURM_ARRAY_TASK_ID", "12"),
                ("SLURM_ARRAY_TASK_MIN", "10")
            ]),
            Ok(3)
        );
        assert_eq!(k(&[("SLURM_ARRAY_TASK_ID", "2")]), Ok(3));
        assert_eq!(k(&[("PARALLEL_SEQ", "2")]), Ok(2));
        assert!(k(&[("JOB_COMPLETION_INDEX", "4")])
            .unwrap_err()
            .contains("K = 5"));
        let none = k(&[]).unwrap_err();
        for v in [
            "CAREERBOOK_SHARD_INDEX",
            "JOB_COMPLETION_INDEX",
            "SLURM_ARRAY_TASK_ID",
            "PARALLEL_SEQ",
        ] {
            assert!(none.contains(v), "{none}");
        }
        assert_eq!(Shard::parse_with("2/3", &env(&[])).map(|s| s.k), Ok(2));
    }

    #[test]
    fn shards_cover_every_item_exactly_once() {
        for n in 1..=7 {
            let shards: Vec<Shard> = (1..=n).map(|k| Shard { k, n }).collect();
            for i in 0..100 {
                assert_eq!(shards.iter().filter(|s| s.takes(i)).count(), 1);
            }
        }
        assert!(Shard::parse("0/3").is_err());
        assert!(Shard::parse("4/3").is_err());
        assert_eq!(Shard::parse("2/3"), Ok(Shard { k: 2, n: 3 }));
    }
}
