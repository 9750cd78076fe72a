//! The rules of text fields, which the form applies as they are typed: control
//! characters (C0 and C1 alike, but tabs and line breaks) are refused with one
//! message at the field, not also a false "empty"; spaces at the ends are read as
//! absent, so a name of spaces only is empty.

mod common;
use common::check_text;

#[test]
fn control_characters_are_one_problem_at_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let out = check_text(
        dir.path(),
        "c1.yaml",
        "person:\n  name: \"王\\u0085芳\"\nactions:\n  - goal: \"考\\u009B证\"\n    note: \"a\\tb\\nc\"\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("error: ").count(), 2, "{stderr}");
    assert_eq!(
        stderr
            .matches("error: the text contains control characters")
            .count(),
        2,
        "{stderr}"
    );
    assert!(stderr.contains("c1.yaml:2:9"), "{stderr}");
    assert!(stderr.contains("c1.yaml:4:11"), "{stderr}");
    assert!(!stderr.contains("empty"), "{stderr}");
    // spaces (ASCII, NBSP, U+3000) only: empty, and said so once
    let out = check_text(
        dir.path(),
        "blank.yaml",
        "person:\n  name: \"\\u3000 \\u00a0\\t\"\n",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("error: ").count(), 1, "{stderr}");
    assert!(stderr.contains("the name is empty"), "{stderr}");
}
