//! The generated Rust items and every language binding agree with
//! `spec/public-abi.json`, and the checked-in files are what the generator
//! writes. Python, Node.js and a C compiler must be installed: a missing one
//! fails the test.

use std::path::{Path, PathBuf};
use std::process::Command;

use genvm_abi::*;
use serde_json::Value as Json;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn spec() -> Vec<Json> {
    let text = std::fs::read_to_string(root().join("spec/public-abi.json")).unwrap();
    serde_json::from_str::<Json>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn entry(name: &str) -> Json {
    spec()
        .into_iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

/// Runs a command and returns its stdout, failing the test on any error.
fn run(command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
#[ignore = "needs python3; scripts/test.sh runs it"]
fn checked_in_files_are_what_the_generator_writes() {
    run(Command::new("python3")
        .arg(root().join("abi/generate.py"))
        .arg("--check"));
}

macro_rules! assert_enum {
    ($type:ty, $name:literal) => {{
        let values = entry($name)["values"].as_object().unwrap().clone();
        assert_eq!(<$type>::ALL.len(), values.len(), $name);
        for (item, (key, value)) in <$type>::ALL.iter().zip(&values) {
            assert_eq!(item.name(), key);
            assert_eq!(&Json::from(item.value()), value);
        }
    }};
}

#[test]
fn rust_items_match_the_spec() {
    assert_enum!(ResultCode, "result_code");
    assert_enum!(StorageType, "storage_type");
    assert_enum!(EntryKind, "entry_kind");
    assert_enum!(MemoryLimiterConsts, "memory_limiter_consts");
    assert_enum!(SpecialMethod, "special_method");
    assert_enum!(VmError, "vm_error");
    assert_enum!(CalldataErrorKind, "calldata_error_kind");
    let descriptions = entry("calldata_error_kind")["descriptions"].clone();
    for kind in CalldataErrorKind::ALL {
        assert_eq!(descriptions[kind.name()], kind.description());
    }
    assert_eq!(
        Json::from(EVENT_MAX_TOPICS),
        entry("event_max_topics")["value"]
    );
    assert_eq!(Json::from(ABSENT_VERSION), entry("absent_version")["value"]);
    assert_eq!(
        Json::from(CODE_SLOT_OFFSET),
        entry("code_slot_offset")["value"]
    );
}

#[test]
#[ignore = "needs python3; scripts/test.sh runs it"]
fn python_module_matches_the_spec() {
    let script = r#"
import json, sys
sys.path.insert(0, sys.argv[1] + "/abi/bindings/python")
import genvm_abi
assert genvm_abi.ResultCode.RETURN == 0 and genvm_abi.ResultCode.USER_ERROR == 1
for entry in json.load(open(sys.argv[1] + "/spec/public-abi.json")):
    camel = "".join(p.capitalize() for p in entry["name"].split("_"))
    if entry["type"] == "const":
        assert getattr(genvm_abi, entry["name"].upper()) == entry["value"], entry
        continue
    members = getattr(genvm_abi, camel)
    assert [(m.name, m.value) for m in members] == [(k.upper(), v) for k, v in entry["values"].items()], entry
print("checked")
"#;
    let out = run(Command::new("python3").arg("-c").arg(script).arg(root()));
    assert_eq!(out.trim(), "checked");
}

#[test]
#[ignore = "needs node; scripts/test.sh runs it"]
fn javascript_module_matches_the_spec() {
    let module = root().join("abi/bindings/js/genvm_abi.js");
    let spec = root().join("spec/public-abi.json");
    let script = format!(
        r#"
import * as abi from {module:?};
import {{ readFileSync }} from "node:fs";
const spec = JSON.parse(readFileSync({spec:?}, "utf8"));
const camel = (n) => n.split("_").map((p) => p[0].toUpperCase() + p.slice(1)).join("");
for (const entry of spec) {{
  if (entry.type === "const") {{
    if (abi[entry.name.toUpperCase()] !== entry.value) throw new Error(entry.name);
    continue;
  }}
  const actual = JSON.stringify(Object.entries(abi[camel(entry.name)]));
  const expected = JSON.stringify(Object.entries(entry.values).map(([k, v]) => [k.toUpperCase(), v]));
  if (actual !== expected) throw new Error(`${{entry.name}}: ${{actual}} != ${{expected}}`);
  if (!Object.isFrozen(abi[camel(entry.name)])) throw new Error(`${{entry.name}} is not frozen`);
}}
console.log("checked");
"#,
        module = module.display().to_string(),
        spec = spec.display().to_string()
    );
    let out = run(Command::new("node")
        .arg("--input-type=module")
        .arg("-e")
        .arg(script));
    assert_eq!(out.trim(), "checked");
}

fn c_compiler() -> String {
    std::env::var("CC").unwrap_or_else(|_| "cc".into())
}

#[test]
#[ignore = "needs a C compiler; scripts/test.sh runs it"]
fn c_header_compiles_and_matches_the_spec() {
    let dir = std::env::temp_dir().join(format!("genvm-abi-c-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("check.c");
    std::fs::write(
        &source,
        r#"#include <stdio.h>
#include "genvm_abi.h"
int main(void) {
    printf("%d %d %d %d\n", GENVM_RESULT_CODE_RETURN, GENVM_RESULT_CODE_USER_ERROR,
           GENVM_RESULT_CODE_VM_ERROR, GENVM_RESULT_CODE_INTERNAL_ERROR);
    printf("%d %d %d\n", GENVM_STORAGE_TYPE_DEFAULT, GENVM_STORAGE_TYPE_LATEST_FINAL,
           GENVM_STORAGE_TYPE_LATEST_NON_FINAL);
    printf("%d %d %d\n", GENVM_ENTRY_KIND_MAIN, GENVM_ENTRY_KIND_SANDBOX, GENVM_ENTRY_KIND_CONSENSUS_STAGE);
    printf("%d %d\n", GENVM_MEMORY_LIMITER_CONSTS_TABLE_ENTRY, GENVM_MEMORY_LIMITER_CONSTS_FILE_MAPPING);
    printf("%s %s\n", GENVM_SPECIAL_METHOD_GET_SCHEMA, GENVM_SPECIAL_METHOD_ERRORED_MESSAGE);
    printf("%s %s %s %s %s\n", GENVM_VM_ERROR_TIMEOUT, GENVM_VM_ERROR_VALIDATOR_DISAGREES,
           GENVM_VM_ERROR_VERSION_TOO_BIG, GENVM_VM_ERROR_OOM, GENVM_VM_ERROR_INVALID_CONTRACT);
    printf("%d %d %d %d %d %d %d %d %d %d %d\n", GVC_ERR_TRUNCATED_ULEB, GVC_ERR_NON_CANONICAL_ULEB,
           GVC_ERR_RESERVED_TYPE, GVC_ERR_INVALID_ATOM, GVC_ERR_LENGTH_TOO_LARGE, GVC_ERR_LENGTH_PAST_END,
           GVC_ERR_INVALID_UTF8, GVC_ERR_DUPLICATE_KEY, GVC_ERR_UNSORTED_KEYS, GVC_ERR_TOO_DEEP,
           GVC_ERR_TRAILING_BYTES);
    printf("%u %s %u\n", GENVM_EVENT_MAX_TOPICS, GENVM_ABSENT_VERSION, GENVM_CODE_SLOT_OFFSET);
    return 0;
}
"#,
    )
    .unwrap();
    let binary = dir.join("check");
    let include = root().join("abi/bindings/c");
    run(Command::new(c_compiler())
        .args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(&include)
        .arg(&source)
        .arg("-o")
        .arg(&binary));
    let printed = run(&mut Command::new(&binary));
    let line = |name: &str| -> String {
        let values = entry(name)["values"].as_object().unwrap().clone();
        values
            .values()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let consts = ["event_max_topics", "absent_version", "code_slot_offset"]
        .map(|name| {
            let value = entry(name)["value"].clone();
            value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned)
        })
        .join(" ");
    let expected: Vec<String> = [
        "result_code",
        "storage_type",
        "entry_kind",
        "memory_limiter_consts",
        "special_method",
        "vm_error",
        "calldata_error_kind",
    ]
    .iter()
    .map(|name| line(name))
    .chain([consts])
    .collect();
    assert_eq!(printed.lines().collect::<Vec<_>>(), expected);
    let _ = std::fs::remove_dir_all(Path::new(&dir));
}
