//! `calldata`: decode, encode, validate and frame GenVM calldata.
//!
//! Every command takes one input (an argument, else all of stdin) or, with
//! `--lines`, one input per stdin line with exactly one output line each.
//! Exit status: 0 success, 1 invalid data, 2 usage.

mod commands;
mod io;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::io::{Encoding, ErrorsTo, Outcome};

#[derive(Parser)]
#[command(
    name = "calldata",
    version,
    about = "Decode, encode, validate and frame GenVM calldata"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the text form of calldata.
    Decode {
        #[command(flatten)]
        input: InputArgs,
        /// How the input is written.
        #[arg(long, value_enum, default_value_t = Encoding::Hex)]
        from: Encoding,
        /// Indented output with raw UTF-8 (not the canonical text form).
        #[arg(long)]
        pretty: bool,
    },
    /// Encode the text form to calldata.
    Encode {
        #[command(flatten)]
        input: InputArgs,
        /// How to write the output.
        #[arg(long, value_enum, default_value_t = Encoding::Hex)]
        to: Encoding,
    },
    /// Check calldata: prints `ok`, or `error: <message> at byte N`.
    Validate {
        #[command(flatten)]
        input: InputArgs,
        /// How the input is written.
        #[arg(long, value_enum, default_value_t = Encoding::Hex)]
        from: Encoding,
    },
    /// ResultCode frames: a code byte and a payload.
    #[command(subcommand)]
    Frame(FrameCommand),
}

#[derive(Subcommand)]
enum FrameCommand {
    /// Print a frame as `return <text>`, `user_error "<message>"`,
    /// `user_error_data <text>`, `vm_error "<message>"` or
    /// `internal_error "<message>"`.
    Decode {
        #[command(flatten)]
        input: InputArgs,
        /// How the input is written.
        #[arg(long, value_enum, default_value_t = Encoding::Hex)]
        from: Encoding,
    },
    /// Build a frame.
    Encode {
        #[command(flatten)]
        frame: FrameArgs,
        /// How to write the output.
        #[arg(long, value_enum, default_value_t = Encoding::Hex)]
        to: Encoding,
    },
}

#[derive(Args)]
struct InputArgs {
    /// The input; read from stdin when absent.
    input: Option<String>,
    /// Treat every stdin line as one input and print one line for each.
    #[arg(long, conflicts_with = "input")]
    lines: bool,
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
    /// INTERNAL_ERROR with this message.
    #[arg(long, value_name = "MSG")]
    internal_error: Option<String>,
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
        } => io::run(input.input, input.lines, ErrorsTo::Stderr, |raw| {
            commands::decode(raw, from, pretty)
        }),
        Command::Encode { input, to } => {
            io::run(input.input, input.lines, ErrorsTo::Stderr, |raw| {
                commands::encode(raw, to)
            })
        }
        Command::Validate { input, from } => {
            io::run(input.input, input.lines, ErrorsTo::Stdout, |raw| {
                commands::validate(raw, from)
            })
        }
        Command::Frame(FrameCommand::Decode { input, from }) => {
            io::run(input.input, input.lines, ErrorsTo::Stderr, |raw| {
                commands::frame_decode(raw, from)
            })
        }
        Command::Frame(FrameCommand::Encode { frame, to }) => {
            io::run_once(commands::frame_encode(&frame, to))
        }
    };
    match outcome {
        Outcome::Success => ExitCode::SUCCESS,
        Outcome::InvalidData => ExitCode::from(1),
    }
}
