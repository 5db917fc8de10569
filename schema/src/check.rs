//! Checking calldata against types: calls against their method, return
//! values against `ret`, deployments against the constructor.
//!
//! One walk serves borrowed views ([`ValueRef`], straight from the bytes)
//! and owned values ([`Value`], from a [`MethodCall`]) through the [`Val`]
//! trait. The walk recurses along the type; [`MAX_CHECK_STEPS`] bounds it.

use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::{ArrayIter, MapIter, MethodCall, MethodCallError, Value, ValueRef};

use crate::error::{ErrorKind, Path, SchemaError, Segment};
use crate::names::{order, same};
use crate::schema::{MethodData, Schema};
use crate::tape::{call_of, Tape, TapeArguments, TapeCall};
use crate::types::{kind_bit, Node, TypeId, TypeRef, Types};
use crate::MAX_CHECK_STEPS;

/// How strictly to check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckOptions {
    strict: bool,
}

impl CheckOptions {
    /// The default: a parameter or record field left out is not an error
    /// (the schema does not say which have defaults).
    pub const fn new() -> CheckOptions {
        CheckOptions { strict: false }
    }

    /// With `true`, every parameter must be given and every record field
    /// present (`missing_arg`, `missing_field`).
    pub const fn strict(mut self, strict: bool) -> CheckOptions {
        self.strict = strict;
        self
    }

    /// Whether this is strict.
    pub const fn is_strict(&self) -> bool {
        self.strict
    }
}

/// The kind of a calldata value, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Null,
    Bool,
    Int,
    String,
    Bytes,
    Address,
    Array,
    Map,
}

impl Kind {
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "bool",
            Kind::Int => "int",
            Kind::String => "string",
            Kind::Bytes => "bytes",
            Kind::Address => "address",
            Kind::Array => "array",
            Kind::Map => "map",
        }
    }

    pub(crate) fn of_ref(value: &ValueRef<'_>) -> Kind {
        match value {
            ValueRef::Null => Kind::Null,
            ValueRef::Bool(_) => Kind::Bool,
            ValueRef::Int(_) => Kind::Int,
            ValueRef::Str(_) => Kind::String,
            ValueRef::Bytes(_) => Kind::Bytes,
            ValueRef::Address(_) => Kind::Address,
            ValueRef::Array(_) => Kind::Array,
            ValueRef::Map(_) => Kind::Map,
        }
    }

    pub(crate) fn of_value(value: &Value) -> Kind {
        match value {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Int(_) => Kind::Int,
            Value::Str(_) => Kind::String,
            Value::Bytes(_) => Kind::Bytes,
            Value::Address(_) => Kind::Address,
            Value::Array(_) => Kind::Array,
            Value::Map(_) => Kind::Map,
        }
    }
}

/// A calldata value the walk can read: a view or an owned value.
pub(crate) trait Val<'a>: Copy {
    type Items: Iterator<Item = Self>;
    type Entries: Iterator<Item = (&'a str, Self)>;
    fn kind(&self) -> Kind;
    fn items(&self) -> Option<(usize, Self::Items)>;
    fn entries(&self) -> Option<Self::Entries>;
}

impl<'a> Val<'a> for ValueRef<'a> {
    type Items = ArrayIter<'a>;
    type Entries = MapIter<'a>;

    #[inline]
    fn kind(&self) -> Kind {
        Kind::of_ref(self)
    }

    #[inline]
    fn items(&self) -> Option<(usize, ArrayIter<'a>)> {
        match self {
            ValueRef::Array(array) => Some((array.len(), array.iter())),
            _ => None,
        }
    }

    #[inline]
    fn entries(&self) -> Option<MapIter<'a>> {
        match self {
            ValueRef::Map(map) => Some(map.iter()),
            _ => None,
        }
    }
}

impl<'a> Val<'a> for &'a Value {
    type Items = std::slice::Iter<'a, Value>;
    type Entries = genvm_calldata::MapEntries<'a>;

    #[inline]
    fn kind(&self) -> Kind {
        Kind::of_value(self)
    }

    #[inline]
    fn items(&self) -> Option<(usize, Self::Items)> {
        match self {
            Value::Array(items) => Some((items.len(), items.iter())),
            _ => None,
        }
    }

    #[inline]
    fn entries(&self) -> Option<Self::Entries> {
        match self {
            Value::Map(map) => Some(map.iter()),
            _ => None,
        }
    }
}

