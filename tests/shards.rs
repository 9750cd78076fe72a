//! `careerbook overview` over the shards' counts: shards carry their run's
//! fingerprint and group minimum, so other runs' shards are refused and a merge never
//! suppresses less than the run did; damaged or hostile counts files are refused,
//! naming the file, and never crash or exhaust the machine.

mod common;

use common::{cb, TODAY};
use std::path::{Path, PathBuf};

/// `n` profiles in two departments (`tag` makes another roster of the same size).
fn profiles(dir: &Path, n: usize, tag: &str) -> PathBuf {
    let d = dir.join(format!("in-{tag}"));
    std::fs::create_dir_all(&d).unwrap();
    for i in 0..n {
        let dept = if i % 2 == 0 { "Support" } else { "R&D" };
        let level = if i % 3 == 0 { "supervisor" } else { "staff" };
        std::fs::write(
            d.join(format!("p{i:02}.yaml")),
            format!("person:\n  name: {tag}{i}\n  id: {tag}{i:02}\n  department: {dept}\n  birth_year: {}\ncareer: {{ track: administrative, level: {level} }}\nneeds:\n  top: [money, security]\n", 1975 + i),
        )
        .unwrap();
    }
    d
}

/// Runs a batch of `input` into `out` (JSON only: the counts are what matters).
fn batch(input: &Path, out: &Path, args: &[&str]) {
    let run = cb()
        .arg("batch")
        .arg(input)
        .args(["-f", "json", "-q", "--today", TODAY])
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// `careerbook overview` of `inputs` into `out`: (exit code, stderr).
fn overview(inputs: &[&Path], out: &Path, args: &[&str]) -> (Option<i32>, String) {
    let run = cb()
        .arg("overview")
        .args(inputs)
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    (
        run.status.code(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

/// Two shards of 12 people made with `args`, in `dir/k`.
fn two_shards(dir: &Path, input: &Path, args: &[&str]) -> [PathBuf; 2] {
    [1, 2].map(|k| {
        let out = dir.join(format!("shard{k}"));
        let mut a = vec!["--shard".to_string(), format!("{k}/2")];
        a.extend(args.iter().map(|s| s.to_string()));
        batch(
            input,
            &out,
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        out.join(format!("_overview-{k}-of-2.json"))
    })
}

#[test]
fn shards_carry_a_fingerprint_without_names_and_the_group_minimum() {
    let dir = tempfile::tempdir().unwrap();
    let input = profiles(dir.path(), 12, "A");
    let [one, two] = two_shards(dir.path(), &input, &["--min-group", "7"]);
    let text = std::fs::read_to_string(&one).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let run = v["run"].as_str().unwrap();
    assert_eq!(run.len(), 64, "a SHA-256: {run}");
    assert!(run.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(v["min_group"], 7);
    assert!(!text.contains("in-A"), "no input path in the counts");
    // merged with a smaller --min-group: the run's 7 still holds, as in one run
    let merged = dir.path().join("merged");
    let (code, err) = overview(&[&one, &two], &merged, &["--min-group", "3"]);
    assert_eq!(code, Some(0), "{err}");
    let whole = dir.path().join("whole");
    batch(&input, &whole, &["--min-group", "7"]);
    let csv = std::fs::read_to_string(merged.join("_overview.csv")).unwrap();
    assert_eq!(
        csv,
        std::fs::read_to_string(whole.join("_overview.csv")).unwrap()
    );
    // 6 per department: under 7, so nothing personal shows
    assert!(
        csv.contains("position,Support,on_track,suppressed"),
        "{csv}"
    );
    // shards of another roster of the same size, N and --today are another run
    let other = profiles(dir.path(), 12, "B");
    let o = dir.path().join("other");
    batch(&other, &o, &["--shard", "2/2", "--min-group", "7"]);
    let (code, err) = overview(&[&one, &o.join("_overview-2-of-2.json")], &merged, &[]);
    assert_eq!(code, Some(2));
    assert!(err.contains("shards of different runs"), "{err}");
}

/// Writes `shard` with one value changed (`edit`: `path.to.key=JSON`) as `dir/name`
/// and merges it with `partner`:
/// the merge must be refused naming the file, with `needle` in the reason.
fn refused(dir: &Path, shard: &Path, partner: &Path, name: &str, edit: &str, needle: &str) {
    let text = std::fs::read_to_string(shard).unwrap();
    let (key, value) = edit.split_once('=').unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut at = &mut v;
    for part in key.split('.') {
        at = match part.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[part],
        };
    }
    *at = serde_json::from_str(value).unwrap();
    let raw = serde_json::to_string(&v).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, raw).unwrap();
    let (code, err) = overview(&[&path, partner], &dir.join("m"), &[]);
    assert_eq!(code, Some(2), "{edit}: {err}");
    assert!(
        err.contains(&path.display().to_string()),
        "{edit}: names the file: {err}"
    );
    assert!(err.contains(needle), "{edit}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn damaged_counts_are_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = profiles(dir.path(), 12, "A");
    let [one, two] = two_shards(dir.path(), &input, &[]);
    let d = dir.path();
    let damaged = "counts are damaged";
    for (i, (edit, needle)) in [
        ("shard.1=18446744073709551615", damaged),
        ("shard.1=1099511627776", damaged),
        ("shard.0=0", damaged),
        ("shard.0=3", damaged),
        ("total=9223372036854775808", damaged),
        ("ok=-1", damaged),
        ("total=1e3", damaged),
        ("ok=99999999999999999999999", damaged),
        ("positions.Support.ahead=1000", damaged),
        ("mismatches.Support=99", damaged),
        ("enough_raters=5", damaged),
        ("progress.Support.with_actions=7", damaged),
        ("run=\"\"", damaged),
        ("min_group=1", damaged),
    ]
    .into_iter()
    .enumerate()
    {
        refused(d, &one, &two, &format!("t{i}.json"), edit, needle);
    }
    // two shards whose sums together would overflow a 64-bit count
    let big = "total=9223372036854775807";
    refused(d, &one, &two, "big1.json", big, damaged);
    refused(d, &two, &d.join("big1.json"), "big2.json", big, damaged);
}

#[test]
fn only_regular_files_of_bounded_size_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let input = profiles(dir.path(), 4, "A");
    // made with the lowest group minimum allowed, which a merge accepts
    let [one, two] = two_shards(dir.path(), &input, &["--min-group", "3"]);
    let d = dir.path().join("hostile");
    std::fs::create_dir_all(&d).unwrap();
    // a link to /dev/zero would never end; a FIFO would block for ever
    let zero = d.join("_overview-1-of-2.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let (code, err) = overview(&[&zero, &two], &d.join("m"), &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(&zero.display().to_string()) && err.contains("not a regular file"),
        "{err}"
    );
    let fifo = d.join("fifo");
    std::fs::create_dir_all(&fifo).unwrap();
    let pipe = fifo.join("_overview-1-of-2.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let (code, err) = overview(&[&fifo, &two], &d.join("m"), &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    // over 64 MiB (sparse: nothing is written)
    let huge = d.join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len((64 << 20) + 1)
        .unwrap();
    let (code, err) = overview(&[&huge, &two], &d.join("m"), &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("huge.json") && err.contains("at most 67108864 bytes"),
        "{err}"
    );
    // and the real pair still merges
    let (code, err) = overview(&[&one, &two], &d.join("m"), &[]);
    assert_eq!(code, Some(0), "{err}");
}
