//! `calldata`: decode, encode, validate and frame GenVM calldata.
//!
//! Every command takes one input (an argument, else all of stdin) or, with
//! `--lines`, one input per stdin line with exactly one output line each.
//! What the tool promises is in `spec/cli.md`.

mod commands;
mod encoding;
mod escape;
mod failure;
mod io;
mod lines;
mod schema;

use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};
use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::FrameContext;

use crate::commands::Layout;
use crate::encoding::Encoding;
use crate::io::{ErrorsTo, Inputs, Outcome};

/// Shown under every `--help`: what a newcomer needs before the first
/// command.
const ABOUT_TEXT: &str = "\
The text form (what decode prints and encode reads) is JSON-like, printed
without spaces: null, true, false; integers of any size (-5); strings as
JSON literals, ASCII only (\"caf\\u00e9\"); arrays [1,2]; maps {\"a\":1}; bytes
as b# and hex (b#ff01, b# when empty); addresses as addr# and 40 hex digits.
There are no floats. encode also reads whitespace between tokens, raw UTF-8
in strings, every JSON escape and hex digits in either case. The format:
spec/calldata.md; what this tool promises: spec/cli.md.

Exit status:
  0  every input was valid
  1  some input was invalid (or the output could not be written)
  2  usage error";

#[derive(Parser)]
#[command(
    name = "calldata",
    version,
    about = "Decode, encode, validate and frame GenVM calldata",
    after_help = ABOUT_TEXT
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Help for `--from`.
const FROM: &str = "How the input is written: hex (digits in either case, optional 0x or 0X, \
                    whitespace ignored), base64 (standard alphabet, padded, whitespace ignored) \
                    or raw (the bytes themselves)";

/// Help for `--to`.
const TO: &str = "How to write the output: hex (lowercase digits, no prefix), base64 (standard \
                  alphabet, padded), each ending in a newline, or raw (the bytes themselves, \
                  nothing added)";

#[derive(Subcommand)]
enum Command {
    /// Print the text form of calldata.
    #[command(after_help = ABOUT_TEXT)]
    Decode {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = Encoding::Hex, help = FROM)]
        from: Encoding,
        /// Indented output with raw UTF-8 (not the canonical text form;
        /// control and bidirectional characters stay escaped). Under
        /// `--lines`, each value on one line.
        #[arg(long)]
        pretty: bool,
    },
    /// Encode the text form to calldata.
    #[command(after_help = ABOUT_TEXT)]
    Encode {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = Encoding::Hex, help = TO)]
        to: Encoding,
    },
    /// Check calldata: prints `ok`, or `error: <message> at byte N`.
    #[command(after_help = ABOUT_TEXT)]
    Validate {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = Encoding::Hex, help = FROM)]
        from: Encoding,
    },
    /// ResultCode frames: a code byte and a payload.
    #[command(subcommand)]
    Frame(FrameCommand),
    /// Method calls: `{"method"|"": name, "args", "kwargs"}` by ABI
    /// generation.
    #[command(subcommand)]
    Call(CallCommand),
    /// v0.3 VM error codes.
    #[command(subcommand)]
    VmError(VmErrorCommand),
    /// Contract schemas (`#get-schema`): show, check calls against, build
    /// calls from.
    #[command(subcommand)]
    Schema(schema::SchemaCommand),
    /// Print the v0.3 call key of a method name: `0x` and 64 lowercase hex
    /// digits.
    CallKey {
        /// The method name (the key of a call without a name is that of "").
        #[arg(required_unless_present = "deployment")]
        name: Option<String>,
        /// The key of a deployment (0).
        #[arg(long, conflicts_with = "name")]
        deployment: bool,
    },
}

#[derive(Subcommand)]
enum VmErrorCommand {
    /// Parse a v0.3 VM error message (one per argument, else per stdin
    /// line with --lines): prints a map in the text form with its
    /// `public_code`, `path`, `param` and `detail`.
    Parse {
        #[command(flatten)]
        input: InputArgs,
    },
}

/// Help for `--abi`.
const ABI: &str = "The ABI generation: v0.2 (the method under \"method\") or v0.3 (under \"\"); \
                   spec/abi-generations.md";

