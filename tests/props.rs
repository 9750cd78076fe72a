//! Property tests: any generated valid profile validates, renders to HTML, JSON and
//! PDF without error, and renders to the same bytes twice.

use careerbook::profile::catalog::{ADJECTIVES, BURNOUT_SIGNS, MEDIOCRITY, NEEDS};
use careerbook::profile::model::Date;
use careerbook::render::engine::{Engine, Format};
use proptest::prelude::*;
use serde_yaml::{Mapping, Value};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        Engine::new(Date {
            year: 2026,
            month: 11,
            day: 23,
        })
    })
}

fn text() -> impl Strategy<Value = String> {
    // Chinese, Latin, punctuation and markup characters, never only spaces
    "[\\p{Han}a-zA-Z0-9，。、（）《》<>&'\"{}%#:\\- ]{0,60}[\\p{Han}a-z]"
        .prop_map(|s| s.trim().to_string())
}

fn ids(
    items: &'static [careerbook::profile::catalog::Item],
    max: usize,
) -> impl Strategy<Value = Vec<String>> {
    proptest::sample::subsequence((0..items.len()).collect::<Vec<_>>(), 0..=max)
        .prop_flat_map(move |idx| {
            Just(
                idx.into_iter()
                    .map(|i| items[i].id.to_string())
                    .collect::<Vec<_>>(),
            )
        })
        .prop_shuffle()
}

fn seq(v: Vec<String>) -> Value {
    Value::Sequence(v.into_iter().map(Value::from).collect())
}