/// What a value that does not fit shows as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    Calldata(Kind),
    /// Loose input (JSON), described.
    Input(&'static str),
}

/// Why a value does not fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Detail {
    Expected {
        ty: TypeId,
        found: Found,
    },
    Length {
        items: usize,
        open: bool,
        found: usize,
    },
    UnknownField {
        record: TypeId,
    },
    MissingField,
    Depth,
    Message(String),
}

/// A value that does not fit, with the path from the failure up (innermost
/// first), built only on failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Miss {
    pub(crate) kind: ErrorKind,
    pub(crate) detail: Detail,
    pub(crate) reversed: Vec<Segment>,
}

impl Miss {
    pub(crate) fn new(kind: ErrorKind, detail: Detail) -> Miss {
        Miss {
            kind,
            detail,
            reversed: Vec::new(),
        }
    }

    pub(crate) fn expected(ty: TypeId, found: Found) -> Miss {
        Miss::new(ErrorKind::TypeMismatch, Detail::Expected { ty, found })
    }

    pub(crate) fn depth() -> Miss {
        Miss::new(ErrorKind::TooDeep, Detail::Depth)
    }

    pub(crate) fn within_key(mut self, key: &str) -> Miss {
        self.reversed.push(Segment::Key(key.to_owned()));
        self
    }

    pub(crate) fn within_index(mut self, index: usize) -> Miss {
        self.reversed.push(Segment::Index(index));
        self
    }

    /// A wrong kind at the value itself: what a union reports over.
    pub(crate) fn is_shallow(&self) -> bool {
        self.reversed.is_empty() && self.kind == ErrorKind::TypeMismatch
    }

    /// The error, the path under `root`.
    pub(crate) fn into_error(self, types: &Types, root: Path) -> SchemaError {
        let mut path = root;
        for segment in self.reversed.into_iter().rev() {
            path.push(segment);
        }
        let brief = |ty: TypeId| TypeRef { types, id: ty }.brief(3);
        let message = match self.detail {
            Detail::Expected { ty, found } => format!(
                "expected {}, found {}",
                brief(ty),
                match found {
                    Found::Calldata(kind) => kind.name(),
                    Found::Input(what) => what,
                }
            ),
            Detail::Length { items, open, found } => format!(
                "expected {}{items} element{}, found {found}",
                if open { "at least " } else { "" },
                if items == 1 { "" } else { "s" },
            ),
            Detail::UnknownField { record } => format!("not a field of {}", brief(record)),
            Detail::MissingField => "missing field (strict)".to_owned(),
            Detail::Depth => format!("nested deeper than checking follows ({MAX_CHECK_STEPS})"),
            Detail::Message(message) => message,
        };
        SchemaError::at(self.kind, &path, message)
    }
}

/// Of the failures of a union's alternatives, the one to report: the only
/// alternative that got past the value's kind, else the one that got
/// furthest if just one did; `None` means "fits no alternative" at the
/// union itself.
pub(crate) fn pick(best: &mut Option<(Miss, bool)>, miss: Miss) {
    if miss.is_shallow() {
        return;
    }
    match best {
        None => *best = Some((miss, false)),
        Some((kept, tie)) => match miss.reversed.len().cmp(&kept.reversed.len()) {
            std::cmp::Ordering::Greater => *best = Some((miss, false)),
            std::cmp::Ordering::Equal => *tie = true,
            std::cmp::Ordering::Less => {}
        },
    }
}

/// The mismatch of a value of kind `kind` with type `id`, out of line so
/// the walk's frames stay small.
#[cold]
#[inline(never)]
fn mismatch(id: TypeId, kind: Kind) -> Miss {
    Miss::expected(id, Found::Calldata(kind))
}

#[cold]
#[inline(never)]
fn unknown_field(record: TypeId, key: &str) -> Miss {
    Miss::new(ErrorKind::UnknownField, Detail::UnknownField { record }).within_key(key)
}

#[cold]
#[inline(never)]
fn missing_field(name: &str) -> Miss {
    Miss::new(ErrorKind::MissingField, Detail::MissingField).within_key(name)
}

