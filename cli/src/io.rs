//! Input and output: one input or many lines in, exactly one result per
//! input out, where errors go, and the exit status.

use std::io::{self, BufReader, BufWriter, Read, Write};

use crate::failure::Failure;
use crate::lines::{each_line, Line};

/// How a run ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
    Success,
    InvalidData,
}

/// Where a failed input's `error: ...` goes outside `--lines` mode.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ErrorsTo {
    Stderr,
    /// For `validate`, whose verdict is its output.
    Stdout,
}

/// Where inputs come from.
pub enum Inputs {
    /// The argument, else all of stdin.
    One(Option<String>),
    /// Every stdin line, each at most this many bytes.
    Lines { max: usize },
}

/// What a command makes of one input: its output (ending in a newline unless
/// raw bytes), or why the input failed.
pub type Answer = Result<Vec<u8>, Failure>;

/// Runs `command` on each input, printing exactly one result per input.
pub fn run(
    inputs: Inputs,
    errors_to: ErrorsTo,
    mut command: impl FnMut(&[u8]) -> Answer,
) -> Outcome {
    match inputs {
        Inputs::Lines { max } => {
            to_stdout(|out, outcome| each_input_line(out, max, outcome, &mut command))
        }
        Inputs::One(Some(argument)) => print(command(argument.as_bytes()), errors_to),
        Inputs::One(None) => print(
            read_stdin()
                .map_err(|error| Failure::new(format!("cannot read stdin: {error}")))
                .and_then(|input| command(&input)),
            errors_to,
        ),
    }
}

/// Prints the answer for a single input.
pub fn print(answer: Answer, errors_to: ErrorsTo) -> Outcome {
    to_stdout(|out, outcome| match answer {
        Ok(output) => out.write_all(&output),
        Err(failure) => {
            *outcome = Outcome::InvalidData;
            match errors_to {
                ErrorsTo::Stdout => out.write_all(failure.render().as_bytes()),
                ErrorsTo::Stderr => {
                    // Nothing is left to tell if stderr is gone too.
                    let _ = io::stderr().write_all(failure.render().as_bytes());
                    Ok(())
                }
            }
        }
    })
}

/// Runs `write` on buffered stdout and says how the run ended. `write`
/// records failed inputs in the outcome as it goes, apart from its write
/// result: when the reader goes away (`calldata ... | head`), which is not a
/// failure in itself, the status still says whether an input read so far
/// failed.
fn to_stdout(
    write: impl FnOnce(&mut BufWriter<io::StdoutLock<'static>>, &mut Outcome) -> io::Result<()>,
) -> Outcome {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut outcome = Outcome::Success;
    match write(&mut out, &mut outcome).and_then(|()| out.flush()) {
        Ok(()) => outcome,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => outcome,
        Err(error) => {
            let _ = writeln!(io::stderr(), "error: cannot write output: {error}");
            Outcome::InvalidData
        }
    }
}

fn read_stdin() -> io::Result<Vec<u8>> {
    let mut input = Vec::new();
    io::stdin().lock().read_to_end(&mut input)?;
    Ok(input)
}

/// Every stdin line through `command`, one output line each; a failed line
/// prints `error: line N: ...` as its line and the rest go on.
fn each_input_line(
    out: &mut impl Write,
    max: usize,
    outcome: &mut Outcome,
    command: &mut impl FnMut(&[u8]) -> Answer,
) -> io::Result<()> {
    let input = BufReader::with_capacity(1 << 16, io::stdin().lock());
    let mut number: u64 = 0;
    each_line(input, max, |line| {
        number += 1;
        let answer = match line {
            Line::Whole(text) => command(text),
            Line::TooLong => Err(Failure::new(format!("longer than {max} bytes"))),
            Line::NoMemory => Err(Failure::new("too long for the memory available")),
        };
        match answer {
            Ok(output) => out.write_all(&output),
            Err(failure) => {
                *outcome = Outcome::InvalidData;
                out.write_all(failure.render_line(number).as_bytes())
            }
        }
    })
}
