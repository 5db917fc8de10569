//! The generated Rust items and every language binding agree with
//! `spec/public-abi.json` (values, and which ABI generations have each
//! definition and value), the checked-in files are what the generator writes,
//! and the generator refuses a malformed file. Python, Node.js and a C compiler
//! must be installed: a missing one fails the test.

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

/// The strings of a JSON list.
fn strings(json: &Json) -> Vec<String> {
    json.as_array()
        .unwrap_or_else(|| panic!("{json} is not a list"))
        .iter()
        .map(|item| item.as_str().unwrap().to_owned())
        .collect()
}

/// The generations that have value `key` of `entry`: its `value_generations`,
/// or else the definition's own.
fn value_generations(entry: &Json, key: &str) -> Vec<String> {
    strings(
        entry
            .get("value_generations")
            .and_then(|map| map.get(key))
            .unwrap_or(&entry["generations"]),
    )
}

fn generation_names(generations: &[AbiGeneration]) -> Vec<String> {
    generations.iter().map(|g| g.value().to_owned()).collect()
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

/// The values of an enum or constants group, then which generations have
/// it and each of its values; pushes its name onto `$checked`.
macro_rules! assert_enum {
    ($checked:ident, $type:ty, $name:literal) => {{
        let entry = entry($name);
        let values = entry["values"].as_object().unwrap().clone();
        assert_eq!(<$type>::ALL.len(), values.len(), $name);
        for (item, (key, value)) in <$type>::ALL.iter().zip(&values) {
            assert_eq!(item.name(), key);
            assert_eq!(&Json::from(item.value()), value);
        }
        assert_eq!(
            generation_names(<$type>::GENERATIONS),
            strings(&entry["generations"]),
            $name
        );
        for item in <$type>::ALL {
            let expected = value_generations(&entry, item.name());
            assert_eq!(generation_names(item.generations()), expected, "{item}");
            for generation in AbiGeneration::ALL {
                assert_eq!(
                    item.in_generation(generation),
                    expected.iter().any(|g| g == generation.value()),
                    "{item} in {generation}"
                );
            }
        }
        for generation in AbiGeneration::ALL {
            let expected: Vec<$type> = <$type>::ALL
                .into_iter()
                .filter(|item| {
                    value_generations(&entry, item.name())
                        .iter()
                        .any(|g| g == generation.value())
                })
                .collect();
            assert_eq!(
                <$type>::all_in(generation),
                expected,
                "{} in {generation}",
                $name
            );
        }
        $checked.push($name);
    }};
}

/// A constant's value and generations; pushes its name onto `$checked`.
macro_rules! assert_const {
    ($checked:ident, $value:expr, $generations:expr, $name:literal) => {{
        let entry = entry($name);
        assert_eq!(Json::from($value), entry["value"], $name);
        assert_eq!(
            generation_names($generations),
            strings(&entry["generations"]),
            $name
        );
        $checked.push($name);
    }};
}

#[test]
fn rust_items_match_the_spec() {
    let mut checked = Vec::new();
    assert_enum!(checked, AbiGeneration, "abi_generation");
    assert_enum!(checked, ResultCode, "result_code");
    assert_enum!(checked, StorageType, "storage_type");
    assert_enum!(checked, EntryKind, "entry_kind");
    assert_enum!(checked, Permissions, "permissions");
    assert_enum!(checked, RootOffsets, "root_offsets");
    assert_enum!(checked, MemoryLimiterConsts, "memory_limiter_consts");
    assert_enum!(checked, SpecialMethod, "special_method");
    assert_enum!(checked, VmError, "vm_error");
    let vm_error_code = entry("vm_error_code");
    let codes: Vec<(String, Json)> = VM_ERROR_CODE
        .iter()
        .map(|code| {
            (
                code.path.to_owned(),
                Json::from(code.param.map(StrTrieParam::name)),
            )
        })
        .collect();
    let expected: Vec<(String, Json)> = vm_error_code["codes"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(path, param)| (path.clone(), param.clone()))
        .collect();
    assert_eq!(codes, expected, "vm_error_code");
    assert_eq!(VM_ERROR_CODE_DETAILS, strings(&vm_error_code["details"]));
    assert_eq!(
        generation_names(VM_ERROR_CODE_GENERATIONS),
        strings(&vm_error_code["generations"])
    );
    checked.push("vm_error_code");
    assert_enum!(checked, CalldataErrorKind, "calldata_error_kind");
    let descriptions = entry("calldata_error_kind")["descriptions"].clone();
    for kind in CalldataErrorKind::ALL {
        assert_eq!(descriptions[kind.name()], kind.description());
    }
    assert_const!(
        checked,
        EVENT_MAX_TOPICS,
        EVENT_MAX_TOPICS_GENERATIONS,
        "event_max_topics"
    );
    assert_const!(
        checked,
        ABSENT_VERSION,
        ABSENT_VERSION_GENERATIONS,
        "absent_version"
    );
    assert_const!(
        checked,
        CODE_SLOT_OFFSET,
        CODE_SLOT_OFFSET_GENERATIONS,
        "code_slot_offset"
    );
    let default = entry("abi_generation")["default"].clone();
    assert_eq!(AbiGeneration::default().name(), default);
    assert_eq!(AbiGeneration::DEFAULT, AbiGeneration::default());
    let names: Vec<String> = spec()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(checked, names, "every definition is checked, in order");
}

#[test]
#[ignore = "needs python3; scripts/test.sh runs it"]
fn python_module_matches_the_spec() {
    let script = r#"
import copy, enum, json, pickle, sys
sys.path.insert(0, sys.argv[1] + "/abi/bindings/python")
import genvm_abi
assert genvm_abi.ResultCode.RETURN == 0 and genvm_abi.ResultCode.USER_ERROR == 1
spec = json.load(open(sys.argv[1] + "/spec/public-abi.json"))
generations = list(next(e for e in spec if e["name"] == "abi_generation")["values"].values())
for entry in spec:
    camel = "".join(p.capitalize() for p in entry["name"].split("_"))
    if entry["type"] == "str_trie":
        name = entry["name"].upper()
        assert list(getattr(genvm_abi, name).items()) == list(entry["codes"].items()), entry["name"]
        assert getattr(genvm_abi, name + "_DETAILS") == tuple(entry["details"]), entry["name"]
        assert getattr(genvm_abi, name + "_GENERATIONS") == tuple(entry["generations"]), entry["name"]
        continue
    if entry["type"] == "const":
        assert getattr(genvm_abi, entry["name"].upper()) == entry["value"], entry
        assert getattr(genvm_abi, entry["name"].upper() + "_GENERATIONS") == tuple(entry["generations"]), entry
        continue
    members = getattr(genvm_abi, camel)
    listed = list(members) if entry["type"] == "enum" else list(members.ALL)
    assert issubclass(members, enum.Enum) == (entry["type"] == "enum"), entry
    assert [(m.name, m.value) for m in listed] == [(k.upper(), v) for k, v in entry["values"].items()], entry
    assert members.GENERATIONS == tuple(entry["generations"]), entry
    value_generations = {k.upper(): tuple(entry.get("value_generations", {}).get(k, entry["generations"]))
                         for k in entry["values"]}
    for member in listed:
        assert member.generations() == value_generations[member.name], (entry["name"], member)
        for generation in generations:
            expected = generation in value_generations[member.name]
            assert member.in_generation(generation) is expected, (member, generation)
            assert member.in_generation(genvm_abi.AbiGeneration(generation)) is expected, (member, generation)
    for generation in generations:
        expected = tuple(m for m in listed if generation in value_generations[m.name])
        assert members.all_in(generation) == expected, (entry["name"], generation)
        assert [m.name for m in members.all_in(generation)] == [m.name for m in expected]
    if "default" in entry:
        default = getattr(genvm_abi, "DEFAULT_" + entry["name"].upper())
        assert default is members[entry["default"].upper()], entry
    for bad in ("v0.4", "V0_3", ""):
        try:
            listed[0].in_generation(bad)
        except ValueError:
            pass
        else:
            raise AssertionError(f"{entry['name']}: {bad!r} is not a generation")
# A constants group's members are ints that keep their own names, also when they share a value.
group = genvm_abi.MemoryLimiterConsts
assert group.NEW_STORAGE_PAGE == group.FILE_MAPPING == 256 and group.NEW_STORAGE_PAGE.name == "NEW_STORAGE_PAGE"
assert str(group.NEW_STORAGE_PAGE) == "256" and f"{group.NEW_STORAGE_PAGE}" == "256" and group.NEW_STORAGE_PAGE + 1 == 257
assert repr(group.NEW_STORAGE_PAGE) == "<MemoryLimiterConsts.NEW_STORAGE_PAGE: 256>"
for copied in (pickle.loads(pickle.dumps(group.NEW_STORAGE_PAGE)), copy.deepcopy(group.NEW_STORAGE_PAGE)):
    assert copied.name == "NEW_STORAGE_PAGE" and copied.generations() == ("v0.3",)
assert genvm_abi.DEFAULT_ABI_GENERATION == "v0.2"
codes = genvm_abi.VM_ERROR_CODE
assert codes["exit_code"] == "i32" and codes["wasm_trap"] is None and "leader_fault" not in codes
assert genvm_abi.VM_ERROR_CODE_GENERATIONS == ("v0.3",)
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
const generations = Object.values(spec.find((e) => e.name === "abi_generation").values);
const throws = (f, what) => {{
  try {{ f(); }} catch (e) {{ if (e instanceof RangeError) return; throw e; }}
  throw new Error(`no RangeError: ${{what}}`);
}};
const deeplyFrozen = (value) =>
  typeof value !== "object" || (Object.isFrozen(value) && Object.values(value).every(deeplyFrozen));
const expectedFacts = {{}};
for (const entry of spec) {{
  const name = entry.type === "const" || entry.type === "str_trie" ? entry.name.toUpperCase() : camel(entry.name);
  expectedFacts[name] = {{ generations: entry.generations }};
  if (entry.type === "str_trie") {{
    if (JSON.stringify(Object.entries(abi[name])) !== JSON.stringify(Object.entries(entry.codes)))
      throw new Error(`${{name}}: ${{JSON.stringify(abi[name])}}`);
    const details = abi[`${{name}}_DETAILS`];
    if (JSON.stringify(details) !== JSON.stringify(entry.details)) throw new Error(`${{name}}_DETAILS`);
    if (!Object.isFrozen(abi[name]) || !Object.isFrozen(details)) throw new Error(`${{name}} is not frozen`);
    for (const g of generations)
      if (abi.inGeneration(g, name) !== entry.generations.includes(g)) throw new Error(`${{name}} in ${{g}}`);
    throws(() => abi.allIn(generations[0], name), `allIn of ${{name}}`);
    continue;
  }}
  if (entry.type === "const") {{
    if (abi[name] !== entry.value) throw new Error(entry.name);
    for (const g of generations)
      if (abi.inGeneration(g, name) !== entry.generations.includes(g)) throw new Error(`${{name}} in ${{g}}`);
    throws(() => abi.allIn(generations[0], name), `allIn of ${{name}}`);
    continue;
  }}
  const actual = JSON.stringify(Object.entries(abi[name]));
  const expected = JSON.stringify(Object.entries(entry.values).map(([k, v]) => [k.toUpperCase(), v]));
  if (actual !== expected) throw new Error(`${{entry.name}}: ${{actual}} != ${{expected}}`);
  if (!Object.isFrozen(abi[name])) throw new Error(`${{entry.name}} is not frozen`);
  const valueGenerations = (key) => (entry.value_generations ?? {{}})[key] ?? entry.generations;
  expectedFacts[name].values = Object.fromEntries(Object.keys(entry.values).map((k) => [k.toUpperCase(), valueGenerations(k)]));
  for (const g of generations) {{
    if (abi.inGeneration(g, name) !== entry.generations.includes(g)) throw new Error(`${{name}} in ${{g}}`);
    for (const key of Object.keys(entry.values))
      if (abi.inGeneration(g, name, key.toUpperCase()) !== valueGenerations(key).includes(g))
        throw new Error(`${{name}}.${{key}} in ${{g}}`);
    const kept = Object.entries(entry.values).filter(([k]) => valueGenerations(k).includes(g)).map(([k, v]) => [k.toUpperCase(), v]);
    const all = abi.allIn(g, name);
    if (JSON.stringify(Object.entries(all)) !== JSON.stringify(kept)) throw new Error(`allIn(${{g}}, ${{name}})`);
    if (!Object.isFrozen(all)) throw new Error(`allIn(${{g}}, ${{name}}) is not frozen`);
  }}
  throws(() => abi.inGeneration(generations[0], name, "NO_SUCH_VALUE"), `a value ${{name}} has not`);
  if ("default" in entry && abi[`DEFAULT_${{entry.name.toUpperCase()}}`] !== entry.values[entry.default])
    throw new Error(`default of ${{entry.name}}`);
}}
if (JSON.stringify(abi.GENERATIONS) !== JSON.stringify(expectedFacts))
  throw new Error(`GENERATIONS: ${{JSON.stringify(abi.GENERATIONS)}} != ${{JSON.stringify(expectedFacts)}}`);
if (!deeplyFrozen(abi.GENERATIONS)) throw new Error("GENERATIONS is not frozen all the way down");
for (const bad of ["v0.4", "V0_3", "", undefined]) throws(() => abi.inGeneration(bad, "ResultCode"), `generation ${{bad}}`);
throws(() => abi.inGeneration("v0.3", "NoSuchDefinition"), "an unknown definition");
throws(() => abi.allIn("v0.3", "toString"), "an inherited name");
if (abi.DEFAULT_ABI_GENERATION !== "v0.2") throw new Error("DEFAULT_ABI_GENERATION");
if (abi.VM_ERROR_CODE.exit_code !== "i32" || abi.VM_ERROR_CODE.wasm_trap !== null || "leader_fault" in abi.VM_ERROR_CODE)
  throw new Error("VM_ERROR_CODE");
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

/// The C names of an entry start with this.
fn c_prefix(entry: &Json) -> String {
    entry["c_prefix"].as_str().map_or_else(
        || format!("GENVM_{}", entry["name"].as_str().unwrap().to_uppercase()),
        str::to_owned,
    )
}

/// The C macro of a `str_trie` code: its path upper-cased, spaces as `_`.
fn c_code_name(prefix: &str, path: &str) -> String {
    format!("{prefix}_{}", path.replace(' ', "_").to_uppercase())
}

/// C statements printing `NAME=value` for every name the header should have
/// for `spec` (values, defaults, and the `_IN_<GENERATION>` flags), and the
/// lines they should print, computed from the JSON alone.
fn c_checks(spec: &[Json]) -> (String, Vec<String>) {
    let generations: Vec<(String, String)> =
        spec.iter().find(|e| e["name"] == "abi_generation").unwrap()["values"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(key, value)| (value.as_str().unwrap().to_owned(), key.to_uppercase()))
            .collect();
    let (mut code, mut expected) = (String::new(), Vec::new());
    let mut print = |name: &str, value: &Json| match value.as_str() {
        Some(text) => {
            code += &format!("    printf(\"%s=%s\\n\", \"{name}\", {name});\n");
            expected.push(format!("{name}={text}"));
        }
        None => {
            code +=
                &format!("    printf(\"%s=%llu\\n\", \"{name}\", (unsigned long long){name});\n");
            expected.push(format!("{name}={value}"));
        }
    };
    for entry in spec {
        let prefix = c_prefix(entry);
        if entry["type"] == "str_trie" {
            for path in entry["codes"].as_object().unwrap().keys() {
                print(&c_code_name(&prefix, path), &Json::from(path.as_str()));
            }
            for detail in strings(&entry["details"]) {
                let name = format!("{prefix}_DETAIL_{}", detail.to_uppercase());
                print(&name, &Json::from(detail));
            }
            for (generation, g) in &generations {
                let has = strings(&entry["generations"]).contains(generation);
                print(&format!("{prefix}_IN_{g}"), &Json::from(u8::from(has)));
            }
            continue;
        }
        let values: Vec<(String, Json)> = match entry["values"].as_object() {
            Some(values) => values
                .iter()
                .map(|(k, v)| (format!("_{}", k.to_uppercase()), v.clone()))
                .collect(),
            None => vec![(String::new(), entry["value"].clone())],
        };
        for (suffix, value) in &values {
            print(&format!("{prefix}{suffix}"), value);
        }
        if let Some(default) = entry["default"].as_str() {
            print(&format!("{prefix}_DEFAULT"), &entry["values"][default]);
        }
        for (generation, g) in &generations {
            let has = |listed: Vec<String>| Json::from(u8::from(listed.contains(generation)));
            print(
                &format!("{prefix}_IN_{g}"),
                &has(strings(&entry["generations"])),
            );
            if let Some(keys) = entry["values"].as_object() {
                for key in keys.keys() {
                    let name = format!("{prefix}_{}_IN_{g}", key.to_uppercase());
                    print(&name, &has(value_generations(entry, key)));
                }
            }
        }
    }
    (code, expected)
}

#[test]
#[ignore = "needs a C compiler; scripts/test.sh runs it"]
fn c_header_compiles_and_matches_the_spec() {
    let dir = std::env::temp_dir().join(format!("genvm-abi-c-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("check.c");
    // The names that existed before ABI generations, spelled out (users have
    // them); then every name the JSON implies.
    let (generated, generated_lines) = c_checks(&spec());
    std::fs::write(
        &source,
        r#"#include <stdio.h>
#include "genvm_abi.h"
#if !GENVM_RESULT_CODE_INTERNAL_ERROR_IN_V0_2 || GENVM_RESULT_CODE_INTERNAL_ERROR_IN_V0_3
#error "the generation flags work in #if: internal_error is v0.2's only"
#endif
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
    genvm_result_code code = GENVM_RESULT_CODE_VM_ERROR;
    genvm_memory_limiter_consts cost = GENVM_MEMORY_LIMITER_CONSTS_NEW_STORAGE_PAGE;
    printf("%d %d %s\n", (int)code, (int)cost, GENVM_ABI_GENERATION_DEFAULT);
"#
        .to_owned()
            + &generated
            + "    return 0;\n}\n",
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
    let line = |name: &str, keys: &[&str]| -> String {
        let values = entry(name)["values"].as_object().unwrap().clone();
        values
            .iter()
            .filter(|(key, _)| keys.is_empty() || keys.contains(&key.as_str()))
            .map(|(_, v)| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
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
    let limiter = entry("memory_limiter_consts")["values"].clone();
    let default = entry("abi_generation")["default"]
        .as_str()
        .unwrap()
        .to_owned();
    let extra = format!(
        "{} {} {}",
        entry("result_code")["values"]["vm_error"],
        limiter["new_storage_page"],
        entry("abi_generation")["values"][&default]
            .as_str()
            .unwrap()
    );
    let expected: Vec<String> = [
        ("result_code", &[][..]),
        ("storage_type", &[]),
        ("entry_kind", &[]),
        ("memory_limiter_consts", &["table_entry", "file_mapping"]),
        ("special_method", &[]),
        ("vm_error", &[]),
        ("calldata_error_kind", &[]),
    ]
    .iter()
    .map(|(name, keys)| line(name, keys))
    .chain([consts, extra])
    .chain(generated_lines)
    .collect();
    assert_eq!(printed.lines().collect::<Vec<_>>(), expected);
    // A code that takes a parameter says its type in a comment.
    let header = std::fs::read_to_string(include.join("genvm_abi.h")).unwrap();
    for trie in spec().iter().filter(|e| e["type"] == "str_trie") {
        for (path, param) in trie["codes"].as_object().unwrap() {
            let comment = param
                .as_str()
                .map_or_else(String::new, |t| format!(" /* param: {t} */"));
            let line = format!(
                "#define {} {:?}{comment}",
                c_code_name(&c_prefix(trie), path),
                path
            );
            assert!(header.lines().any(|l| l == line), "{line:?} missing");
        }
    }
    let _ = std::fs::remove_dir_all(Path::new(&dir));
}

/// Runs `generate.py --validate` on `spec` written to a file.
fn validate(spec: &Json) -> std::process::Output {
    validate_text(&spec.to_string())
}

/// Runs `generate.py --validate` on the JSON text `spec` written to a file.
fn validate_text(spec: &str) -> std::process::Output {
    let path = std::env::temp_dir().join(format!(
        "genvm-abi-spec-{}-{:?}.json",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&path, spec).unwrap();
    let output = Command::new("python3")
        .arg(root().join("abi/generate.py"))
        .arg("--validate")
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    output
}

#[test]
#[ignore = "needs python3; scripts/test.sh runs it"]
fn the_generator_refuses_malformed_generations() {
    let original = Json::from(spec());
    let ok = validate(&original);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    type Edit = fn(&mut Json);
    fn at<'a>(spec: &'a mut Json, name: &str) -> &'a mut Json {
        spec.as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|e| e["name"] == name)
            .unwrap()
    }
    let cases: [(Edit, &str); 10] = [
        (
            |s| at(s, "result_code")["generations"] = serde_json::json!(["v0.2", "v9"]),
            "result_code.generations: unknown ABI generation 'v9'",
        ),
        (
            |s| {
                at(s, "event_max_topics")
                    .as_object_mut()
                    .unwrap()
                    .remove("generations");
            },
            "event_max_topics: generations lists the ABI generations",
        ),
        (
            |s| at(s, "result_code")["generations"] = serde_json::json!([]),
            "result_code.generations: a non-empty list",
        ),
        (
            |s| at(s, "result_code")["generations"] = serde_json::json!(["v0.3", "v0.2"]),
            "listed once each, in the order of abi_generation",
        ),
        (
            |s| at(s, "result_code")["value_generations"]["internal"] = serde_json::json!(["v0.2"]),
            "result_code.value_generations: 'internal' is not one of its values",
        ),
        (
            |s| {
                at(s, "permissions")["value_generations"] =
                    serde_json::json!({"can_use_balance_for_message_fees": ["v0.2"]})
            },
            "'v0.2' is not one of permissions's generations",
        ),
        (
            |s| at(s, "memory_limiter_consts")["internal"] = serde_json::json!(["v0.4"]),
            "memory_limiter_consts.internal: 'v0.4' is not one of",
        ),
        (
            |s| at(s, "event_max_topics")["value_generations"] = serde_json::json!({}),
            "event_max_topics: value_generations is for enums and consts groups",
        ),
        (
            |s| at(s, "result_code")["values"]["internal_error"] = serde_json::json!(2),
            "result_code: an enum's values are distinct",
        ),
        (
            |s| at(s, "result_code")["generation"] = serde_json::json!(["v0.2"]),
            "result_code: unknown fields generation",
        ),
    ];
    let trie_cases: [(Edit, &str); 8] = [
        (
            |s| at(s, "vm_error_code")["codes"]["Exit_code"] = serde_json::json!(null),
            "vm_error_code.codes: 'Exit_code' is not snake_case components",
        ),
        (
            |s| at(s, "vm_error_code")["codes"]["out_of  fds"] = serde_json::json!(null),
            "'out_of  fds' is not snake_case components separated by single spaces",
        ),
        (
            |s| at(s, "vm_error_code")["codes"]["exit_code"] = serde_json::json!("u8"),
            "vm_error_code.codes.exit_code: the parameter type is null or one of str, i32",
        ),
        (
            |s| at(s, "vm_error_code")["codes"]["exit_code negative"] = serde_json::json!(null),
            "vm_error_code.codes.exit_code: a code with a parameter has no codes under it",
        ),
        (
            |s| at(s, "vm_error_code")["details"] = serde_json::json!(["internal", "internal"]),
            "vm_error_code.details: each detail once",
        ),
        (
            |s| at(s, "vm_error_code")["details"] = serde_json::json!(["Internal"]),
            "vm_error_code.details: 'Internal' is not snake_case",
        ),
        (
            |s| at(s, "vm_error_code")["codes"]["out_of_memory"] = serde_json::json!(null),
            "C names repeat: GENVM_VM_ERROR_CODE_OUT_OF_MEMORY",
        ),
        (
            |s| at(s, "vm_error_code")["repr"] = serde_json::json!("str"),
            "vm_error_code: unknown fields repr",
        ),
    ];
    for (edit, message) in cases.into_iter().chain(trie_cases) {
        let mut spec = original.clone();
        edit(&mut spec);
        let output = validate(&spec);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "accepted, expected {message:?}");
        assert!(
            stderr.contains(message),
            "{stderr:?} does not say {message:?}"
        );
    }
}

#[test]
#[ignore = "needs python3; scripts/test.sh runs it"]
fn the_generator_refuses_a_repeated_code() {
    let text = Json::from(spec()).to_string();
    let code = r#""codes":{"timeout":null"#;
    assert!(text.contains(code));
    let output = validate_text(&text.replace(code, &format!("{code},{}", &code[9..])));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "a repeated code was accepted");
    assert!(
        stderr.contains("keys repeat in an object: 'timeout'"),
        "{stderr:?}"
    );
}