#[cold]
#[inline(never)]
fn wrong_length(items: usize, open: bool, found: usize) -> Miss {
    Miss::new(
        ErrorKind::WrongLength,
        Detail::Length { items, open, found },
    )
}

impl Types {
    /// Whether `value` fits type `id`.
    ///
    /// Each container form has a function of its own, so the frames of a
    /// deep walk (one per level entered, one per `$or` or `$ref` passed)
    /// hold only what that level needs.
    pub(crate) fn fits<'a, V: Val<'a>>(
        &self,
        id: TypeId,
        value: V,
        steps: u32,
        strict: bool,
    ) -> Result<(), Miss> {
        if steps >= MAX_CHECK_STEPS {
            return Err(Miss::depth());
        }
        let kind = value.kind();
        let expected = match self.node(id) {
            Node::Any => return Ok(()),
            Node::Null => Kind::Null,
            Node::Bool => Kind::Bool,
            Node::Int => Kind::Int,
            Node::String => Kind::String,
            Node::Bytes => Kind::Bytes,
            Node::Address => Kind::Address,
            Node::Array => Kind::Array,
            Node::Dict => Kind::Map,
            Node::Tuple { items, rest } => {
                return self.fits_tuple(id, items, *rest, value, steps, strict)
            }
            Node::DictOf(ty) => return self.fits_dict(id, *ty, value, steps, strict),
            Node::Record { fields, sorted } => {
                return self.fits_record(id, fields, sorted, value, steps, strict)
            }
            Node::Or {
                alternatives,
                any,
                direct,
            } => {
                if *any || direct & kind_bit(kind) != 0 {
                    return Ok(());
                }
                return self.fits_union(id, alternatives, value, steps, strict);
            }
            Node::Ref { target, .. } => return self.fits(*target, value, steps + 1, strict),
        };
        if kind == expected {
            Ok(())
        } else {
            Err(mismatch(id, kind))
        }
    }

    #[inline(never)]
    fn fits_tuple<'a, V: Val<'a>>(
        &self,
        id: TypeId,
        items: &[TypeId],
        rest: Option<TypeId>,
        value: V,
        steps: u32,
        strict: bool,
    ) -> Result<(), Miss> {
        let Some((len, elements)) = value.items() else {
            return Err(mismatch(id, value.kind()));
        };
        let wrong = match rest {
            None => len != items.len(),
            Some(_) => len < items.len(),
        };
        if wrong {
            return Err(wrong_length(items.len(), rest.is_some(), len));
        }
        for (index, element) in elements.enumerate() {
            let ty = match items.get(index) {
                Some(ty) => *ty,
                None => match rest {
                    Some(ty) => ty,
                    None => break,
                },
            };
            if let Err(miss) = self.fits(ty, element, steps + 1, strict) {
                return Err(miss.within_index(index));
            }
        }
        Ok(())
    }

    #[inline(never)]
    fn fits_dict<'a, V: Val<'a>>(
        &self,
        id: TypeId,
        ty: TypeId,
        value: V,
        steps: u32,
        strict: bool,
    ) -> Result<(), Miss> {
        let Some(entries) = value.entries() else {
            return Err(mismatch(id, value.kind()));
        };
        for (key, element) in entries {
            if let Err(miss) = self.fits(ty, element, steps + 1, strict) {
                return Err(miss.within_key(key));
            }
        }
        Ok(())
    }

    #[inline(never)]
    fn fits_record<'a, V: Val<'a>>(
        &self,
        id: TypeId,
        fields: &[(Box<str>, TypeId)],
        sorted: &[u32],
        value: V,
        steps: u32,
        strict: bool,
    ) -> Result<(), Miss> {
        let Some(entries) = value.entries() else {
            return Err(mismatch(id, value.kind()));
        };
        // Map keys and `sorted` are both in byte order: one merge.
        let mut next = 0;
        let mut missing: Option<u32> = None;
        for (key, element) in entries {
            while let Some(&field) = sorted.get(next) {
                if order(&fields[field as usize].0, key) != std::cmp::Ordering::Less {
                    break;
                }
                missing = Some(missing.map_or(field, |m| m.min(field)));
                next += 1;
            }
            match sorted.get(next) {
                Some(&field) if same(&fields[field as usize].0, key) => {
                    if let Err(miss) =
                        self.fits(fields[field as usize].1, element, steps + 1, strict)
                    {
                        return Err(miss.within_key(key));
                    }
                    next += 1;
                }
                _ => return Err(unknown_field(id, key)),
            }
        }
        if strict {
            for &field in &sorted[next..] {
                missing = Some(missing.map_or(field, |m| m.min(field)));
            }
            if let Some(field) = missing {
                return Err(missing_field(&fields[field as usize].0));
            }
        }
        Ok(())
    }