#[derive(Subcommand)]
enum CallCommand {
    /// Read a method call: prints `call "<name>" <args> <kwargs>`, or
    /// `deployment <args> <kwargs>` for a call without a name.
    #[command(after_help = ABOUT_TEXT)]
    Decode {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = Encoding::Hex, help = FROM)]
        from: Encoding,
        #[arg(long, value_enum, default_value_t = Generation::V0_2, help = ABI)]
        abi: Generation,
    },
    /// Rewrite a call's method key for a generation, every other byte kept;
    /// prints hex.
    #[command(after_help = ABOUT_TEXT)]
    Migrate {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = Encoding::Hex, help = FROM)]
        from: Encoding,
        /// The generation to write.
        #[arg(long, value_enum)]
        to: Generation,
    },
}

/// `--abi` and `--to` of `call`: the ABI generations.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Generation {
    #[value(name = "v0.2")]
    V0_2,
    #[value(name = "v0.3")]
    V0_3,
}

impl From<Generation> for AbiGeneration {
    fn from(generation: Generation) -> AbiGeneration {
        match generation {
            Generation::V0_2 => AbiGeneration::V02,
            Generation::V0_3 => AbiGeneration::V03,
        }
    }
}

#[derive(Subcommand)]
enum FrameCommand {
    /// Print a frame as `return <text>`, `user_error "<message>"`,
    /// `user_error_data <text>`, `vm_error "<message>"`,
    /// `internal_error "<message>"` or `fatal_vm_error "<message>"`.
    #[command(after_help = ABOUT_TEXT)]
    Decode {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = Encoding::Hex, help = FROM)]
        from: Encoding,
        #[command(flatten)]
        rules: FrameRules,
    },
    /// Check a leader's proposed non-deterministic result (v0.3): prints
    /// `ok` when it is kept as it is, else `replaced "<derived VM error>"`
    /// (on stdout: it is the answer).
    #[command(after_help = ABOUT_TEXT)]
    Check {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = Encoding::Hex, help = FROM)]
        from: Encoding,
    },
    /// Build a frame.
    #[command(after_help = ABOUT_TEXT)]
    Encode {
        #[command(flatten)]
        frame: FrameArgs,
        #[arg(long, value_enum, default_value_t = Encoding::Hex, help = TO)]
        to: Encoding,
        #[command(flatten)]
        rules: FrameRules,
    },
}

/// `--abi` and `--context` of `frame`.
#[derive(Args, Clone, Copy)]
struct FrameRules {
    #[arg(long, value_enum, default_value_t = Generation::V0_2, help = ABI)]
    abi: Generation,
    /// Where the frame travels (v0.3's rules depend on it): a sub-VM's
    /// result, a non-deterministic block's or a run's top-level result.
    #[arg(long, value_enum, default_value_t = Context::Subvm)]
    context: Context,
}

/// `--context` of `frame`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Context {
    Subvm,
    Nondet,
    #[value(name = "top_level")]
    TopLevel,
}

impl FrameRules {
    fn resolve(self) -> (AbiGeneration, FrameContext) {
        let context = match self.context {
            Context::Subvm => FrameContext::SubVm,
            Context::Nondet => FrameContext::NondetBlock,
            Context::TopLevel => FrameContext::TopLevel,
        };
        (self.abi.into(), context)
    }
}

#[derive(Args)]
struct InputArgs {
    /// The input; read from stdin when absent.
    input: Option<String>,
    /// Treat every stdin line as one input and print exactly one line for
    /// each, in order; a failed input prints `error: line N: ...` as its
    /// line. Refused with `--from raw` and `--to raw` (raw bytes have no
    /// lines); `--pretty` prints each value on one line.
    #[arg(long, conflicts_with = "input")]
    lines: bool,
    /// With `--lines`, the longest line read, in bytes [default: 64 MiB];
    /// a longer line prints an error as its line and is skipped without
    /// being held in memory.
    #[arg(
        long,
        value_name = "BYTES",
        requires = "lines",
        conflicts_with = "input"
    )]
    max_line: Option<usize>,
}

/// The default `--max-line`.
const MAX_LINE: usize = 64 << 20;

