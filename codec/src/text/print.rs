//! The text form (`Display` of [`Value`] and [`ValueRef`]), exactly as the
//! reference Python SDK prints it: see `spec/calldata.md`.

use core::fmt::{self, Write};

use crate::hex::{write_hex, HEX};
use crate::value::{Node, Value};
use crate::value_ref::{ArrayRef, MapRef, ValueRef};

/// Writes `text` as a JSON string literal, ASCII only, as Python's
/// `json.dumps` does: `"`, `\` and the controls with short escapes get them,
/// every other character outside U+0020..=U+007E becomes `\uXXXX`
/// (lowercase, surrogate pairs beyond the BMP).
fn write_string<W: Write + ?Sized>(out: &mut W, text: &str) -> fmt::Result {
    write_string_escaping(out, text, true)
}

/// [`write_string`], escaping non-ASCII only if `escape_non_ascii`.
fn write_string_escaping<W: Write + ?Sized>(
    out: &mut W,
    text: &str,
    escape_non_ascii: bool,
) -> fmt::Result {
    out.write_char('"')?;
    let mut plain_from = 0;
    for (at, c) in text.char_indices() {
        let short = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            ' '..='\u{7e}' => continue,
            '\u{80}'.. if !escape_non_ascii && !acts_on_terminal(c) => continue,
            _ => "",
        };
        out.write_str(&text[plain_from..at])?;
        plain_from = at + c.len_utf8();
        if !short.is_empty() {
            out.write_str(short)?;
            continue;
        }
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            out.write_str("\\u")?;
            for shift in [12, 8, 4, 0] {
                out.write_char(HEX[(*unit >> shift) as usize & 0xf] as char)?;
            }
        }
    }
    out.write_str(&text[plain_from..])?;
    out.write_char('"')
}

/// Whether `c` acts on a terminal or on how the text around it is laid out
/// rather than showing as itself: the C0 controls, U+007F and the C1
/// controls, Unicode's bidirectional controls (Trojan Source) and the line
/// and paragraph separators. [`Pretty`] escapes every one of them, though it
/// keeps other UTF-8 raw; tools that echo input to a terminal can use the
/// same test.
///
/// ```
/// assert!(genvm_calldata::acts_on_terminal('\u{1b}'));
/// assert!(genvm_calldata::acts_on_terminal('\u{202e}'));
/// assert!(!genvm_calldata::acts_on_terminal('é'));
/// ```
pub fn acts_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Writes `items` as `[a,b]` with `item` printing each.
fn write_seq<W: Write + ?Sized, T>(
    out: &mut W,
    (open, close): (char, char),
    items: impl Iterator<Item = T>,
    mut item: impl FnMut(&mut W, T) -> fmt::Result,
) -> fmt::Result {
    out.write_char(open)?;
    for (index, value) in items.enumerate() {
        if index > 0 {
            out.write_char(',')?;
        }
        item(out, value)?;
    }
    out.write_char(close)
}

fn write_value_ref<W: Write + ?Sized>(out: &mut W, value: &ValueRef<'_>) -> fmt::Result {
    match value {
        ValueRef::Null => out.write_str("null"),
        ValueRef::Bool(true) => out.write_str("true"),
        ValueRef::Bool(false) => out.write_str("false"),
        ValueRef::Int(i) => write!(out, "{i}"),
        ValueRef::Bytes(b) => {
            out.write_str("b#")?;
            write_hex(out, b)
        }
        ValueRef::Str(s) => write_string(out, s),
        ValueRef::Address(a) => {
            out.write_str("addr#")?;
            write_hex(out, *a)
        }
        ValueRef::Array(a) => write_seq(out, ('[', ']'), a.iter(), |out, item| {
            write_value_ref(out, &item)
        }),
        ValueRef::Map(m) => write_seq(out, ('{', '}'), m.iter(), |out, (k, v)| {
            write_string(out, k)?;
            out.write_char(':')?;
            write_value_ref(out, &v)
        }),
    }
}

fn write_value<W: Write + ?Sized>(out: &mut W, value: &Value) -> fmt::Result {
    match value.node() {
        Node::Scalar(scalar) => write_value_ref(out, &scalar),
        Node::Array(items) => write_seq(out, ('[', ']'), items.iter(), write_value),
        Node::Map(map) => write_seq(out, ('{', '}'), map.iter(), |out, (k, v)| {
            write_string(out, k)?;
            out.write_char(':')?;
            write_value(out, v)
        }),
    }
}

