//! Runs every example (`cargo test` builds them) and snapshots the seeded ones' output, so
//! an example can neither panic nor change what it prints unnoticed.

use std::path::PathBuf;
use std::process::Command;

/// Runs `examples/<name>.rs` as built by `cargo test`; returns its standard output.
fn run_example(name: &str) -> String {
    // Test binaries live in target/<profile>/deps; examples in target/<profile>/examples.
    let exe = std::env::current_exe().expect("the test binary has a path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>");
    let path: PathBuf = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} was not built: run the whole `cargo test`",
        path.display()
    );
    let output = Command::new(&path).output().expect("the example starts");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "example {name} failed:\n{stderr}");
    String::from_utf8(output.stdout).expect("examples print UTF-8")
}

/// Every file in `examples/`, by name.
fn all_examples() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("examples/ exists")
        .filter_map(|entry| {
            entry
                .ok()?
                .file_name()
                .to_str()?
                .strip_suffix(".rs")
                .map(String::from)
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_example_runs_and_every_lesson_prints_what_it_printed_before() {
    let names = all_examples();
    assert!(names.len() >= 5, "{names:?}");
    for name in names {
        let out = run_example(&name);
        assert!(!out.is_empty(), "{name} printed nothing");
        if name.starts_with("lesson_") {
            // Lessons are seeded: their output is stable.
            insta::assert_snapshot!(name.clone(), out);
        }
    }
}

#[test]
fn quickstart_prints_875_and_1075() {
    let out = run_example("quickstart");
    assert!(out.starts_with("PrivateScalar(875, 'alice')\n"), "{out}");
    assert!(
        out.contains("(a*b) - 5*(a+c) = PrivateScalar(1075, 'alice')"),
        "{out}"
    );
    assert!(out.contains("What alice saw"));
    // Everything but the first line comes from a seeded simulation.
    insta::assert_snapshot!("quickstart", out);
}

#[test]
fn cheating_is_caught_with_macs_and_not_without() {
    let out = run_example("cheating");
    assert!(
        out.contains("MACs off: alice receives PrivateScalar(49, 'alice'), but 6 × 7 = 42"),
        "{out}"
    );
    assert!(
        out.contains("MACs on: alice receives nothing: mac check failed"),
        "{out}"
    );
    assert!(out.contains("the simulation was told: bob"), "{out}");
    insta::assert_snapshot!("cheating", out);
}

#[test]
fn secure_aggregation_reveals_the_sum_with_and_without_a_dropout() {
    let out = run_example("secure_aggregation");
    assert_eq!(
        out.matches("120 inputs arrived; their sum is PublicScalar(241380)")
            .count(),
        2,
        "{out}"
    );
    assert!(out.contains("s3 dropped out"), "{out}");
    assert!(out.contains("client7 holds 0 value(s)"), "{out}");
    insta::assert_snapshot!("secure_aggregation", out);
}
