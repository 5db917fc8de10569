//! `calldata schema`: a contract's `#get-schema` JSON, shown as signatures,
//! used to check calls and return values and to build calls
//! (`spec/schema.md`; the tool's promises in `spec/cli.md`).

use clap::{CommandFactory, Subcommand};
use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::{from_text, Value};
use genvm_calldata_schema::{
    encode_checked, Arg, CheckOptions, Method, Schema, SchemaError, Shape,
};
use serde_json::Value as Json;

use crate::encoding::Encoding;
use crate::failure::Failure;
use crate::io::{self, Answer, ErrorsTo, Outcome};
use crate::{raw, Cli, Generation, InputArgs, ABI, FROM};

#[derive(Subcommand)]
pub enum SchemaCommand {
    /// Print a schema's constructor and methods, one signature a line:
    /// `view name(a: int, *, k: string) -> ret`.
    Show {
        /// The schema's JSON (what `#get-schema` returns); `-` for stdin.
        file: String,
    },
    /// Check calls (or, with --ret, return values) against a schema:
    /// prints `ok`, or `error: <path>: <message> (<kind>)`.
    Check {
        /// The schema's JSON file.
        #[arg(long, value_name = "FILE")]
        schema: String,
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = Encoding::Hex, help = FROM)]
        from: Encoding,
        #[arg(long, value_enum, default_value_t = Generation::V0_2, help = ABI)]
        abi: Generation,
        /// Check the input as the return value of METHOD.
        #[arg(long, value_name = "METHOD", conflicts_with = "deployment")]
        ret: Option<String>,
        /// Check the input as a deployment, against the constructor.
        #[arg(long)]
        deployment: bool,
        /// Require every parameter and every record field.
        #[arg(long)]
        strict: bool,
    },
    /// Build a call of METHOD from arguments read by the parameters' types;
    /// prints it in hex.
    Call {
        /// The schema's JSON file.
        #[arg(long, value_name = "FILE")]
        schema: String,
        /// The method to call.
        method: String,
        #[command(flatten)]
        args: BuildArgs,
    },
    /// Build a deployment (a call of the constructor); prints it in hex.
    Deploy {
        /// The schema's JSON file.
        #[arg(long, value_name = "FILE")]
        schema: String,
        #[command(flatten)]
        args: BuildArgs,
    },
}

#[derive(clap::Args)]
pub struct BuildArgs {
    /// Positional arguments: the text itself for a `string` parameter, the
    /// text form for `any`, else JSON (text that is not JSON is a string).
    #[arg(value_name = "ARG", allow_negative_numbers = true)]
    args: Vec<String>,
    /// A keyword argument, read like ARG by its parameter's type.
    #[arg(long = "kwarg", value_name = "NAME=VALUE", value_parser = keyword)]
    kwargs: Vec<(String, String)>,
    #[arg(long, value_enum, default_value_t = Generation::V0_2, help = ABI)]
    abi: Generation,
    /// Require every parameter and every record field.
    #[arg(long)]
    strict: bool,
}

fn keyword(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) => Ok((name.to_owned(), value.to_owned())),
        None => Err(format!("{text:?} is not NAME=VALUE")),
    }
}

/// Reads and parses the schema file; an unreadable file is a usage error
/// (exit 2), a schema that does not parse invalid data (exit 1).
fn load(file: &str) -> Result<Schema, Failure> {
    let text = if file == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map(|_| text)
            .map_err(|error| error.to_string())
    } else {
        std::fs::read_to_string(file).map_err(|error| error.to_string())
    };
    let text = text.unwrap_or_else(|error| {
        Cli::command()
            .error(
                clap::error::ErrorKind::Io,
                format!("cannot read the schema {file}: {error}"),
            )
            .exit()
    });
    Schema::from_json(&text)
        .map_err(|error| Failure::new(format!("schema {file}: {}", shown(&error))))
}

/// An error as the tool prints it: `<path>: <message> (<kind>)`.
fn shown(error: &SchemaError) -> String {
    format!("{error} ({})", error.kind().name())
}

fn line(text: impl Into<String>) -> Vec<u8> {
    let mut text = text.into().into_bytes();
    text.push(b'\n');
    text
}

