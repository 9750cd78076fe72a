//! `careerbook feedback`: the peers' pick sheets, the survey template, and how a
//! survey export is read (`inspect`).

use super::args::{FeedbackAction, PaperArg};
use super::Usage;
use crate::base::locale::Locale;
use crate::base::term::Shown;
use crate::output;
use crate::render::pdf::{Paper, PdfSettings};
use crate::text::font::FontFace;
use std::collections::HashSet;
use std::path::PathBuf;

pub(super) fn feedback(action: FeedbackAction) -> Result<u8, Usage> {
    match action {
        FeedbackAction::Inspect {
            files,
            employees,
            feedback_columns,
        } => inspect(&files, &employees, feedback_columns.as_deref()),
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
            // the profile's own language, unless --locale says otherwise
            let asked = locale.as_deref().map(parse_locale).transpose()?;
            if copies == 0 || copies > 100 {
                return Err(Usage(crate::msg!("arg.copies", n = copies)));
            }
            std::fs::create_dir_all(&output)
                .map_err(|e| Usage(crate::msg!("run.mkdir", dir = output.shown(), err = e)))?;
            let sheets = Sheets {
                settings: PdfSettings {
                    font: FontFace::default_shared(),
                    paper: match paper {
                        PaperArg::A4 => Paper::A4,
                        PaperArg::Letter => Paper::Letter,
                    },
                    shared: Default::default(),
                },
                output,
                copies,
                asked,
            };
            Ok(u8::from(sheets.write_all(&inputs) > 0))
        }
    }
}

fn parse_locale(l: &str) -> Result<Locale, Usage> {
    Locale::parse(l).ok_or_else(|| Usage(crate::msg!("arg.locale", text = l)))
}

/// `feedback inspect`: how each export is read, by column and row.
fn inspect(
    files: &[PathBuf],
    employees: &[PathBuf],
    feedback_columns: Option<&str>,
) -> Result<u8, Usage> {
    let given = match feedback_columns {
        Some(c) => crate::batch::feedback::Override::parse(c).map_err(Usage)?,
        None => Default::default(),
    };
    let mut all = Vec::new();
    for f in files {
        all.extend(crate::batch::feedback::files_of(f).map_err(Usage)?);
    }
    let staff = (!employees.is_empty()).then(|| crate::batch::employees_of(employees));
    let (text, ok) = crate::batch::feedback::inspect(&all, staff.as_ref(), &given);
    crate::out!("{text}");
    Ok(u8::from(!ok))
}

/// `feedback sheets`: one PDF of pick sheets per colleague to be rated.
struct Sheets {
    settings: PdfSettings,
    output: PathBuf,
    copies: usize,
    /// The language asked with --locale, else each profile's own.
    asked: Option<Locale>,
}

impl Sheets {
    /// Writes the sheets of everyone in `inputs`; returns how many could not be.
    fn write_all(&self, inputs: &[PathBuf]) -> usize {
        let (subjects, mut bad) = subjects_of(inputs);
        let mut used = HashSet::new();
        for src in subjects {
            let label = src.label();
            let Some((name, id)) = crate::batch::name_and_id(&src) else {
                crate::errln!("{}", crate::msg!("feedback.no_name", label = label));
                bad += 1;
                continue;
            };
            let Some(code) = id else {
                crate::errln!(
                    "{}",
                    crate::msg!("feedback.no_id", label = label, name = name)
                );
                bad += 1;
                continue;
            };
            let stem = output::file_stem(Some(&code), &name);
            if !used.insert(stem.to_lowercase()) {
                crate::errln!(
                    "{}",
                    crate::msg!("feedback.same_code", label = label, stem = stem)
                );
                bad += 1;
                continue;
            }
            let loc = self
                .asked
                .or_else(|| crate::batch::locale_of(&src))
                .unwrap_or_default();
            let subject = crate::render::sheets::Subject { name, code };
            if !self.write(&subject, loc, &stem, &label) {
                bad += 1;
            }
        }
        bad
    }

    /// Writes one colleague's sheets; false (and said) when it cannot.
    fn write(
        &self,
        s: &crate::render::sheets::Subject,
        loc: Locale,
        stem: &str,
        label: &str,
    ) -> bool {
        // every copy the same page: nothing tells one rater's sheet from another's
        let pages = vec![crate::render::sheets::sheet(s, loc); self.copies];
        let footer = loc.pick("同事反馈 · 匿名", "Colleague feedback · anonymous");
        let title = format!(
            "{} — {}",
            s.name,
            loc.pick("同事反馈选择单", "colleague pick sheet")
        );
        let path = self.output.join(format!("{stem}.sheets.pdf"));
        match crate::render::pdf::render_pages(&pages, &self.settings, &title, loc.tag(), footer)
            .and_then(|doc| {
                for w in &doc.warnings {
                    crate::errln!(
                        "{}",
                        crate::msg!("run.file_warning", file = label, text = w)
                    );
                }
                output::write_atomic(&path, &doc.bytes).map_err(|e| e.to_string())
            }) {
            Ok(()) => {
                crate::outln!("{}", path.shown());
                true
            }
            Err(e) => {
                crate::errln!(
                    "{}",
                    crate::msg!(
                        "p.error",
                        text = crate::msg!("run.cannot_write", path = path.shown(), err = e)
                    )
                );
                false
            }
        }
    }
}

/// Everyone the inputs name, with the notes and failures of reading them printed;
/// and how many inputs failed.
fn subjects_of(inputs: &[PathBuf]) -> (Vec<crate::batch::Source>, usize) {
    let mut notes = Vec::new();
    let mut failures = Vec::new();
    let mut subjects = Vec::new();
    crate::batch::walk(inputs, None, &mut notes, &mut failures, &mut |_, src, _| {
        subjects.push(src);
    });
    for n in &notes {
        crate::errln!("{}", crate::msg!("p.note", text = n));
    }
    for (_, f) in &failures {
        crate::errln!(
            "{}",
            crate::msg!("p.error", text = format!("{}: {}", f.source, f.reason))
        );
    }
    (subjects, failures.len())
}
