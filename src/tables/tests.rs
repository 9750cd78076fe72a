//! Tests of reading text tables: encodings, delimiters, quoting, row numbers and limits.

use super::delimited::sniff_delimiter;
use super::*;

#[test]
fn column_letters_match_excel() {
    assert_eq!(column_letters(0), "A");
    assert_eq!(column_letters(25), "Z");
    assert_eq!(column_letters(26), "AA");
    assert_eq!(column_letters(16383), "XFD");
}

fn rows_of(bytes: &[u8], ext: &str) -> Result<(Vec<TableRow>, &'static str), TableError> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(format!("t.{ext}"));
    std::fs::write(&p, bytes).unwrap();
    let mut rows = Vec::new();
    let enc = read_rows(&p, &mut |r| {
        rows.push(r);
        ControlFlow::Continue(())
    })?;
    Ok((rows, enc))
}

#[test]
fn reads_utf8_bom_gbk_and_utf16_text() {
    let (r, e) = rows_of("工号,姓名\nE1,李娜\n".as_bytes(), "csv").unwrap();
    assert_eq!(
        (e, r[1].cells.clone()),
        ("UTF-8", vec!["E1".into(), "李娜".into()])
    );
    let (r, e) = rows_of(b"\xef\xbb\xbfid,name\nE1,x\n", "csv").unwrap();
    assert_eq!((e, r[0].cells[0].as_str()), ("UTF-8 with BOM", "id"));
    let (gbk, _, _) = encoding_rs::GBK.encode("工号,姓名\nE1,李娜\n");
    let (r, e) = rows_of(&gbk, "csv").unwrap();
    assert_eq!((e, r[1].cells[1].as_str()), ("GBK", "李娜"));
    let mut u16 = vec![0xff, 0xfe];
    for u in "工号\t姓名\r\nE1\t李娜\r\n".encode_utf16() {
        u16.extend_from_slice(&u.to_le_bytes());
    }
    let (r, e) = rows_of(&u16, "txt").unwrap();
    assert_eq!(e, "UTF-16 (Unicode text)");
    assert_eq!(r[1].cells, vec!["E1".to_string(), "李娜".to_string()]);
    assert_eq!(r[1].row, 2);
}

#[test]
fn one_bad_byte_in_utf8_is_refused_not_read_as_gbk() {
    let mut bytes = "工号,姓名\nE1,李娜\nE2,王芳\n".as_bytes().to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice("\nE3,张伟\n".as_bytes());
    let e = rows_of(&bytes, "csv").unwrap_err();
    assert_eq!(e.row, Some(4));
    assert!(
        e.message.contains("the file is UTF-8 but byte 0xFF"),
        "{}",
        e.message
    );
    assert!(e.message.contains("line 4"), "{}", e.message);
}

#[test]
fn the_delimiter_is_the_one_that_gives_rows_one_width() {
    assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
    assert_eq!(
        sniff_delimiter("Umfrage, 2026\nID;Name;Wörter\n1;x;\"calm,kind\"\n2;y;bold\n"),
        b';'
    );
    assert_eq!(
        sniff_delimiter("subject_id,adjectives\nS1,calm;kind;wise;bold;\nS2,shy;\n"),
        b','
    );
    assert_eq!(sniff_delimiter("a\tb\tc\n1\t2\t3\n"), b'\t');
    assert_eq!(sniff_delimiter("title only\n"), b',');
}

#[test]
fn records_split_like_rfc_4180() {
    assert_eq!(
        split_record("a, \"b,c\" ,\"say \"\"hi\"\"\",", ','),
        vec!["a", "b,c", "say \"hi\"", ""]
    );
    let (r, _) = rows_of(b"id,note\nE1,\"two\nlines\"\nE2,x\n", "csv").unwrap();
    assert_eq!(r[1].cells[1], "two\nlines");
    assert_eq!(
        (r[1].row, r[2].row),
        (2, 3),
        "a cell over two lines is one row"
    );
    // a quote inside an unquoted cell is a literal character, not an opening
    let (r, _) = rows_of(
        "id,name,dept\nE1,王\"小明,客服部\nE2,李娜,财务部\n".as_bytes(),
        "csv",
    )
    .unwrap();
    assert_eq!(r.len(), 3);
    assert_eq!(r[1].cells[1], "王\"小明");
    assert_eq!(r[2].cells[0], "E2");
    // an opened quote that never closes is refused with its row
    let e = rows_of(b"id,name\nE1,\"open\nE2,x\n", "csv").unwrap_err();
    assert_eq!(e.row, Some(2));
}

#[test]
fn rows_keep_their_real_numbers_past_blank_lines() {
    let (r, _) = rows_of(b"\n\nid,name\n\nE1,x\n", "csv").unwrap();
    assert_eq!(r.iter().map(|t| t.row).collect::<Vec<_>>(), vec![3, 5]);
    // one Latin-1 byte in a UTF-8 file: refused, never read as GBK mojibake
    let mut b = "工号,姓名\nE1,李娜\nE2,Ren".as_bytes().to_vec();
    b.push(0xe9);
    b.extend_from_slice("e\nE3,王芳\n".as_bytes());
    let e = rows_of(&b, "csv").unwrap_err();
    assert!(
        e.message
            .contains("the file is UTF-8 but byte 0xE9 on line 3"),
        "{}",
        e.message
    );
}

