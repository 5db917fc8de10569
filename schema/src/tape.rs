//! Checking calldata bytes in one strict pass.
//!
//! The codec's [`visit`] validates the bytes and reports each part once; the
//! parts a type check needs (kinds, lengths, keys, strings) are kept on a
//! tape, and the check walks the tape with a cursor. A v0.2 call carries its
//! method name last (`"method"` sorts after `"args"` and `"kwargs"`), so the
//! tape is what lets one pass serve both generations; unions backtrack by
//! resetting the cursor.

use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::{method_key, visit, DecodeOptions, Event, MethodCallError};

use crate::check::{pick, Detail, Found, Kind, Miss};
use crate::error::{ErrorKind, SchemaError};
use crate::names::{order, same};
use crate::types::{kind_bit, Node, TypeId, Types};
use crate::MAX_CHECK_STEPS;

/// One part of the value, as much of it as checking needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part<'a> {
    Null,
    Bool,
    Int,
    Bytes,
    Str(&'a str),
    Address,
    Array(usize),
    Map(usize),
    Key(&'a str),
    End,
}

impl Part<'_> {
    /// Whether the part is a whole value by itself (not a container).
    #[inline]
    fn is_atom(&self) -> bool {
        !matches!(
            self,
            Part::Array(_) | Part::Map(_) | Part::Key(_) | Part::End
        )
    }

    #[inline]
    fn kind(&self) -> Kind {
        match self {
            Part::Null => Kind::Null,
            Part::Bool => Kind::Bool,
            Part::Int => Kind::Int,
            Part::Bytes => Kind::Bytes,
            Part::Str(_) => Kind::String,
            Part::Address => Kind::Address,
            Part::Array(_) => Kind::Array,
            // Keys and ends are never where a value is looked for on a tape
            // from a successful visit.
            Part::Map(_) | Part::Key(_) | Part::End => Kind::Map,
        }
    }
}

/// The parts of valid calldata, in document order.
pub(crate) struct Tape<'a> {
    parts: Vec<Part<'a>>,
}

impl<'a> Tape<'a> {
    /// Validates `bytes` (as strictly as `validate`) and records the tape.
    pub(crate) fn read(bytes: &'a [u8]) -> Result<Tape<'a>, SchemaError> {
        // About one part per two bytes in typical calls; grows if needed.
        let mut parts = Vec::with_capacity(bytes.len() / 2 + 4);
        visit(bytes, &DecodeOptions::new(), |event| {
            parts.push(match event {
                Event::Null => Part::Null,
                Event::Bool(_) => Part::Bool,
                Event::Int(_) => Part::Int,
                Event::Bytes(_) => Part::Bytes,
                Event::Str(text) => Part::Str(text),
                Event::Address(_) => Part::Address,
                Event::Array(len) => Part::Array(len),
                Event::Map(len) => Part::Map(len),
                Event::Key(key) => Part::Key(key),
                Event::End => Part::End,
            })
        })
        .map_err(SchemaError::from_decode_error)?;
        Ok(Tape { parts })
    }

    #[inline]
    fn at(&self, pos: usize) -> Part<'a> {
        self.parts.get(pos).copied().unwrap_or(Part::End)
    }

    /// Where the value starting at `pos` ends (one past its last part).
    pub(crate) fn skip(&self, pos: usize) -> usize {
        match self.at(pos) {
            Part::Array(_) | Part::Map(_) => {
                let mut depth = 0usize;
                for (offset, part) in self.parts[pos..].iter().enumerate() {
                    match part {
                        Part::Array(_) | Part::Map(_) => depth += 1,
                        Part::End => {
                            depth -= 1;
                            if depth == 0 {
                                return pos + offset + 1;
                            }
                        }
                        _ => {}
                    }
                }
                self.parts.len()
            }
            _ => pos + 1,
        }
    }
}

