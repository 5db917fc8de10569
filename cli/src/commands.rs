//! What each subcommand does to one input: bytes in, the output line (or an
//! error message) out.

use genvm_calldata::{
    decode_frame, decode_ref, encode as encode_value, from_text, validate as check, Frame,
    UserError, Value,
};

use crate::io::{line, Encoding};
use crate::FrameArgs;

fn utf8(raw: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(raw).map_err(|e| format!("input is not UTF-8 at byte {}", e.valid_up_to()))
}

fn parse_text(text: &str) -> Result<Value, String> {
    from_text(text).map_err(|e| e.to_string())
}

/// A string as a JSON literal, the way the text form prints strings.
fn quoted(text: &str) -> String {
    Value::from(text).to_string()
}

pub fn decode(raw: &[u8], from: Encoding, pretty: bool) -> Result<Vec<u8>, String> {
    let bytes = from.read(raw)?;
    let view = decode_ref(&bytes).map_err(|e| e.to_string())?;
    Ok(line(if pretty {
        view.pretty().to_string()
    } else {
        view.to_string()
    }))
}

pub fn encode(raw: &[u8], to: Encoding) -> Result<Vec<u8>, String> {
    let value = parse_text(utf8(raw)?)?;
    Ok(to.write(&encode_value(&value)))
}

pub fn validate(raw: &[u8], from: Encoding) -> Result<Vec<u8>, String> {
    let bytes = from.read(raw)?;
    check(&bytes).map_err(|e| e.to_string())?;
    Ok(line("ok"))
}

pub fn frame_decode(raw: &[u8], from: Encoding) -> Result<Vec<u8>, String> {
    let bytes = from.read(raw)?;
    let frame = decode_frame(&bytes).map_err(|e| e.to_string())?;
    Ok(line(match frame {
        Frame::Return(value) => format!("return {value}"),
        Frame::UserError(UserError::Message(message)) => format!("user_error {}", quoted(message)),
        Frame::UserError(UserError::Data(data)) => format!("user_error_data {data}"),
        Frame::VmError(message) => format!("vm_error {}", quoted(message)),
        Frame::InternalError(message) => format!("internal_error {}", quoted(message)),
    }))
}

pub fn frame_encode(args: &FrameArgs, to: Encoding) -> Result<Vec<u8>, String> {
    let frame: Frame = if let Some(text) = &args.return_value {
        Frame::Return(parse_text(text)?)
    } else if let Some(text) = &args.user_error_data {
        Frame::UserError(UserError::Data(parse_text(text)?))
    } else if let Some(message) = &args.user_error {
        Frame::UserError(UserError::Message(message.clone()))
    } else if let Some(message) = &args.vm_error {
        Frame::VmError(message.clone())
    } else if let Some(message) = &args.internal_error {
        Frame::InternalError(message.clone())
    } else {
        // clap requires exactly one of the flags.
        return Err("no frame given".into());
    };
    let bytes = frame.encode().map_err(|e| e.to_string())?;
    Ok(to.write(&bytes))
}
