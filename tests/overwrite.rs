//! Nothing is overwritten unasked: every command that writes a file the user named
//! (`init -o`, `schema -o`) refuses when it exists, and writes it with `--force`.

mod common;
use common::cb;

#[test]
fn schema_and_init_refuse_to_overwrite_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("me.yaml");
    std::fs::write(&profile, "person:\n  name: 王芳\n").unwrap();
    for args in [&["schema", "-o"][..], &["init", "-o"][..]] {
        let out = cb().args(args).arg(&profile).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "error: {} already exists; add --force to overwrite it\n",
                profile.display()
            )
        );
        assert_eq!(
            std::fs::read_to_string(&profile).unwrap(),
            "person:\n  name: 王芳\n"
        );
    }
    let out = cb()
        .args(["schema", "--force", "-o"])
        .arg(&profile)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&profile)
        .unwrap()
        .contains("\"$schema\""));
}

#[test]
fn init_writes_nothing_when_the_schema_beside_it_is_someone_elses() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("careerbook.schema.json");
    std::fs::write(&schema, "{ \"mine\": true }\n").unwrap();
    let me = dir.path().join("me.yaml");
    let out = cb().args(["init", "-o"]).arg(&me).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("careerbook.schema.json already exists"),
        "{out:?}"
    );
    assert!(!me.exists(), "nothing is written unless both may be");
    assert_eq!(
        std::fs::read_to_string(&schema).unwrap(),
        "{ \"mine\": true }\n"
    );
    // our own schema, the same text, is no obstacle: a second profile beside the first
    std::fs::remove_file(&schema).unwrap();
    cb().args(["init", "-o"]).arg(&me).assert().success();
    let other = dir.path().join("other.yaml");
    let out = cb().args(["init", "-o"]).arg(&other).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(other.is_file());
    // and --force replaces a schema that differs
    std::fs::write(&schema, "{}\n").unwrap();
    std::fs::remove_file(&other).unwrap();
    cb().args(["init", "--force", "-o"])
        .arg(&other)
        .assert()
        .success();
    assert_ne!(std::fs::read_to_string(&schema).unwrap(), "{}\n");
}
