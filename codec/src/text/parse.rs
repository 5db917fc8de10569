//! Parsing the text form back into a [`Value`] (`Value: FromStr`).
//!
//! nom reads the tokens; a small driver with an explicit stack handles
//! nesting, so hostile text cannot overflow the machine stack.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::str::FromStr;

use bytes::Bytes;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while};
use nom::character::complete::{char, digit1, multispace0};
use nom::combinator::{opt, recognize, value};
use nom::sequence::pair;
use nom::{IResult, Parser};

use crate::address::Address;
use crate::int::Int;
use crate::read::DecodeOptions;
use crate::value::Map;
use crate::value::Str;
use crate::value::Value;

/// Text that is not the text form of a value; [`from_text`] and
/// `Value::from_str` return it.
///
/// `Display` names the problem, the line and the column, then shows that one
/// line (cut to 40 characters either side of the column, marked `...`) with a
/// caret under the column:
///
/// ```
/// use genvm_calldata::from_text;
/// let error = from_text("{\n  \"a\": ,\n}").unwrap_err();
/// assert_eq!((error.line(), error.column(), error.offset()), (2, 8, 9));
/// assert_eq!(error.message(), "expected a value");
/// assert_eq!(
///     error.to_string(),
///     "expected a value at line 2, column 8\n    \"a\": ,\n         ^",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextParseError {
    message: String,
    offset: usize,
    line: usize,
    column: usize,
    /// The offending line, cut down around the column when it is long.
    excerpt: String,
    /// What goes before the caret: a space for each character of the excerpt
    /// before the column (a tab for a tab, so the caret lines up).
    indent: String,
}

/// How many characters of a long line the excerpt keeps on each side of the
/// column.
const EXCERPT_CONTEXT: usize = 40;

impl TextParseError {
    fn new(input: &str, offset: usize, message: impl Into<String>) -> Self {
        let before = &input[..offset];
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        let line_end = input[offset..]
            .find('\n')
            .map_or(input.len(), |at| offset + at);
        let mut head = &input[line_start..offset];
        let column = head.chars().count() + 1;
        let mut tail = input[offset..line_end].trim_end_matches('\r');
        let mut excerpt = String::new();
        if let Some((cut, _)) = head.char_indices().rev().nth(EXCERPT_CONTEXT - 1) {
            if cut > 0 {
                excerpt.push_str("...");
                head = &head[cut..];
            }
        }
        excerpt.push_str(head);
        let indent = excerpt
            .chars()
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let cut_tail = tail.char_indices().nth(EXCERPT_CONTEXT);
        if let Some((cut, _)) = cut_tail {
            tail = &tail[..cut];
        }
        excerpt.push_str(tail);
        if cut_tail.is_some() {
            excerpt.push_str("...");
        }
        TextParseError {
            message: message.into(),
            offset,
            line: before.matches('\n').count() + 1,
            column,
            excerpt,
            indent,
        }
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Byte offset of the problem.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Line of the problem, from 1.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Column of the problem in characters, from 1.
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for TextParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )?;
        writeln!(f, "  {}", self.excerpt)?;
        write!(f, "  {}^", self.indent)
    }
}

impl core::error::Error for TextParseError {}

