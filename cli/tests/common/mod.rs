//! Running the built `calldata` binary from the integration tests.
// Each test file uses its own part of these helpers.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `calldata args...` with `stdin` fed from a thread (so large inputs
/// and outputs cannot deadlock) and returns what it printed.
pub fn run(args: &[&str], stdin: impl Into<Vec<u8>>) -> Output {
    run_command(
        Command::new(env!("CARGO_BIN_EXE_calldata")).args(args),
        stdin,
    )
}

/// [`run`] for a prepared command (a shell wrapper, say).
pub fn run_command(command: &mut Command, stdin: impl Into<Vec<u8>>) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.into();
    // The tool may stop reading early (a usage error): a closed pipe here is
    // part of what is tested, not a test failure.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("output");
    writer.join().expect("writer");
    output
}

pub fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).expect("stderr is UTF-8")
}

/// `bytes` as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
