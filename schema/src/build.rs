//! Building calldata from loosely typed input (JSON as users hold it) by the
//! schema's types: `spec/schema.md`, "Building calls".

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::{validate, Address, Int, Map, MethodCall, Value};
use serde_json::Value as Json;
use sha3::{Digest, Keccak256};

use crate::check::{pick, CheckOptions, Detail, Found, Miss};
use crate::error::{ErrorKind, Path, SchemaError};
use crate::schema::{MethodData, Schema};
use crate::types::{Node, TypeId, TypeRef, Types};
use crate::MAX_CHECK_STEPS;

/// One argument to build a call from.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Loose input, read by the parameter's type (`spec/schema.md`,
    /// "Building calls"): a JSON number or decimal string for `int`, `0x`
    /// and 40 hex digits for `address`, ...
    Json(&'a Json),
    /// A calldata value, taken as it is if it fits the parameter's type.
    Calldata(&'a Value),
}

fn json_kind(json: &Json) -> &'static str {
    match json {
        Json::Null => "JSON null",
        Json::Bool(_) => "JSON boolean",
        Json::Number(_) => "JSON number",
        Json::String(_) => "JSON string",
        Json::Array(_) => "JSON array",
        Json::Object(_) => "JSON object",
    }
}

#[cold]
#[inline(never)]
fn input_mismatch(id: TypeId, json: &Json) -> Miss {
    Miss::expected(id, Found::Input(json_kind(json)))
}

#[cold]
fn bad_value(message: impl Into<String>) -> Miss {
    Miss::new(ErrorKind::BadValue, Detail::Message(message.into()))
}

/// A JSON number as an integer: only what JSON held exactly as one.
fn number(number: &serde_json::Number) -> Result<Int, Miss> {
    if let Some(value) = number.as_i64() {
        return Ok(Int::from(value));
    }
    if let Some(value) = number.as_u64() {
        return Ok(Int::from(value));
    }
    Err(bad_value(
        "a JSON number with a fraction or an exponent, or beyond 64 bits, is not read as an \
         integer: write the integer as a decimal string",
    ))
}

/// A decimal string as an integer: exactly the way an integer prints
/// (an optional `-`, digits, no leading zero, no `-0`).
fn decimal(text: &str) -> Result<Int, Miss> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && text != "-0";
    if !canonical {
        return Err(bad_value(
            "not a decimal integer (an optional -, digits, no leading zeros)",
        ));
    }
    text.parse::<Int>()
        .map_err(|_| bad_value("not a decimal integer"))
}

fn hex_digits(digits: &str) -> Option<Vec<u8>> {
    if digits.len() % 2 != 0 {
        return None;
    }
    let value = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    };
    digits
        .as_bytes()
        .chunks(2)
        .map(|pair| Some(value(pair[0])? << 4 | value(pair[1])?))
        .collect()
}

/// `0x` and 40 hex digits; mixed-case digits must carry a correct EIP-55
/// checksum.
pub(crate) fn address(text: &str) -> Result<Address, Miss> {
    let digits = text
        .strip_prefix("0x")
        .filter(|digits| digits.len() == 40)
        .ok_or_else(|| bad_value("an address is 0x and 40 hex digits"))?;
    let bytes =
        hex_digits(digits).ok_or_else(|| bad_value("an address is 0x and 40 hex digits"))?;
    let has_upper = digits.bytes().any(|b| b.is_ascii_uppercase());
    let has_lower = digits.bytes().any(|b| b.is_ascii_lowercase());
    if has_upper && has_lower && checksummed(digits) != digits {
        return Err(bad_value(
            "mixed-case address with a wrong EIP-55 checksum (a mistyped digit?)",
        ));
    }
    Address::from_slice(&bytes).ok_or_else(|| bad_value("an address is 20 bytes"))
}

