//! `careerbook feedback`: the peers' pick sheets and the survey template.

use super::*;

pub(super) fn feedback(action: FeedbackAction) -> Result<u8, Usage> {
    let parse_locale = |l: &str| {
        Locale::parse(l)
            .ok_or_else(|| Usage(format!("--locale `{l}` is not supported; use zh-CN or en")))
    };
    match action {
        FeedbackAction::Template { locale } => {
            crate::out!(
                "{}",
                crate::render::sheets::template(parse_locale(&locale)?)
            );
            Ok(0)
        }
        FeedbackAction::Sheets {
            inputs,
            output,
            copies,
            locale,
            paper,
        } => {
            let loc = parse_locale(&locale)?;
            if copies == 0 || copies > 100 {
                return Err(Usage(format!("--copies {copies}: give 1 to 100")));
            }
            std::fs::create_dir_all(&output).map_err(|e| {
                Usage(format!(
                    "{}: cannot create the output folder: {e}",
                    output.display()
                ))
            })?;
            let settings = PdfSettings {
                font: FontFace::default_shared(),
                paper: match paper {
                    PaperArg::A4 => Paper::A4,
                    PaperArg::Letter => Paper::Letter,
                },
            };
            let mut notes = Vec::new();
            let mut failures = Vec::new();
            let mut subjects = Vec::new();
            crate::batch::walk(
                &inputs,
                None,
                &mut notes,
                &mut failures,
                &mut |_, src, _| {
                    subjects.push(src);
                },
            );
            for n in &notes {
                crate::errln!("note: {n}");
            }
            let mut bad = failures.len();
            for (_, f) in &failures {
                crate::errln!("error: {}: {}", f.source, f.reason);
            }
            let mut used = HashSet::new();
            for src in subjects {
                let label = src.label();
                let Some((name, id)) = crate::batch::name_and_id(&src) else {
                    crate::errln!("error: {label}: no person.name to put on the sheet");
                    bad += 1;
                    continue;
                };
                let Some(code) = id else {
                    crate::errln!("error: {label}: {name} has no person.id, and the sheet needs a code that the answers can be matched by");
                    bad += 1;
                    continue;
                };
                let stem = output::file_stem(Some(&code), &name);
                if !used.insert(stem.to_lowercase()) {
                    crate::errln!(
                        "error: {label}: `{stem}` is also the code of an earlier subject"
                    );
                    bad += 1;
                    continue;
                }
                let s = crate::render::sheets::Subject { name, code };
                let pages: Vec<_> = (1..=copies)
                    .map(|k| crate::render::sheets::sheet(&s, loc, k, copies))
                    .collect();
                let footer = loc.pick("同事反馈 · 匿名", "Colleague feedback · anonymous");
                let title = format!(
                    "{} — {}",
                    s.name,
                    loc.pick("同事反馈选择单", "colleague pick sheet")
                );
                let path = output.join(format!("{stem}.sheets.pdf"));
                match crate::render::pdf::render_pages(&pages, &settings, &title, loc.tag(), footer)
                    .and_then(|doc| {
                        for w in &doc.warnings {
                            crate::errln!("warning: {label}: {w}");
                        }
                        output::write_atomic(&path, &doc.bytes).map_err(|e| e.to_string())
                    }) {
                    Ok(()) => crate::outln!("{}", path.display()),
                    Err(e) => {
                        crate::errln!("error: {}: cannot write: {e}", path.display());
                        bad += 1;
                    }
                }
            }
            Ok(u8::from(bad > 0))
        }
    }
}
