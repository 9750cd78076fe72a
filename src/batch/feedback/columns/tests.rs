//! The mapping told from small tables: ties, refusals, overrides, title rows.
use super::*;

fn row(n: usize, cells: &[&str]) -> TableRow {
    TableRow {
        row: n,
        cells: cells.iter().map(|c| c.to_string()).collect(),
        oversized: None,
    }
}

fn staff() -> Employees {
    let mut e = Employees::default();
    for (id, name) in [
        ("E001", "张伟"),
        ("E002", "李娜"),
        ("E003", "王芳"),
        ("E004", "刘洋"),
    ] {
        e.add(Some(id), name);
    }
    e
}

fn table(lines: &[&[&str]]) -> (TableRow, Vec<TableRow>) {
    let head = row(1, lines[0]);
    let rows = lines[1..]
        .iter()
        .enumerate()
        .map(|(i, l)| row(i + 2, l))
        .collect();
    (head, rows)
}

#[test]
fn the_raters_own_id_beside_the_colleagues_name() {
    let (h, rows) = table(&[
        &["工号", "姓名", "你要评价谁？", "形容词"],
        &["E001", "张伟", "李娜", "可靠、冷静"],
        &["E002", "李娜", "王芳", "善良、耐心"],
        &["E003", "王芳", "李娜", "可靠、安静"],
    ]);
    let m = decide(&h, &rows, Some(&staff()), &Override::default()).unwrap();
    assert_eq!((m.subject, m.found), (2, Found::ByName));
    assert_eq!(m.picks, Picks::Column(3));
    assert_eq!(m.identity, vec![0, 1]);
}

#[test]
fn a_run_of_some_of_the_people_rated_finds_their_column_by_shape() {
    let mut one = Employees::default();
    one.add(Some("E002"), "李娜");
    let (h, rows) = table(&[
        &["Email", "Employee", "Words"],
        &["a@x", "E101", "calm;kind;"],
        &["b@x", "E002", "bold;wise;"],
        &["c@x", "E103", "shy;wise;"],
        &["d@x", "E104", "shy;kind;"],
    ]);
    let m = decide(&h, &rows, Some(&one), &Override::default()).unwrap();
    assert_eq!((m.subject, m.found), (1, Found::ById));
}

#[test]
fn a_comment_about_the_colleague_is_not_the_subject() {
    let (h, rows) = table(&[
        &[
            "Colleague ID",
            "Which words describe this colleague?",
            "Anything else about this colleague?",
        ],
        &["E001", "calm;kind;", "Great to work with"],
        &["E002", "bold;wise;shy;", ""],
    ]);
    let m = decide(&h, &rows, Some(&staff()), &Override::default()).unwrap();
    assert_eq!((m.subject, m.picks.clone()), (0, Picks::Column(1)));
}

#[test]
fn two_neutral_columns_of_ids_are_refused() {
    let (h, rows) = table(&[
        &["编号A", "编号B", "形容词"],
        &["E001", "E002", "可靠、冷静"],
        &["E002", "E001", "善良、耐心"],
    ]);
    assert_eq!(
        decide(&h, &rows, Some(&staff()), &Override::default()).unwrap_err(),
        Refusal::TwoSubjects(vec![0, 1])
    );
    let given = Override::parse("subject=b").unwrap();
    assert_eq!(
        decide(&h, &rows, Some(&staff()), &given).unwrap().subject,
        1
    );
}

#[test]
fn the_respondents_id_alone_never_becomes_the_subject() {
    // the colleague's column holds nicknames nobody can match
    let (h, rows) = table(&[
        &["工号", "被评价同事的姓名", "请选择最能描述他/她的5-6个词"],
        &["E001", "小李", "可靠┋冷静"],
        &["E002", "阿芳", "善良┋耐心"],
    ]);
    let r = decide(&h, &rows, Some(&staff()), &Override::default()).unwrap_err();
    assert_eq!(
        r,
        Refusal::NoSubject {
            asked: Some(1),
            own: vec![0]
        }
    );
}