impl InputArgs {
    /// Where the inputs come from; `raw` names the raw-bytes flag in use, if
    /// any, which `--lines` cannot go with (exits with a usage error).
    fn inputs(self, raw: Option<&str>) -> Inputs {
        if !self.lines {
            return Inputs::One(self.input);
        }
        if let Some(flag) = raw {
            Cli::command()
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    format!("--lines cannot be used with {flag}: raw bytes have no lines"),
                )
                .exit();
        }
        Inputs::Lines {
            max: self.max_line.unwrap_or(MAX_LINE),
        }
    }
}

/// `flag` if `encoding` is raw.
fn raw(encoding: Encoding, flag: &'static str) -> Option<&'static str> {
    (encoding == Encoding::Raw).then_some(flag)
}

#[derive(Args)]
#[group(required = true, multiple = false)]
struct FrameArgs {
    /// RETURN with this value (text form).
    #[arg(long = "return", value_name = "TEXT")]
    return_value: Option<String>,
    /// USER_ERROR with this message.
    #[arg(long, value_name = "MSG")]
    user_error: Option<String>,
    /// USER_ERROR with this structured data (text form).
    #[arg(long, value_name = "TEXT")]
    user_error_data: Option<String>,
    /// VM_ERROR with this message.
    #[arg(long, value_name = "MSG")]
    vm_error: Option<String>,
    /// INTERNAL_ERROR with this message (v0.2).
    #[arg(long, value_name = "MSG")]
    internal_error: Option<String>,
    /// A fatal VM error with this code (v0.3, between nested VMs).
    #[arg(long, value_name = "MSG")]
    fatal_vm_error: Option<String>,
}

fn main() -> ExitCode {
    // Whatever happens, one line on stderr, never a panic trace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("error: internal failure: {info}")
    }));
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Decode {
            input,
            from,
            pretty,
        } => {
            let layout = match (pretty, input.lines) {
                (false, _) => Layout::Canonical,
                (true, false) => Layout::Pretty,
                (true, true) => Layout::PrettyOneLine,
            };
            io::run(
                input.inputs(raw(from, "--from raw")),
                ErrorsTo::Stderr,
                |raw| commands::decode(raw, from, layout),
            )
        }
        Command::Encode { input, to } => {
            io::run(input.inputs(raw(to, "--to raw")), ErrorsTo::Stderr, |raw| {
                commands::encode(raw, to)
            })
        }
        Command::Validate { input, from } => io::run(
            input.inputs(raw(from, "--from raw")),
            ErrorsTo::Stdout,
            |raw| commands::validate(raw, from),
        ),
        Command::Frame(FrameCommand::Decode { input, from, rules }) => io::run(
            input.inputs(raw(from, "--from raw")),
            ErrorsTo::Stderr,
            |raw| commands::frame_decode(raw, from, rules.resolve()),
        ),
        Command::Frame(FrameCommand::Check { input, from }) => io::run(
            input.inputs(raw(from, "--from raw")),
            ErrorsTo::Stdout,
            |raw| commands::frame_check(raw, from),
        ),
        Command::VmError(VmErrorCommand::Parse { input }) => io::run(
            input.inputs(None),
            ErrorsTo::Stderr,
            commands::vm_error_parse,
        ),
        Command::Frame(FrameCommand::Encode { frame, to, rules }) => io::print(
            commands::frame_encode(&frame, to, rules.resolve()),
            ErrorsTo::Stderr,
        ),
        Command::Call(CallCommand::Decode { input, from, abi }) => io::run(
            input.inputs(raw(from, "--from raw")),
            ErrorsTo::Stderr,
            |raw| commands::call_decode(raw, from, abi.into()),
        ),
        Command::Call(CallCommand::Migrate { input, from, to }) => io::run(
            input.inputs(raw(from, "--from raw")),
            ErrorsTo::Stderr,
            |raw| commands::call_migrate(raw, from, to.into()),
        ),
        Command::CallKey { name, .. } => {
            io::print(Ok(commands::call_key(name.as_deref())), ErrorsTo::Stderr)
        }
        Command::Schema(command) => schema::run(command),
    };
    match outcome {
        Outcome::Success => ExitCode::SUCCESS,
        Outcome::InvalidData => ExitCode::from(1),
    }
}
