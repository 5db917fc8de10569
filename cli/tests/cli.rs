//! Runs the built `calldata` binary: the spec's vectors through every
//! command, the exact output contract, exit codes and `--lines`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_calldata"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).unwrap()
}

fn vectors() -> Vec<serde_json::Value> {
    let text =
        std::fs::read_to_string(repo_root().join("spec/vectors/calldata.json")).expect("vectors");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["vectors"].as_array().unwrap().clone()
}

#[test]
fn every_vector_decodes_validates_and_encodes_line_by_line() {
    let vectors = vectors();
    let hex_lines: String = vectors
        .iter()
        .map(|v| format!("{}\n", v["hex"].as_str().unwrap()))
        .collect();

    let decoded = run(&["decode", "--lines"], &hex_lines);
    let validated = run(&["validate", "--lines"], &hex_lines);
    assert_eq!(decoded.status.code(), Some(1), "some vectors are invalid");
    let (decoded, validated) = (
        stdout(&decoded).lines().collect::<Vec<_>>(),
        stdout(&validated).lines().collect::<Vec<_>>(),
    );
    assert_eq!(decoded.len(), vectors.len());
    assert_eq!(validated.len(), vectors.len());

    let mut texts = String::new();
    let mut hexes = Vec::new();
    for (index, ((vector, decoded), validated)) in
        vectors.iter().zip(decoded).zip(validated).enumerate()
    {
        match vector.get("text") {
            Some(text) => {
                assert_eq!(decoded, text.as_str().unwrap());
                assert_eq!(validated, "ok");
                texts.push_str(decoded);
                texts.push('\n');
                hexes.push(vector["hex"].as_str().unwrap());
            }
            // The tool names an empty input as such.
            None if vector["hex"] == "" => {
                assert_eq!(decoded, format!("error: line {}: empty input", index + 1));
                assert_eq!(decoded, validated);
            }
            None => {
                let expected = format!("at byte {}", vector["offset"]);
                assert!(
                    decoded.starts_with(&format!("error: line {}: ", index + 1))
                        && decoded.ends_with(&expected),
                    "{decoded}"
                );
                assert_eq!(decoded, validated);
            }
        }
    }
    let encoded = run(&["encode", "--lines"], &texts);
    assert_eq!(encoded.status.code(), Some(0));
    assert_eq!(stdout(&encoded).lines().collect::<Vec<_>>(), hexes);
}

#[test]
fn single_inputs_follow_the_contract() {
    let decoded = run(&["decode", "0x0e 01 61 09"], "");
    assert_eq!(
        (stdout(&decoded), decoded.status.code()),
        ("{\"a\":1}\n", Some(0))
    );

    let from_stdin = run(&["decode"], "0e016109\n");
    assert_eq!(stdout(&from_stdin), "{\"a\":1}\n");

    let encoded = run(&["encode", r#"{"b": 2, "a": [null, true]}"#], "");
    assert_eq!(stdout(&encoded), format!("{}\n", expected_hex()));

    let valid = run(&["validate", "10"], "");
    assert_eq!((stdout(&valid), valid.status.code()), ("ok\n", Some(0)));
    let invalid = run(&["validate", "8000"], "");
    assert_eq!(
        stdout(&invalid),
        "error: non-canonical ULEB128 (trailing zero byte) at byte 0\n"
    );
    assert_eq!(invalid.status.code(), Some(1));

    let bad = run(&["decode", "zz"], "");
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).starts_with("error: "));
    assert!(bad.stdout.is_empty());

    let usage = run(&["decode", "--from", "octal", "00"], "");
    assert_eq!(usage.status.code(), Some(2));

    let base64 = run(&["encode", "--to", "base64", "[1,2]"], "");
    assert_eq!(stdout(&base64), "FQkR\n");
    let back = run(&["decode", "--from", "base64", "FQkR"], "");
    assert_eq!(stdout(&back), "[1,2]\n");
    let pretty = run(&["decode", "--pretty", "0e016109"], "");
    assert_eq!(stdout(&pretty), "{\n  \"a\": 1\n}\n");
}