/// Where a call's parts are on its tape.
pub(crate) struct TapeCall<'a> {
    pub(crate) method: Option<&'a str>,
    /// The position of the `args` array's header.
    pub(crate) args: Option<usize>,
    /// The position of the `kwargs` map's header.
    pub(crate) kwargs: Option<usize>,
}

/// Reads the call map as `MethodCall::from_value_in` does: the same closed
/// key set, the same errors, in key order.
pub(crate) fn call_of<'a>(
    tape: &Tape<'a>,
    generation: AbiGeneration,
) -> Result<TapeCall<'a>, SchemaError> {
    let not_a_call = |error| Err(SchemaError::from_call_error(error));
    let Part::Map(len) = tape.at(0) else {
        return not_a_call(MethodCallError::NotAMap);
    };
    let name_key = method_key(generation);
    let mut call = TapeCall {
        method: None,
        args: None,
        kwargs: None,
    };
    let mut pos = 1;
    for _ in 0..len {
        let Part::Key(key) = tape.at(pos) else {
            break;
        };
        let value = pos + 1;
        let wrong = |key, expected| MethodCallError::WrongType { key, expected };
        let part = tape.at(value);
        if same(key, "args") {
            match part {
                Part::Array(_) => call.args = Some(value),
                _ => return not_a_call(wrong("args", "an array")),
            }
        } else if same(key, "kwargs") {
            match part {
                Part::Map(_) => call.kwargs = Some(value),
                _ => return not_a_call(wrong("kwargs", "a map")),
            }
        } else if same(key, name_key) {
            match part {
                Part::Str(name) => call.method = Some(name),
                _ => return not_a_call(wrong(name_key, "a string")),
            }
        } else {
            return not_a_call(MethodCallError::UnknownKey(key.to_owned()));
        }
        pos = tape.skip(value);
    }
    Ok(call)
}

#[cold]
#[inline(never)]
fn mismatch(id: TypeId, part: Part<'_>) -> Miss {
    Miss::expected(id, Found::Calldata(part.kind()))
}

impl Types {
    /// Whether the value at `pos` of `tape` fits `id`; on success, where it
    /// ends. The rules are those of [`Types::fits`], in the same order.
    ///
    /// A primitive that fits (alone or as a union's alternative) is decided
    /// here, inline; everything else goes to [`Types::fits_tape_slowly`].
    #[inline(always)]
    pub(crate) fn fits_tape(
        &self,
        id: TypeId,
        tape: &Tape<'_>,
        pos: usize,
        steps: u32,
        strict: bool,
    ) -> Result<usize, Miss> {
        let part = tape.at(pos);
        let fits = match (self.node(id), part) {
            (Node::Null, Part::Null)
            | (Node::Bool, Part::Bool)
            | (Node::Int, Part::Int)
            | (Node::String, Part::Str(_))
            | (Node::Bytes, Part::Bytes)
            | (Node::Address, Part::Address) => true,
            (Node::Or { direct, .. }, part) => {
                part.is_atom() && direct & kind_bit(part.kind()) != 0
            }
            _ => false,
        };
        if fits {
            return Ok(pos + 1);
        }
        self.fits_tape_slowly(id, tape, pos, steps, strict)
    }

