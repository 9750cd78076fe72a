//! The reader's places, plain texts, costs and failures.

use super::*;

fn ok(text: &str) -> Read {
    read(text, &Caps::PROFILE).unwrap()
}

#[test]
fn finds_block_flow_and_nested_positions() {
    let src = "version: 1\nperson:\n  name: 李娜\n  id: E1\njohari:\n  self: [dependable, patient]\n  peers:\n    - [a, b]\n    - [c, dd]\nself_check:\n  mediocrity: { no_passion: 2,\n                careless: 1 }\nactions:\n  - goal: x\n    due: 2027-06\n";
    let loc = ok(src).locations;
    assert_eq!(loc.find("person.name"), Some(((3, 3), 4)));
    assert_eq!(loc.value("person.id"), Some(((4, 7), 2)));
    assert_eq!(loc.find("johari.self[1]"), Some(((6, 22), 7)));
    assert_eq!(loc.find("johari.peers[1][1]"), Some(((9, 11), 2)));
    assert_eq!(
        loc.find("self_check.mediocrity.careless"),
        Some(((12, 17), 8))
    );
    assert_eq!(loc.find("actions[0].due"), Some(((15, 5), 3)));
    // a path that is not in the file falls back to its nearest ancestor
    assert_eq!(loc.find("actions[0].nothing"), Some(((14, 5), 1)));
    assert_eq!(loc.find("actions[0].nothing"), loc.find("actions[0]"));
}

#[test]
fn values_are_as_long_as_written_on_their_line() {
    let src = "a: \"x y\"  # note\nb: 'it''s'\nc: plain words  # note\nd: first\n  second\ne: &k !!str 12\nf: |\n  block text\n  more\ng:\nh: *k\nlist:\n  - one\n  -\n  - ''\n";
    let loc = ok(src).locations;
    assert_eq!(loc.value("a"), Some(((1, 4), 5)));
    assert_eq!(loc.value("b"), Some(((2, 4), 7)));
    assert_eq!(loc.value("c"), Some(((3, 4), 11)));
    assert_eq!(loc.value("d"), Some(((4, 4), 5)));
    assert_eq!(loc.value("e"), Some(((6, 4), 11)));
    assert_eq!(
        loc.value("f"),
        Some(((8, 3), 10)),
        "a block scalar's first line"
    );
    assert_eq!(
        loc.value("g"),
        Some(((10, 1), 1)),
        "an empty value: its key"
    );
    assert_eq!(loc.value("h"), Some(((11, 4), 2)));
    assert_eq!(loc.find("list[0]"), Some(((13, 5), 1)));
    assert_eq!(
        loc.find("list[1]"),
        Some(((14, 3), 1)),
        "an empty item: its dash"
    );
    assert_eq!(loc.value("list[2]"), Some(((15, 5), 2)));
}

#[test]
fn nested_sequences_on_one_line_are_placed() {
    let loc = ok("- - x\n- - y\n").locations;
    assert_eq!(loc.find("[1][0]"), Some(((2, 5), 1)));
}

#[test]
fn plain_scalars_keep_their_text() {
    let r = ok("person:\n  id: 1e3\n  name: +12\n  tags: [0x1F, 'q', w]\n  n: &n 007.0\n  m: *n\n");
    assert_eq!(r.plain["person.id"], "1e3");
    assert_eq!(r.plain["person.name"], "+12");
    assert_eq!(r.plain["person.tags[0]"], "0x1F");
    assert_eq!(r.plain["person.m"], "007.0", "an alias of a plain scalar");
    assert!(!r.plain.contains_key("person.tags[1]"), "quoted is text");
    assert!(
        !r.plain.contains_key("person.tags[2]"),
        "read as text already"
    );
}

#[test]
fn aliases_are_costed_before_expansion() {
    // each level doubles: 2^20 copies of a 100-byte text
    let mut y = format!("a0: &a0 \"{}\"\n", "x".repeat(100));
    for i in 1..=20 {
        y.push_str(&format!("a{i}: &a{i} [*a{}, *a{}]\n", i - 1, i - 1));
    }
    let e = read(&y, &Caps::PROFILE).unwrap_err();
    assert_eq!(e.why, Why::Cost);
    assert_eq!(
        e.pos.0, 14,
        "refused at the alias that crosses the line (a13)"
    );
    // a few small aliases are fine, and are copies of their anchor
    let r = ok("a: &x [1, 2]\nb: *x\n");
    assert_eq!(r.value["b"], r.value["a"]);
}

#[test]
fn failures_are_placed() {
    let f = read("person:\n  name: a\n---\nperson: {}\n", &Caps::PROFILE).unwrap_err();
    assert_eq!((f.why, f.pos), (Why::Documents, (3, 1)));
    let f = read("person:\n  name: a\n  role: b\n  name: c\n", &Caps::PROFILE).unwrap_err();
    assert_eq!((f.why, f.pos), (Why::Duplicate, (4, 3)));
    assert_eq!(f.key, Some(("person.name".into(), "name".into())));
    let f = read("a: [b, c\nd: e\n", &Caps::PROFILE).unwrap_err();
    assert_eq!(f.why, Why::Syntax);
    let f = read("a: !!int x\n", &Caps::PROFILE).unwrap_err();
    assert_eq!((f.why, f.pos), (Why::Value, (1, 4)));
    let f = read("a: &x [1, *x]\n", &Caps::PROFILE).unwrap_err();
    assert_eq!(f.why, Why::Deep);
}

#[test]
fn keys_that_are_not_text_are_placed() {
    let r = ok("person:\n  name: a\n  1: x\n  ? [a, b]\n  : y\n");
    assert_eq!(r.odd_keys[0], ("person".to_string(), (3, 3)));
    assert_eq!(r.odd_keys[1], ("person".to_string(), (4, 5)));
    assert_eq!(r.odd_keys.len(), 2);
}

#[test]
fn a_tab_after_a_colon_separates_as_a_space_does() {
    let r = ok("person:\n  name:\tAlex\n  id:\t\tE1\n");
    assert_eq!(r.value["person"]["id"], serde_yaml::Value::from("E1"));
    assert_eq!(r.locations.value("person.id"), Some(((3, 8), 2)));
}

#[test]
fn anchors_nested_in_anchors_are_costed_as_kept() {
    // 30 anchored levels around 10,000 values: each level keeps a copy of all below
    let mut y = String::new();
    for i in 0..30 {
        y.push_str(&format!("{}k{i}: &a{i}\n", "  ".repeat(i)));
    }
    let inner = "  ".repeat(30);
    for i in 0..10_000 {
        y.push_str(&format!("{inner}v{i}: {i}\n"));
    }
    let t0 = std::time::Instant::now();
    let e = read(&y, &Caps::PROFILE).unwrap_err();
    assert_eq!(e.why, Why::Cost);
    assert!(t0.elapsed().as_secs() < 5, "{:?}", t0.elapsed());
}
