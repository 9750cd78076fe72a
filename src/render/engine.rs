//! The engine of one workbook: a profile loaded with the run's ladders and date,
//! analysed, built into a [`crate::workbook::Workbook`] and rendered in each format
//! asked for. Batch runs and the command line both go through it.

use crate::analysis::{self, JohariRules};
use crate::base::locale::Locale;
use crate::profile::ladder::Ladders;
use crate::profile::model::{Date, Profile};
use crate::{output, profile, render, workbook};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Self-contained HTML.
    Html,
    /// Analysis as JSON.
    Json,
    /// Printable PDF.
    Pdf,
    /// The review and due dates as an iCalendar file.
    Ics,
    /// A self-contained form to fill the profile in and save it.
    Form,
}

impl Format {
    /// File extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Json => "json",
            Format::Pdf => "pdf",
            Format::Ics => "ics",
            Format::Form => "form.html",
        }
    }
}

/// Everything a render needs besides the profile: ladders, templates, fonts, today.
pub struct Engine {
    /// Known ladders.
    pub ladders: Ladders,
    /// HTML templates.
    pub templates: render::html::Templates,
    /// PDF settings and fonts.
    pub pdf: render::pdf::PdfSettings,
    /// Johari thresholds.
    pub rules: JohariRules,
    /// Include service modules for every profile.
    pub modules: bool,
    /// Locale override.
    pub locale: Option<Locale>,
    /// Today's date.
    pub today: Date,
}

/// One rendered document.
pub struct Rendered {
    /// Format.
    pub format: Format,
    /// The bytes to write.
    pub bytes: Vec<u8>,
    /// Warnings (e.g. characters the font lacks).
    pub warnings: Vec<String>,
}

impl Engine {
    /// An engine with the built-in ladders, templates and font, default thresholds and
    /// A4 paper.
    pub fn new(today: Date) -> Engine {
        Engine {
            ladders: Ladders::builtin(),
            templates: render::html::Templates::load(None).expect("the built-in templates compile"),
            pdf: render::pdf::PdfSettings::default(),
            rules: JohariRules::default(),
            modules: false,
            locale: None,
            today,
        }
    }

    /// Loads a profile from bytes with this engine's ladders and date.
    pub fn load(&self, bytes: &[u8]) -> Result<Profile, profile::LoadError> {
        let opts = profile::LoadOptions {
            ladders: &self.ladders,
            today: self.today,
        };
        let mut p = profile::load_bytes(bytes, &opts)?;
        if let Some(l) = self.locale {
            p.locale = l;
        }
        Ok(p)
    }

    /// Renders a validated profile in the given formats.
    pub fn render(&self, p: &Profile, formats: &[Format]) -> Result<Vec<Rendered>, String> {
        self.render_analysed(p, &self.analyse(p), formats)
    }

    /// The analysis of a profile with this engine's ladders, thresholds and date.
    pub fn analyse(&self, p: &Profile) -> analysis::Analysis {
        analysis::analyse(p, &self.ladders, self.rules, self.today)
    }

    /// The analysis of this cycle's profile with the last cycle's: records what
    /// changed, then carries the last plan's unfinished actions into `cur`. Fails when
    /// the two are not the same person.
    pub fn analyse_cycle(
        &self,
        cur: &mut Profile,
        prev: Option<&Profile>,
    ) -> Result<analysis::Analysis, String> {
        let Some(prev) = prev else {
            return Ok(self.analyse(cur));
        };
        analysis::cycle::same_person(prev, cur)?;
        let changes = analysis::cycle::compare(prev, cur, &self.ladders, self.rules, self.today);
        analysis::cycle::carry_over(cur, prev);
        let mut a = self.analyse(cur);
        a.changes = Some(changes);
        Ok(a)
    }

    /// Renders a profile whose analysis the caller already has (batch keeps it for
    /// the overview, so it is worked out once).
    pub fn render_analysed(
        &self,
        p: &Profile,
        a: &analysis::Analysis,
        formats: &[Format],
    ) -> Result<Vec<Rendered>, String> {
        let book = workbook::build(
            p,
            a,
            &self.ladders,
            self.today,
            workbook::BookOptions {
                modules: self.modules,
            },
        );
        let mut out = Vec::new();
        for f in formats {
            let (bytes, warnings) = match f {
                Format::Html => (
                    self.templates
                        .render(
                            &book,
                            match self.pdf.paper {
                                render::pdf::Paper::A4 => "A4",
                                render::pdf::Paper::Letter => "letter",
                            },
                        )?
                        .into_bytes(),
                    Vec::new(),
                ),
                Format::Json => (
                    render::json::render(p, a, self.today).into_bytes(),
                    Vec::new(),
                ),
                Format::Pdf => {
                    let doc = render::pdf::render(&book, &self.pdf)?;
                    (doc.bytes, doc.warnings)
                }
                Format::Form => (
                    render::form::page(Some(p), p.locale, &self.ladders, self.today).into_bytes(),
                    Vec::new(),
                ),
                Format::Ics => {
                    let stem = output::file_stem(p.person.id.as_deref(), &p.person.name);
                    (
                        render::ics::render(p, a, &stem, self.today).into_bytes(),
                        Vec::new(),
                    )
                }
            };
            out.push(Rendered {
                format: *f,
                bytes,
                warnings,
            });
        }
        Ok(out)
    }
}