    #[inline(never)]
    fn fits_tape_slowly(
        &self,
        id: TypeId,
        tape: &Tape<'_>,
        pos: usize,
        steps: u32,
        strict: bool,
    ) -> Result<usize, Miss> {
        if steps >= MAX_CHECK_STEPS {
            return Err(Miss::depth());
        }
        let part = tape.at(pos);
        let fits = match (self.node(id), part) {
            (Node::Any, _) => return Ok(tape.skip(pos)),
            (Node::Null, Part::Null)
            | (Node::Bool, Part::Bool)
            | (Node::Int, Part::Int)
            | (Node::String, Part::Str(_))
            | (Node::Bytes, Part::Bytes)
            | (Node::Address, Part::Address) => true,
            (Node::Array, Part::Array(_)) | (Node::Dict, Part::Map(_)) => return Ok(tape.skip(pos)),
            (Node::Tuple { items, rest }, Part::Array(len)) => {
                return self.tape_tuple(items, *rest, len, tape, pos, steps, strict)
            }
            (Node::DictOf(ty), Part::Map(len)) => {
                return self.tape_dict(*ty, len, tape, pos, steps, strict)
            }
            (Node::Record { fields, sorted }, Part::Map(len)) => {
                return self.tape_record(id, fields, sorted, len, tape, pos, steps, strict)
            }
            (Node::Or { any: true, .. }, _) => return Ok(tape.skip(pos)),
            (Node::Or { direct, .. }, part) if direct & kind_bit(part.kind()) != 0 => {
                return Ok(tape.skip(pos))
            }
            (Node::Or { alternatives, .. }, _) => {
                return self.tape_union(id, alternatives, tape, pos, steps, strict)
            }
            (Node::Ref { target, .. }, _) => {
                return self.fits_tape(*target, tape, pos, steps + 1, strict)
            }
            _ => false,
        };
        if fits {
            Ok(pos + 1)
        } else {
            Err(mismatch(id, part))
        }
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn tape_tuple(
        &self,
        items: &[TypeId],
        rest: Option<TypeId>,
        len: usize,
        tape: &Tape<'_>,
        pos: usize,
        steps: u32,
        strict: bool,
    ) -> Result<usize, Miss> {
        let wrong = match rest {
            None => len != items.len(),
            Some(_) => len < items.len(),
        };
        if wrong {
            return Err(Miss::new(
                ErrorKind::WrongLength,
                Detail::Length {
                    items: items.len(),
                    open: rest.is_some(),
                    found: len,
                },
            ));
        }
        let mut at = pos + 1;
        for index in 0..len {
            let ty = match items.get(index) {
                Some(ty) => *ty,
                None => match rest {
                    Some(ty) => ty,
                    None => break,
                },
            };
            match self.fits_tape(ty, tape, at, steps + 1, strict) {
                Ok(end) => at = end,
                Err(miss) => return Err(miss.within_index(index)),
            }
        }
        Ok(at + 1)
    }

    #[inline(never)]
    fn tape_dict(
        &self,
        ty: TypeId,
        len: usize,
        tape: &Tape<'_>,
        pos: usize,
        steps: u32,
        strict: bool,
    ) -> Result<usize, Miss> {
        let mut at = pos + 1;
        for _ in 0..len {
            let Part::Key(key) = tape.at(at) else {
                break;
            };
            match self.fits_tape(ty, tape, at + 1, steps + 1, strict) {
                Ok(end) => at = end,
                Err(miss) => return Err(miss.within_key(key)),
            }
        }
        Ok(at + 1)
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn tape_record(
        &self,
        id: TypeId,
        fields: &[(Box<str>, TypeId)],
        sorted: &[u32],
        len: usize,
        tape: &Tape<'_>,
        pos: usize,
        steps: u32,
        strict: bool,
    ) -> Result<usize, Miss> {
        let mut at = pos + 1;
        let mut next = 0;
        let mut missing: Option<u32> = None;
        for _ in 0..len {
            let Part::Key(key) = tape.at(at) else {
                break;
            };
            // Usually the key is the next field in order: one comparison.
            if let Some(&field) = sorted.get(next) {
                let (name, ty) = &fields[field as usize];
                if same(name, key) {
                    match self.fits_tape(*ty, tape, at + 1, steps + 1, strict) {
                        Ok(end) => at = end,
                        Err(miss) => return Err(miss.within_key(key)),
                    }
                    next += 1;
                    continue;
                }
            }
            while let Some(&field) = sorted.get(next) {
                if order(&fields[field as usize].0, key) != std::cmp::Ordering::Less {
                    break;
                }
                missing = Some(missing.map_or(field, |m| m.min(field)));
                next += 1;
            }
            match sorted.get(next) {
                Some(&field) if same(&fields[field as usize].0, key) => {
                    match self.fits_tape(fields[field as usize].1, tape, at + 1, steps + 1, strict)
                    {
                        Ok(end) => at = end,
                        Err(miss) => return Err(miss.within_key(key)),
                    }
                    next += 1;
                }
                _ => {
                    return Err(Miss::new(
                        ErrorKind::UnknownField,
                        Detail::UnknownField { record: id },
                    )
                    .within_key(key))
                }
            }
        }
        if strict {
            for &field in &sorted[next..] {
                missing = Some(missing.map_or(field, |m| m.min(field)));
            }
            if let Some(field) = missing {
                return Err(Miss::new(ErrorKind::MissingField, Detail::MissingField)
                    .within_key(&fields[field as usize].0));
            }
        }
        Ok(at + 1)
    }

    #[inline(never)]
    fn tape_union(
        &self,
        id: TypeId,
        alternatives: &[TypeId],
        tape: &Tape<'_>,
        pos: usize,
        steps: u32,
        strict: bool,
    ) -> Result<usize, Miss> {
        let mut best = None;
        for alternative in alternatives {
            match self.fits_tape(*alternative, tape, pos, steps + 1, strict) {
                Ok(end) => return Ok(end),
                Err(miss) => pick(&mut best, miss),
            }
        }
        match best {
            Some((miss, false)) => Err(miss),
            _ => Err(mismatch(id, tape.at(pos))),
        }
    }
}

/// The positional arguments of a call on a tape: their count and where
/// each starts, walked lazily by [`check_arguments`](crate::Schema).
pub(crate) fn header_len(tape: &Tape<'_>, pos: Option<usize>) -> usize {
    match pos.map(|pos| tape.at(pos)) {
        Some(Part::Array(len)) | Some(Part::Map(len)) => len,
        _ => 0,
    }
}

/// The key at `pos`, if one is there.
pub(crate) fn key_at<'a>(tape: &Tape<'a>, pos: usize) -> Option<&'a str> {
    match tape.at(pos) {
        Part::Key(key) => Some(key),
        _ => None,
    }
}

