//! `--lines`: exactly one output line per input line whatever the flags, a
//! bounded line length, line numbers in errors, and the exit status when the
//! reader goes away.

mod common;

use std::process::{Command, Stdio};

use common::{hex, run, run_command, stderr, stdout};
use genvm_calldata::{encode, Value};

#[test]
fn pretty_output_stays_on_one_line() {
    let values = [
        r#"{"a":[1,{"b":null}],"c":"x\ny"}"#,
        "[]",
        r#"{"k":"\u00e9"}"#,
    ];
    let hexes: Vec<String> = values
        .iter()
        .map(|text| hex(&encode(&text.parse::<Value>().unwrap())))
        .collect();
    let output = run(&["decode", "--pretty", "--lines"], hexes.join("\n") + "\n");
    assert_eq!(output.status.code(), Some(0));
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), values.len(), "{lines:?}");
    // Each line is still text the tool reads back to the same calldata.
    let again = run(&["encode", "--lines"], stdout(&output));
    assert_eq!(stdout(&again).lines().collect::<Vec<_>>(), hexes);
}

#[test]
fn raw_bytes_and_lines_are_refused() {
    for args in [
        &["decode", "--from", "raw", "--lines"][..],
        &["validate", "--from", "raw", "--lines"],
        &["frame", "decode", "--from", "raw", "--lines"],
        &["encode", "--to", "raw", "--lines"],
    ] {
        let output = run(args, "0\n");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(stderr(&output).contains("--lines"), "{}", stderr(&output));
    }
}

#[test]
fn max_line_goes_only_with_lines() {
    for args in [
        &["validate", "--max-line", "5"][..],
        &["validate", "--max-line", "5", "00"],
    ] {
        let output = run(args, "00\n");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn an_overlong_line_gets_an_error_and_the_rest_go_on() {
    let long = "0".repeat(100);
    let input = format!("0e016109\n{long}\n10\n{long}");
    let output = run(&["validate", "--lines", "--max-line", "8"], input);
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[0], "ok", "a line of exactly the limit is read");
    assert_eq!(lines[1], "error: line 2: longer than 8 bytes");
    assert_eq!(lines[2], "ok");
    assert_eq!(lines[3], "error: line 4: longer than 8 bytes");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn an_endless_line_does_not_grow_memory() {
    // 256 MiB without a newline, to a tool allowed 64 MiB of address space:
    // reading the line whole would fail to allocate and abort.
    let input = vec![b'0'; 256 << 20];
    let mut command = Command::new("sh");
    command.args([
        "-c",
        "ulimit -v 65536 && exec \"$0\" validate --lines --max-line 1000",
        env!("CARGO_BIN_EXE_calldata"),
    ]);
    let output = run_command(&mut command, input);
    assert_eq!(
        stdout(&output),
        "error: line 1: longer than 1000 bytes\n",
        "{}",
        stderr(&output)
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn an_input_larger_than_memory_fails_without_aborting() {
    // The same 256 MiB as one input to a tool allowed 64 MiB: the standard
    // library's `read_to_end` reports the failed allocation.
    let input = vec![b'0'; 256 << 20];
    let mut command = Command::new("sh");
    command.args([
        "-c",
        "ulimit -v 65536 && exec \"$0\" validate",
        env!("CARGO_BIN_EXE_calldata"),
    ]);
    let output = run_command(&mut command, input);
    assert_eq!(
        stdout(&output),
        "error: cannot read stdin: out of memory\n",
        "{}",
        stderr(&output)
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn errors_name_the_input_line_they_belong_to() {
    let output = run(&["encode", "--lines"], "null\n[1,\n\n [2, ]\n");
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[0], "00");
    assert!(lines[1].starts_with("error: line 2: "), "{}", lines[1]);
    assert_eq!(lines[2], "error: line 3: empty input");
    assert_eq!(lines[3], "error: line 4: expected a value at column 6");

    let output = run(&["decode", "--lines"], "00\n00 0g\n");
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines[1], "error: line 2: invalid hex digit 'g' at column 5");
}

/// Runs `calldata args...` on `input` with its stdout closed before it
/// writes anything, and returns its exit code.
fn exit_code_with_stdout_closed(args: &[&str], input: String) -> Option<i32> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_calldata"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        // The tool stops reading once its output is gone.
        let _ = std::io::Write::write_all(&mut stdin, input.as_bytes());
    });
    let status = child.wait().expect("exit");
    writer.join().expect("writer");
    status.code()
}

#[test]
fn a_closed_output_keeps_the_verdict_on_what_was_read() {
    // Enough output to fill any buffer, so the tool meets the closed pipe.
    let many = "10\n".repeat(200_000);
    let failed_first = format!("zz\n{many}");
    assert_eq!(
        exit_code_with_stdout_closed(&["validate", "--lines"], failed_first),
        Some(1)
    );
    assert_eq!(
        exit_code_with_stdout_closed(&["validate", "--lines"], many),
        Some(0)
    );
}
