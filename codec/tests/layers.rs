//! The crate's modules form layers: a module uses only the modules listed
//! above it in the header of `src/lib.rs`. This reads that list and every
//! `crate::<module>` path in `src/`, and fails on a path that points down
//! the list (a cycle in the making).

use std::fs;
use std::path::{Path, PathBuf};

/// The module names of the layer list at the top of `src/lib.rs`, lowest
/// first: the `//` comment lines after the `// Layers` line, up to the
/// first blank comment line.
fn layers(lib: &str) -> Vec<String> {
    let mut lines = lib
        .lines()
        .skip_while(|line| !line.starts_with("// Layers"));
    assert!(
        lines.next().is_some(),
        "src/lib.rs has no `// Layers` header"
    );
    lines
        .skip_while(|line| *line != "//")
        .skip(1)
        .take_while(|line| line.starts_with("// ") && line.len() > 3)
        .map(|line| line[3..].split_whitespace().next().unwrap().to_string())
        .collect()
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to (`None` for `lib.rs`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_string())
}

/// The modules of `crate::` paths in `code`, outside comments and unit
/// tests: `crate::m::…`, `use crate::m;`, and `crate::{m::…, …}` groups.
fn used_modules(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in code.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group
                    .split(',')
                    .map(|part| part.trim())
                    .take_while(|part| !part.is_empty() && !part.starts_with('}'))
                    .collect(),
                None => vec![rest],
            };
            for name in names {
                let end = name
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(name.len());
                found.push((number + 1, name[..end].to_string()));
            }
        }
    }
    found
}

#[test]
fn no_module_uses_a_module_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let order = layers(&lib);
    assert!(order.len() > 10, "layer list too short: {order:?}");
    let rank = |name: &str| order.iter().position(|layer| layer == name);

    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    let mut violations = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let Some(own) = rank(&module) else {
            violations.push(format!(
                "{}: module `{module}` is not in the layer list",
                file.display()
            ));
            continue;
        };
        let code = fs::read_to_string(file).unwrap();
        for (line, used) in used_modules(&code) {
            // Names that are not modules are the crate root's re-exports.
            if let Some(theirs) = rank(&used) {
                if theirs > own {
                    violations.push(format!(
                        "{}:{line}: `{module}` uses `{used}`, which is above it",
                        file.display()
                    ));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "layer violations:\n{}",
        violations.join("\n")
    );
}

#[test]
fn every_module_is_in_the_layer_list_once() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let order = layers(&fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut modules: Vec<String> = files.iter().filter_map(|f| module_of(&src, f)).collect();
    modules.sort();
    modules.dedup();
    let mut listed = order.clone();
    listed.sort();
    assert_eq!(
        listed, modules,
        "the layer list in src/lib.rs and the modules in src/ differ"
    );
}
