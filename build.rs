//! Build step: the Traditional-to-Simplified fold table (`assets/zhtw/fold.tsv`) as a
//! sorted static array, so that a process looks characters up without first reading
//! four thousand lines into a map.

use std::fmt::Write;

fn main() {
    println!("cargo::rerun-if-changed=assets/zhtw/fold.tsv");
    let text = std::fs::read_to_string("assets/zhtw/fold.tsv").expect("assets/zhtw/fold.tsv");
    let mut pairs: Vec<(char, char)> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (t, s) = l.split_once('\t')?;
            let one = |x: &str| {
                let mut it = x.chars();
                let c = it.next()?;
                it.next().is_none().then_some(c)
            };
            Some((one(t)?, one(s)?))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| p.0);
    let mut out = String::from("/// Traditional → simplified, sorted by the first.\n");
    let _ = writeln!(out, "pub static FOLD: [(char, char); {}] = [", pairs.len());
    for (t, s) in pairs {
        let _ = writeln!(
            out,
            "    ('\\u{{{:x}}}', '\\u{{{:x}}}'),",
            t as u32, s as u32
        );
    }
    out.push_str("];\n");
    let dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(format!("{dir}/fold.rs"), out).expect("writing fold.rs");
}
