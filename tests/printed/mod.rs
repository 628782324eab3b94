//! What the tutorial's printing blocks print: `println!` for the blocks writes to a
//! buffer, and [`book_output`] snapshots it as `tutorial/src/generated/<name>.snap`.
//! Used by `tests/book_outputs.rs` and `tests/book_outputs_numbers.rs` with
//! `#[macro_use] mod printed;`.

use std::cell::RefCell;

thread_local! {
    /// What the current test's block printed.
    pub static PRINTED: RefCell<String> = const { RefCell::new(String::new()) };
}

/// `println!` for the blocks: appends a line to [`PRINTED`].
macro_rules! println {
    ($($arg:tt)*) => {
        $crate::printed::PRINTED.with(|printed| {
            use std::fmt::Write;
            writeln!(printed.borrow_mut(), $($arg)*).expect("writing to a String");
        })
    };
}

/// Snapshots what the block printed as `tutorial/src/generated/<name>.snap`.
pub fn book_output(name: &str) {
    let text = PRINTED.with(|printed| std::mem::take(&mut *printed.borrow_mut()));
    assert!(!text.is_empty(), "the block {name} prints something");
    insta::with_settings!({
        snapshot_path => "../../tutorial/src/generated",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}
