//! Input echoed back to a person goes through here, so that no byte of it
//! can drive the terminal (ESC sequences, NUL) or reorder what is shown
//! around it (bidirectional overrides).

use std::fmt::Write as _;

use genvm_calldata::acts_on_terminal;

/// Appends `c` to `out` as itself, or escaped (`\t`, `\n`, `\r`,
/// `\u{1b}`) if it acts on the terminal.
fn push_visible(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if acts_on_terminal(c) => out.extend(c.escape_unicode()),
        c => out.push(c),
    }
}

/// `bytes` safe to print: the characters of [`push_visible`], and each
/// byte that is not UTF-8 as `\xNN`.
pub fn visible(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        chunk
            .valid()
            .chars()
            .for_each(|c| push_visible(&mut out, c));
        for byte in chunk.invalid() {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\x{byte:02x}");
        }
    }
    out
}

/// `text` made [`visible`], and how many characters of the result stand for
/// the first `mark` characters of `text` (to put a caret under character
/// `mark` of the result).
pub fn visible_with_mark(text: &str, mark: usize) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut marked = None;
    for (index, c) in text.chars().enumerate() {
        if index == mark {
            marked = Some(out.chars().count());
        }
        push_visible(&mut out, c);
    }
    let marked = marked.unwrap_or_else(|| out.chars().count());
    (out, marked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_invalid_bytes_are_escaped_and_the_rest_kept() {
        assert_eq!(
            visible("a\u{1b}[2J\u{0}\u{7f}\u{85}\u{202e}é\t".as_bytes()),
            r"a\u{1b}[2J\u{0}\u{7f}\u{85}\u{202e}é\t"
        );
        assert_eq!(visible(b"x\xff\xc3"), r"x\xff\xc3");
    }

    #[test]
    fn the_mark_follows_the_escapes() {
        assert_eq!(visible_with_mark("\u{1b}ab", 1), (r"\u{1b}ab".into(), 6));
        assert_eq!(visible_with_mark("ab", 2), ("ab".into(), 2));
    }
}