/// `{"a":[null,true],"b":2}` encoded, computed with the library.
fn expected_hex() -> String {
    let value: genvm_calldata::Value = r#"{"a":[null,true],"b":2}"#.parse().unwrap();
    genvm_calldata::encode(&value)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn frames_print_and_build() {
    let cases = [
        (vec!["--return", "[1]"], "000d09".to_owned(), "return [1]"),
        (
            vec!["--user-error", "nope"],
            "016e6f7065".to_owned(),
            "user_error \"nope\"",
        ),
        (
            vec!["--user-error-data", "{\"c\":1}"],
            "01000000000e016309".to_owned(),
            "user_error_data {\"c\":1}",
        ),
        (
            vec!["--vm-error", "OOM"],
            "024f4f4d".to_owned(),
            "vm_error \"OOM\"",
        ),
        (
            vec!["--internal-error", "é"],
            "03c3a9".to_owned(),
            "internal_error \"\\u00e9\"",
        ),
    ];
    for (flags, hex, text) in cases {
        let mut args = vec!["frame", "encode"];
        args.extend(flags);
        let encoded = run(&args, "");
        assert_eq!(stdout(&encoded), format!("{hex}\n"), "{args:?}");
        let decoded = run(&["frame", "decode", &hex], "");
        assert_eq!(stdout(&decoded), format!("{text}\n"));
    }
    // (A message of four NULs cannot arrive through argv; the library's
    // framing tests cover its refusal.)
    let unknown = run(&["frame", "decode", "07"], "");
    assert_eq!(
        String::from_utf8_lossy(&unknown.stderr),
        "error: unknown result code 7\n"
    );
    let lines = run(&["frame", "decode", "--lines"], "0009\n\n0100000000\n");
    let lines: Vec<_> = stdout(&lines).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], "return 1");
    assert!(lines[1].starts_with("error: line 2: empty input"));
    assert!(lines[2].starts_with("error: line 3: invalid calldata payload"));
}

#[test]
fn lines_mode_keeps_going_after_a_bad_line() {
    let output = run(&["validate", "--lines"], "00\nzz\n8000\n10\n");
    let lines: Vec<_> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0], "ok");
    assert!(lines[1].starts_with("error: "));
    assert!(lines[2].ends_with("at byte 0"));
    assert_eq!(lines[3], "ok");
    assert_eq!(output.status.code(), Some(1));

    let encode_errors = run(&["encode", "--lines"], "[1,\nnull\n");
    let lines: Vec<_> = stdout(&encode_errors).lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with("error: ") && lines[0].contains("line 1"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "00");
}

