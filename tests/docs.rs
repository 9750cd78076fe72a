//! Every command shown in README.md and docs/*.md is run by this test, or named here or
//! in its page with the reason it is not.
//!
//! The commands are the lines of the ```sh, ```bash, ```shell and ```console blocks
//! (`$ ` lines in a console block), backslash continuations joined and `# …` comments
//! cut. A line that calls careerbook (`careerbook ARGS` or `cargo run --release -- ARGS`)
//! runs the built binary with ARGS, from the repository root, with every path it writes
//! moved into a temporary folder (one per block, so a block's later commands read what
//! its earlier ones wrote). Placeholder inputs the pages use (`roster.xlsx`,
//! `survey.xlsx`, `me.yaml` …) are made in that folder from fixtures ([`STAND_INS`]).
//!
//! A command exits 0 unless the comment line just before its block says otherwise:
//!
//! - `<!-- exits: N -->`: every careerbook command of the block exits N;
//! - `<!-- not run: REASON -->`: the block is not run (a Slurm script, a recipe that
//!   needs GNU parallel).
//!
//! Commands of other programs must be listed in [`OTHER_COMMANDS`] with the reason they
//! are not run here. A new command that is neither runnable nor accounted for fails the
//! test, and so does an entry of either list that no page uses any more.
//!
//! The second test checks that every relative link of the pages leads to a file, and
//! every `#anchor` to a heading.

