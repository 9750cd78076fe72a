//! The line breaker keeps every character and never makes a line wider than asked,
//! unless the line is a single character.
#![no_main]
use careerbook::text::linebreak::break_lines;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, &str)| {
    let (w, text) = input;
    let width = 5.0 + w as f32;
    let measure = |s: &str| {
        s.chars()
            .map(|c| if (c as u32) > 0x2E80 { 10.0 } else { 5.5 })
            .sum::<f32>()
    };
    let lines = break_lines(text, width, &measure);
    let mut kept = String::new();
    for l in &lines {
        let line = &text[l.start..l.end];
        assert!(
            measure(line) <= width || line.chars().count() == 1,
            "{line:?} wider than {width}"
        );
        kept.push_str(line);
    }
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(squash(&kept), squash(text));
});
