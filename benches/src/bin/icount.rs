//! Instruction counts of `validate`, `decode`, `decode_document` and
//! `encode` on issue 26's
//! three payloads (`src/fresh.rs`), under callgrind, against the counts
//! checked in as `benches/icount.json`: a count more than 10% over its
//! recorded figure fails, so a slowdown shows up in the change that makes
//! it. Run through `benches/icount.sh` (CI does; `--record` rewrites the
//! file, for a new toolchain or a change that is meant to cost more).
//!
//! `icount run PAYLOAD OP` runs one operation once, inside
//! `icount_measure`, the only function callgrind counts; `icount check` and
//! `icount record` run every pair under valgrind.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use bytes::Bytes;
use genvm_calldata::{
    decode, decode_bytes, decode_document, decode_document_bytes, encode, validate, Value,
};
use genvm_calldata_benches::{fresh, Payload};

const OPS: [&str; 6] = [
    "validate",
    "decode",
    "decode_bytes",
    "decode_document",
    "decode_document_bytes",
    "encode",
];
/// A count may grow this much over the recorded one.
const TOLERANCE: f64 = 0.10;

pub enum Input {
    Slice(Vec<u8>),
    Shared(Bytes),
    Tree(Value),
}

/// The one function callgrind counts (`--toggle-collect`): the operation,
/// and dropping what it made.
#[no_mangle]
#[inline(never)]
pub fn icount_measure(op: &str, input: &Input) {
    match (op, input) {
        ("validate", Input::Slice(bytes)) => {
            let _ = black_box(validate(black_box(bytes)));
        }
        ("decode", Input::Slice(bytes)) => drop(black_box(decode(black_box(bytes)))),
        ("decode_bytes", Input::Shared(bytes)) => {
            drop(black_box(decode_bytes(black_box(bytes.clone()))))
        }
        ("decode_document", Input::Slice(bytes)) => {
            drop(black_box(decode_document(black_box(bytes))))
        }
        ("decode_document_bytes", Input::Shared(bytes)) => {
            drop(black_box(decode_document_bytes(black_box(bytes.clone()))))
        }
        ("encode", Input::Tree(value)) => drop(black_box(encode(black_box(value)))),
        _ => panic!("unknown operation {op}"),
    }
}

fn payload(name: &str) -> Payload {
    fresh::all()
        .into_iter()
        .find(|payload| payload.name == name)
        .unwrap_or_else(|| panic!("unknown payload {name}"))
}

fn run(name: &str, op: &str, times: usize) {
    let bytes = payload(name).bytes;
    let input = match op {
        "decode_bytes" | "decode_document_bytes" => Input::Shared(Bytes::from(bytes)),
        "encode" => Input::Tree(decode(&bytes).expect("valid payload")),
        _ => Input::Slice(bytes),
    };
    for _ in 0..times {
        icount_measure(op, &input);
    }
}

fn counts_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("icount.json")
}

/// Instructions counted inside `icount_measure` for one pair.
fn count(name: &str, op: &str) -> u64 {
    let out = std::env::temp_dir().join(format!("icount.{}.{name}.{op}", std::process::id()));
    let status = Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--collect-atstart=no",
            "--toggle-collect=icount_measure",
            "--cache-sim=no",
            "--branch-sim=no",
        ])
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg("-q")
        .arg(std::env::current_exe().expect("own path"))
        .args(["run", name, op])
        .status()
        .expect("runs valgrind (apt-get install valgrind)");
    assert!(status.success(), "valgrind failed on {name}/{op}");
    let text = std::fs::read_to_string(&out).expect("callgrind output");
    let _ = std::fs::remove_file(&out);
    text.lines()
        .find_map(|line| {
            line.strip_prefix("summary: ")
                .or(line.strip_prefix("totals: "))
        })
        .and_then(|n| n.trim().parse().ok())
        .expect("a summary line")
}

fn rustc_version() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|version| version.trim().to_string())
        .unwrap_or_default()
}

fn check(record: bool) {
    let recorded: serde_json::Value = std::fs::read_to_string(counts_file())
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(serde_json::Value::Null);
    let toolchain = rustc_version();
    if !record && recorded["toolchain"].as_str() != Some(toolchain.as_str()) {
        println!(
            "note: counts were recorded with {}, this is {toolchain}; \
             re-record with `bash benches/icount.sh --record` if only the toolchain changed",
            recorded["toolchain"]
        );
    }
    let mut counts = BTreeMap::new();
    let mut failures = Vec::new();
    for payload in fresh::all() {
        for op in OPS {
            let key = format!("{}/{op}", payload.name);
            let measured = count(payload.name, op);
            let per_byte = measured as f64 / payload.bytes.len() as f64;
            match recorded["counts"][&key].as_u64() {
                Some(before) => {
                    let change = measured as f64 / before as f64 - 1.0;
                    println!(
                        "{key:24} {measured:>12} ({per_byte:.2}/byte), recorded {before:>12} ({:+.1}%)",
                        change * 100.0
                    );
                    if change > TOLERANCE {
                        failures.push(key.clone());
                    }
                }
                None => println!("{key:24} {measured:>12} ({per_byte:.2}/byte), not recorded"),
            }
            counts.insert(key, measured);
        }
    }
    if record {
        let file = serde_json::json!({
            "about": "instructions counted by callgrind in one run of each operation \
                      (benches/src/bin/icount.rs); re-record: bash benches/icount.sh --record",
            "toolchain": toolchain,
            "counts": counts,
        });
        let text = serde_json::to_string_pretty(&file).expect("json") + "\n";
        std::fs::write(counts_file(), text).expect("writes benches/icount.json");
        println!("recorded in {}", counts_file().display());
    } else if !failures.is_empty() {
        eprintln!(
            "instruction counts grew more than {}% over benches/icount.json: {}",
            TOLERANCE * 100.0,
            failures.join(", ")
        );
        std::process::exit(1);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["run", name, op] => run(name, op, 1),
        // For `perf stat` (cycles, branch misses) beside the counts.
        ["repeat", name, op, times] => run(name, op, times.parse().expect("a count")),
        ["check"] => check(false),
        ["record"] => check(true),
        _ => {
            eprintln!("usage: icount run PAYLOAD OP | repeat PAYLOAD OP TIMES | check | record");
            std::process::exit(2);
        }
    }
}
