//! Tables whose rows are named by a source line (the ledger's, the shadow's): as text or
//! Markdown, with the code written at each line beside `file:line` when the file can be
//! read, and without the columns that are zero on every row when asked.

use std::fmt::Write;
use std::panic::Location;

use crate::source::Sources;

/// One column after the row's name: its header, its width in text (at least the header's
/// in practice), and whether it is a number (right-aligned, and empty when zero
/// everywhere).
pub(crate) struct Column {
    pub header: &'static str,
    pub width: usize,
    pub number: bool,
}

/// One row: its name (`file:line` or a word such as `total`), the line it names if any,
/// and a cell per column with whether it is zero.
pub(crate) struct Row {
    pub name: String,
    pub at: Option<&'static Location<'static>>,
    pub cells: Vec<(String, bool)>,
}

/// How a table is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Options {
    /// The code at each line, beside its name.
    pub code: bool,
    /// Numeric columns that are zero on every row are dropped.
    pub hide_empty: bool,
}

/// Columns, rows, and the narrowest the name column may be.
pub(crate) struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub name_width: usize,
}

impl Table {
    /// Which columns to show.
    fn shown(&self, options: Options) -> Vec<usize> {
        let empty = |k: usize| self.rows.iter().all(|row| row.cells[k].1);
        (0..self.columns.len())
            .filter(|&k| !(options.hide_empty && self.columns[k].number && empty(k)))
            .collect()
    }

    /// Each row's code ("" where unknown), when asked for.
    fn code(&self, options: Options) -> Option<Vec<String>> {
        let mut sources = Sources::default();
        options.code.then(|| {
            let mut code = |row: &Row| row.at.and_then(|at| sources.code(at));
            self.rows
                .iter()
                .map(|row| code(row).unwrap_or_default())
                .collect()
        })
    }

    /// The table as aligned text, a line per row after the header.
    pub fn text(&self, options: Options) -> String {
        let shown = self.shown(options);
        let code = self.code(options);
        let width = (self.rows.iter().map(|r| r.name.len()))
            .max()
            .unwrap_or(0)
            .max(self.name_width);
        let code_width = code.iter().flatten().map(|c| c.chars().count()).max();
        let mut out = String::new();
        let mut line = |name: &str, code: Option<&str>, cells: Vec<&str>| {
            let mut text = format!("{name:<width$}");
            if let (Some(code), Some(w)) = (code, code_width) {
                let _ = write!(text, "  {code:<w$}");
            }
            for (&k, cell) in shown.iter().zip(cells) {
                let w = self.columns[k].width;
                let _ = match self.columns[k].number {
                    true => write!(text, "  {cell:>w$}"),
                    false => write!(text, "  {cell:<w$}"),
                };
            }
            out.push_str(text.trim_end_matches(' '));
            out.push('\n');
        };
        let headers = shown.iter().map(|&k| self.columns[k].header).collect();
        line("line", code.as_ref().map(|_| "code"), headers);
        for (j, row) in self.rows.iter().enumerate() {
            let cells = shown.iter().map(|&k| row.cells[k].0.as_str()).collect();
            line(&row.name, code.as_ref().map(|c| c[j].as_str()), cells);
        }
        out
    }

    /// The table in Markdown.
    pub fn markdown(&self, options: Options) -> String {
        let shown = self.shown(options);
        let code = self.code(options);
        let mut header = vec!["line"];
        let mut rule = vec!["---"];
        if code.is_some() {
            header.push("code");
            rule.push("---");
        }
        for &k in &shown {
            header.push(self.columns[k].header);
            rule.push(if self.columns[k].number {
                "---:"
            } else {
                "---"
            });
        }
        let mut out = format!("| {} |\n| {} |\n", header.join(" | "), rule.join(" | "));
        for (j, row) in self.rows.iter().enumerate() {
            let mut cells = vec![row.name.clone()];
            if let Some(code) = &code {
                let escaped = code[j].replace('|', "\\|");
                cells.push(match escaped.is_empty() {
                    true => String::new(),
                    false => format!("`{escaped}`"),
                });
            }
            cells.extend(shown.iter().map(|&k| row.cells[k].0.clone()));
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out
    }
}