prop_compose! {
    fn profile()(
        name in text(),
        id in proptest::option::of("[A-Z][0-9]{3,6}"),
        en in any::<bool>(),
        birth in proptest::option::of(1960i64..2008),
        track in proptest::option::of(0usize..2),
        level in 0usize..4,
        up in 0usize..4,
        by_age in 25i64..60,
        own in ids(ADJECTIVES, 6),
        peers in proptest::collection::vec(ids(ADJECTIVES, 5), 0..7),
        needs in ids(NEEDS, 6),
        answers in proptest::collection::vec(text(), 0..5),
        actions in proptest::collection::vec((text(), proptest::option::of(text()), 1u8..13), 0..9),
        every in 0usize..4,
        ratings in proptest::collection::vec(proptest::option::of(1i64..6), 7),
        burnout in ids(BURNOUT_SIGNS, 8),
        service in any::<bool>(),
    ) -> String {
        let mut root = Mapping::new();
        root.insert("locale".into(), (if en { "en" } else { "zh-CN" }).into());
        let mut person = Mapping::new();
        person.insert("name".into(), Value::from(if name.is_empty() { "某人".to_string() } else { name }));
        if let Some(id) = id { person.insert("id".into(), id.into()); }
        if let Some(b) = birth { person.insert("birth_year".into(), b.into()); }
        root.insert("person".into(), Value::Mapping(person));
        if let Some(t) = track {
            let ladder = ["administrative", "technical"][t];
            let rungs = [["staff", "supervisor", "manager", "director"], ["junior", "intermediate", "associate_senior", "senior"]][t];
            let mut c = Mapping::new();
            c.insert("track".into(), ladder.into());
            c.insert("level".into(), rungs[level].into());
            let mut target = Mapping::new();
            target.insert("level".into(), rungs[(level + up).min(3)].into());
            target.insert("by_age".into(), by_age.into());
            c.insert("target".into(), Value::Mapping(target));
            root.insert("career".into(), Value::Mapping(c));
        }
        let mut j = Mapping::new();
        j.insert("self".into(), seq(own));
        j.insert("peers".into(), Value::Sequence(peers.into_iter().filter(|p| !p.is_empty()).map(seq).collect()));
        root.insert("johari".into(), Value::Mapping(j));
        let mut n = Mapping::new();
        let (top, next) = needs.split_at(needs.len().min(3));
        n.insert("top".into(), seq(top.to_vec()));
        n.insert("next".into(), seq(next.to_vec()));
        root.insert("needs".into(), Value::Mapping(n));
        let mut a = Mapping::new();
        if let Some(first) = answers.first() { a.insert("summary".into(), first.clone().into()); }
        a.insert("activities".into(), seq(answers.iter().filter(|s| !s.is_empty()).cloned().collect()));
        root.insert("answers".into(), Value::Mapping(a));
        root.insert("actions".into(), Value::Sequence(actions.into_iter().map(|(goal, steps, m)| {
            let mut act = Mapping::new();
            act.insert("goal".into(), (if goal.is_empty() { "目标".to_string() } else { goal }).into());
            if let Some(s) = steps { act.insert("steps".into(), s.into()); }
            act.insert("due".into(), format!("2027-{m:02}").into());
            Value::Mapping(act)
        }).collect()));
        let mut r = Mapping::new();
        r.insert("every".into(), ["month", "quarter", "half_year", "year"][every].into());
        r.insert("start".into(), "2027-01".into());
        root.insert("reviews".into(), Value::Mapping(r));
        let mut m = Mapping::new();
        for (item, v) in MEDIOCRITY.iter().zip(ratings) {
            if let Some(v) = v { m.insert(item.id.into(), v.into()); }
        }
        let mut sc = Mapping::new();
        sc.insert("mediocrity".into(), Value::Mapping(m));
        sc.insert("burnout".into(), seq(burnout));
        root.insert("self_check".into(), Value::Mapping(sc));
        if service {
            let s: Value = serde_yaml::from_str("{ service_style: { procedure: 2, warmth: 5 }, internal_customers: [ { who: 财务部, owe: [报表] } ] }").unwrap();
            root.insert("service".into(), s);
        }
        serde_yaml::to_string(&Value::Mapping(root)).unwrap()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn valid_profiles_render_deterministically(yaml in profile()) {
        let e = engine();
        let p = e.load(yaml.as_bytes()).map_err(|err| TestCaseError::fail(format!("{}\n{yaml}", err.render("generated.yaml"))))?;
        let formats = [Format::Html, Format::Json, Format::Pdf];
        let first = e.render(&p, &formats).map_err(TestCaseError::fail)?;
        let second = e.render(&p, &formats).map_err(TestCaseError::fail)?;
        for (a, b) in first.iter().zip(&second) {
            prop_assert!(!a.bytes.is_empty());
            prop_assert_eq!(&a.bytes, &b.bytes, "{:?} differs between two renders", a.format);
        }
        let pdf = &first[2].bytes;
        prop_assert!(pdf.starts_with(b"%PDF-"));
        prop_assert!(lopdf::Document::load_mem(pdf).is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// The YAML reader reads any text without panicking or hanging, and every place
    /// it finds (a key, a value, a list item) is a place in that text.
    #[test]
    fn the_reader_places_within_any_yamlish_text(text in "([a-z]{0,4}|[ \\-:\\[\\]{},'\"#|>&*!?\\n]|字){0,80}") {
        use careerbook::profile::yaml;
        match yaml::read(&text, &yaml::Caps::FILE) {
            Ok(read) => {
                for (path, (line, col), len) in read.locations.places() {
                    prop_assert!(within(&text, *line, *col), "{path} at {line}:{col} in {text:?}");
                    prop_assert!(*len >= 1, "{path} in {text:?}");
                }
            }
            Err(f) => prop_assert!(within(&text, f.pos.0, f.pos.1) || f.pos.0 == text.split('\n').count() + 1, "{f:?} in {text:?}"),
        }
    }

    /// Loading any such text gives a profile, or is refused with every problem
    /// placed at a line and column of the text.
    #[test]
    fn yamlish_text_loads_or_is_refused_with_places(text in "(person:\\n  name: x\\n)?([a-z_]{0,6}|[ \\-:\\[\\]{},'\"#|>&*!\\n]|可靠){0,60}") {
        match engine().load(text.as_bytes()) {
            Ok(p) => prop_assert!(!p.person.name.trim().is_empty(), "{text:?}"),
            Err(e) => {
                prop_assert!(!e.diagnostics.is_empty(), "{text:?}");
                for d in &e.diagnostics {
                    prop_assert!(!d.message.is_empty());
                    let (line, col) = d.pos.ok_or_else(|| TestCaseError::fail(format!("{} has no place in {text:?}", d.message)))?;
                    prop_assert!(within(&text, line, col), "{} at {line}:{col} in {text:?}", d.message);
                }
            }
        }
    }
}

/// Whether `line:col` (1-based) is a place in `text`: a line it has (or the one after
/// its last line break), a column up to one past that line's end.
fn within(text: &str, line: usize, col: usize) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    line >= 1
        && col >= 1
        && lines
            .get(line - 1)
            .is_some_and(|l| col <= l.chars().count() + 1)
}
