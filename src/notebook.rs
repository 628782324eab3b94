//! Rich output in Jupyter notebooks (the evcxr kernel).
//!
//! evcxr shows a value richly when its type has a method `evcxr_display(&self)` that
//! prints `EVCXR_BEGIN_CONTENT <mime type>`, the content and `EVCXR_END_CONTENT`. The
//! main types print an HTML table and, always, a `text/plain` block with their `Display`.
//! Outside a notebook the methods just print both blocks.

use std::fmt::Write;

use crate::field::TinyField;
use crate::ledger::{COLUMNS, Ledger, counts};
use crate::machine::VirtualMachine;
use crate::transcript::Transcript;
use crate::view::{View, about_label};

/// Prints a plain-text and an HTML rendering in evcxr's rich-output format.
fn emit(plain: &str, html: &str) {
    println!("EVCXR_BEGIN_CONTENT text/plain\n{plain}\nEVCXR_END_CONTENT");
    println!("EVCXR_BEGIN_CONTENT text/html\n{html}\nEVCXR_END_CONTENT");
}

/// An HTML table with a caption, a header row and rows of cells (escaped here).
fn table(caption: &str, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut html = format!("<table>\n<caption>{}</caption>\n<tr>", escape(caption));
    for h in header {
        let _ = write!(html, "<th>{}</th>", escape(h));
    }
    html += "</tr>\n";
    for row in rows {
        html += "<tr>";
        for cell in row {
            let _ = write!(html, "<td>{}</td>", escape(&cell));
        }
        html += "</tr>\n";
    }
    html + "</table>"
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl<F: TinyField> VirtualMachine<F> {
    /// Notebook output: a table of what the machine holds (see [`to_html`](Self::to_html)).
    pub fn evcxr_display(&self) {
        emit(&self.to_string(), &self.to_html());
    }

    /// An HTML table of what the machine holds, one row per value as in its listing (a
    /// vector's shares shown by their first few).
    pub fn to_html(&self) -> String {
        let rows = self
            .listing()
            .into_iter()
            .map(|row| vec![format!("#{}", row.number), row.what, row.elements]);
        let caption = format!("what {} holds", self.name());
        table(&caption, &["value", "what", "elements"], rows)
    }
}

impl<F: TinyField> View<F> {
    /// Notebook output: a table of the messages received (see [`to_html`](Self::to_html)).
    pub fn evcxr_display(&self) {
        emit(&self.to_string(), &self.to_html());
    }

    /// An HTML table of the messages received.
    pub fn to_html(&self) -> String {
        let rows = self.messages.iter().map(|m| {
            vec![
                about_label(m.about),
                m.step.to_string(),
                m.from.to_string(),
                m.value.to_string(),
            ]
        });
        let caption = format!("what {} received", self.machine);
        table(&caption, &["value", "step", "from", "element"], rows)
    }
}

impl Ledger {
    /// Notebook output: the costs per line as a table (see [`to_html`](Self::to_html)).
    pub fn evcxr_display(&self) {
        emit(&self.to_string(), &self.to_html());
    }

    /// An HTML table of the costs per line.
    pub fn to_html(&self) -> String {
        let rows = self.rows().map(|(place, ops, c)| {
            let numbers = counts(ops, &c).map(|n| n.to_string());
            std::iter::once(place).chain(numbers).collect()
        });
        let header: Vec<&str> = std::iter::once("line").chain(COLUMNS).collect();
        table("costs per line", &header, rows)
    }
}

impl<F: TinyField> Transcript<F> {
    /// Notebook output: the messages as a table (see [`to_html`](Self::to_html); draw
    /// [`to_mermaid`](Self::to_mermaid) for a diagram).
    pub fn evcxr_display(&self) {
        emit(&self.to_string(), &self.to_html());
    }

    /// An HTML table of the messages.
    pub fn to_html(&self) -> String {
        let rows = self.messages.iter().map(|m| {
            vec![
                m.from.to_string(),
                m.to.clone(),
                m.step.to_string(),
                m.value.to_string(),
            ]
        });
        table("transcript", &["from", "to", "step", "element"], rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_escape_their_cells() {
        let html = table("a<b", &["x"], [vec!["1 & 2".to_string()]]);
        assert!(html.contains("<caption>a&lt;b</caption>"));
        assert!(html.contains("<td>1 &amp; 2</td>"));
    }
}