#[test]
fn picks_found_by_values_and_refusals() {
    let (h, rows) = table(&[
        &["被评价人", "你觉得他/她是一个怎样的人？", "他/她的不足"],
        &["E001", "可靠┋冷静", "害羞┋紧绷"],
        &["E002", "善良┋耐心", "易紧张┋拘谨"],
    ]);
    assert_eq!(
        decide(&h, &rows, Some(&staff()), &Override::default()).unwrap_err(),
        Refusal::TwoPicks(vec![1, 2])
    );
    let (h, rows) = table(&[&["被评价人", "第2题"], &["E001", "1┋3┋7"], &["E002", "2┋5"]]);
    assert_eq!(
        decide(&h, &rows, Some(&staff()), &Override::default()).unwrap_err(),
        Refusal::OptionNumbers(1)
    );
}

#[test]
fn a_second_block_of_the_same_options_is_a_second_colleague() {
    let opts: Vec<String> = crate::profile::catalog::ADJECTIVES[..12]
        .iter()
        .map(|a| format!("2({})", a.zh))
        .chain(
            crate::profile::catalog::ADJECTIVES[..12]
                .iter()
                .map(|a| format!("4({})", a.zh)),
        )
        .collect();
    let mut head = vec!["1、同事工号".to_string()];
    head.extend(opts);
    let h = TableRow {
        row: 1,
        cells: head,
        oversized: None,
    };
    let r = decide(&h, &[], Some(&staff()), &Override::default()).unwrap_err();
    assert_eq!(r, Refusal::NoAnswers, "a header without answers");
    let r = decide(
        &h,
        &[row(2, &["E001"])],
        Some(&staff()),
        &Override::default(),
    )
    .unwrap_err();
    assert_eq!(r, Refusal::SecondColleague(vec![1, 13]));
}

#[test]
fn further_identity_columns_and_response_numbers() {
    let (h, rows) = table(&[
        &["序号", "Email", "联系方式", "部门", "被评价人", "形容词"],
        &["1", "a@x", "p1", "研发部", "E001", "可靠、冷静"],
        &["2", "a@x", "p1", "研发部", "E002", "可靠、冷静"],
        &["3", "b@x", "p2", "研发部", "E001", "可靠、冷静"],
        &["4", "c@x", "p3", "客服部", "E003", "可靠、冷静"],
        &["5", "d@x", "p4", "客服部", "E003", "可靠、冷静"],
        &["6", "anonymous", "p5", "财务部", "E003", "可靠、冷静"],
        &["7", "e@x", "p6", "财务部", "E004", "可靠、冷静"],
    ]);
    let m = decide(&h, &rows, Some(&staff()), &Override::default()).unwrap();
    assert_eq!(m.subject, 4);
    assert_eq!(
        m.identity,
        vec![1, 2],
        "a value per respondent, none shared; a department is shared"
    );
}

#[test]
fn overrides_parse_and_are_checked() {
    let o = Override::parse("subject=F, picks=H-BJ, identity=D+E").unwrap();
    assert_eq!(o.subject, Some(5));
    assert_eq!(o.picks, Some((7, 61)));
    assert_eq!(o.identity, Some(vec![3, 4]));
    assert_eq!(
        Override::parse("identity=none").unwrap().identity,
        Some(vec![])
    );
    for bad in ["", "subject", "subject=5", "who=F", "picks=C-A"] {
        assert!(Override::parse(bad).is_err(), "{bad}");
    }
    let (h, rows) = table(&[&["被评价人", "形容词"], &["E001", "可靠、冷静"]]);
    let r = decide(
        &h,
        &rows,
        Some(&staff()),
        &Override::parse("subject=Z").unwrap(),
    );
    assert!(matches!(r, Err(Refusal::Override(_))), "{r:?}");
}

#[test]
fn title_rows_are_not_headers() {
    let rows = vec![
        row(
            1,
            &[
                "员工互评（形容词）",
                "员工互评（形容词）",
                "员工互评（形容词）",
            ],
        ),
        row(2, &["导出时间 2026-11-01"]),
        row(4, &["工号", "被评价人", "形容词"]),
        row(5, &["E001", "E002", "可靠"]),
    ];
    assert_eq!(header_row(&rows), Some(2));
}
