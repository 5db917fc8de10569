//! Why one input failed, and how that is printed: in full for a single
//! input, as one line naming the input line under `--lines`.

use genvm_calldata::TextParseError;

use crate::escape::{visible, visible_with_mark};

/// Where in an input a problem is: line and character column, from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    line: usize,
    column: usize,
}

impl Position {
    /// The position of byte `offset` of `input`, counting characters (not
    /// bytes) for the column.
    pub fn of(input: &[u8], offset: usize) -> Position {
        let before = &input[..offset];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        Position {
            line: before[..line_start].iter().filter(|&&b| b == b'\n').count() + 1,
            // Every byte but UTF-8 continuation bytes starts a character.
            column: before[line_start..]
                .iter()
                .filter(|&&b| b & 0xc0 != 0x80)
                .count()
                + 1,
        }
    }
}

/// The input line around a text error, and the character a caret marks.
#[derive(Debug, PartialEq, Eq)]
struct Excerpt {
    text: String,
    caret: usize,
}

/// A failed input: what is wrong, where, and the text around it.
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    message: String,
    at: Option<Position>,
    excerpt: Option<Excerpt>,
}

impl Failure {
    /// A failure with no position in the input (decoding errors name their
    /// byte offset in `message`).
    pub fn new(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            at: None,
            excerpt: None,
        }
    }

    /// A failure at `at` in the input.
    pub fn at(message: impl Into<String>, at: Position) -> Failure {
        Failure {
            at: Some(at),
            ..Failure::new(message)
        }
    }

    /// What a single input's failure prints: `error: <message> at line L,
    /// column C`, then the excerpt with a caret under the column.
    pub fn render(&self) -> String {
        let mut shown = format!("error: {}", visible(self.message.as_bytes()));
        if let Some(at) = self.at {
            shown += &format!(" at line {}, column {}", at.line, at.column);
        }
        if let Some(excerpt) = &self.excerpt {
            let (text, caret) = visible_with_mark(&excerpt.text, excerpt.caret);
            shown += &format!("\n  {text}\n  {:caret$}^", "");
        }
        shown.push('\n');
        shown
    }

    /// What the failure of input line `line` prints under `--lines`: one
    /// line, `error: line N: <message> at column C` (the input is that one
    /// line, so the column is all the position there is).
    pub fn render_line(&self, line: u64) -> String {
        let mut shown = format!("error: line {line}: {}", visible(self.message.as_bytes()));
        if let Some(at) = self.at {
            shown += &format!(" at column {}", at.column);
        }
        shown.push('\n');
        shown
    }
}

impl From<&TextParseError> for Failure {
    fn from(error: &TextParseError) -> Failure {
        // `Display` shows the message line, then the excerpt, then the caret
        // line (`  ` and one space or tab per excerpt character before the
        // column); the excerpt is taken from there and escaped when printed.
        let shown = error.to_string();
        let mut lines = shown.split('\n').skip(1);
        let excerpt = lines.next().zip(lines.next()).and_then(|(text, caret)| {
            Some(Excerpt {
                text: text.strip_prefix("  ")?.to_owned(),
                caret: caret.strip_prefix("  ")?.strip_suffix('^')?.chars().count(),
            })
        });
        Failure {
            message: error.message().to_owned(),
            at: Some(Position {
                line: error.line(),
                column: error.column(),
            }),
            excerpt,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let input = "ab\néx\ny".as_bytes();
        assert_eq!(Position::of(input, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of(input, 2), Position { line: 1, column: 3 });
        assert_eq!(Position::of(input, 5), Position { line: 2, column: 2 });
        assert_eq!(Position::of(input, 7), Position { line: 3, column: 1 });
    }

    #[test]
    fn a_text_error_keeps_its_excerpt_and_caret() {
        let error = genvm_calldata::from_text("[1,\t\u{1b}]").unwrap_err();
        let failure = Failure::from(&error);
        assert_eq!(
            failure.render(),
            format!(
                "error: {} at line 1, column 5\n  [1,\\t\\u{{1b}}]\n       ^\n",
                error.message()
            )
        );
        assert_eq!(
            failure.render_line(3),
            format!("error: line 3: {} at column 5\n", error.message())
        );
    }
}