    #[inline(never)]
    fn fits_union<'a, V: Val<'a>>(
        &self,
        id: TypeId,
        alternatives: &[TypeId],
        value: V,
        steps: u32,
        strict: bool,
    ) -> Result<(), Miss> {
        let mut best = None;
        for alternative in alternatives {
            match self.fits(*alternative, value, steps + 1, strict) {
                Ok(()) => return Ok(()),
                Err(miss) => pick(&mut best, miss),
            }
        }
        match best {
            Some((miss, false)) => Err(miss),
            _ => Err(mismatch(id, value.kind())),
        }
    }
}

impl<'a> TypeRef<'a> {
    /// Checks a calldata value (a view) against this type; the error's path
    /// starts at the value (`[1].owner`).
    pub fn check(&self, value: ValueRef<'_>) -> Result<(), SchemaError> {
        self.check_with(value, &CheckOptions::new())
    }

    /// [`check`](TypeRef::check) with options (strict: every record field).
    pub fn check_with(
        &self,
        value: ValueRef<'_>,
        options: &CheckOptions,
    ) -> Result<(), SchemaError> {
        self.types
            .fits(self.id, value, 0, options.strict)
            .map_err(|miss| miss.into_error(self.types, Path::root()))
    }

    /// Checks an owned value against this type.
    pub fn check_value(&self, value: &Value, options: &CheckOptions) -> Result<(), SchemaError> {
        self.types
            .fits(self.id, value, 0, options.strict)
            .map_err(|miss| miss.into_error(self.types, Path::root()))
    }
}

fn no_method(name: Option<&str>) -> SchemaError {
    SchemaError::new(
        ErrorKind::UnknownMethod,
        String::new(),
        match name {
            Some(name) => format!("no method {name:?} in the schema"),
            None => "a call without a method name (a deployment is checked against the \
                     constructor)"
                .to_owned(),
        },
    )
}

/// The `missing_arg` error of parameter `index` or keyword `name`.
fn missing(path: Path, what: &str) -> SchemaError {
    SchemaError::at(
        ErrorKind::MissingArg,
        &path,
        format!("missing {what} (strict)"),
    )
}

/// A call's arguments, however they are held: checked one at a time, in
/// order, by [`Schema::check_arguments`].
pub(crate) trait Arguments<'a> {
    /// How many positional arguments there are.
    fn args_len(&self) -> usize;
    /// Checks the next positional argument against `ty`.
    fn check_arg(&mut self, types: &Types, ty: TypeId, strict: bool) -> Result<(), Miss>;
    /// The next keyword argument's name, if any is left.
    fn next_kwarg(&mut self) -> Option<&'a str>;
    /// Checks the value of the keyword argument just named against `ty`.
    fn check_kwarg(&mut self, types: &Types, ty: TypeId, strict: bool) -> Result<(), Miss>;
}

/// Arguments as [`Val`]s (views or owned values).
pub(crate) struct ValArguments<'a, V, A, K> {
    pub(crate) len: usize,
    pub(crate) args: A,
    pub(crate) kwargs: K,
    pub(crate) value: Option<V>,
    pub(crate) _key: core::marker::PhantomData<&'a str>,
}

