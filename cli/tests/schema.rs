//! `calldata schema`: show, check (every call and return vector of
//! `spec/vectors/schema.json`), call and deploy, and the exit codes.

mod common;

use std::path::PathBuf;

use common::{run, stderr, stdout};
use serde_json::Value as Json;

fn vectors() -> Json {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/vectors/schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The vectors' contract `name` in a file of its own (one per call: the
/// tests run in parallel).
fn contract(name: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "calldata-schema-test-{}-{}-{name}.json",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let text = vectors()["contracts"][name].as_str().unwrap().to_owned();
    std::fs::write(&path, text).unwrap();
    path
}

fn file(path: &std::path::Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn show_prints_one_signature_a_line() {
    let all = vectors();
    let token = contract("token");
    let output = run(&["schema", "show", file(&token)], "");
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = all["schemas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "token")
        .unwrap()["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| format!("{}\n", line.as_str().unwrap()))
        .collect::<String>();
    assert_eq!(stdout(&output), expected);
    // From stdin too.
    let text = std::fs::read_to_string(&token).unwrap();
    assert_eq!(stdout(&run(&["schema", "show", "-"], text)), expected);
}

#[test]
fn check_runs_every_call_vector() {
    let all = vectors();
    let files: Vec<(String, PathBuf)> = ["token", "tree"]
        .iter()
        .map(|name| (name.to_string(), contract(name)))
        .collect();
    let path_of = |name: &str| files.iter().find(|(n, _)| n == name).unwrap().1.clone();
    for vector in all["calls"].as_array().unwrap() {
        let schema = path_of(vector["contract"].as_str().unwrap());
        let mut args = vec![
            "schema".to_owned(),
            "check".to_owned(),
            "--schema".to_owned(),
            file(&schema).to_owned(),
            "--abi".to_owned(),
            vector["generation"].as_str().unwrap().to_owned(),
        ];
        if vector["strict"] == true {
            args.push("--strict".into());
        }
        if vector["deployment"] == true {
            args.push("--deployment".into());
        }
        args.push(vector["hex"].as_str().unwrap().to_owned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        expect(vector, &run(&args, ""));
    }
    for vector in all["returns"].as_array().unwrap() {
        let schema = path_of(vector["contract"].as_str().unwrap());
        let output = run(
            &[
                "schema",
                "check",
                "--schema",
                file(&schema),
                "--ret",
                vector["method"].as_str().unwrap(),
                vector["hex"].as_str().unwrap(),
            ],
            "",
        );
        expect(vector, &output);
    }
}

/// `ok` and status 0, or `error: <path>: ... (<kind>)` and status 1, both
/// on stdout.
fn expect(vector: &Json, output: &std::process::Output) {
    let name = vector["name"].as_str().unwrap();
    let shown = stdout(output);
    match vector["error"].as_str() {
        None => {
            assert_eq!(shown, "ok\n", "{name}: {}", stderr(output));
            assert_eq!(output.status.code(), Some(0), "{name}");
        }
        Some(kind) => {
            assert_eq!(output.status.code(), Some(1), "{name}: {shown}");
            let path = vector["path"].as_str().unwrap();
            let prefix = if path.is_empty() {
                "error: ".to_owned()
            } else {
                format!("error: {path}: ")
            };
            assert!(shown.starts_with(&prefix), "{name}: {shown}");
            assert!(shown.ends_with(&format!(" ({kind})\n")), "{name}: {shown}");
        }
    }
}

#[test]
fn check_lines_gives_one_line_each() {
    let token = contract("token");
    let ok = stdout(&run(
        &[
            "schema",
            "call",
            "--schema",
            file(&token),
            "balance_of",
            "0x0102030405060708090a0b0c0d0e0f1011121314",
        ],
        "",
    ))
    .to_owned();
    let input = format!("{ok}0e066d6574686f64246d696e74\nzz\n");
    let output = run(
        &["schema", "check", "--schema", file(&token), "--lines"],
        input,
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "ok\nerror: line 2: no method \"mint\" in the schema (unknown_method)\n\
         error: line 3: invalid hex digit 'z' at column 1\n"
    );
}

fn call(args: &[&str]) -> (Option<i32>, String, String) {
    let output = run(args, "");
    (
        output.status.code(),
        stdout(&output).to_owned(),
        stderr(&output).to_owned(),
    )
}

fn decoded(hex: &str) -> String {
    stdout(&run(&["decode", hex.trim()], ""))
        .trim_end()
        .to_owned()
}

#[test]
fn call_reads_arguments_by_their_types() {
    let token = contract("token");
    let t = file(&token);
    let alice = "0x0102030405060708090a0b0c0d0e0f1011121314";
    let (code, out, err) = call(&[
        "schema",
        "call",
        "--schema",
        t,
        "transfer",
        alice,
        "1000000000000000000000",
        "--kwarg",
        "memo=null",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        decoded(&out),
        r#"{"args":[addr#0102030405060708090a0b0c0d0e0f1011121314,1000000000000000000000],"kwargs":{"memo":null},"method":"transfer"}"#
    );
    // A string parameter takes the text itself; negative numbers are
    // arguments, not flags; v0.3 puts the name under "".
    let (code, out, _) = call(&[
        "schema", "deploy", "--schema", t, "null", "-5", "--abi", "v0.3",
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(decoded(&out), r#"{"args":["null",-5]}"#);
    // `any` takes the text form.
    let (code, out, err) = call(&[
        "schema",
        "call",
        "--schema",
        t,
        "meta",
        r#"{"a": "7"}"#,
        "AP8=",
        "[addr#0102030405060708090a0b0c0d0e0f1011121314, b#00]",
        "--kwarg",
        "$weird=true",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        decoded(&out),
        r#"{"args":[{"a":7},b#00ff,[addr#0102030405060708090a0b0c0d0e0f1011121314,b#00]],"kwargs":{"$weird":true},"method":"meta"}"#
    );
    let (code, _, err) = call(&["schema", "call", "--schema", t, "meta", "{}", "0x", "b#zz"]);
    assert_eq!(code, Some(1));
    assert!(
        err.starts_with("error: args[2]: not the text form"),
        "{err}"
    );
    // Refusals name the path and the kind.
    for (args, expected) in [
        (
            vec!["choose", "\"5\""],
            "error: args[0]: both int and string read this JSON string, as different values (ambiguous)\n",
        ),
        (
            vec!["transfer", "alice"],
            "error: args[0]: an address is 0x and 40 hex digits (bad_value)\n",
        ),
        (
            vec!["transfer", alice, "1", "2"],
            "error: args[2]: 3 positional arguments, 2 at most (too_many_args)\n",
        ),
        (
            vec!["transfer", alice, "1", "--kwarg", "note=x"],
            "error: kwargs.note: no parameter of this name (unknown_kwarg)\n",
        ),
        (vec!["mint"], "error: no method \"mint\" in the schema (unknown_method)\n"),
        (
            vec!["transfer", alice, "1", "--strict"],
            "error: kwargs.memo: missing keyword argument (strict) (missing_arg)\n",
        ),
    ] {
        let mut all = vec!["schema", "call", "--schema", t];
        all.extend(args);
        let (code, out, err) = call(&all);
        assert_eq!((code, out.as_str(), err.as_str()), (Some(1), "", expected));
    }
}

#[test]
fn exit_codes() {
    let missing = std::env::temp_dir().join("calldata-schema-test-no-such-file.json");
    let (code, _, err) = call(&["schema", "show", file(&missing)]);
    assert_eq!(code, Some(2));
    assert!(err.starts_with("error: cannot read the schema"), "{err}");
    let bad = std::env::temp_dir().join(format!(
        "calldata-schema-test-{}-bad.json",
        std::process::id()
    ));
    std::fs::write(
        &bad,
        r#"{"ctor": {"params": [], "kwparams": {}}, "methods": {"m": 1}}"#,
    )
    .unwrap();
    let (code, out, err) = call(&["schema", "show", file(&bad)]);
    assert_eq!((code, out.as_str()), (Some(1), ""));
    assert_eq!(
        err,
        format!(
            "error: schema {}: methods.m: expected a method: an object with \"params\", \
             \"kwparams\", \"readonly\" and \"ret\", found a number (bad_schema)\n",
            file(&bad)
        )
    );
    let (code, _, _) = call(&["schema", "check", "--schema", file(&bad), "00"]);
    assert_eq!(code, Some(1));
    let token = contract("token");
    let (code, _, err) = call(&[
        "schema",
        "call",
        "--schema",
        file(&token),
        "deposit",
        "--kwarg",
        "x",
    ]);
    assert_eq!(code, Some(2), "{err}");
    let (code, _, _) = call(&[
        "schema",
        "check",
        "--schema",
        file(&token),
        "--lines",
        "--from",
        "raw",
    ]);
    assert_eq!(code, Some(2));
}