/// Parses the text form of `spec/calldata.md` back into a [`Value`]; the
/// same as `text.parse::<Value>()`.
///
/// It reads everything `Display` prints, and a little more:
///
/// * whitespace (space, tab, CR, LF) around any token;
/// * map keys in any order (a repeated key is an error);
/// * every JSON string escape, `\/` and uppercase `\uXXXX` included, and raw
///   UTF-8 (a lone surrogate or a raw control character is an error);
/// * hex digits in either case after `b#` and `addr#`;
/// * integers as `-?[0-9]+` of any length (`-0` and `007` too); a fraction
///   or exponent after the digits is refused as a float.
///
/// Containers nest at most [`DecodeOptions::DEFAULT_MAX_DEPTH`] deep, as in
/// decoding; deeper text is an error, not a stack overflow.
///
/// ```
/// use genvm_calldata::{encode, from_text, Value};
/// let value = from_text(r#"{"b": [1, -2], "a": b#FF, "c": "\u00e9"}"#).unwrap();
/// assert_eq!(value.to_string(), r#"{"a":b#ff,"b":[1,-2],"c":"\u00e9"}"#);
/// assert_eq!(encode(&value), encode(&value.to_string().parse::<Value>().unwrap()));
///
/// let error = from_text("[1, ]").unwrap_err();
/// assert_eq!((error.line(), error.column()), (1, 5));
/// assert_eq!(error.to_string(), "expected a value at line 1, column 5\n  [1, ]\n      ^");
/// ```
pub fn from_text(text: &str) -> Result<Value, TextParseError> {
    Driver { input: text }.run()
}

impl FromStr for Value {
    type Err = TextParseError;

    fn from_str(text: &str) -> Result<Value, TextParseError> {
        from_text(text)
    }
}

/// A token that starts a value.
enum Token {
    Scalar(Value),
    OpenArray,
    OpenMap,
}

/// An open container.
enum Open {
    Array(Vec<Value>),
    /// Entries so far and the key of the entry being read, each key with
    /// its byte offset (to point at a repeated one).
    Map(Vec<(Key, Value)>, Key),
}

/// A map key and where it starts.
type Key = (Str, usize);

struct Driver<'t> {
    input: &'t str,
}

impl<'t> Driver<'t> {
    fn error(&self, rest: &str, message: impl Into<String>) -> TextParseError {
        TextParseError::new(self.input, self.input.len() - rest.len(), message)
    }

    fn run(&self) -> Result<Value, TextParseError> {
        let mut stack: Vec<Open> = Vec::new();
        let mut rest = skip_space(self.input);
        loop {
            // A value starts here (or a container ends right away).
            let closing = match stack.last() {
                Some(Open::Array(items)) if items.is_empty() => rest.strip_prefix(']'),
                _ => None,
            };
            let mut done = match closing {
                Some(after) => {
                    let closed = self.close(&mut stack, rest)?;
                    rest = after;
                    Some(closed)
                }
                None => {
                    let (after, token) = self.token(rest)?;
                    if matches!(token, Token::OpenArray | Token::OpenMap)
                        && stack.len() >= DecodeOptions::DEFAULT_MAX_DEPTH
                    {
                        return Err(self.error(
                            rest,
                            format!("nested deeper than {}", DecodeOptions::DEFAULT_MAX_DEPTH),
                        ));
                    }
                    rest = after;
                    match token {
                        Token::Scalar(value) => Some(value),
                        Token::OpenArray => {
                            stack.push(Open::Array(Vec::new()));
                            rest = skip_space(rest);
                            continue;
                        }
                        Token::OpenMap => {
                            let after = skip_space(rest);
                            if let Some(after) = after.strip_prefix('}') {
                                rest = after;
                                Some(Value::Map(Map::new()))
                            } else {
                                let (after, key) = self.key(after)?;
                                rest = after;
                                stack.push(Open::Map(Vec::new(), key));
                                continue;
                            }
                        }
                    }
                }
            };
            // Hand finished values to their containers, closing those that end.
            while let Some(finished) = done.take() {
                rest = skip_space(rest);
                match stack.last_mut() {
                    None => {
                        return match rest.is_empty() {
                            true => Ok(finished),
                            false => Err(self.error(rest, "unexpected text after the value")),
                        };
                    }
                    Some(Open::Array(items)) => {
                        items.push(finished);
                        if let Some(after) = rest.strip_prefix(',') {
                            rest = skip_space(after);
                        } else if let Some(after) = rest.strip_prefix(']') {
                            done = Some(self.close(&mut stack, rest)?);
                            rest = after;
                        } else {
                            return Err(self.error(rest, "expected ',' or ']'"));
                        }
                    }
                    Some(Open::Map(entries, key)) => {
                        entries.push((core::mem::take(key), finished));
                        if let Some(after) = rest.strip_prefix(',') {
                            let (after, next) = self.key(skip_space(after))?;
                            *key = next;
                            rest = after;
                        } else if let Some(after) = rest.strip_prefix('}') {
                            done = Some(self.close(&mut stack, rest)?);
                            rest = after;
                        } else {
                            return Err(self.error(rest, "expected ',' or '}'"));
                        }
                    }
                }
            }
            rest = skip_space(rest);
        }
    }

