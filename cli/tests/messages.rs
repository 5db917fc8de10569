//! What a person sees: help, error wording and positions, and no control
//! character from the input reaching the terminal.

mod common;

use common::{hex, run, stderr, stdout};
use genvm_calldata::{encode, Value};

/// Characters that act on a terminal or reorder text: C0 (but the line
/// breaks between messages), DEL, C1 and the bidirectional controls.
fn acts_on_the_terminal(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn excerpts_escape_what_would_drive_the_terminal() {
    let hostile = "[1, \u{1b}[2J\u{0}\u{7f}\u{85}\u{202e}\u{2066}\t]";
    let output = run(&["encode"], hostile);
    assert_eq!(output.status.code(), Some(1));
    let shown = stderr(&output);
    assert!(!shown.contains(acts_on_the_terminal), "{shown:?}");
    for escaped in [
        r"\u{1b}",
        r"\u{0}",
        r"\u{7f}",
        r"\u{85}",
        r"\u{202e}",
        r"\t",
    ] {
        assert!(shown.contains(escaped), "{escaped} in {shown}");
    }

    // The caret still points at the character in the escaped excerpt.
    let output = run(&["encode"], "[\u{1b}]");
    let lines: Vec<&str> = stderr(&output).lines().collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[2].find('^'), lines[1].find(r"\u{1b}"));

    // Hex input echoed in an error, invalid UTF-8 included.
    let output = run(&["decode"], b"00\x1b[31m\xff".to_vec());
    let shown = stderr(&output);
    assert!(shown.contains(r"'\u{1b}'"), "{shown}");
    assert!(!shown.contains(acts_on_the_terminal), "{shown:?}");
    let output = run(&["decode"], b"00\xff".to_vec());
    assert!(stderr(&output).contains(r"'\xff'"), "{}", stderr(&output));
}

#[test]
fn pretty_escapes_c1_and_bidirectional_controls() {
    let value = Value::from("left\u{202e}right\u{85}é");
    let output = run(&["decode", "--pretty", &hex(&encode(&value))], "");
    assert_eq!(output.status.code(), Some(0));
    let shown = stdout(&output);
    assert!(!shown.contains(acts_on_the_terminal), "{shown:?}");
    assert!(
        shown.contains(r"\u202e") && shown.contains(r"\u0085"),
        "{shown}"
    );
    assert!(shown.contains('é'), "other UTF-8 stays raw: {shown}");
}

#[test]
fn help_says_what_the_text_form_is_and_what_exit_codes_mean() {
    let help = run(&["--help"], "");
    assert_eq!(help.status.code(), Some(0));
    let help = stdout(&help);
    for needed in [
        "b#",
        "addr#",
        "spec/calldata.md",
        "spec/cli.md",
        "0 ",
        "1 ",
        "2 ",
    ] {
        assert!(help.contains(needed), "{needed:?} in {help}");
    }

    // `encode --to` describes what is written, not how input is read.
    let encode = run(&["encode", "--help"], "");
    let encode = stdout(&encode);
    let to = &encode[encode.find("--to").expect("--to")..];
    assert!(!to.contains("ignored"), "{to}");
    assert!(to.contains("output"), "{to}");
    // `--lines` says what it refuses.
    assert!(encode.contains("--to raw"), "{encode}");
}

#[test]
fn floats_are_named() {
    for text in ["1.5", "[1, 2e3]", "{\"a\": -0.25}"] {
        let output = run(&["encode", text], "");
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).starts_with("error: floats are not calldata"),
            "{text}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn empty_input_is_named() {
    for args in [
        &["decode"][..],
        &["encode"],
        &["validate"],
        &["decode", "--from", "base64"],
        &["decode", "--from", "raw"],
        &["frame", "decode"],
    ] {
        let output = run(args, "");
        let verdict = format!("{}{}", stdout(&output), stderr(&output));
        assert_eq!(verdict, "error: empty input\n", "{args:?}");
        assert_eq!(output.status.code(), Some(1));
    }
    let blank = run(&["encode"], " \n\t ");
    assert_eq!(stderr(&blank), "error: empty input\n");
}

#[test]
fn an_uppercase_0x_prefix_is_accepted() {
    for input in ["0X0e016109", "  0X 0e 01 61 09"] {
        let output = run(&["decode", input], "");
        assert_eq!(stdout(&output), "{\"a\":1}\n", "{input}");
    }
}

#[test]
fn hex_errors_give_the_column_in_the_input() {
    let cases = [
        ("0e 01 6z 09", "invalid hex digit 'z' at line 1, column 8"),
        (
            "0x0e016109\n 00 \t1g",
            "invalid hex digit 'g' at line 2, column 7",
        ),
        (
            "0e0161 0",
            "unpaired hex digit (an odd number of digits) at line 1, column 8",
        ),
        ("00é0", "invalid hex digit 'é' at line 1, column 3"),
    ];
    for (input, message) in cases {
        let output = run(&["validate", input], "");
        assert_eq!(stdout(&output), format!("error: {message}\n"), "{input}");
    }
}

#[test]
fn base64_errors_are_in_our_words_with_the_column() {
    let cases = [
        (
            "FQ kR!",
            "'!' is not a base64 character at line 1, column 6",
        ),
        ("FQ=kR", "'=' is not a base64 character at line 1, column 3"),
        (
            "FQkRF",
            "a base64 character alone after the last group of four at line 1, column 5",
        ),
        (
            "FR==",
            "base64 character 'R' carries bits no byte uses at line 1, column 2",
        ),
        (
            "FQk",
            "base64 needs '=' padding to a multiple of four characters at line 1, column 3",
        ),
    ];
    for (input, message) in cases {
        let output = run(&["validate", "--from", "base64", input], "");
        assert_eq!(stdout(&output), format!("error: {message}\n"), "{input}");
    }
}
