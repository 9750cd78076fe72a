//! HTML output with Tera 2: built-in templates compiled in, a user folder
//! overriding them file by file, one self-contained file per workbook.

use crate::base::term::Shown;
use crate::workbook::Workbook;
use std::path::Path;

/// The built-in templates, by file name.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "workbook.html",
        include_str!("../../templates/html/workbook.html"),
    ),
    (
        "block.html",
        include_str!("../../templates/html/block.html"),
    ),
    ("style.css", include_str!("../../templates/html/style.css")),
    (
        "overview.html",
        include_str!("../../templates/html/overview.html"),
    ),
];

/// A loaded template set. A folder's templates are compiled when loaded, so that
/// their errors come first; the built-in ones (which a test compiles) on first use,
/// so that a PDF-only run never compiles them.
pub struct Templates {
    tera: std::sync::OnceLock<tera::Tera>,
    /// The overview template's source, converted for `--locale zh-TW` when asked.
    overview: String,
}

/// Compiles a template set.
fn compile(sources: &[(String, String)]) -> Result<tera::Tera, String> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html", ".htm", ".xml", ".svg"]);
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| format!("template error: {}", error_chain(&e)))?;
    Ok(tera)
}

impl Templates {
    /// The built-in templates, with files in `dir` (when given) replacing the
    /// built-in of the same name.
    pub fn load(dir: Option<&Path>) -> Result<Templates, String> {
        let mut sources: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        if let Some(dir) = dir {
            let entries = std::fs::read_dir(dir)
                .map_err(|e| format!("{}: cannot read the templates folder: {e}", dir.shown()))?;
            for entry in entries.flatten() {
                let path = entry.path();
                let Some(name) = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .map(str::to_string)
                else {
                    continue;
                };
                if !path.is_file() || name.starts_with('.') {
                    continue;
                }
                let text =
                    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.shown()))?;
                match sources.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => sources.push((name, text)),
                }
            }
        }
        let overview = sources
            .iter()
            .find(|(n, _)| n == "overview.html")
            .map(|(_, t)| t.clone())
            .unwrap_or_default();
        let tera = std::sync::OnceLock::new();
        if dir.is_some() {
            let _ = tera.set(compile(&sources)?);
        }
        Ok(Templates { tera, overview })
    }

    /// The compiled templates.
    fn tera(&self) -> &tera::Tera {
        self.tera.get_or_init(|| {
            let sources: Vec<(String, String)> = BUILTIN
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect();
            compile(&sources).expect("the built-in templates compile")
        })
    }

    /// Renders the HR overview of a batch run (the batch stage's `Overview`, in the
    /// language `lang`) with the overview template.
    pub fn render_overview(
        &self,
        ov: &impl serde::Serialize,
        lang: &str,
    ) -> Result<String, String> {
        let mut ctx = tera::Context::new();
        ctx.insert("ov", ov);
        if lang == "zh-TW" {
            // the overview's own words in Traditional characters
            return self
                .tera()
                .render_str(&crate::text::zhtw::convert(&self.overview), &ctx, true)
                .map_err(|e| format!("template error: {}", error_chain(&e)));
        }
        self.tera()
            .render("overview.html", &ctx)
            .map_err(|e| format!("template error: {}", error_chain(&e)))
    }

    /// Renders a workbook to a self-contained HTML page; `paper` is the CSS page size
    /// of its print (`A4` or `letter`).
    pub fn render(&self, book: &Workbook, paper: &str) -> Result<String, String> {
        let mut ctx = tera::Context::new();
        ctx.insert("book", book);
        ctx.insert("print_css", &print_css(book, paper));
        self.tera()
            .render("workbook.html", &ctx)
            .map_err(|e| format!("template error: {}", error_chain(&e)))
    }
}

/// A CSS string literal: quotes, backslashes and `<` escaped, so that nothing in a
/// name can end the string or the `<style>` element.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\3c "),
            '>' => out.push_str("\\3e "),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The print rules that depend on the book: the page size, and the footer of every
/// printed page (running title, name, "第 N 页 / 共 M 页") as CSS page margin boxes.
fn print_css(book: &Workbook, paper: &str) -> String {
    let pattern = &book.page_pattern;
    let (before, rest) = pattern.split_once("{n}").unwrap_or((pattern, ""));
    let (middle, after) = rest.split_once("{m}").unwrap_or((rest, ""));
    let pages = format!(
        "{} counter(page) {} counter(pages) {}",
        css_string(before),
        css_string(middle),
        css_string(after)
    );
    let left = css_string(&format!("{} · {}", book.running_title, book.name));
    format!(
        "@page {{ size: {paper}; margin: 18mm 20mm 20mm; \
         @bottom-left {{ content: {left}; font-size: 8pt; color: #6b7785; }} \
         @bottom-right {{ content: {pages}; font-size: 8pt; color: #6b7785; }} }} \
         @page :first {{ @bottom-left {{ content: none; }} @bottom-right {{ content: none; }} }}"
    )
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

/// Writes the built-in templates into `dir` for editing (never overwrites).
pub fn eject(dir: &Path) -> Result<Vec<String>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.shown()))?;
    let mut written = Vec::new();
    for (name, text) in BUILTIN {
        let path = dir.join(name);
        if path.exists() {
            return Err(format!(
                "{} already exists; eject into an empty folder",
                path.shown()
            ));
        }
        crate::output::write_atomic(&path, text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.shown()))?;
        written.push(path.shown().to_string());
    }
    Ok(written)
}