    /// Closes the innermost container at `rest` (its closing bracket). A
    /// map's keys are sorted here; a repeated key is reported where it comes
    /// again (the first such place in the text).
    fn close(&self, stack: &mut Vec<Open>, rest: &str) -> Result<Value, TextParseError> {
        match stack.pop() {
            Some(Open::Map(mut entries, _)) => {
                // Stable, so equal keys stay in text order.
                entries.sort_by(|a, b| a.0 .0.cmp(&b.0 .0));
                let repeated = entries
                    .windows(2)
                    .filter(|pair| pair[0].0 .0 == pair[1].0 .0)
                    .map(|pair| &pair[1].0)
                    .min_by_key(|(_, at)| *at);
                if let Some((key, at)) = repeated {
                    let message = alloc::format!("duplicate key {:?}", key.as_str());
                    return Err(TextParseError::new(self.input, *at, message));
                }
                let entries = entries.into_iter().map(|((key, _), v)| (key, v));
                Ok(Value::Map(Map::from_sorted(entries.collect())))
            }
            Some(Open::Array(items)) => Ok(Value::Array(items)),
            None => Err(self.error(rest, "unbalanced bracket")),
        }
    }

    /// A map key, the colon after it, and the space before the value.
    fn key(&self, rest: &'t str) -> Result<(&'t str, Key), TextParseError> {
        if !rest.starts_with('"') {
            return Err(self.error(rest, "expected a string key"));
        }
        let at = self.input.len() - rest.len();
        let (after, key) = self.string(rest)?;
        let after = skip_space(after);
        match after.strip_prefix(':') {
            Some(after) => Ok((skip_space(after), (Str::from(key), at))),
            None => Err(self.error(after, "expected ':'")),
        }
    }

    fn token(&self, rest: &'t str) -> Result<(&'t str, Token), TextParseError> {
        if let Ok((after, atom)) = atom(rest) {
            return Ok((after, Token::Scalar(atom)));
        }
        if let Some(after) = rest.strip_prefix('[') {
            return Ok((after, Token::OpenArray));
        }
        if let Some(after) = rest.strip_prefix('{') {
            return Ok((after, Token::OpenMap));
        }
        if rest.starts_with('"') {
            let (after, text) = self.string(rest)?;
            return Ok((after, Token::Scalar(Value::Str(Str::from(text)))));
        }
        if let Ok((after, digits)) = hex_after("addr#", rest) {
            let address = digits
                .parse::<Address>()
                .map_err(|_| self.error(rest, "an address is 40 hex digits"))?;
            return Ok((after, Token::Scalar(Value::Address(address))));
        }
        if let Ok((after, digits)) = hex_after("b#", rest) {
            return match crate::hex::read_hex(digits) {
                Some(bytes) => Ok((after, Token::Scalar(Value::Bytes(Bytes::from(bytes))))),
                None => Err(self.error(rest, "bytes need an even number of hex digits")),
            };
        }
        if let Ok((after, number)) = integer(rest) {
            if starts_fraction_or_exponent(after) {
                return Err(self.error(after, "floats are not calldata: numbers are integers"));
            }
            // `integer` matched `-?[0-9]+`, which `Int` always parses.
            let int = number
                .parse::<Int>()
                .map_err(|_| self.error(rest, "invalid integer"))?;
            return Ok((after, Token::Scalar(Value::Int(int))));
        }
        Err(self.error(rest, "expected a value"))
    }

