//! `--feedback-columns subject=F,picks=G[,identity=D+E]`: the columns' roles as HR
//! gives them, by Excel's column letters.

/// `--feedback-columns subject=F,picks=G[,identity=D+E]`: the roles HR gives; a role
/// left out is still found from the values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Override {
    /// The subject column.
    pub subject: Option<usize>,
    /// The picks: one column, or a block of per-option columns (`picks=H-BJ`).
    pub picks: Option<(usize, usize)>,
    /// The identity columns; `Some(vec![])` for `identity=none`.
    pub identity: Option<Vec<usize>>,
}

/// A column letter (`F`, `aa`) as a 0-based index.
fn letters(s: &str) -> Option<usize> {
    let s = s.trim();
    if s.is_empty() || s.len() > 3 || !s.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let n = s
        .to_ascii_uppercase()
        .bytes()
        .fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1));
    Some(n - 1)
}

impl Override {
    /// Parses the flag's value.
    pub fn parse(s: &str) -> Result<Override, String> {
        let mut o = Override::default();
        let bad = || crate::msg!("arg.feedback_columns", text = s);
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (role, cols) = part.split_once('=').ok_or_else(bad)?;
            match role.trim().to_ascii_lowercase().as_str() {
                "subject" => o.subject = Some(letters(cols).ok_or_else(bad)?),
                "picks" => {
                    o.picks = Some(match cols.split_once('-') {
                        Some((a, b)) => {
                            let (a, b) = (letters(a).ok_or_else(bad)?, letters(b).ok_or_else(bad)?);
                            if a > b {
                                return Err(bad());
                            }
                            (a, b)
                        }
                        None => {
                            let c = letters(cols).ok_or_else(bad)?;
                            (c, c)
                        }
                    })
                }
                "identity" if cols.trim().eq_ignore_ascii_case("none") => {
                    o.identity = Some(Vec::new())
                }
                "identity" => {
                    o.identity = Some(
                        cols.split('+')
                            .map(|c| letters(c).ok_or_else(bad))
                            .collect::<Result<_, _>>()?,
                    )
                }
                _ => return Err(bad()),
            }
        }
        if o == Override::default() {
            return Err(bad());
        }
        Ok(o)
    }

    /// Whether any role is given.
    pub fn is_set(&self) -> bool {
        *self != Override::default()
    }
}
