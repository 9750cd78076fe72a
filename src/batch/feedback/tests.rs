//! The feedback reader on small tables: identities, placeholders, YAML files.

use super::*;

fn staff(ids: &[&str]) -> Employees {
    let mut e = Employees::default();
    for (i, id) in ids.iter().enumerate() {
        e.add(Some(id), &format!("员工{i}"));
    }
    e
}

fn read_csv(text: &str, ids: &[&str]) -> Result<Feedback, String> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f.csv");
    std::fs::write(&p, text).unwrap();
    read(&[p], Some(&staff(ids)), &Override::default())
}

fn lines(f: &Feedback) -> String {
    f.files
        .iter()
        .flat_map(|r| r.lines.iter().chain(r.mapping.iter()))
        .cloned()
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_comma_in_a_rater_name_never_reaches_a_message() {
    let f = read_csv(
        "subject_id,rater,adjectives\nS1,Wang, Xiaoming,calm;bold\nS1,Li,kind;calm\n",
        &["S1"],
    )
    .unwrap();
    let all = lines(&f);
    assert!(all.contains("f.csv:row 2"), "{all}");
    assert!(!all.contains("Xiaoming") && !all.contains("Wang"), "{all}");
    assert_eq!(f.files[0].skipped[&Skip::RowWide], 1);
}

#[test]
fn rater_columns_de_duplicate_and_no_rater_column_is_said() {
    let f = read_csv(
        "subject_id,rater_name,adjectives\nS1,A,calm;kind\nS1,A,bold;kind\nS1,A,kind;wise\nS1,B,calm;wise\n",
        &["S1"],
    )
    .unwrap();
    assert_eq!(f.for_subject("S1").len(), 2);
    assert!(
        lines(&f).contains("rater identity from column B"),
        "{}",
        lines(&f)
    );
    let f = read_csv(
        "subject_id,adjectives\nS1,calm;kind\nS1,bold;wise\n",
        &["S1"],
    )
    .unwrap();
    assert_eq!(f.for_subject("S1").len(), 2);
    assert!(lines(&f).contains("each row counts as one rater"));
}

#[test]
fn the_raters_own_id_is_identity_beside_a_specific_subject() {
    let f = read_csv(
        "工号,姓名,被评价人工号,形容词\nE1,李娜,E3,可靠、冷静\nE2,王芳,E3,冷静、善良\nE1,李娜,E3,耐心、安静\n",
        &["E1", "E2", "E3"],
    )
    .unwrap();
    assert_eq!(
        f.for_subject("E3").len(),
        2,
        "E1 answered twice and counts once"
    );
    assert!(f.for_subject("E1").is_empty());
    // Microsoft Forms: ID is the response number
    let f = read_csv(
        "ID,Start time,Completion time,Email,Name,subject_id,adjectives\n1,t,t,a@x,A,S1,calm;kind;\n2,t,t,b@x,B,S1,kind;wise;\n3,t,t,c@x,C,S2,bold;calm;\n",
        &["S1", "S2", "1", "2"],
    )
    .unwrap();
    assert_eq!(f.for_subject("S1").len(), 2);
    assert!(f.for_subject("1").is_empty());
}

#[test]
fn yaml_messages_quote_nothing_ids_stay_as_written_and_a_bom_is_no_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "- subject_id: 0x1F\n  adjectives: [calm]\n- subject_id: S1\n  王小明: [calm]\n- subject_id: S1\n  adjectives: \"LEAK calm\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.yaml"),
        "subject_id: S2\nadjectives: [calm]\n---\nsubject_id: S3\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.yaml"),
        "\u{feff}subject_id: S2\nadjectives: [kind]\n",
    )
    .unwrap();
    let files = files_of(dir.path()).unwrap();
    let f = read(&files, None, &Override::default()).unwrap();
    assert_eq!(f.for_subject("0x1F").len(), 1);
    assert_eq!(f.for_subject("S2").len(), 1, "the BOM file reads");
    let all = lines(&f);
    assert!(!all.contains("王小明") && !all.contains("LEAK"), "{all}");
    assert!(
        all.contains("b.yaml:3:1") && all.contains("more than one YAML document"),
        "{all}"
    );
    assert!(!all.contains("c.yaml"), "{all}");
}