/// The text form laid out for people: two-space indentation, one element or
/// entry a line, strings with raw UTF-8. Quotes, backslashes, every control
/// character (C0, U+007F, C1), the bidirectional controls and the line and
/// paragraph separators are still escaped, so printed input can neither
/// drive a terminal nor reorder what is shown around it. Made by
/// [`ValueRef::pretty`]; not the canonical text.
#[derive(Clone, Copy, Debug)]
pub struct Pretty<'v, 'a>(&'v ValueRef<'a>);

impl<'a> ValueRef<'a> {
    /// Indented, human-oriented text (see [`Pretty`]).
    ///
    /// ```
    /// use genvm_calldata::decode_ref;
    /// let view = decode_ref(&[0x0e, 0x01, b'k', 0x15, 0x09, 0x00]).unwrap();
    /// assert_eq!(view.pretty().to_string(), "{\n  \"k\": [\n    1,\n    null\n  ]\n}");
    /// ```
    pub fn pretty(&self) -> Pretty<'_, 'a> {
        Pretty(self)
    }
}

fn write_pretty<W: Write + ?Sized>(
    out: &mut W,
    value: &ValueRef<'_>,
    indent: usize,
) -> fmt::Result {
    let line = |out: &mut W, depth: usize| -> fmt::Result {
        out.write_char('\n')?;
        (0..depth).try_for_each(|_| out.write_str("  "))
    };
    match value {
        ValueRef::Str(s) => write_string_escaping(out, s, false),
        ValueRef::Array(items) if !items.is_empty() => {
            out.write_char('[')?;
            for (index, item) in items.iter().enumerate() {
                out.write_str(if index > 0 { "," } else { "" })?;
                line(out, indent + 1)?;
                write_pretty(out, &item, indent + 1)?;
            }
            line(out, indent)?;
            out.write_char(']')
        }
        ValueRef::Map(entries) if !entries.is_empty() => {
            out.write_char('{')?;
            for (index, (key, item)) in entries.iter().enumerate() {
                out.write_str(if index > 0 { "," } else { "" })?;
                line(out, indent + 1)?;
                write_string_escaping(out, key, false)?;
                out.write_str(": ")?;
                write_pretty(out, &item, indent + 1)?;
            }
            line(out, indent)?;
            out.write_char('}')
        }
        scalar => write_value_ref(out, scalar),
    }
}

impl fmt::Display for Pretty<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_pretty(f, self.0, 0)
    }
}

impl fmt::Display for ValueRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_value_ref(f, self)
    }
}

impl fmt::Debug for ValueRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_value_ref(f, self)
    }
}

/// Views of containers print as their text form, as [`ValueRef`] does.
impl fmt::Debug for ArrayRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_value_ref(f, &ValueRef::Array(*self))
    }
}

impl fmt::Debug for MapRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_value_ref(f, &ValueRef::Map(*self))
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_value(f, self)
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_value(f, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    fn quoted(text: &str) -> String {
        let mut out = String::new();
        write_string(&mut out, text).unwrap();
        out
    }

    #[test]
    fn escapes_like_python_json_dumps() {
        assert_eq!(quoted("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(
            quoted("\n\r\t\u{8}\u{c}\u{0}\u{1f}"),
            r#""\n\r\t\b\f\u0000\u001f""#
        );
        assert_eq!(quoted("\u{7f}"), r#""\u007f""#);
        assert_eq!(quoted("é€\u{ffff}"), r#""\u00e9\u20ac\uffff""#);
        assert_eq!(quoted("😀"), r#""\ud83d\ude00""#);
        assert_eq!(quoted(""), r#""""#);
    }

    #[test]
    fn pretty_keeps_utf8_raw_and_indents() {
        let bytes = crate::encode(&crate::Value::from(alloc::vec![crate::Value::from("é\"")]));
        let view = crate::decode_ref(&bytes).unwrap();
        assert_eq!(alloc::format!("{}", view.pretty()), "[\n  \"é\\\"\"\n]");
        assert_eq!(alloc::format!("{view}"), r#"["\u00e9\""]"#);
    }

    #[test]
    fn pretty_escapes_what_acts_on_a_terminal() {
        let text = "\u{1b}[2J\u{7f}\u{85}\u{9f}\u{202e}\u{2066}\u{2028}\u{61c}ok é";
        let bytes = crate::encode(&crate::Value::from(text));
        let view = crate::decode_ref(&bytes).unwrap();
        assert_eq!(
            alloc::format!("{}", view.pretty()),
            r#""\u001b[2J\u007f\u0085\u009f\u202e\u2066\u2028\u061cok é""#
        );
    }
}