impl<'a, V, A, K> Arguments<'a> for ValArguments<'a, V, A, K>
where
    V: Val<'a>,
    A: Iterator<Item = V>,
    K: Iterator<Item = (&'a str, V)>,
{
    fn args_len(&self) -> usize {
        self.len
    }

    fn check_arg(&mut self, types: &Types, ty: TypeId, strict: bool) -> Result<(), Miss> {
        match self.args.next() {
            Some(arg) => types.fits(ty, arg, 1, strict),
            None => Ok(()),
        }
    }

    fn next_kwarg(&mut self) -> Option<&'a str> {
        let (name, value) = self.kwargs.next()?;
        self.value = Some(value);
        Some(name)
    }

    fn check_kwarg(&mut self, types: &Types, ty: TypeId, strict: bool) -> Result<(), Miss> {
        match self.value.take() {
            Some(value) => types.fits(ty, value, 1, strict),
            None => Ok(()),
        }
    }
}

impl Schema {
    /// Checks a call's arguments against `method`, in this order: the
    /// number of positional arguments, their types in order, then each
    /// keyword argument in key order (its name, then its type), then
    /// (strict) every parameter not given.
    pub(crate) fn check_arguments<'a>(
        &self,
        method: &MethodData,
        mut arguments: impl Arguments<'a>,
        strict: bool,
    ) -> Result<(), SchemaError> {
        let params = &method.params;
        let args_len = arguments.args_len();
        if args_len > params.len() {
            return Err(SchemaError::at(
                ErrorKind::TooManyArgs,
                &Path::root().key("args").index(params.len()),
                format!(
                    "{args_len} positional argument{}, {} at most",
                    if args_len == 1 { "" } else { "s" },
                    params.len()
                ),
            ));
        }
        for (index, param) in params.iter().take(args_len).enumerate() {
            arguments
                .check_arg(&self.types, param.ty, strict)
                .map_err(|miss| {
                    miss.into_error(&self.types, Path::root().key("args").index(index))
                })?;
        }
        // Strict mode notes which parameters keyword arguments gave.
        let mut named_positions: Vec<bool> = Vec::new();
        let mut named_keywords: Vec<&str> = Vec::new();
        if strict {
            named_positions = vec![false; params.len()];
        }
        while let Some(name) = arguments.next_kwarg() {
            let path = || Path::root().key("kwargs").key(name);
            let ty = if let Some(param) = method.kwparam(name) {
                if strict {
                    named_keywords.push(name);
                }
                param.ty
            } else if let Some(position) = method.position(name) {
                if position < args_len {
                    return Err(SchemaError::at(
                        ErrorKind::DuplicateArg,
                        &path(),
                        format!("also given positionally, as args[{position}]"),
                    ));
                }
                if strict {
                    named_positions[position] = true;
                }
                params[position].ty
            } else {
                return Err(SchemaError::at(
                    ErrorKind::UnknownKwarg,
                    &path(),
                    "no parameter of this name",
                ));
            };
            arguments
                .check_kwarg(&self.types, ty, strict)
                .map_err(|miss| miss.into_error(&self.types, path()))?;
        }
        if strict {
            for index in args_len..params.len() {
                if !named_positions[index] {
                    return Err(missing(
                        Path::root().key("args").index(index),
                        &format!("argument {:?}", &*params[index].name),
                    ));
                }
            }
            if let Some(param) = method
                .kwparams
                .iter()
                .find(|param| !named_keywords.contains(&&*param.name))
            {
                return Err(missing(
                    Path::root().key("kwargs").key(&param.name),
                    "keyword argument",
                ));
            }
        }
        Ok(())
    }

    fn check_tape(
        &self,
        method: &MethodData,
        tape: &Tape<'_>,
        call: &TapeCall<'_>,
        strict: bool,
    ) -> Result<(), SchemaError> {
        self.check_arguments(method, TapeArguments::new(tape, call), strict)
    }

    /// Checks a call's calldata against its method: `check_call_with` with
    /// the default options.
    pub fn check_call(&self, bytes: &[u8], generation: AbiGeneration) -> Result<(), SchemaError> {
        self.check_call_with(bytes, generation, &CheckOptions::new())
    }

    /// Checks a call's calldata (a method call of `generation`) against the
    /// schema: the bytes must be calldata (`not_calldata`) and a call
    /// (`not_a_call`, with the codec's [`MethodCallError`]); then the method
    /// must exist (`unknown_method`; `#get-schema` takes no arguments) and
    /// the arguments fit it (`too_many_args`, `type_mismatch`, ...,
    /// [`check_arguments`'s order](Schema::check_method_call)).
    pub fn check_call_with(
        &self,
        bytes: &[u8],
        generation: AbiGeneration,
        options: &CheckOptions,
    ) -> Result<(), SchemaError> {
        let tape = Tape::read(bytes)?;
        let call = call_of(&tape, generation)?;
        let method = call
            .method
            .and_then(|name| self.method_data(name))
            .ok_or_else(|| no_method(call.method))?;
        self.check_tape(method, &tape, &call, options.strict)
    }

    /// Checks a deployment's calldata (no method name) against the
    /// constructor.
    pub fn check_deployment(
        &self,
        bytes: &[u8],
        generation: AbiGeneration,
        options: &CheckOptions,
    ) -> Result<(), SchemaError> {
        let tape = Tape::read(bytes)?;
        let call = call_of(&tape, generation)?;
        if call.method.is_some() {
            return Err(SchemaError::from_call_error(
                MethodCallError::NamedDeployment,
            ));
        }
        self.check_tape(&self.ctor, &tape, &call, options.strict)
    }

    /// Checks a [`MethodCall`] against its method. The checks run in this
    /// order: the method exists; no more positional arguments than
    /// positional parameters; each positional argument's type; each keyword
    /// argument in key order, its name (a keyword parameter, or a positional
    /// parameter not already given positionally) then its type; with
    /// `strict`, every parameter given.
    pub fn check_method_call(
        &self,
        call: &MethodCall,
        options: &CheckOptions,
    ) -> Result<(), SchemaError> {
        let name = call.method.as_deref();
        let method = name
            .and_then(|name| self.method_data(name))
            .ok_or_else(|| no_method(name))?;
        self.check_owned(method, call, options.strict)
    }

    /// Checks a [`MethodCall`] without a method name against the
    /// constructor.
    pub fn check_deployment_call(
        &self,
        call: &MethodCall,
        options: &CheckOptions,
    ) -> Result<(), SchemaError> {
        if call.method.is_some() {
            return Err(SchemaError::from_call_error(
                MethodCallError::NamedDeployment,
            ));
        }
        self.check_owned(&self.ctor, call, options.strict)
    }

    fn check_owned(
        &self,
        method: &MethodData,
        call: &MethodCall,
        strict: bool,
    ) -> Result<(), SchemaError> {
        let arguments = ValArguments {
            len: call.args.len(),
            args: call.args.iter(),
            kwargs: call.kwargs.iter(),
            value: None,
            _key: core::marker::PhantomData,
        };
        self.check_arguments(method, arguments, strict)
    }

    fn ret_of(&self, method: &str) -> Result<TypeId, SchemaError> {
        self.method_data(method)
            .and_then(|data| data.ret)
            .ok_or_else(|| no_method(Some(method)))
    }

    /// Checks a return value's calldata against `method`'s `ret`; the
    /// error's path starts with `ret`.
    pub fn check_return(&self, method: &str, bytes: &[u8]) -> Result<(), SchemaError> {
        self.check_return_with(method, bytes, &CheckOptions::new())
    }

    /// [`check_return`](Schema::check_return) with options.
    pub fn check_return_with(
        &self,
        method: &str,
        bytes: &[u8],
        options: &CheckOptions,
    ) -> Result<(), SchemaError> {
        let ret = self.ret_of(method)?;
        let tape = Tape::read(bytes)?;
        self.types
            .fits_tape(ret, &tape, 0, 0, options.strict)
            .map(drop)
            .map_err(|miss| miss.into_error(&self.types, Path::root().key("ret")))
    }

    /// Checks a return value, as a view, against `method`'s `ret`.
    pub fn check_return_ref(&self, method: &str, value: ValueRef<'_>) -> Result<(), SchemaError> {
        let ret = self.ret_of(method)?;
        self.types
            .fits(ret, value, 0, false)
            .map_err(|miss| miss.into_error(&self.types, Path::root().key("ret")))
    }

    /// Checks an owned return value against `method`'s `ret`.
    pub fn check_return_value(&self, method: &str, value: &Value) -> Result<(), SchemaError> {
        let ret = self.ret_of(method)?;
        self.types
            .fits(ret, value, 0, false)
            .map_err(|miss| miss.into_error(&self.types, Path::root().key("ret")))
    }
}