mod grids;

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Commands of other programs shown in the pages, exactly as written there (continuations
/// joined, comments cut), and why this test does not run them.
const OTHER_COMMANDS: &[(&str, &str)] = &[
    (
        "cargo test --release --locked",
        "the test suite itself, which runs this test",
    ),
    (
        "scripts/bench.sh",
        "the benchmark: minutes of timing, and it installs chromium, poppler, hyperfine and typst",
    ),
    (
        "cargo bench --bench stages",
        "a benchmark: minutes of timing in a release build",
    ),
    (
        "cargo install cargo-fuzz",
        "installs a tool from crates.io; fuzzing is kept out of CI",
    ),
    (
        "cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -O profile -- -max_total_time=600",
        "needs cargo-fuzz, and fuzzes for ten minutes; kept out of CI",
    ),
];

/// A placeholder input the pages name, what stands in for it, and how it is made in the
/// block's folder.
type Make = fn(&Path);

const STAND_INS: &[(&str, &str, Make)] = &[
    (
        "me.yaml",
        "profiles/li-na.zh.yaml",
        |p| copy("profiles/li-na.zh.yaml", p),
    ),
    (
        "roster.xlsx",
        "the 12 employees of tests/fixtures/feedback/exports/employees.csv as an XLSX roster",
        roster_xlsx,
    ),
    (
        "survey.xlsx",
        "tests/fixtures/feedback/exports/01-msforms-en.xlsx (Microsoft Forms, rating those employees)",
        |p| copy("tests/fixtures/feedback/exports/01-msforms-en.xlsx", p),
    ),
    (
        "survey.csv",
        "tests/fixtures/feedback/exports/06-google-forms-en.csv (Google Forms, rating those employees)",
        |p| copy("tests/fixtures/feedback/exports/06-google-forms-en.csv", p),
    ),
    (
        "saved",
        "a folder of those employees' profiles, as their forms save them",
        saved_profiles,
    ),
    (
        "任职资格标准.xlsx",
        "the Chinese qualification grid of tests/grids (sheets 说明, 技术序列, 管理序列)",
        grids::zh_xlsx,
    ),
];

/// Subcommands that write into `.` when no `-o` is given.
const WRITES_TO_DOT: &[&str] = &["render", "batch", "form", "feedback sheets", "overview"];

/// What a block's marker says.
#[derive(Clone, Debug, PartialEq)]
enum Marker {
    None,
    Exits(i32),
    NotRun(String),
}

/// One shell line of a page.
struct Line {
    place: String,
    text: String,
    marker: Marker,
    block: usize,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and docs/*.md, relative to the root, sorted.
fn pages() -> Vec<String> {
    let mut out = vec!["README.md".to_string()];
    let mut docs: Vec<String> = std::fs::read_dir(root().join("docs"))
        .expect("docs/ exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .map(|n| format!("docs/{n}"))
        .collect();
    docs.sort();
    out.extend(docs);
    out
}

fn copy(from: &str, to: &Path) {
    std::fs::copy(root().join(from), to).unwrap_or_else(|e| panic!("{from}: {e}"));
}

/// The employees of the survey fixtures: id, name, department.
fn employees() -> Vec<[String; 3]> {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/feedback/exports/employees.csv"))
            .unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            [c[0].to_string(), c[1].to_string(), c[2].to_string()]
        })
        .collect()
}

fn roster_xlsx(path: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["工号", "姓名", "部门"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in employees().iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, v).unwrap();
        }
    }
    wb.save(path).unwrap();
}

fn saved_profiles(dir: &Path) {
    std::fs::create_dir(dir).unwrap();
    for [id, name, dept] in employees() {
        let yaml = format!(
            "# saved from {id}.form.html\nversion: 1\nlocale: zh-CN\nperson:\n  name: \"{name}\"\n  id: \"{id}\"\n  department: \"{dept}\"\n"
        );
        std::fs::write(dir.join(format!("{id}.yaml")), yaml).unwrap();
    }
}

/// The marker a comment line states, if it is one.
fn marker_of(line: &str) -> Option<Marker> {
    let inner = line
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    if let Some(n) = inner.strip_prefix("exits:") {
        return Some(Marker::Exits(n.trim().parse().unwrap_or(-1)));
    }
    inner
        .strip_prefix("not run:")
        .map(|r| Marker::NotRun(r.trim().to_string()))
}

/// The text before an unquoted ` #` (a shell comment).
fn cut_comment(line: &str) -> &str {
    let (mut single, mut double, mut prev_space) = (false, false, true);
    for (i, c) in line.char_indices() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '#' if !single && !double && prev_space => return line[..i].trim_end(),
            _ => {}
        }
        prev_space = c.is_whitespace();
    }
    line.trim_end()
}

/// The shell lines of every page, and the problems of the pages' form.
fn shell_lines(problems: &mut Vec<String>) -> Vec<Line> {
    let mut out = Vec::new();
    let mut block = 0;
    for page in pages() {
        let text = std::fs::read_to_string(root().join(&page)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let trimmed = lines[i].trim_start();
            if let Some(m) = marker_of(trimmed) {
                let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
                if !next.is_some_and(|l| l.trim_start().starts_with("```")) {
                    problems.push(format!(
                        "{page}:{}: {m:?} is not just before a code block",
                        i + 1
                    ));
                }
            }
            let Some(info) = trimmed.strip_prefix("```") else {
                i += 1;
                continue;
            };
            let indent = lines[i].len() - trimmed.len();
            let lang = info.split_whitespace().next().unwrap_or("").to_string();
            let marker = lines[..i]
                .iter()
                .rev()
                .find(|l| !l.trim().is_empty())
                .and_then(|l| marker_of(l))
                .unwrap_or(Marker::None);
            if lang.is_empty() {
                problems.push(format!(
                    "{page}:{}: a code block without a language: label it `sh` (run) or `text`",
                    i + 1
                ));
            }
            let start = i + 1;
            let mut end = start;
            while end < lines.len() && !lines[end].trim_start().starts_with("```") {
                end += 1;
            }
            block += 1;
            if matches!(lang.as_str(), "sh" | "bash" | "shell" | "console") {
                let body: Vec<(usize, &str)> = (start..end)
                    .map(|n| {
                        let l = lines[n];
                        let cut = l.len() - l.trim_start().len();
                        (n + 1, &l[cut.min(indent)..])
                    })
                    .collect();
                let mut k = 0;
                while k < body.len() {
                    let (n, first) = body[k];
                    k += 1;
                    let first = if lang == "console" {
                        match first.strip_prefix("$ ") {
                            Some(c) => c,
                            None => continue, // the command's output
                        }
                    } else {
                        first
                    };
                    let mut joined = cut_comment(first).to_string();
                    while joined.ends_with('\\') && k < body.len() {
                        joined.pop();
                        joined.push(' ');
                        joined.push_str(cut_comment(body[k].1.trim_start()));
                        k += 1;
                    }
                    let joined = joined.split_whitespace().collect::<Vec<_>>().join(" ");
                    if joined.is_empty() || joined.starts_with('#') {
                        continue;
                    }
                    out.push(Line {
                        place: format!("{page}:{n}"),
                        text: joined,
                        marker: marker.clone(),
                        block,
                    });
                }
            } else if !matches!(marker, Marker::None) {
                problems.push(format!(
                    "{page}:{}: a marker on a `{lang}` block, which is never run",
                    i + 1
                ));
            }
            i = end + 1;
        }
    }
    out
}

/// The words of a shell line, quotes removed; `None` when it needs a shell (pipes,
/// redirections, `&&`, variables, globs, command substitution).
fn words(line: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => {
                if let Some(w) = word.take() {
                    out.push(w);
                }
            }
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next()? {
                        '\'' => break,
                        c => w.push(c),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next()? {
                        '"' => break,
                        '$' | '`' => return None,
                        '\\' => w.push(chars.next()?),
                        c => w.push(c),
                    }
                }
            }
            '\\' => word.get_or_insert_with(String::new).push(chars.next()?),
            '|' | '&' | ';' | '<' | '>' | '$' | '`' | '*' | '?' | '(' | ')' | '{' | '}' => {
                return None
            }
            '[' | '~' if word.is_none() => return None,
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    out.extend(word);
    Some(out)
}

/// careerbook's arguments, when the line calls careerbook.
fn careerbook_args(words: &[String]) -> Option<Vec<String>> {
    match words.first().map(String::as_str) {
        Some("careerbook") => Some(words[1..].to_vec()),
        Some("cargo") if words.get(1).map(String::as_str) == Some("run") => {
            let dash = words.iter().position(|w| w == "--")?;
            Some(words[dash + 1..].to_vec())
        }
        _ => None,
    }
}

/// Whether a line calls careerbook, judged without parsing it as a shell would.
fn mentions_careerbook(line: &str) -> bool {
    line.split_whitespace()
        .any(|w| w == "careerbook" || w.ends_with("/careerbook"))
        || line.starts_with("cargo run")
}

/// A block's temporary folder, what earlier commands wrote in it, and the stand-ins made.
struct Sandbox {
    dir: tempfile::TempDir,
    known: BTreeSet<String>,
    /// What the command being rewritten writes.
    writes: Vec<PathBuf>,
}

impl Sandbox {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name.trim_start_matches('/'))
    }

    /// `arg` moved into the folder when an earlier command wrote it or it is a stand-in.
    fn input(&mut self, arg: &str, used: &mut BTreeSet<&'static str>) -> Option<PathBuf> {
        let bare = arg.trim_end_matches('/');
        if self
            .known
            .iter()
            .any(|k| bare == k || bare.starts_with(&format!("{k}/")))
        {
            return Some(self.path(arg));
        }
        let (name, _, make) = STAND_INS.iter().find(|(n, _, _)| *n == bare)?;
        used.insert(*name);
        make(&self.path(bare));
        self.known.insert(bare.to_string());
        Some(self.path(arg))
    }

    fn output(&mut self, arg: &str) -> PathBuf {
        self.known.insert(arg.trim_end_matches('/').to_string());
        self.writes.push(self.path(arg));
        self.path(arg)
    }
}

/// The subcommand (`render`, `ladders import` …) and where its words start.
fn subcommand(args: &[String]) -> String {
    let mut i = 0;
    let mut words = Vec::new();
    while i < args.len() && words.len() < 2 {
        let a = args[i].as_str();
        if a == "--lang" || a == "--color" {
            i += 2;
            continue;
        }
        if a.starts_with('-') {
            if words.is_empty() {
                i += 1;
                continue;
            }
            break;
        }
        words.push(a);
        if !matches!(words[0], "ladders" | "feedback" | "templates") {
            break;
        }
        i += 1;
    }
    words.join(" ")
}

/// careerbook's arguments with every path it writes (and every path an earlier command
/// of the block wrote, and every stand-in) moved into the block's folder.
fn rewrite(args: &[String], sb: &mut Sandbox, used: &mut BTreeSet<&'static str>) -> Vec<OsString> {
    let sub = subcommand(args);
    sb.writes.clear();
    let mut out: Vec<OsString> = Vec::new();
    let mut has_output = false;
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if (a == "-o" || a == "--output") && i + 1 < args.len() {
            has_output = true;
            out.push(a.into());
            let v = &args[i + 1];
            out.push(if v == "-" {
                v.into()
            } else {
                sb.output(v).into()
            });
            i += 2;
            continue;
        }
        if let Some(v) = a
            .strip_prefix("--output=")
            .or_else(|| a.strip_prefix("-o").filter(|v| !v.is_empty() && *v != "-"))
        {
            has_output = true;
            out.push(
                format!(
                    "--output={}",
                    sb.output(v.trim_start_matches('=')).display()
                )
                .into(),
            );
        } else if sub == "templates eject" && i > 0 && args[i - 1] == "eject" {
            out.push(sb.output(a).into());
        } else if let Some((flag, v)) = a.split_once('=').filter(|_| a.starts_with("--")) {
            match sb.input(v, used) {
                Some(p) => out.push(format!("{flag}={}", p.display()).into()),
                None => out.push(a.into()),
            }
        } else {
            match sb.input(a, used) {
                Some(p) => out.push(p.into()),
                None => out.push(a.into()),
            }
        }
        i += 1;
    }
    if !has_output && WRITES_TO_DOT.contains(&sub.as_str()) {
        out.push("-o".into());
        out.push(sb.dir.path().into());
    }
    out
}

/// Runs the binary from the root; its exit code (or `None` when it had to be killed).
fn run(args: &[OsString]) -> (Option<i32>, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_careerbook"));
    cmd.args(args)
        .current_dir(root())
        .env("CAREERBOOK_LANG", "en")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for v in [
        "CAREERBOOK_SHARD_INDEX",
        "JOB_COMPLETION_INDEX",
        "SLURM_ARRAY_TASK_ID",
        "SLURM_ARRAY_TASK_MIN",
        "PARALLEL_SEQ",
        "CAREERBOOK_PDF_WRITER",
    ] {
        cmd.env_remove(v);
    }
    let mut child = cmd.spawn().expect("the binary runs");
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).ok();
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s.code();
        }
        if start.elapsed() > Duration::from_secs(180) {
            child.kill().ok();
            child.wait().ok();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    (status, reader.join().unwrap())
}

/// The names at the top of the repository (no command may write there).
fn top_level() -> BTreeSet<OsString> {
    std::fs::read_dir(root())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect()
}

#[test]
fn every_command_in_the_docs_runs() {
    let started = Instant::now();
    let before = top_level();
    let mut problems = Vec::new();
    let lines = shell_lines(&mut problems);
    let mut used_others = BTreeSet::new();
    let mut used_stand_ins = BTreeSet::new();
    let mut report = Vec::new();
    let mut ran = Vec::new();
    let mut sandboxes: BTreeMap<usize, Sandbox> = BTreeMap::new();

    for line in &lines {
        if let Marker::NotRun(reason) = &line.marker {
            report.push(format!(
                "not run  {}  {}  ({reason})",
                line.place, line.text
            ));
            continue;
        }
        let args = words(&line.text).and_then(|w| careerbook_args(&w));
        let Some(args) = args else {
            if let Some((_, why)) = OTHER_COMMANDS.iter().find(|(c, _)| *c == line.text) {
                used_others.insert(line.text.as_str());
                report.push(format!("not run  {}  {}  ({why})", line.place, line.text));
            } else if mentions_careerbook(&line.text) {
                problems.push(format!(
                    "{}: `{}` calls careerbook through the shell (a pipe, a variable, a glob …), \
                     which this test cannot run: write it as a plain command, or put \
                     `<!-- not run: REASON -->` before its block",
                    line.place, line.text
                ));
            } else {
                problems.push(format!(
                    "{}: `{}` is not a careerbook command: add it to OTHER_COMMANDS in \
                     tests/docs.rs with the reason it is not run, or put \
                     `<!-- not run: REASON -->` before its block",
                    line.place, line.text
                ));
            }
            continue;
        };
        let sb = sandboxes.entry(line.block).or_insert_with(|| Sandbox {
            dir: tempfile::tempdir().unwrap(),
            known: BTreeSet::new(),
            writes: Vec::new(),
        });
        let argv = rewrite(&args, sb, &mut used_stand_ins);
        let expected = match line.marker {
            Marker::Exits(n) => n,
            _ => 0,
        };
        let t = Instant::now();
        let (code, stderr) = run(&argv);
        let took = t.elapsed();
        report.push(format!(
            "ran      {}  {}  (exit {}, {:.2} s)",
            line.place,
            line.text,
            code.map_or("killed".into(), |c| c.to_string()),
            took.as_secs_f64()
        ));
        ran.push(line.text.clone());
        if code != Some(expected) {
            problems.push(format!(
                "{}: `{}` exited {code:?}, the page implies {expected}\n  ran: {argv:?}\n  stderr:\n{}",
                line.place,
                line.text,
                stderr.lines().take(30).collect::<Vec<_>>().join("\n")
            ));
        } else if code == Some(0) {
            // the rewriting is real: what the command was told to write is there
            for w in sb.writes.iter().filter(|w| !w.exists()) {
                problems.push(format!(
                    "{}: `{}` exited 0 but did not write {}",
                    line.place,
                    line.text,
                    w.display()
                ));
            }
        }
    }

    for (cmd, _) in OTHER_COMMANDS {
        if !used_others.contains(cmd) {
            problems.push(format!(
                "OTHER_COMMANDS lists `{cmd}`, which no page shows any more"
            ));
        }
    }
    for (name, _, _) in STAND_INS {
        if !used_stand_ins.contains(name) {
            problems.push(format!(
                "STAND_INS has `{name}`, which no command uses any more"
            ));
        }
    }
    let quick_start =
        "cargo run --release -- render profiles/li-na.zh.yaml -f pdf,html,json -o out --today 2026-11-23";
    if !ran.iter().any(|c| c == quick_start) {
        problems.push(format!(
            "the README's quick start `{quick_start}` was not found and run"
        ));
    }
    let after = top_level();
    if before != after {
        problems.push(format!(
            "the commands wrote into the repository: {:?}",
            after.difference(&before).collect::<Vec<_>>()
        ));
    }

    println!("{}", report.join("\n"));
    println!(
        "{} command line(s): {} run, {} not run; {:.1} s",
        report.len(),
        ran.len(),
        report.len() - ran.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(problems.is_empty(), "\n{}", problems.join("\n\n"));
}

/// GitHub's anchor of a heading: lower case, punctuation dropped, spaces as `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The anchors of a page's headings (outside code blocks).
fn anchors(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut in_code = false;
    for l in text.lines() {
        if l.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if !in_code && l.starts_with('#') {
            out.insert(slug(l.trim_start_matches('#')));
        }
    }
    out
}

#[test]
fn every_link_in_the_docs_leads_somewhere() {
    let mut problems = Vec::new();
    for page in pages() {
        let text = std::fs::read_to_string(root().join(&page)).unwrap();
        let here = root().join(&page).parent().unwrap().to_path_buf();
        let mut in_code = false;
        for (n, l) in text.lines().enumerate() {
            if l.trim_start().starts_with("```") {
                in_code = !in_code;
            }
            if in_code {
                continue;
            }
            let mut rest = l;
            while let Some(i) = rest.find("](") {
                let after = &rest[i + 2..];
                let Some(j) = after.find(')') else { break };
                let target = &after[..j];
                rest = &after[j..];
                if target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
                let path = if file.is_empty() {
                    root().join(&page)
                } else {
                    here.join(file)
                };
                if !path.exists() {
                    problems.push(format!("{page}:{}: `{target}`: no such file", n + 1));
                    continue;
                }
                if !anchor.is_empty() {
                    let t = std::fs::read_to_string(&path).unwrap_or_default();
                    if !anchors(&t).contains(anchor) {
                        problems.push(format!("{page}:{}: `{target}`: no such heading", n + 1));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
