//! Every default that `--help` states is the one the code applies: for each option
//! of `render` and `batch` with a `[default: …]`, a run without the option and a run
//! with the stated value written out give the same files, byte for byte. (`render
//! --help` once said `--min-share` defaulted to "any peer under 4 peers", which no
//! run can be given, and which one peer never did.)

mod common;
use common::{cb, root, TODAY};
use std::collections::BTreeMap;
use std::path::Path;

/// `(option, stated default)` for every option of `help` with a `[default: …]`.
fn defaults(help: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    let mut flush = |c: Option<(String, String)>| {
        if let Some((name, text)) = c {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(i) = text.find("[default: ") {
                let rest = &text[i + "[default: ".len()..];
                out.push((name, rest[..rest.find(']').unwrap()].to_string()));
            }
        }
    };
    for line in help.lines() {
        let t = line.trim_start();
        let opt = t.strip_prefix("--").or_else(|| {
            t.get(4..)
                .filter(|_| t.starts_with('-'))
                .and_then(|r| r.strip_prefix("--"))
        });
        match opt {
            Some(o) if line.len() - t.len() <= 6 => {
                flush(current.take());
                let name = o.split([' ', '<', '=']).next().unwrap().to_string();
                current = Some((name, t.to_string()));
            }
            _ => {
                if let Some((_, text)) = current.as_mut() {
                    text.push(' ');
                    text.push_str(t);
                }
            }
        }
    }
    flush(current);
    out
}

/// Every file a run wrote into `dir`, by name, without the lock file.
fn written(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .filter(|(n, _)| !n.starts_with(".careerbook"))
        .collect()
}

fn run_in(args: &[String]) -> (BTreeMap<String, Vec<u8>>, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = cb().current_dir(dir.path()).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    (
        written(dir.path()),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_stated_default_is_the_default_applied() {
    // li-na has six peers: the Johari thresholds decide her panes
    let li_na = root().join("profiles/li-na.zh.yaml").display().to_string();
    for command in ["render", "batch"] {
        let help = cb().args([command, "--help"]).output().unwrap();
        let help = String::from_utf8(help.stdout).unwrap();
        let stated = defaults(&help);
        let names: Vec<&str> = stated.iter().map(|(n, _)| n.as_str()).collect();
        for expected in [
            "format",
            "output",
            "paper",
            "min-raters",
            "min-share",
            "color",
        ] {
            assert!(
                names.contains(&expected),
                "{command}: {expected} in {stated:?}"
            );
        }
        let base: Vec<String> = [command, &li_na, "--today", TODAY, "-q"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (files, _) = run_in(&base);
        assert!(!files.is_empty());
        for (name, value) in &stated {
            let mut args = base.clone();
            match (name.as_str(), value.as_str()) {
                // stated in words: the number of cores
                ("jobs", "all cores") => args.extend([
                    "--jobs".to_string(),
                    std::thread::available_parallelism().unwrap().to_string(),
                ]),
                // stated in words; tests/messages.rs runs both languages
                ("lang", _) => continue,
                (_, v) => {
                    assert!(
                        !v.contains(' '),
                        "{command} --{name}: the default is stated as `{v}`, not a value"
                    );
                    args.extend([format!("--{name}"), v.to_string()]);
                }
            }
            let (with, _) = run_in(&args);
            assert!(
                with == files,
                "{command} --{name} {value}: not what the run without it wrote"
            );
        }
    }
}

#[test]
fn the_help_says_one_peer_never_places_a_trait() {
    let help = cb().args(["render", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let text = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("never fewer than 2 peers, so one peer alone never places a trait"),
        "{help}"
    );
}
