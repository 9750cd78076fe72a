//! Page geometry: whatever the profile says, every text run stays inside the page
//! margins and every page is A4 (or Letter).

use careerbook::analysis::{analyse, JohariRules};
use careerbook::profile::ladder::Ladders;
use careerbook::profile::model::Date;
use careerbook::profile::{load_str, LoadOptions};
use careerbook::render::pdf::{layout, Paper};
use careerbook::text::font::FontFace;
use careerbook::workbook::{build, BookOptions};

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 23,
};

fn check_inside(yaml: &str, paper: Paper) -> usize {
    let ladders = Ladders::builtin();
    let p = load_str(
        yaml,
        &LoadOptions {
            ladders: &ladders,
            today: TODAY,
        },
    )
    .unwrap_or_else(|e| panic!("{}", e.render("test")));
    let a = analyse(&p, &ladders, JohariRules::default(), TODAY);
    let book = build(&p, &a, &ladders, TODAY, BookOptions { modules: true });
    let font = FontFace::default_shared();
    let laid = layout::layout(&book, &font, paper);
    let (w, h) = laid.size;
    let margin = 56.0;
    for (n, page) in laid.pages.iter().enumerate() {
        for c in &page.cmds {
            if let layout::Cmd::Text {
                x, y, size, text, ..
            } = c
            {
                let right = x + font.width(text, *size);
                // an opening bracket at a line start hangs its blank half into the
                // margin: its ink starts half an em later
                let hang = if text.starts_with(['（', '「', '『', '《', '【', '“', '‘']) {
                    0.5 * size
                } else {
                    0.0
                };
                let x = &(x + hang);
                assert!(
                    *x >= margin - 1.0 || n == 0,
                    "page {}: {text:?} starts at {x}",
                    n + 1
                );
                assert!(
                    right <= w - margin + 1.0,
                    "page {}: {text:?} ends at {right} > {}",
                    n + 1,
                    w - margin
                );
                assert!(
                    *y > 20.0 && *y < h - 20.0,
                    "page {}: {text:?} at y {y}",
                    n + 1
                );
            }
        }
    }
    laid.pages.len()
}

#[test]
fn bundled_profiles_stay_inside_a4_and_letter() {
    for name in [
        "li-na.zh.yaml",
        "alex-chen.en.yaml",
        "minimal.zh.yaml",
        "maria-lopez.en.yaml",
        "zhang-wei.zh.yaml",
    ] {
        let yaml =
            std::fs::read_to_string(format!("{}/profiles/{name}", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        check_inside(&yaml, Paper::A4);
        check_inside(&yaml, Paper::Letter);
    }
}

#[test]
fn long_words_paragraphs_and_urls_stay_inside() {
    let url = format!("https://example.com/{}", "path/".repeat(80));
    let yaml = format!(
        "person:\n  name: \"{name}\"\n  department: \"{dept}\"\n  role: \"{url}\"\nanswers:\n  summary: \"{para}\"\n  most_needed: \"{url}\"\n  activities: [\"{url}\", \"{word}\"]\nactions:\n  - goal: \"{url}\"\n    steps: \"{para}\"\n    support: \"{word}\"\nservice:\n  internal_customers:\n    - who: \"{word}\"\n      owe: [\"{url}\"]\n",
        name = "欧阳".repeat(40),
        dept = "Department-of-".repeat(30),
        url = url,
        para = "字".repeat(6000),
        word = "Supercalifragilistic".repeat(12),
    );
    let pages = check_inside(&yaml, Paper::A4);
    assert!(pages > 12, "the long texts flow over many pages ({pages})");
}

#[test]
fn long_tables_repeat_their_header_on_every_page() {
    let mut yaml = String::from("person:\n  name: 表格\nactions:\n");
    for i in 0..60 {
        yaml.push_str(&format!(
            "  - goal: 第{i}项目标\n    steps: {}\n",
            "每周复盘一次并记录结果，".repeat(3)
        ));
    }
    let ladders = Ladders::builtin();
    let p = load_str(
        &yaml,
        &LoadOptions {
            ladders: &ladders,
            today: TODAY,
        },
    )
    .unwrap();
    let a = analyse(&p, &ladders, JohariRules::default(), TODAY);
    let book = build(&p, &a, &ladders, TODAY, BookOptions::default());
    let font = FontFace::default_shared();
    let laid = layout::layout(&book, &font, Paper::A4);
    let texts = |page: &layout::Page| -> Vec<String> {
        page.cmds
            .iter()
            .filter_map(|c| {
                if let layout::Cmd::Text { text, .. } = c {
                    Some(text.clone())
                } else {
                    None
                }
            })
            .collect()
    };
    let table_pages: Vec<Vec<String>> = laid
        .pages
        .iter()
        .map(texts)
        .filter(|t| t.iter().any(|s| s.contains("项目标")))
        .collect();
    assert!(table_pages.len() >= 3, "60 actions span several pages");
    for t in &table_pages {
        assert!(
            t.iter().any(|s| s == "完成时间"),
            "a page of the action table lacks its header"
        );
    }
    // every action appears, in order
    let all: Vec<String> = table_pages.concat();
    let mut last = -1i32;
    for s in all
        .iter()
        .filter(|s| s.starts_with('第') && s.ends_with("项目标"))
    {
        let n: i32 = s
            .trim_start_matches('第')
            .trim_end_matches("项目标")
            .parse()
            .unwrap();
        assert_eq!(n, last + 1);
        last = n;
    }
    assert_eq!(last, 59);
}