#[test]
fn hostile_input_never_panics() {
    let deep = "[".repeat(1_000_000);
    let output = run(&["encode"], &deep);
    assert_eq!(output.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    let nested = "0d".repeat(1_000_000);
    let output = run(&["decode"], &nested);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nested"));
}

fn method_call_vectors() -> serde_json::Value {
    let text = std::fs::read_to_string(repo_root().join("spec/vectors/method-calls.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn call_key_prints_every_vector() {
    for vector in method_call_vectors()["call_keys"].as_array().unwrap() {
        let output = match vector["method"].as_str() {
            Some(name) => run(&["call-key", "--", name], ""),
            None => run(&["call-key", "--deployment"], ""),
        };
        assert!(output.status.success(), "{}", vector["name"]);
        assert_eq!(
            stdout(&output),
            format!("0x{}\n", vector["key"].as_str().unwrap())
        );
    }
    assert_eq!(run(&["call-key"], "").status.code(), Some(2));
    assert_eq!(
        run(&["call-key", "a", "--deployment"], "").status.code(),
        Some(2)
    );
}

#[test]
fn call_migrate_runs_every_vector_in_one_lines_run() {
    let document = method_call_vectors();
    let vectors = document["migrations"].as_array().unwrap();
    for to in ["v0.2", "v0.3"] {
        let chosen: Vec<_> = vectors.iter().filter(|v| v["to"] == to).collect();
        let input: String = chosen
            .iter()
            .map(|v| format!("{}\n", v["hex"].as_str().unwrap()))
            .collect();
        let output = run(&["call", "migrate", "--to", to, "--lines"], &input);
        let lines: Vec<&str> = stdout(&output).lines().collect();
        assert_eq!(lines.len(), chosen.len());
        for (n, (vector, line)) in chosen.iter().zip(lines).enumerate() {
            match vector["output"].as_str() {
                Some(hex) => assert_eq!(line, hex, "{}", vector["name"]),
                None => assert!(
                    line.starts_with(&format!("error: line {}: ", n + 1)),
                    "{line}"
                ),
            }
        }
        let failed = chosen.iter().any(|v| v.get("error").is_some());
        assert_eq!(output.status.code(), Some(i32::from(failed)));
    }
    assert_eq!(
        run(&["call", "migrate", "0e00"], "").status.code(),
        Some(2),
        "--to is required"
    );
}

#[test]
fn call_decode_by_generation() {
    let document = method_call_vectors();
    for vector in document["calls"].as_array().unwrap() {
        if vector["deployment"] == serde_json::Value::Bool(true) {
            continue;
        }
        let hex = vector["hex"].as_str().unwrap();
        let abi = vector["generation"].as_str().unwrap();
        let output = run(&["call", "decode", "--abi", abi, hex], "");
        match vector["method"].as_str() {
            _ if vector.get("error").is_some() => {
                assert_eq!(output.status.code(), Some(1), "{}", vector["name"]);
                assert!(std::str::from_utf8(&output.stderr)
                    .unwrap()
                    .starts_with("error: "));
            }
            Some(name) => assert_eq!(
                stdout(&output),
                format!(
                    "call {} {} {}\n",
                    serde_json::Value::from(name),
                    vector["args"].as_str().unwrap(),
                    vector["kwargs"].as_str().unwrap()
                ),
                "{}",
                vector["name"]
            ),
            None => assert_eq!(
                stdout(&output),
                format!(
                    "deployment {} {}\n",
                    vector["args"].as_str().unwrap(),
                    vector["kwargs"].as_str().unwrap()
                ),
            ),
        }
    }
    // v0.2 is the default.
    let old = run(
        &["call", "decode", "0e066d6574686f64447472616e73666572"],
        "",
    );
    assert_eq!(stdout(&old), "call \"transfer\" [] {}\n");
}

#[test]
fn v0_3_frames_by_context() {
    let text = std::fs::read_to_string(repo_root().join("spec/vectors/framing.json")).unwrap();
    let document: serde_json::Value = serde_json::from_str(&text).unwrap();
    for context in ["subvm", "nondet", "top_level"] {
        let chosen: Vec<_> = document["vectors_v0_3"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["context"] == context)
            .collect();
        let input: String = chosen
            .iter()
            .map(|v| format!("{}\n", v["hex"].as_str().unwrap()))
            .collect();
        let output = run(
            &[
                "frame",
                "decode",
                "--abi",
                "v0.3",
                "--context",
                context,
                "--lines",
            ],
            &input,
        );
        let lines: Vec<&str> = stdout(&output).lines().collect();
        assert_eq!(lines.len(), chosen.len(), "{context}");
        for (vector, line) in chosen.iter().zip(lines) {
            let name = vector["name"].as_str().unwrap();
            match vector["kind"].as_str() {
                Some(kind) => {
                    let payload = match vector.get("text") {
                        Some(text) => text.as_str().unwrap().to_owned(),
                        None => {
                            serde_json::Value::from(vector["message"].as_str().unwrap()).to_string()
                        }
                    };
                    assert_eq!(line, format!("{kind} {payload}"), "{name}");
                }
                None => assert!(line.starts_with("error: line "), "{name}: {line}"),
            }
        }
    }
    let fatal = run(
        &[
            "frame",
            "encode",
            "--abi",
            "v0.3",
            "--fatal-vm-error",
            "out_of memory",
        ],
        "",
    );
    assert_eq!(stdout(&fatal), "046f75745f6f66206d656d6f7279\n");
    let top = run(
        &[
            "frame",
            "encode",
            "--abi",
            "v0.3",
            "--context",
            "top_level",
            "--fatal-vm-error",
            "x",
        ],
        "",
    );
    assert_eq!(top.status.code(), Some(1));
    let data = run(
        &[
            "frame",
            "encode",
            "--abi",
            "v0.3",
            "--user-error-data",
            "\"no\"",
        ],
        "",
    );
    assert_eq!(stdout(&data), "01146e6f\n");
}

fn results_vectors() -> serde_json::Value {
    let text = std::fs::read_to_string(repo_root().join("spec/vectors/results.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn frame_check_runs_every_proposed_result_vector() {
    let document = results_vectors();
    let chosen: Vec<_> = document["proposed"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["hex"] != "")
        .collect();
    let input: String = chosen
        .iter()
        .map(|v| format!("{}\n", v["hex"].as_str().unwrap()))
        .collect();
    let output = run(&["frame", "check", "--lines"], &input);
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), chosen.len());
    for (n, (vector, line)) in chosen.iter().zip(lines).enumerate() {
        match vector["derived"].as_str() {
            None => assert_eq!(line, "ok", "{}", vector["name"]),
            Some(code) => assert_eq!(line, format!("error: line {}: replaced \"{code}\"", n + 1)),
        }
    }
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn vm_error_parse_runs_every_code_vector() {
    let document = results_vectors();
    for vector in document["vm_error_codes"].as_array().unwrap() {
        let text = vector["text"].as_str().unwrap();
        let output = run(&["vm-error", "parse", "--", text], "");
        if vector.get("error").is_some() {
            assert_eq!(output.status.code(), Some(1), "{text}");
            continue;
        }
        let printed = genvm_calldata_text(stdout(&output));
        for field in ["public_code", "path", "param", "detail"] {
            assert_eq!(printed[field], vector[field], "{text}: {field}");
        }
    }
}

/// The tool's text-form map of strings, integers and nulls, as JSON.
fn genvm_calldata_text(line: &str) -> serde_json::Value {
    serde_json::from_str(line.trim_end()).expect("the map's text form is JSON here")
}