/// The EIP-55 spelling of 40 hex digits.
fn checksummed(digits: &str) -> String {
    let lower = digits.to_ascii_lowercase();
    let hash = Keccak256::digest(lower.as_bytes());
    lower
        .char_indices()
        .map(|(i, c)| {
            let nibble = (hash[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0xf;
            if c.is_ascii_alphabetic() && nibble >= 8 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

/// `0x` and hex digits, standard padded base64, or an array of integers
/// 0..=255; hex digits without `0x` (also base64) are ambiguous.
fn bytes(json: &Json, id: TypeId) -> Result<Value, Miss> {
    match json {
        Json::String(text) => {
            if let Some(digits) = text.strip_prefix("0x") {
                return hex_digits(digits)
                    .map(|b| Value::from(&b[..]))
                    .ok_or_else(|| bad_value("0x and an even number of hex digits"));
            }
            if !text.is_empty() && text.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(Miss::new(
                    ErrorKind::Ambiguous,
                    Detail::Message(
                        "hex digits without 0x read as base64 too: write hex as 0x...".into(),
                    ),
                ));
            }
            STANDARD
                .decode(text)
                .map(|b| Value::from(&b[..]))
                .map_err(|_| bad_value("neither 0x and hex digits nor padded standard base64"))
        }
        Json::Array(items) => items
            .iter()
            .map(|item| {
                item.as_u64()
                    .and_then(|b| u8::try_from(b).ok())
                    .ok_or_else(|| bad_value("bytes as an array hold integers 0..255"))
            })
            .collect::<Result<Vec<u8>, Miss>>()
            .map(|b| Value::from(&b[..])),
        other => Err(Miss::expected(id, Found::Input(json_kind(other)))),
    }
}

impl Types {
    /// JSON as calldata with no type to go by (`any`): null, booleans,
    /// integers, strings, arrays and objects as they are; never a float,
    /// never bytes or an address.
    fn as_is(&self, json: &Json, steps: u32) -> Result<Value, Miss> {
        if steps >= MAX_CHECK_STEPS {
            return Err(Miss::depth());
        }
        Ok(match json {
            Json::Null => Value::Null,
            Json::Bool(value) => Value::Bool(*value),
            Json::Number(value) => Value::Int(number(value)?),
            Json::String(text) => Value::from(text.as_str()),
            Json::Array(items) => return self.array_as_is(items, steps),
            Json::Object(entries) => return self.object_as_is(entries, steps),
        })
    }

    #[inline(never)]
    fn array_as_is(&self, items: &[Json], steps: u32) -> Result<Value, Miss> {
        let mut values = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match self.as_is(item, steps + 1) {
                Ok(value) => values.push(value),
                Err(miss) => return Err(miss.within_index(index)),
            }
        }
        Ok(Value::Array(values))
    }

    #[inline(never)]
    fn object_as_is(
        &self,
        entries: &serde_json::Map<String, Json>,
        steps: u32,
    ) -> Result<Value, Miss> {
        let mut map = Vec::with_capacity(entries.len());
        for (key, item) in entries {
            match self.as_is(item, steps + 1) {
                Ok(value) => map.push((key.as_str(), value)),
                Err(miss) => return Err(miss.within_key(key)),
            }
        }
        Ok(Value::Map(
            Map::from_entries(map).map_err(|_| bad_value("a repeated key"))?,
        ))
    }

    /// Loose JSON as a calldata value of type `id`.
    ///
    /// As in checking, each compound form has a function of its own, so a
    /// deep walk's frames stay small.
    pub(crate) fn read_json(
        &self,
        id: TypeId,
        json: &Json,
        steps: u32,
        strict: bool,
    ) -> Result<Value, Miss> {
        if steps >= MAX_CHECK_STEPS {
            return Err(Miss::depth());
        }
        match self.node(id) {
            Node::Any | Node::Or { any: true, .. } => self.as_is(json, steps),
            Node::Null => match json {
                Json::Null => Ok(Value::Null),
                _ => Err(input_mismatch(id, json)),
            },
            Node::Bool => match json {
                Json::Bool(value) => Ok(Value::Bool(*value)),
                _ => Err(input_mismatch(id, json)),
            },
            Node::Int => match json {
                Json::Number(value) => number(value).map(Value::Int),
                Json::String(text) => decimal(text).map(Value::Int),
                _ => Err(input_mismatch(id, json)),
            },
            Node::String => match json {
                Json::String(text) => Ok(Value::from(text.as_str())),
                _ => Err(input_mismatch(id, json)),
            },
            Node::Bytes => bytes(json, id),
            Node::Address => match json {
                Json::String(text) => address(text).map(Value::Address),
                _ => Err(input_mismatch(id, json)),
            },
            Node::Array => match json {
                Json::Array(_) => self.as_is(json, steps),
                _ => Err(input_mismatch(id, json)),
            },
            Node::Dict => match json {
                Json::Object(_) => self.as_is(json, steps),
                _ => Err(input_mismatch(id, json)),
            },
            Node::Tuple { items, rest } => self.read_tuple(id, items, *rest, json, steps, strict),
            Node::DictOf(ty) => self.read_dict(id, *ty, json, steps, strict),
            Node::Record { fields, .. } => self.read_record(id, fields, json, steps, strict),
            Node::Or { alternatives, .. } => self.read_union(id, alternatives, json, steps, strict),
            Node::Ref { target, .. } => self.read_json(*target, json, steps + 1, strict),
        }
    }

    #[inline(never)]
    fn read_tuple(
        &self,
        id: TypeId,
        items: &[TypeId],
        rest: Option<TypeId>,
        json: &Json,
        steps: u32,
        strict: bool,
    ) -> Result<Value, Miss> {
        let Json::Array(elements) = json else {
            return Err(input_mismatch(id, json));
        };
        let wrong = match rest {
            None => elements.len() != items.len(),
            Some(_) => elements.len() < items.len(),
        };
        if wrong {
            return Err(Miss::new(
                ErrorKind::WrongLength,
                Detail::Length {
                    items: items.len(),
                    open: rest.is_some(),
                    found: elements.len(),
                },
            ));
        }
        let mut values = Vec::with_capacity(elements.len());
        for (index, element) in elements.iter().enumerate() {
            let ty = match items.get(index) {
                Some(ty) => *ty,
                None => match rest {
                    Some(ty) => ty,
                    None => break,
                },
            };
            match self.read_json(ty, element, steps + 1, strict) {
                Ok(value) => values.push(value),
                Err(miss) => return Err(miss.within_index(index)),
            }
        }
        Ok(Value::Array(values))
    }

    #[inline(never)]
    fn read_dict(
        &self,
        id: TypeId,
        ty: TypeId,
        json: &Json,
        steps: u32,
        strict: bool,
    ) -> Result<Value, Miss> {
        let Json::Object(entries) = json else {
            return Err(input_mismatch(id, json));
        };
        let mut map = Vec::with_capacity(entries.len());
        for (key, element) in entries {
            match self.read_json(ty, element, steps + 1, strict) {
                Ok(value) => map.push((key.as_str(), value)),
                Err(miss) => return Err(miss.within_key(key)),
            }
        }
        Ok(Value::Map(
            Map::from_entries(map).map_err(|_| bad_value("a repeated key"))?,
        ))
    }

    /// A record's fields in the schema's order, then any key that is none.
    #[inline(never)]
    fn read_record(
        &self,
        id: TypeId,
        fields: &[(Box<str>, TypeId)],
        json: &Json,
        steps: u32,
        strict: bool,
    ) -> Result<Value, Miss> {
        let Json::Object(entries) = json else {
            return Err(input_mismatch(id, json));
        };
        let mut map = Vec::with_capacity(entries.len());
        for (name, ty) in fields {
            match entries.get(&**name) {
                Some(element) => match self.read_json(*ty, element, steps + 1, strict) {
                    Ok(value) => map.push((&**name, value)),
                    Err(miss) => return Err(miss.within_key(name)),
                },
                None if strict => {
                    return Err(
                        Miss::new(ErrorKind::MissingField, Detail::MissingField).within_key(name)
                    )
                }
                None => {}
            }
        }
        if map.len() != entries.len() {
            let mut keys: Vec<&String> = entries.keys().collect();
            keys.sort();
            if let Some(key) = keys
                .into_iter()
                .find(|key| !fields.iter().any(|(name, _)| **name == ***key))
            {
                return Err(Miss::new(
                    ErrorKind::UnknownField,
                    Detail::UnknownField { record: id },
                )
                .within_key(key));
            }
        }
        Ok(Value::Map(
            Map::from_entries(map).map_err(|_| bad_value("a repeated key"))?,
        ))
    }

    /// The one value the alternatives that read `json` agree on.
    #[inline(never)]
    fn read_union(
        &self,
        id: TypeId,
        alternatives: &[TypeId],
        json: &Json,
        steps: u32,
        strict: bool,
    ) -> Result<Value, Miss> {
        let mut found: Option<(TypeId, Value)> = None;
        let mut best = None;
        for alternative in alternatives {
            match self.read_json(*alternative, json, steps + 1, strict) {
                Ok(value) => match &found {
                    None => found = Some((*alternative, value)),
                    Some((_, kept)) if *kept == value => {}
                    Some((first, _)) => return Err(self.ambiguous(*first, *alternative, json)),
                },
                Err(miss) if miss.kind == ErrorKind::Ambiguous => return Err(miss),
                Err(miss) => pick(&mut best, miss),
            }
        }
        match (found, best) {
            (Some((_, value)), _) => Ok(value),
            (None, Some((miss, false))) => Err(miss),
            (None, _) => Err(input_mismatch(id, json)),
        }
    }

    #[cold]
    fn ambiguous(&self, first: TypeId, second: TypeId, json: &Json) -> Miss {
        let brief = |ty| {
            TypeRef {
                types: self,
                id: ty,
            }
            .brief(2)
        };
        Miss::new(
            ErrorKind::Ambiguous,
            Detail::Message(format!(
                "both {} and {} read this {}, as different values",
                brief(first),
                brief(second),
                json_kind(json)
            )),
        )
    }

    /// An argument as a value of type `id`.
    fn argument(&self, id: TypeId, arg: Arg<'_>, strict: bool) -> Result<Value, Miss> {
        match arg {
            Arg::Json(json) => self.read_json(id, json, 1, strict),
            Arg::Calldata(value) => {
                self.fits(id, value, 1, strict)?;
                Ok(value.clone())
            }
        }
    }
}

impl<'a> TypeRef<'a> {
    /// Loose JSON as a calldata value of this type (`spec/schema.md`,
    /// "Building calls"); the error's path starts at the value.
    pub fn value_from_json(
        &self,
        json: &Json,
        options: &CheckOptions,
    ) -> Result<Value, SchemaError> {
        self.types
            .read_json(self.id, json, 0, options.is_strict())
            .map_err(|miss| miss.into_error(self.types, Path::root()))
    }
}

impl Schema {
    fn build_for(
        &self,
        method: &MethodData,
        args: &[Arg<'_>],
        kwargs: &[(&str, Arg<'_>)],
        strict: bool,
    ) -> Result<(Vec<Value>, Map), SchemaError> {
        let params = &method.params;
        if args.len() > params.len() {
            return Err(SchemaError::at(
                ErrorKind::TooManyArgs,
                &Path::root().key("args").index(params.len()),
                format!(
                    "{} positional argument{}, {} at most",
                    args.len(),
                    if args.len() == 1 { "" } else { "s" },
                    params.len()
                ),
            ));
        }
        let mut values = Vec::with_capacity(args.len());
        for (index, (arg, param)) in args.iter().zip(params).enumerate() {
            values.push(
                self.types
                    .argument(param.ty, *arg, strict)
                    .map_err(|miss| {
                        miss.into_error(&self.types, Path::root().key("args").index(index))
                    })?,
            );
        }
        let mut named = Map::new();
        for (name, arg) in kwargs {
            let path = || Path::root().key("kwargs").key(name);
            if named.contains_key(name) {
                return Err(SchemaError::at(
                    ErrorKind::DuplicateArg,
                    &path(),
                    "given twice",
                ));
            }
            let ty = if let Some(param) = method.kwparam(name) {
                param.ty
            } else if let Some(position) = method.position(name) {
                if position < args.len() {
                    return Err(SchemaError::at(
                        ErrorKind::DuplicateArg,
                        &path(),
                        format!("also given positionally, as args[{position}]"),
                    ));
                }
                params[position].ty
            } else {
                return Err(SchemaError::at(
                    ErrorKind::UnknownKwarg,
                    &path(),
                    "no parameter of this name",
                ));
            };
            let value = self
                .types
                .argument(ty, *arg, strict)
                .map_err(|miss| miss.into_error(&self.types, path()))?;
            named.insert(*name, value);
        }
        if strict {
            for (index, param) in params.iter().enumerate().skip(args.len()) {
                if !named.contains_key(&param.name) {
                    return Err(SchemaError::at(
                        ErrorKind::MissingArg,
                        &Path::root().key("args").index(index),
                        format!("missing argument {:?} (strict)", &*param.name),
                    ));
                }
            }
            if let Some(param) = method
                .kwparams
                .iter()
                .find(|param| !named.contains_key(&param.name))
            {
                return Err(SchemaError::at(
                    ErrorKind::MissingArg,
                    &Path::root().key("kwargs").key(&param.name),
                    "missing keyword argument (strict)",
                ));
            }
        }
        Ok((values, named))
    }

    /// A call of `method` from loose or calldata-typed arguments, checked as
    /// [`check_method_call`](Schema::check_method_call) checks (the same
    /// error kinds and paths), each argument read by its parameter's type.
    pub fn build_method_call(
        &self,
        method: &str,
        args: &[Arg<'_>],
        kwargs: &[(&str, Arg<'_>)],
        options: &CheckOptions,
    ) -> Result<MethodCall, SchemaError> {
        let data = self.method_data(method).ok_or_else(|| {
            SchemaError::new(
                ErrorKind::UnknownMethod,
                String::new(),
                format!("no method {method:?} in the schema"),
            )
        })?;
        let (args, kwargs) = self.build_for(data, args, kwargs, options.is_strict())?;
        Ok(MethodCall {
            method: Some(method.into()),
            args,
            kwargs,
        })
    }

    /// A deployment (a call of the constructor) from loose or calldata-typed
    /// arguments.
    pub fn build_deployment_call(
        &self,
        args: &[Arg<'_>],
        kwargs: &[(&str, Arg<'_>)],
        options: &CheckOptions,
    ) -> Result<MethodCall, SchemaError> {
        let (args, kwargs) = self.build_for(&self.ctor, args, kwargs, options.is_strict())?;
        Ok(MethodCall {
            method: None,
            args,
            kwargs,
        })
    }

    /// The calldata of a call of `method` in `generation`, from JSON
    /// arguments read by the parameters' types.
    ///
    /// ```
    /// use genvm_calldata::{abi::AbiGeneration, decode};
    /// use genvm_calldata_schema::Schema;
    /// use serde_json::json;
    /// let schema = Schema::from_json(r#"{"ctor": {"params": [], "kwparams": {}},
    ///   "methods": {"transfer": {"params": [["to", "address"], ["amount", "int"]],
    ///     "kwparams": {}, "readonly": false, "payable": false, "ret": "null"}}}"#).unwrap();
    /// let to = json!("0x000102030405060708090a0b0c0d0e0f10111213");
    /// let bytes = schema.build_call("transfer", &[to, json!("1000000000000000000000")],
    ///     &Default::default(), AbiGeneration::V02).unwrap();
    /// assert_eq!(decode(&bytes).unwrap().to_string(),
    ///     r#"{"args":[addr#000102030405060708090a0b0c0d0e0f10111213,1000000000000000000000],"method":"transfer"}"#);
    ///
    /// let error = schema.build_call("transfer", &[json!("alice")], &Default::default(),
    ///     AbiGeneration::V02).unwrap_err();
    /// assert_eq!(error.to_string(), "args[0]: an address is 0x and 40 hex digits");
    /// assert_eq!(error.kind().name(), "bad_value");
    /// ```
    pub fn build_call(
        &self,
        method: &str,
        args: &[Json],
        kwargs: &serde_json::Map<String, Json>,
        generation: AbiGeneration,
    ) -> Result<Vec<u8>, SchemaError> {
        self.build_call_with(method, args, kwargs, generation, &CheckOptions::new())
    }

    /// [`build_call`](Schema::build_call) with options.
    pub fn build_call_with(
        &self,
        method: &str,
        args: &[Json],
        kwargs: &serde_json::Map<String, Json>,
        generation: AbiGeneration,
        options: &CheckOptions,
    ) -> Result<Vec<u8>, SchemaError> {
        let args: Vec<Arg<'_>> = args.iter().map(Arg::Json).collect();
        let kwargs: Vec<(&str, Arg<'_>)> = kwargs
            .iter()
            .map(|(name, value)| (name.as_str(), Arg::Json(value)))
            .collect();
        let call = self.build_method_call(method, &args, &kwargs, options)?;
        encode_checked(&call, generation)
    }

    /// The calldata of a deployment in `generation`, from JSON arguments read
    /// by the constructor's parameter types.
    pub fn build_deployment(
        &self,
        args: &[Json],
        kwargs: &serde_json::Map<String, Json>,
        generation: AbiGeneration,
        options: &CheckOptions,
    ) -> Result<Vec<u8>, SchemaError> {
        let args: Vec<Arg<'_>> = args.iter().map(Arg::Json).collect();
        let kwargs: Vec<(&str, Arg<'_>)> = kwargs
            .iter()
            .map(|(name, value)| (name.as_str(), Arg::Json(value)))
            .collect();
        let call = self.build_deployment_call(&args, &kwargs, options)?;
        encode_checked(&call, generation)
    }
}

/// A call's bytes, validated: a value nested deeper than calldata allows
/// is refused here rather than by the node.
pub fn encode_checked(
    call: &MethodCall,
    generation: AbiGeneration,
) -> Result<Vec<u8>, SchemaError> {
    let bytes = call.encode_in(generation);
    match validate(&bytes) {
        Ok(()) => Ok(bytes),
        Err(error) => Err(SchemaError::new(
            ErrorKind::TooDeep,
            String::new(),
            format!("the call is not valid calldata: {error}"),
        )),
    }
}
