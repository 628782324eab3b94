//! The learner's source lines, read back for tables that name them (`file:line` beside
//! the code written there), where the file can be read from the working directory.

use std::collections::HashMap;
use std::panic::Location;

/// Longest code shown; longer lines end in `…`.
const WIDEST: usize = 44;

/// The lines of the files read so far (`None` for a file that cannot be read).
#[derive(Default)]
pub(crate) struct Sources {
    files: HashMap<&'static str, Option<Vec<String>>>,
}

impl Sources {
    /// The code at `at`, trimmed and shortened, if its file can be read.
    pub fn code(&mut self, at: &'static Location<'static>) -> Option<String> {
        let file = at.file();
        let lines = self.files.entry(file).or_insert_with(|| {
            let text = std::fs::read_to_string(file).ok()?;
            Some(text.lines().map(str::to_string).collect())
        });
        let index = usize::try_from(at.line()).ok()?.checked_sub(1)?;
        let code = lines.as_ref()?.get(index)?.trim();
        Some(match code.chars().count() > WIDEST {
            true => format!("{}…", code.chars().take(WIDEST - 1).collect::<String>()),
            false => code.to_string(),
        })
    }
}