pub fn run(command: SchemaCommand) -> Outcome {
    match command {
        SchemaCommand::Show { file } => io::print(show(&file), ErrorsTo::Stderr),
        SchemaCommand::Check {
            schema,
            input,
            from,
            abi,
            ret,
            deployment,
            strict,
        } => {
            let schema = match load(&schema) {
                Ok(schema) => schema,
                Err(failure) => return io::print(Err(failure), ErrorsTo::Stderr),
            };
            let options = CheckOptions::new().strict(strict);
            let generation = AbiGeneration::from(abi);
            io::run(
                input.inputs(raw(from, "--from raw")),
                ErrorsTo::Stdout,
                |input| {
                    let bytes = from.read(input)?;
                    let verdict = match (&ret, deployment) {
                        (Some(method), _) => schema.check_return_with(method, &bytes, &options),
                        (None, true) => schema.check_deployment(&bytes, generation, &options),
                        (None, false) => schema.check_call_with(&bytes, generation, &options),
                    };
                    verdict
                        .map(|()| line("ok"))
                        .map_err(|error| Failure::new(shown(&error)))
                },
            )
        }
        SchemaCommand::Call {
            schema,
            method,
            args,
        } => io::print(build(&schema, Some(&method), &args), ErrorsTo::Stderr),
        SchemaCommand::Deploy { schema, args } => {
            io::print(build(&schema, None, &args), ErrorsTo::Stderr)
        }
    }
}

fn show(file: &str) -> Answer {
    let schema = load(file)?;
    let mut out = String::new();
    out.push_str(&schema.constructor().to_string());
    out.push('\n');
    for method in schema.methods() {
        out.push_str(&method.to_string());
        out.push('\n');
    }
    Ok(out.into_bytes())
}

/// One argument as the command line gives it, read by its parameter's type
/// (`None` when no parameter takes it: the builder reports that).
enum Given {
    Json(Json),
    Calldata(Value),
}

fn given(
    text: &str,
    param: Option<genvm_calldata_schema::Param<'_>>,
    at: &str,
) -> Result<Given, Failure> {
    let Some(param) = param else {
        return Ok(Given::Json(Json::String(text.to_owned())));
    };
    let ty = param.ty();
    if ty.is_any() {
        return from_text(text).map(Given::Calldata).map_err(|error| {
            Failure::new(format!("{at}: not the text form: {}", error.message()))
        });
    }
    if matches!(ty.resolved().shape(), Shape::String) {
        return Ok(Given::Json(Json::String(text.to_owned())));
    }
    Ok(Given::Json(match serde_json::from_str::<Json>(text) {
        // A number JSON cannot hold exactly goes on as its digits, which
        // `int` reads as a decimal string (and refuses if not one).
        Ok(Json::Number(number)) if !(number.is_i64() || number.is_u64()) => {
            Json::String(text.to_owned())
        }
        Ok(json) => json,
        Err(_) => Json::String(text.to_owned()),
    }))
}

fn arg(given: &Given) -> Arg<'_> {
    match given {
        Given::Json(json) => Arg::Json(json),
        Given::Calldata(value) => Arg::Calldata(value),
    }
}

fn build(file: &str, method: Option<&str>, args: &BuildArgs) -> Answer {
    let schema = load(file)?;
    let target: Option<Method<'_>> = match method {
        Some(name) => schema.method(name),
        None => Some(schema.constructor()),
    };
    let positional = args
        .args
        .iter()
        .enumerate()
        .map(|(index, text)| {
            let param = target.and_then(|m| m.param_at(index));
            given(text, param, &format!("args[{index}]"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let named = args
        .kwargs
        .iter()
        .map(|(name, text)| {
            let param = target.and_then(|m| m.param_named(name));
            Ok((
                name.as_str(),
                given(text, param, &format!("kwargs.{name}"))?,
            ))
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    let positional: Vec<Arg<'_>> = positional.iter().map(arg).collect();
    let named: Vec<(&str, Arg<'_>)> = named.iter().map(|(name, g)| (*name, arg(g))).collect();
    let options = CheckOptions::new().strict(args.strict);
    let call = match method {
        Some(method) => schema.build_method_call(method, &positional, &named, &options),
        None => schema.build_deployment_call(&positional, &named, &options),
    };
    let bytes = call
        .and_then(|call| encode_checked(&call, args.abi.into()))
        .map_err(|error| Failure::new(shown(&error)))?;
    Ok(Encoding::Hex.write(&bytes))
}