    /// A JSON string literal starting at `rest` (which starts with `"`).
    fn string(&self, rest: &'t str) -> Result<(&'t str, String), TextParseError> {
        let mut out = String::new();
        let mut chars = rest.char_indices().skip(1);
        while let Some((at, c)) = chars.next() {
            match c {
                '"' => return Ok((&rest[at + 1..], out)),
                '\\' => {
                    let Some((_, escape)) = chars.next() else {
                        break;
                    };
                    let simple = match escape {
                        '"' => '"',
                        '\\' => '\\',
                        '/' => '/',
                        'b' => '\u{8}',
                        'f' => '\u{c}',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        'u' => {
                            let (decoded, used) = self.unicode_escape(&rest[at..])?;
                            out.push(decoded);
                            // Skip what the escape used past the `\u`.
                            for _ in 0..used - 2 {
                                chars.next();
                            }
                            continue;
                        }
                        _ => return Err(self.error(&rest[at..], "invalid escape")),
                    };
                    out.push(simple);
                }
                c if (c as u32) < 0x20 => {
                    return Err(self.error(&rest[at..], "control character in a string"));
                }
                c => out.push(c),
            }
        }
        Err(self.error(rest, "unterminated string"))
    }

    /// `\uXXXX` (with its low surrogate when it is a high one) at the start of
    /// `rest`: the character and how many bytes the escape took.
    fn unicode_escape(&self, rest: &str) -> Result<(char, usize), TextParseError> {
        let unit = |at: usize| -> Option<u32> {
            let digits = rest.get(at + 2..at + 6)?;
            let valid = rest.get(at..at + 2) == Some("\\u")
                && digits.bytes().all(|b| b.is_ascii_hexdigit());
            valid
                .then(|| u32::from_str_radix(digits, 16).ok())
                .flatten()
        };
        let Some(first) = unit(0) else {
            return Err(self.error(rest, "\\u needs four hex digits"));
        };
        let decoded = match first {
            0xD800..=0xDBFF => match unit(6) {
                Some(second @ 0xDC00..=0xDFFF) => {
                    let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                    return char::from_u32(code)
                        .map(|c| (c, 12))
                        .ok_or_else(|| self.error(rest, "invalid surrogate pair"));
                }
                _ => None,
            },
            code => char::from_u32(code),
        };
        decoded
            .map(|c| (c, 6))
            .ok_or_else(|| self.error(rest, "lone surrogate"))
    }
}

fn skip_space(rest: &str) -> &str {
    multispace0::<&str, ()>(rest).map_or(rest, |(after, _)| after)
}

fn atom(rest: &str) -> IResult<&str, Value, ()> {
    alt((
        value(Value::Null, tag("null")),
        value(Value::Bool(true), tag("true")),
        value(Value::Bool(false), tag("false")),
    ))
    .parse(rest)
}

/// Whether the text after a number's digits goes on as a float would: `.`
/// and a digit, or `e`/`E` and a digit or sign (`1.5`, `2e3`, `1E-3`).
fn starts_fraction_or_exponent(after: &str) -> bool {
    match after.as_bytes() {
        [b'.', next, ..] => next.is_ascii_digit(),
        [b'e' | b'E', next, ..] => next.is_ascii_digit() || matches!(next, b'+' | b'-'),
        _ => false,
    }
}

fn integer(rest: &str) -> IResult<&str, &str, ()> {
    recognize(pair(opt(char('-')), digit1)).parse(rest)
}

/// The hex digits after `prefix` (possibly none).
fn hex_after<'t>(prefix: &'static str, rest: &'t str) -> IResult<&'t str, &'t str, ()> {
    let (after, _) = tag(prefix).parse(rest)?;
    take_while(|c: char| c.is_ascii_hexdigit()).parse(after)
}