#[test]
fn rows_count_blank_lines_and_a_cell_over_lines_once() {
    // row 2 blank, row 3 spans three lines, row 4 blank, row 6 only spaces, row 7
    // without a line end
    let (r, _) = rows_of(b"id,note\n\nE1,\"two\n\nlines\"\n\nE2,x\n  \t\nE3,y", "csv").unwrap();
    let rows: Vec<_> = r.iter().map(|t| (t.row, t.cells.clone())).collect();
    assert_eq!(
        rows,
        vec![
            (1, vec!["id".to_string(), "note".into()]),
            (3, vec!["E1".into(), "two\n\nlines".into()]),
            (5, vec!["E2".into(), "x".into()]),
            (7, vec!["E3".into(), "y".into()]),
        ]
    );
}

#[test]
fn crlf_ends_lines_and_stays_inside_quoted_cells() {
    let (r, _) = rows_of(b"id,name\r\nE1,\"a\r\nb\" \r\n\r\nE2, x \r\n", "csv").unwrap();
    assert_eq!(r[1].cells, vec!["E1".to_string(), "a\r\nb".into()]);
    assert_eq!((r[1].row, r[2].row), (2, 4));
    assert_eq!(r[2].cells, vec!["E2".to_string(), "x".into()]);
}

#[test]
fn a_bom_and_semicolons_as_european_excel_saves() {
    let (r, e) = rows_of(
        b"\xef\xbb\xbfID;Name;Picks\r\n1;x;\"calm;kind;\"\r\n2; \"y; z\" ;\r\n",
        "csv",
    )
    .unwrap();
    assert_eq!(e, "UTF-8 with BOM");
    assert_eq!(r[0].cells, vec!["ID", "Name", "Picks"]);
    assert_eq!(r[1].cells, vec!["1", "x", "calm;kind;"]);
    assert_eq!(r[2].cells, vec!["2", "y; z", ""]);
    // a second BOM is text, not dropped
    let (r, _) = rows_of(b"\xef\xbb\xbf\xef\xbb\xbfid,name\n", "csv").unwrap();
    assert_eq!(r[0].cells[0], "\u{feff}id");
}

#[test]
fn a_record_over_the_limit_is_refused_with_its_row() {
    // the limit counts the record's bytes with its line ends
    let cells = |n: usize| "a,".repeat(MAX_RECORD / 2 - 1) + &"a".repeat(n);
    let ok = format!("id\n\n{}\nE2\n", cells(1));
    assert_eq!(rows_of(ok.as_bytes(), "csv").unwrap().0.len(), 3);
    let long = format!("id\n\n{}\nE2\n", cells(2));
    let e = rows_of(long.as_bytes(), "csv").unwrap_err();
    assert_eq!(e.row, Some(3));
    assert!(
        e.message.starts_with("row 3 is longer than 1024 KiB;"),
        "{}",
        e.message
    );
    // a quoted cell over many lines: the row it starts on, and the open quote named
    let open = format!("id,note\nE1,\"{}", "words\n".repeat(MAX_RECORD / 6 + 1));
    let e = rows_of(open.as_bytes(), "csv").unwrap_err();
    assert_eq!(e.row, Some(2));
    assert!(e.message.contains("never closed"), "{}", e.message);
    // a line of only spaces is a row too
    let blank = format!("id\n{}\nE2\n", " ".repeat(MAX_RECORD + 1));
    assert_eq!(rows_of(blank.as_bytes(), "csv").unwrap_err().row, Some(2));
}

#[test]
fn a_quote_open_at_the_end_is_refused_naming_its_row() {
    for text in ["id,name\n\nE1,\"open\nE2,x\n", "id,name\n\nE1,x\nE2,\"open"] {
        let e = rows_of(text.as_bytes(), "csv").unwrap_err();
        let row = if text.ends_with('n') { 4 } else { 3 };
        assert_eq!(e.row, Some(row), "{text:?}");
        assert!(
            e.message.contains(&format!("opened in row {row}")),
            "{}",
            e.message
        );
    }
}

#[test]
fn a_cell_over_the_limit_is_emptied_and_named() {
    let text = format!(
        "id,a,b\nE1,{} ,x\nE2,{},{}\n",
        "a".repeat(MAX_CELL),
        "字".repeat(MAX_CELL + 1),
        "b".repeat(MAX_CELL + 1)
    );
    let (r, _) = rows_of(text.as_bytes(), "csv").unwrap();
    assert_eq!((r[1].oversized, r[1].cells[1].len()), (None, MAX_CELL));
    assert_eq!(r[2].oversized, Some(1));
    assert_eq!(r[2].cells[1], "");
}

#[test]
fn split_record_keeps_its_contract() {
    assert_eq!(split_record("", ','), vec![""]);
    assert_eq!(split_record(" a ;b", ';'), vec!["a", "b"]);
    assert_eq!(split_record("a\t\"b\tc", '\t'), vec!["a", "b\tc"]);
    assert_eq!(
        split_record("a,\"two\nlines\",x\ny", ','),
        vec!["a", "two\nlines", "x\ny"]
    );
}
