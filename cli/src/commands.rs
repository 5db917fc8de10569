//! What each subcommand does to one input: bytes in, the output line (or
//! why the input failed) out.

use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::{
    call_key as key_of, check_proposed_result, decode_frame_in, decode_ref, encode as encode_value,
    from_text, migrate_call, validate as check, Frame, FrameContext, Map, MethodCall, UserError,
    Value, VmErrorCode, VmErrorParam,
};

use crate::encoding::{is_blank, Encoding};
use crate::failure::{Failure, Position};
use crate::io::Answer;
use crate::FrameArgs;

/// How `decode` lays out the text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The canonical text form.
    Canonical,
    /// `Pretty`: indented, raw UTF-8.
    Pretty,
    /// `Pretty` on one line, for `--lines`.
    PrettyOneLine,
}

/// `text` and a newline, as bytes.
fn line(text: impl Into<String>) -> Vec<u8> {
    let mut text = text.into().into_bytes();
    text.push(b'\n');
    text
}

/// Reads the text form: an empty or non-UTF-8 input is named as such,
/// everything else is the parser's verdict.
fn parse_text(raw: &[u8]) -> Result<Value, Failure> {
    if is_blank(raw) {
        return Err(Failure::new("empty input"));
    }
    let text = std::str::from_utf8(raw).map_err(|error| {
        Failure::at("input is not UTF-8", Position::of(raw, error.valid_up_to()))
    })?;
    from_text(text).map_err(|error| Failure::from(&error))
}

/// A string as a JSON literal, the way the text form prints strings.
fn quoted(text: &str) -> String {
    Value::from(text).to_string()
}

/// `Pretty` text on one line. `Pretty` escapes every control character in
/// strings, so each newline it prints is layout: it and the indentation
/// after it become one space.
fn one_line(pretty: &str) -> String {
    pretty
        .split('\n')
        .map(|line| line.trim_start_matches(' '))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn decode(raw: &[u8], from: Encoding, layout: Layout) -> Answer {
    let bytes = from.read(raw)?;
    let view = decode_ref(&bytes).map_err(|e| Failure::new(e.to_string()))?;
    Ok(line(match layout {
        Layout::Canonical => view.to_string(),
        Layout::Pretty => view.pretty().to_string(),
        Layout::PrettyOneLine => one_line(&view.pretty().to_string()),
    }))
}

pub fn encode(raw: &[u8], to: Encoding) -> Answer {
    Ok(to.write(&encode_value(&parse_text(raw)?)))
}

pub fn validate(raw: &[u8], from: Encoding) -> Answer {
    let bytes = from.read(raw)?;
    check(&bytes).map_err(|e| Failure::new(e.to_string()))?;
    Ok(line("ok"))
}

/// The ABI generation and the context a frame is read or written in.
pub type FrameRules = (AbiGeneration, FrameContext);

pub fn frame_decode(raw: &[u8], from: Encoding, (generation, context): FrameRules) -> Answer {
    let bytes = from.read(raw)?;
    let frame =
        decode_frame_in(&bytes, generation, context).map_err(|e| Failure::new(e.to_string()))?;
    Ok(line(match frame {
        Frame::Return(value) => format!("return {value}"),
        Frame::UserError(UserError::Message(message)) => format!("user_error {}", quoted(message)),
        Frame::UserError(UserError::Data(data)) => format!("user_error_data {data}"),
        Frame::VmError(message) => format!("vm_error {}", quoted(message)),
        Frame::InternalError(message) => format!("internal_error {}", quoted(message)),
        Frame::FatalVmError(message) => format!("fatal_vm_error {}", quoted(message)),
    }))
}

pub fn frame_encode(args: &FrameArgs, to: Encoding, (generation, context): FrameRules) -> Answer {
    let frame: Frame = if let Some(text) = &args.return_value {
        Frame::Return(parse_text(text.as_bytes())?)
    } else if let Some(text) = &args.user_error_data {
        Frame::UserError(UserError::Data(parse_text(text.as_bytes())?))
    } else if let Some(message) = &args.user_error {
        Frame::UserError(UserError::Message(message.clone()))
    } else if let Some(message) = &args.vm_error {
        Frame::VmError(message.clone())
    } else if let Some(message) = &args.internal_error {
        Frame::InternalError(message.clone())
    } else if let Some(message) = &args.fatal_vm_error {
        Frame::FatalVmError(message.clone())
    } else {
        // clap requires exactly one of the flags.
        return Err(Failure::new("no frame given"));
    };
    let bytes = frame
        .encode_in(generation, context)
        .map_err(|e| Failure::new(e.to_string()))?;
    Ok(to.write(&bytes))
}

pub fn call_decode(raw: &[u8], from: Encoding, generation: AbiGeneration) -> Answer {
    let bytes = from.read(raw)?;
    let call =
        MethodCall::from_bytes_in(&bytes, generation).map_err(|e| Failure::new(e.to_string()))?;
    let args = Value::Array(call.args);
    let kwargs = Value::Map(call.kwargs);
    Ok(line(match call.method {
        Some(name) => format!("call {} {args} {kwargs}", quoted(&name)),
        None => format!("deployment {args} {kwargs}"),
    }))
}

pub fn call_migrate(raw: &[u8], from: Encoding, to: AbiGeneration) -> Answer {
    let bytes = from.read(raw)?;
    let migrated = migrate_call(&bytes, to).map_err(|e| Failure::new(e.to_string()))?;
    Ok(Encoding::Hex.write(&migrated))
}

pub fn frame_check(raw: &[u8], from: Encoding) -> Answer {
    let bytes = from.read(raw)?;
    match check_proposed_result(&bytes) {
        None => Ok(line("ok")),
        Some(derived) => Err(Failure::new(format!("replaced {}", quoted(&derived)))),
    }
}

pub fn vm_error_parse(raw: &[u8]) -> Answer {
    let text = std::str::from_utf8(raw).map_err(|error| {
        Failure::at("input is not UTF-8", Position::of(raw, error.valid_up_to()))
    })?;
    let code = VmErrorCode::parse(text).map_err(|e| Failure::new(e.to_string()))?;
    let param = match code.param() {
        None => Value::Null,
        Some(VmErrorParam::Str(text)) => Value::from(text),
        Some(VmErrorParam::I32(number)) => Value::from(number),
    };
    let mut map = Map::new();
    map.insert("public_code", code.public_code());
    map.insert("path", code.path());
    map.insert("param", param);
    map.insert("detail", code.detail().map_or(Value::Null, Value::from));
    Ok(line(Value::Map(map).to_string()))
}

/// `0x` and the key's 64 lowercase hex digits; `None` is a deployment.
pub fn call_key(name: Option<&str>) -> Vec<u8> {
    let digits: String = key_of(name).iter().map(|b| format!("{b:02x}")).collect();
    line(format!("0x{digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_text_on_one_line() {
        assert_eq!(
            one_line("{\n  \"k\": [\n    1,\n    \"a b\"\n  ]\n}"),
            "{ \"k\": [ 1, \"a b\" ] }"
        );
    }
}