#[test]
fn empty_answers_are_not_raters() {
    let f = read_csv(
        "subject_id,rater,adjectives\nS1,a,\nS1,b, ; \nS1,c,calm;kind\nS2,d,calm;kind\n",
        &["S1", "S2"],
    )
    .unwrap();
    assert_eq!(f.for_subject("S1").len(), 1);
    assert_eq!(f.files[0].skipped[&Skip::NoAdjective], 2);
}

#[test]
fn unknown_words_are_placed_by_row_and_column_without_quoting() {
    let f = read_csv(
        "subject_id,rater,adjectives\nS1,a,calm;Zhangsan;kind\nS2,b,calm;kind\n",
        &["S1", "S2"],
    )
    .unwrap();
    let all = lines(&f);
    assert!(
        all.contains(
            "f.csv:row 2, column C: an option that is not one of the 55 adjectives is left out"
        ),
        "{all}"
    );
    assert!(!all.contains("Zhangsan"));
    assert_eq!(f.for_subject("S1")[0].len(), 2);
}

#[test]
fn one_bad_yaml_entry_skips_only_itself_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "- subject_id: S1\n  adjectives: [calm]\n- subject_id: S1\n  adjektives: [bold]\n- subject_id: 0x1F\n  adjectives: [kind]\n",
    )
    .unwrap();
    let f = read(&files_of(dir.path()).unwrap(), None, &Override::default()).unwrap();
    assert_eq!(f.for_subject("S1").len(), 1);
    let r = &f.files[0];
    assert_eq!(r.lines.len(), 1, "{:?}", r.lines);
    assert!(r.lines[0].contains("a.yaml:3:3: entry 2:"), "{:?}", r.lines);
}

#[test]
fn placeholders_identify_nobody_and_hide_no_other_identity() {
    let f = read_csv(
        "Email,subject_id,adjectives\nanonymous,S1,calm;kind\nanonymous,S1,kind;wise\nAnonymous,S1,wise;calm\n",
        &["S1"],
    )
    .unwrap();
    assert_eq!(f.for_subject("S1").len(), 3);
    // an anonymous email does not hide the filled name: 张三 answered twice
    let f = read_csv(
        "Email,Name,subject_id,adjectives\nanonymous,张三,S1,calm;kind\nanonymous,张三,S1,kind;wise\nanonymous,李四,S1,wise;calm\n",
        &["S1"],
    )
    .unwrap();
    assert_eq!(f.for_subject("S1").len(), 2);
    let f = read_csv(
        "来自IP,被评价人工号,形容词\n203.0.113.77(深圳),S1,冷静、可靠\n203.0.113.77(深圳),S1,善良、耐心\n",
        &["S1"],
    )
    .unwrap();
    assert_eq!(
        f.for_subject("S1").len(),
        2,
        "one office IP is many colleagues"
    );
}

#[test]
fn the_last_answer_of_a_repeat_rater_counts() {
    let f = read_csv(
        "Email,subject_id,adjectives\na@x,S1,calm;kind\nb@x,S1,bold;wise\na@x,S1,shy;quiet\n",
        &["S1"],
    )
    .unwrap();
    let picks: Vec<Vec<&str>> = f
        .for_subject("S1")
        .iter()
        .map(|v| v.iter().map(|a| a.id).collect())
        .collect();
    assert!(picks.contains(&vec!["quiet", "shy"]), "{picks:?}");
    assert!(!picks.iter().any(|p| p.contains(&"calm")), "{picks:?}");
}

#[test]
fn two_columns_of_ids_are_not_guessed() {
    let e = read_csv(
        "mine,theirs,adjectives\nE1,E2,calm;kind\nE2,E1,kind;wise\n",
        &["E1", "E2"],
    )
    .unwrap_err();
    assert!(
        e.contains("columns A and B all hold this run's employees"),
        "{e}"
    );
    assert!(e.contains("--feedback-columns subject="), "{e}");
}

#[test]
fn an_empty_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.docx"), "x").unwrap();
    let e = files_of(dir.path()).unwrap_err();
    assert!(e.contains("holds no feedback file"), "{e}");
}
