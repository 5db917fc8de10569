//! Input and output: reading one input or many lines, byte encodings, and
//! where results and errors go.

use std::io::{self, BufRead, BufWriter, Read, Write};

use base64::Engine as _;

/// How bytes are written on the command line.
#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum Encoding {
    /// Hex digits, optional `0x`, whitespace ignored.
    Hex,
    /// Standard base64, whitespace ignored.
    Base64,
    /// The bytes themselves.
    Raw,
}

impl Encoding {
    /// The bytes `input` stands for.
    pub fn read(self, input: &[u8]) -> Result<Vec<u8>, String> {
        let compact = || {
            input
                .iter()
                .copied()
                .filter(|b| !b.is_ascii_whitespace())
                .collect::<Vec<u8>>()
        };
        match self {
            Encoding::Raw => Ok(input.to_vec()),
            Encoding::Base64 => base64::engine::general_purpose::STANDARD
                .decode(compact())
                .map_err(|e| format!("invalid base64: {e}")),
            Encoding::Hex => {
                let digits = compact();
                let digits = digits.strip_prefix(b"0x").unwrap_or(&digits);
                if digits.len() % 2 != 0 {
                    return Err(format!("odd number of hex digits ({})", digits.len()));
                }
                digits
                    .chunks(2)
                    .enumerate()
                    .map(|(index, pair)| {
                        let digit = |c: u8| (c as char).to_digit(16);
                        match (digit(pair[0]), digit(pair[1])) {
                            (Some(high), Some(low)) => Ok((high << 4 | low) as u8),
                            _ => Err(format!("invalid hex digit in pair {}", index + 1)),
                        }
                    })
                    .collect()
            }
        }
    }

    /// `bytes` written out, with a newline unless raw.
    pub fn write(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            Encoding::Raw => bytes.to_vec(),
            Encoding::Base64 => line(base64::engine::general_purpose::STANDARD.encode(bytes)),
            Encoding::Hex => {
                const DIGITS: &[u8; 16] = b"0123456789abcdef";
                let mut text = Vec::with_capacity(bytes.len() * 2 + 1);
                for byte in bytes {
                    text.extend_from_slice(&[
                        DIGITS[(byte >> 4) as usize],
                        DIGITS[(byte & 0xf) as usize],
                    ]);
                }
                text.push(b'\n');
                text
            }
        }
    }
}

/// `text` and a newline, as bytes.
pub fn line(text: impl Into<String>) -> Vec<u8> {
    let mut text = text.into().into_bytes();
    text.push(b'\n');
    text
}

/// How a run ended.
pub enum Outcome {
    Success,
    InvalidData,
}

/// Where a failed input's `error: ...` line goes outside `--lines` mode.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ErrorsTo {
    Stderr,
    /// For `validate`, whose verdict is its output.
    Stdout,
}

/// Runs `command` on the argument, all of stdin, or (with `lines`) every
/// stdin line, printing exactly one result per input.
pub fn run(
    argument: Option<String>,
    lines: bool,
    errors_to: ErrorsTo,
    mut command: impl FnMut(&[u8]) -> Result<Vec<u8>, String>,
) -> Outcome {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = if lines {
        each_line(&mut out, &mut command)
    } else {
        let input = match argument {
            Some(argument) => Ok(argument.into_bytes()),
            None => read_stdin(),
        };
        match input
            .map_err(|e| format!("cannot read stdin: {e}"))
            .and_then(|input| command(&input))
        {
            Ok(output) => out.write_all(&output).map(|_| Outcome::Success),
            Err(message) if errors_to == ErrorsTo::Stdout => out
                .write_all(&line(format!("error: {message}")))
                .map(|_| Outcome::InvalidData),
            Err(message) => {
                eprintln!("error: {message}");
                Ok(Outcome::InvalidData)
            }
        }
    };
    finish(written.and_then(|outcome| out.flush().map(|_| outcome)))
}

/// Prints the result of a command that takes no input.
pub fn run_once(result: Result<Vec<u8>, String>) -> Outcome {
    run(None, false, ErrorsTo::Stderr, |_| result.clone())
}

fn read_stdin() -> io::Result<Vec<u8>> {
    let mut input = Vec::new();
    io::stdin().lock().read_to_end(&mut input)?;
    Ok(input)
}

fn each_line(
    out: &mut impl Write,
    command: &mut impl FnMut(&[u8]) -> Result<Vec<u8>, String>,
) -> io::Result<Outcome> {
    let mut input = io::stdin().lock();
    let mut buffer = Vec::new();
    let mut outcome = Outcome::Success;
    loop {
        buffer.clear();
        if input.read_until(b'\n', &mut buffer)? == 0 {
            return Ok(outcome);
        }
        let text = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        match command(text) {
            Ok(mut output) => {
                if output.last() != Some(&b'\n') {
                    output.push(b'\n');
                }
                out.write_all(&output)?;
            }
            Err(message) => {
                // One output line per input: the first line of a message
                // (text errors add an excerpt below it).
                let first = message.lines().next().unwrap_or_default();
                out.write_all(&line(format!("error: {first}")))?;
                outcome = Outcome::InvalidData;
            }
        }
    }
}

/// A reader that went away (`calldata ... | head`) is not a failure.
fn finish(written: io::Result<Outcome>) -> Outcome {
    match written {
        Ok(outcome) => outcome,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Outcome::Success,
        Err(error) => {
            eprintln!("error: cannot write output: {error}");
            Outcome::InvalidData
        }
    }
}
