//! `--lines` throughput of the built binary: 100,000 small inputs through
//! one process per iteration (start-up included).

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const LINES: usize = 100_000;

/// Small calldata documents, as hex lines and as text lines.
fn inputs() -> (String, String) {
    let (mut hex, mut text) = (String::new(), String::new());
    for i in 0..LINES {
        let value = genvm_calldata::Value::from(vec![
            genvm_calldata::Value::from(i as i64 - 50_000),
            genvm_calldata::Value::from("name"),
            genvm_calldata::Value::Null,
        ]);
        let bytes = genvm_calldata::encode(&value);
        hex.extend(bytes.iter().map(|b| format!("{b:02x}")));
        hex.push('\n');
        text.push_str(&value.to_string());
        text.push('\n');
    }
    (hex, text)
}

fn run(args: &[&str], stdin: &str) -> usize {
    let mut child = Command::new(env!("CARGO_BIN_EXE_calldata"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_owned();
    let writer = std::thread::spawn(move || input.write_all(stdin.as_bytes()).expect("write"));
    let output = child.wait_with_output().expect("output");
    writer.join().expect("writer");
    assert!(output.status.success());
    output.stdout.len()
}

fn lines(c: &mut Criterion) {
    let (hex, text) = inputs();
    let mut group = c.benchmark_group("cli_lines");
    group.throughput(Throughput::Elements(LINES as u64));
    group.bench_function("ours/decode", |b| {
        b.iter(|| run(&["decode", "--lines"], &hex))
    });
    group.bench_function("ours/validate", |b| {
        b.iter(|| run(&["validate", "--lines"], &hex))
    });
    group.bench_function("ours/encode", |b| {
        b.iter(|| run(&["encode", "--lines"], &text))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(3));
    targets = lines
}
criterion_main!(benches);