/// A call's arguments on a tape, for [`Schema::check_arguments`](crate::Schema).
pub(crate) struct TapeArguments<'t, 'a> {
    tape: &'t Tape<'a>,
    args_len: usize,
    /// Where the next positional argument starts.
    arg: usize,
    kwargs_left: usize,
    /// Where the next keyword's key is, then (once named) its value.
    kwarg: usize,
}

impl<'t, 'a> TapeArguments<'t, 'a> {
    pub(crate) fn new(tape: &'t Tape<'a>, call: &TapeCall<'a>) -> Self {
        TapeArguments {
            tape,
            args_len: header_len(tape, call.args),
            arg: call.args.map_or(0, |pos| pos + 1),
            kwargs_left: header_len(tape, call.kwargs),
            kwarg: call.kwargs.map_or(0, |pos| pos + 1),
        }
    }
}

impl<'a> crate::check::Arguments<'a> for TapeArguments<'_, 'a> {
    fn args_len(&self) -> usize {
        self.args_len
    }

    fn check_arg(&mut self, types: &Types, ty: TypeId, strict: bool) -> Result<(), Miss> {
        self.arg = types.fits_tape(ty, self.tape, self.arg, 1, strict)?;
        Ok(())
    }

    fn next_kwarg(&mut self) -> Option<&'a str> {
        if self.kwargs_left == 0 {
            return None;
        }
        self.kwargs_left -= 1;
        let key = key_at(self.tape, self.kwarg)?;
        self.kwarg += 1;
        Some(key)
    }

    fn check_kwarg(&mut self, types: &Types, ty: TypeId, strict: bool) -> Result<(), Miss> {
        self.kwarg = types.fits_tape(ty, self.tape, self.kwarg, 1, strict)?;
        Ok(())
    }
}
