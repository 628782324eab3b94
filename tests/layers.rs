//! The layers of `src/` that `ARCHITECTURE.md` states, checked on the imports: a file
//! names only files of its own layer or of layers below (`use crate::…`, `super::…`, an
//! inline `crate::…` path, or a child module's path), and no files name each other in a
//! circle, except the Private/Shared pairs that `ARCHITECTURE.md` allows.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Bottom first; a module belongs to the layer of its first path segment.
const LAYERS: &[&[&str]] = &[
    &["field", "error"],
    &[
        "sharing",
        "store",
        "view",
        "ledger",
        "shadow",
        "transcript",
        "masking",
        "tape",
        "source",
        "table",
    ],
    &["world"],
    &["dealer"],
    &["protocols", "replay"],
    &["simulation", "machine"],
    &["handle"],
    &["circuits"],
    &["scalar", "fixed", "vector", "math"],
    &["adversary", "trusted_dealer", "notebook", "export", ""],
];

/// The pairs that may name each other: a value's private and shared forms.
const PAIRS: &[[&str; 2]] = &[
    ["scalar::private", "scalar::shared"],
    ["vector::private", "vector::shared"],
];

type Graph = BTreeMap<String, BTreeSet<String>>;

fn layer(module: &str) -> usize {
    let first = module.split("::").next().unwrap_or("");
    let found = LAYERS.iter().position(|layer| layer.contains(&first));
    found.unwrap_or_else(|| panic!("module `{module}` is in no layer: add it to LAYERS"))
}

/// Every file of `dir` as (module path, source without comments).
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("src/ is readable").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let mut module = prefix.to_vec();
        if path.is_dir() {
            module.push(name);
            modules(&path, &module, out);
            continue;
        }
        if !matches!(name.as_str(), "mod" | "lib") {
            module.push(name);
        }
        let text = std::fs::read_to_string(&path).expect("a source file is readable");
        // A file's own unit tests, at its end, are not part of its layer.
        let text = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or("");
        let code: Vec<&str> = text
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect();
        out.insert(module.join("::"), code.join("\n"));
    }
}

/// The paths in `code` that start at `at`: `a::b` or `a::{b, c::{d}}`, expanded.
fn paths(code: &str, at: usize) -> Vec<Vec<String>> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let rest = &code[at..];
    let len = rest
        .find(|c: char| !(ident(c) || c == ':'))
        .unwrap_or(rest.len());
    let head: Vec<String> = rest[..len]
        .split("::")
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    if !rest[len..].starts_with('{') {
        return vec![head];
    }
    let (mut depth, mut start, mut found) = (0, len + 1, Vec::new());
    for (i, c) in rest.char_indices().skip(len) {
        match c {
            '{' => depth += 1,
            '}' | ',' if depth == 1 => {
                for tail in paths(&rest[..i], start)
                    .into_iter()
                    .filter(|t| !t.is_empty())
                {
                    found.push(head.iter().cloned().chain(tail).collect());
                }
                start = i + 1 + rest[i + 1..].len() - rest[i + 1..].trim_start().len();
                if c == '}' {
                    break;
                }
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    found
}

/// Which modules each module names.
fn graph(files: &BTreeMap<String, String>) -> Graph {
    let mut graph = Graph::new();
    for (module, code) in files {
        let me: Vec<String> = module
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let children: Vec<&str> = code
            .split("mod ")
            .skip(1)
            .filter_map(|s| s.split(';').next())
            .collect();
        let mut named = BTreeSet::new();
        for (at, _) in code.match_indices("::") {
            let before = &code[..at];
            let word = before
                .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("");
            let start = at - word.len();
            if start > 0 && code[..start].ends_with(':') {
                continue; // inside a path, not its start
            }
            let base: Vec<String> = match word {
                "crate" => vec![],
                "super" => me[..me.len().saturating_sub(1)].to_vec(),
                w if children.contains(&w) => me.clone(),
                _ => continue,
            };
            for path in paths(code, start) {
                let mut full = base.clone();
                full.extend(path.into_iter().filter(|s| s != "crate" && s != "super"));
                while !full.is_empty() && !files.contains_key(&full.join("::")) {
                    full.pop();
                }
                named.insert(full.join("::"));
            }
        }
        named.remove(module);
        graph.insert(module.clone(), named);
    }
    graph
}

fn src() -> Graph {
    let mut files = BTreeMap::new();
    modules(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut files,
    );
    graph(&files)
}

#[test]
fn no_file_imports_from_a_layer_above_its_own() {
    let mut upward = Vec::new();
    for (from, named) in src() {
        for to in named.iter().filter(|to| layer(to) > layer(&from)) {
            upward.push(format!(
                "{from} (layer {}) names {to} (layer {})",
                layer(&from),
                layer(to)
            ));
        }
    }
    assert!(
        upward.is_empty(),
        "imports that run up:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_files_import_each_other_in_a_circle() {
    let mut graph = src();
    for [a, b] in PAIRS {
        graph.get_mut(*b).map(|named| named.remove(*a));
    }
    // Peel off every module that names nothing left, or that nothing left names; what
    // remains lies on a circle, or between two.
    loop {
        let named: BTreeSet<String> = graph.values().flatten().cloned().collect();
        let done: Vec<String> = (graph.iter())
            .filter(|(m, n)| n.is_empty() || !named.contains(*m))
            .map(|(m, _)| m.clone())
            .collect();
        if done.is_empty() {
            break;
        }
        for module in &done {
            graph.remove(module);
        }
        for named in graph.values_mut() {
            named.retain(|m| !done.contains(m));
        }
    }
    let circle: Vec<String> = graph
        .iter()
        .map(|(m, n)| format!("{m} names {n:?}"))
        .collect();
    assert!(
        circle.is_empty(),
        "modules on a circle:\n{}",
        circle.join("\n")
    );
}

#[test]
fn the_check_sees_imports_of_every_kind() {
    let code = "use crate::a::{b, c::{D, E}};\nmod kid;\nfn f() { super::x::y(); kid::z(); }";
    let files: BTreeMap<String, String> = ["m::n", "a::b", "a::c", "m::x", "m::n::kid"]
        .map(|m| (m.to_string(), String::new()))
        .into();
    let mut files = files;
    files.insert("m::n".to_string(), code.to_string());
    let named = &graph(&files)["m::n"];
    assert_eq!(
        named,
        &BTreeSet::from(["a::b", "a::c", "m::x", "m::n::kid"].map(String::from))
    );
}
