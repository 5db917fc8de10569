//! Reading a schema's JSON into a [`Schema`]: every check of
//! `spec/schema.md`, "What is refused", with the path of the part at fault.

use std::collections::{HashMap, HashSet};

use crate::error::{ErrorKind, Path, SchemaError, Segment};
use crate::json::{is_canonical_pointer, push_pointer_token, repeated_key, Json};
use crate::schema::{MethodData, ParamData, Schema};
use crate::types::{direct_bits, Node, TypeId, Types};
use crate::{MAX_TYPES, MAX_TYPE_DEPTH};

/// A parse failure: its kind, message, and the path from the failure up,
/// innermost segment first (so the success path builds no paths at all).
#[derive(Debug)]
pub(crate) struct Fail {
    kind: ErrorKind,
    message: String,
    reversed: Vec<Segment>,
}

impl Fail {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Fail {
        Fail {
            kind,
            message: message.into(),
            reversed: Vec::new(),
        }
    }

    fn within_key(mut self, key: &str) -> Fail {
        self.reversed.push(Segment::Key(key.to_owned()));
        self
    }

    fn within_index(mut self, index: usize) -> Fail {
        self.reversed.push(Segment::Index(index));
        self
    }

    fn into_error(self) -> SchemaError {
        let mut path = Path::root();
        for segment in self.reversed.into_iter().rev() {
            path.push(segment);
        }
        SchemaError::at(self.kind, &path, self.message)
    }
}

/// Where the parser stands, kept only on the pass that records where each
/// type is (a schema with `$ref`s is read twice; see [`parse`]).
struct Recorder {
    pointer: String,
    path: Path,
    /// The canonical JSON Pointer of every type position.
    types_at: HashMap<String, TypeId>,
    /// Every `$ref`: its node and where it is, rendered.
    refs: Vec<(TypeId, String)>,
}

/// Where a token is pushed: a key or an index.
#[derive(Clone, Copy)]
enum Token<'a> {
    Key(&'a str),
    Index(usize),
}

struct Parser {
    types: Types,
    saw_ref: bool,
    recorder: Option<Recorder>,
}

fn bad_schema(message: impl Into<String>) -> Fail {
    Fail::new(ErrorKind::BadSchema, message)
}

fn object<'j>(json: &'j Json, what: &str) -> Result<&'j [(String, Json)], Fail> {
    match json {
        Json::Object(entries) => match repeated_key(entries) {
            Some(key) => Err(
                Fail::new(ErrorKind::DuplicateKey, format!("key {key:?} repeated")).within_key(key),
            ),
            None => Ok(entries),
        },
        other => Err(bad_schema(format!(
            "expected {what}, found {}",
            other.describe()
        ))),
    }
}

fn boolean(json: &Json, key: &str) -> Result<bool, Fail> {
    match json {
        Json::Bool(value) => Ok(*value),
        other => Err(bad_schema(format!(
            "expected true or false, found {}",
            other.describe()
        ))
        .within_key(key)),
    }
}

fn gas(json: &Json, key: &str) -> Result<u64, Fail> {
    match json {
        Json::Number(number) if number.is_u64() => Ok(number.as_u64().unwrap_or_default()),
        other => Err(bad_schema(format!(
            "expected a non-negative integer below 2^64, found {}",
            match other {
                Json::Number(_) => "a negative number or one with a fraction",
                other => other.describe(),
            }
        ))
        .within_key(key)),
    }
}

/// The primitive type a name stands for.
fn primitive(name: &str) -> Option<Node> {
    Some(match name {
        "null" => Node::Null,
        "bool" => Node::Bool,
        "int" => Node::Int,
        "string" => Node::String,
        "bytes" => Node::Bytes,
        "address" => Node::Address,
        "any" => Node::Any,
        "array" => Node::Array,
        "dict" => Node::Dict,
        _ => return None,
    })
}

/// A keyword parameter's or a record field's name from its JSON key: `$$x`
/// is `$x`; a key beginning with one `$` is not a name.
fn unescape(key: &str) -> Option<&str> {
    match key.strip_prefix('$') {
        Some(rest) if rest.starts_with('$') => Some(rest),
        Some(_) => None,
        None => Some(key),
    }
}

/// A `$` form's key: one `$`, not the `$$` of an escaped name.
fn is_form_key(key: &str) -> bool {
    key.starts_with('$') && !key.starts_with("$$")
}

impl Parser {
    fn new(record: bool) -> Parser {
        Parser {
            types: Types::default(),
            saw_ref: false,
            recorder: record.then(|| Recorder {
                pointer: String::new(),
                path: Path::root(),
                types_at: HashMap::new(),
                refs: Vec::new(),
            }),
        }
    }

    fn enter(&mut self, token: Token<'_>) {
        if let Some(recorder) = &mut self.recorder {
            match token {
                Token::Key(key) => {
                    push_pointer_token(&mut recorder.pointer, key);
                    recorder.path.push(Segment::Key(key.to_owned()));
                }
                Token::Index(index) => {
                    push_pointer_token(&mut recorder.pointer, &index.to_string());
                    recorder.path.push(Segment::Index(index));
                }
            }
        }
    }

    fn leave(&mut self) {
        if let Some(recorder) = &mut self.recorder {
            let cut = recorder.pointer.rfind('/').unwrap_or(0);
            recorder.pointer.truncate(cut);
            recorder.path.pop();
        }
    }

    /// Runs `inside` with `token` pushed, and puts it on the failure's path.
    fn within<T>(
        &mut self,
        token: Token<'_>,
        inside: impl FnOnce(&mut Parser) -> Result<T, Fail>,
    ) -> Result<T, Fail> {
        self.enter(token);
        let result = inside(self);
        self.leave();
        result.map_err(|fail| match token {
            Token::Key(key) => fail.within_key(key),
            Token::Index(index) => fail.within_index(index),
        })
    }

    fn schema(&mut self, json: &Json) -> Result<(MethodData, Vec<MethodData>), Fail> {
        let entries = object(json, "a schema: an object with \"ctor\" and \"methods\"")?;
        let mut ctor = None;
        let mut methods = None;
        for (key, value) in entries {
            match key.as_str() {
                "ctor" => ctor = Some(self.within(Token::Key(key), |p| p.method(value, None))?),
                "methods" => methods = Some(self.within(Token::Key(key), |p| p.methods(value))?),
                other => {
                    return Err(Fail::new(
                        ErrorKind::UnknownKey,
                        "a schema has only \"ctor\" and \"methods\"",
                    )
                    .within_key(other))
                }
            }
        }
        match (ctor, methods) {
            (Some(ctor), Some(methods)) => Ok((ctor, methods)),
            (None, _) => Err(bad_schema("a schema needs \"ctor\"")),
            (_, None) => Err(bad_schema("a schema needs \"methods\"")),
        }
    }

    fn methods(&mut self, json: &Json) -> Result<Vec<MethodData>, Fail> {
        let entries = object(json, "an object of methods")?;
        let mut methods = Vec::with_capacity(entries.len());
        for (name, value) in entries {
            let refused = if name.is_empty() {
                Some("a method name is not empty")
            } else if name.starts_with('#') {
                Some("a name beginning with # is a special method's")
            } else if name.starts_with("__") {
                Some("a method name beginning with __ cannot be called")
            } else {
                None
            };
            if let Some(why) = refused {
                return Err(Fail::new(ErrorKind::BadName, why).within_key(name));
            }
            methods.push(self.within(Token::Key(name), |p| p.method(value, Some(name)))?);
        }
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(methods)
    }

    /// A method, or with `name` `None` the constructor.
    fn method(&mut self, json: &Json, name: Option<&str>) -> Result<MethodData, Fail> {
        let entries = object(
            json,
            if name.is_some() {
                "a method: an object with \"params\", \"kwparams\", \"readonly\" and \"ret\""
            } else {
                "a constructor: an object with \"params\" and \"kwparams\""
            },
        )?;
        let mut params = None;
        let mut kwparams = None;
        let mut readonly = None;
        let mut payable = None;
        let mut ret = None;
        let mut min_gas_leader = None;
        let mut min_gas_validator = None;
        for (key, value) in entries {
            match (key.as_str(), name) {
                ("params", _) => params = Some(self.within(Token::Key(key), |p| p.params(value))?),
                ("kwparams", _) => {
                    kwparams = Some(self.within(Token::Key(key), |p| p.kwparams(value))?)
                }
                ("readonly", Some(_)) => readonly = Some(boolean(value, key)?),
                ("payable", Some(_)) => payable = Some(boolean(value, key)?),
                ("ret", Some(_)) => ret = Some(self.within(Token::Key(key), |p| p.ty(value, 0))?),
                ("min_gas_leader", Some(_)) => min_gas_leader = Some(gas(value, key)?),
                ("min_gas_validator", Some(_)) => min_gas_validator = Some(gas(value, key)?),
                (other, None) => {
                    return Err(Fail::new(
                        ErrorKind::UnknownKey,
                        "a constructor has only \"params\" and \"kwparams\"",
                    )
                    .within_key(other))
                }
                (other, Some(_)) => {
                    return Err(Fail::new(
                        ErrorKind::UnknownKey,
                        "not a key of a method (params, kwparams, readonly, ret, payable, \
                         min_gas_leader, min_gas_validator)",
                    )
                    .within_key(other))
                }
            }
        }
        let params = params.ok_or_else(|| bad_schema("\"params\" is missing"))?;
        let mut kwparams = kwparams.ok_or_else(|| bad_schema("\"kwparams\" is missing"))?;
        let mut seen = HashSet::with_capacity(params.len() + kwparams.len());
        for (index, param) in params.iter().enumerate() {
            if !seen.insert(&*param.name) {
                return Err(Fail::new(
                    ErrorKind::DuplicateParam,
                    format!("a second parameter named {:?}", &*param.name),
                )
                .within_index(index)
                .within_key("params"));
            }
        }
        for (key, param) in &kwparams {
            if !seen.insert(&*param.name) {
                return Err(Fail::new(
                    ErrorKind::DuplicateParam,
                    format!("a second parameter named {:?}", &*param.name),
                )
                .within_key(key)
                .within_key("kwparams"));
            }
        }
        drop(seen);
        kwparams.sort_by(|a, b| a.1.name.cmp(&b.1.name));
        let kwparams = kwparams.into_iter().map(|(_, param)| param).collect();
        let (readonly, payable, ret) = match name {
            None => (false, false, None),
            Some(_) => {
                let readonly = readonly.ok_or_else(|| bad_schema("\"readonly\" is missing"))?;
                let ret = ret.ok_or_else(|| bad_schema("\"ret\" is missing"))?;
                let payable = match (readonly, payable) {
                    (true, Some(true)) => {
                        return Err(
                            bad_schema("a readonly method cannot be payable").within_key("payable")
                        )
                    }
                    (true, _) => false,
                    (false, Some(payable)) => payable,
                    (false, None) => {
                        return Err(bad_schema(
                            "\"payable\" is missing (a method that is not readonly has it)",
                        ))
                    }
                };
                (readonly, payable, Some(ret))
            }
        };
        Ok(MethodData {
            name: name.unwrap_or_default().into(),
            params,
            kwparams,
            readonly,
            payable,
            ret,
            min_gas_leader,
            min_gas_validator,
        })
    }

    fn params(&mut self, json: &Json) -> Result<Vec<ParamData>, Fail> {
        let Json::Array(items) = json else {
            return Err(bad_schema(format!(
                "expected an array of [name, type] pairs, found {}",
                json.describe()
            )));
        };
        let mut params = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let param = self.within(Token::Index(index), |p| match item {
                Json::Array(pair) if pair.len() == 2 => {
                    let Json::String(name) = &pair[0] else {
                        return Err(bad_schema(format!(
                            "expected the parameter's name, a string, found {}",
                            pair[0].describe()
                        ))
                        .within_index(0));
                    };
                    if name.is_empty() {
                        return Err(
                            Fail::new(ErrorKind::BadName, "a parameter name is not empty")
                                .within_index(0),
                        );
                    }
                    let ty = p.within(Token::Index(1), |p| p.ty(&pair[1], 0))?;
                    Ok(ParamData {
                        name: name.as_str().into(),
                        ty,
                    })
                }
                other => Err(bad_schema(format!(
                    "expected a [name, type] pair, found {}",
                    match other {
                        Json::Array(_) => "an array of another length",
                        other => other.describe(),
                    }
                ))),
            })?;
            params.push(param);
        }
        Ok(params)
    }

    /// The keyword parameters with the JSON key each came from.
    fn kwparams<'j>(&mut self, json: &'j Json) -> Result<Vec<(&'j str, ParamData)>, Fail> {
        let entries = object(json, "an object of keyword parameters")?;
        let mut params = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            let name = match unescape(key) {
                Some("") => {
                    return Err(
                        Fail::new(ErrorKind::BadName, "a parameter name is not empty")
                            .within_key(key),
                    )
                }
                Some(name) => name,
                None => {
                    return Err(Fail::new(
                        ErrorKind::BadName,
                        "a keyword name beginning with $ is written with $$",
                    )
                    .within_key(key))
                }
            };
            let ty = self.within(Token::Key(key), |p| p.ty(value, 0))?;
            params.push((
                key.as_str(),
                ParamData {
                    name: name.into(),
                    ty,
                },
            ));
        }
        Ok(params)
    }

    fn push(&mut self, node: Node) -> Result<TypeId, Fail> {
        if self.types.nodes.len() >= MAX_TYPES {
            return Err(Fail::new(
                ErrorKind::TooLarge,
                format!("more than {MAX_TYPES} types"),
            ));
        }
        let id = self.types.push(node);
        if let Some(recorder) = &mut self.recorder {
            recorder.types_at.insert(recorder.pointer.clone(), id);
        }
        Ok(id)
    }

    fn ty(&mut self, json: &Json, depth: usize) -> Result<TypeId, Fail> {
        if depth >= MAX_TYPE_DEPTH {
            return Err(Fail::new(
                ErrorKind::TooDeep,
                format!("types nest deeper than {MAX_TYPE_DEPTH}"),
            ));
        }
        let node = match json {
            Json::String(name) => primitive(name).ok_or_else(|| {
                Fail::new(
                    ErrorKind::UnknownType,
                    format!(
                        "unknown type {name:?} (null, bool, int, string, bytes, address, any, \
                         array, dict)"
                    ),
                )
            })?,
            Json::Array(items) => {
                let mut fixed = Vec::with_capacity(items.len());
                let mut rest = None;
                for (index, item) in items.iter().enumerate() {
                    self.within(Token::Index(index), |p| {
                        match repetition(item)? {
                            Some(_) if index + 1 != items.len() => {
                                return Err(Fail::new(
                                    ErrorKind::BadType,
                                    "{\"$rep\": T} only as the last element of an array type",
                                ))
                            }
                            Some(element) => {
                                rest = Some(
                                    p.within(Token::Key("$rep"), |p| p.ty(element, depth + 1))?,
                                )
                            }
                            None => fixed.push(p.ty(item, depth + 1)?),
                        }
                        Ok(())
                    })?;
                }
                Node::Tuple {
                    items: fixed.into(),
                    rest,
                }
            }
            Json::Object(entries) => {
                if let Some((key, value)) = entries.iter().find(|(key, _)| is_form_key(key)) {
                    if entries.len() != 1 {
                        return Err(Fail::new(
                            ErrorKind::BadType,
                            format!("a {key} form has no other keys"),
                        ));
                    }
                    self.form(key, value, depth)?
                } else {
                    self.record(entries, depth)?
                }
            }
            other => {
                return Err(Fail::new(
                    ErrorKind::BadType,
                    format!(
                        "expected a type (a name, an array or an object), found {}",
                        other.describe()
                    ),
                ))
            }
        };
        let is_ref = matches!(node, Node::Ref { .. });
        let id = self.push(node)?;
        if is_ref {
            self.note_ref(id);
        }
        Ok(id)
    }

    fn form(&mut self, key: &str, value: &Json, depth: usize) -> Result<Node, Fail> {
        match key {
            "$dict" => Ok(Node::DictOf(
                self.within(Token::Key(key), |p| p.ty(value, depth + 1))?,
            )),
            "$or" => {
                let Json::Array(alternatives) = value else {
                    return Err(Fail::new(
                        ErrorKind::BadType,
                        format!(
                            "expected an array of alternatives, found {}",
                            value.describe()
                        ),
                    )
                    .within_key(key));
                };
                if alternatives.is_empty() {
                    return Err(
                        Fail::new(ErrorKind::BadType, "an empty union fits no value")
                            .within_key(key),
                    );
                }
                let mut ids = Vec::with_capacity(alternatives.len());
                self.within(Token::Key(key), |p| {
                    for (index, alternative) in alternatives.iter().enumerate() {
                        ids.push(p.within(Token::Index(index), |p| p.ty(alternative, depth + 1))?);
                    }
                    Ok(())
                })?;
                Ok(Node::Or {
                    alternatives: ids.into(),
                    any: false,
                    direct: 0,
                })
            }
            "$ref" => {
                let Json::String(pointer) = value else {
                    return Err(Fail::new(
                        ErrorKind::BadRef,
                        format!("expected a JSON Pointer string, found {}", value.describe()),
                    )
                    .within_key(key));
                };
                self.saw_ref = true;
                Ok(Node::Ref {
                    pointer: pointer.as_str().into(),
                    target: TypeId::MAX,
                })
            }
            "$rep" => Err(Fail::new(
                ErrorKind::BadType,
                "{\"$rep\": T} only as the last element of an array type",
            )),
            other => Err(Fail::new(
                ErrorKind::BadType,
                format!(
                    "unknown form {other:?} ($dict, $or, $ref; $rep inside arrays; a field \
                     beginning with $ is written $$)"
                ),
            )),
        }
    }

    fn record(&mut self, entries: &[(String, Json)], depth: usize) -> Result<Node, Fail> {
        if let Some(key) = repeated_key(entries) {
            return Err(
                Fail::new(ErrorKind::DuplicateKey, format!("key {key:?} repeated")).within_key(key),
            );
        }
        let mut fields = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            // Form keys were taken out before; what is left unescapes.
            let name = unescape(key).unwrap_or(key);
            let ty = self.within(Token::Key(key), |p| p.ty(value, depth + 1))?;
            fields.push((Box::<str>::from(name), ty));
        }
        let mut sorted: Vec<u32> = (0..fields.len() as u32).collect();
        sorted.sort_by(|&a, &b| fields[a as usize].0.cmp(&fields[b as usize].0));
        Ok(Node::Record {
            fields: fields.into(),
            sorted: sorted.into(),
        })
    }

    /// Points every `$ref` at its target, then checks that no cycle of
    /// `$ref` and `$or` passes through no container and marks the unions
    /// that hold `any`.
    fn resolve(&mut self) -> Result<(), SchemaError> {
        let refs = match &mut self.recorder {
            Some(recorder) => std::mem::take(&mut recorder.refs),
            None => Vec::new(),
        };
        let mut sites = HashMap::with_capacity(refs.len());
        for (id, path) in refs {
            let Node::Ref { pointer, .. } = self.types.node(id) else {
                continue;
            };
            let bad =
                |message: String| Err(SchemaError::new(ErrorKind::BadRef, path.clone(), message));
            if !is_canonical_pointer(pointer) {
                return bad(format!(
                    "{pointer:?} is not a JSON Pointer (\"/\" before each token, ~0 and ~1 the \
                     only escapes)"
                ));
            }
            let found = self
                .recorder
                .as_ref()
                .and_then(|recorder| recorder.types_at.get(&**pointer).copied());
            let Some(found) = found else {
                return bad(format!("{pointer:?} points at no type of this schema"));
            };
            if let Node::Ref { target, .. } = &mut self.types.nodes[id as usize] {
                *target = found;
            }
            sites.insert(id, path);
        }
        self.check_links(&sites)
    }

    /// One pass over the graph whose edges are `$ref` to target and `$or`
    /// to alternative: a cycle in it is refused (a type that contains
    /// itself and no container), a chain longer than `MAX_TYPE_DEPTH` too,
    /// and each union learns whether it holds `any`.
    fn check_links(&mut self, sites: &HashMap<TypeId, String>) -> Result<(), SchemaError> {
        const NEW: u8 = 0;
        const OPEN: u8 = 1;
        const DONE: u8 = 2;
        let count = self.types.nodes.len();
        let mut state = vec![NEW; count];
        let mut chain = vec![0u32; count];
        let mut any = vec![false; count];
        let mut direct = vec![0u8; count];
        let successors = |types: &Types, id: TypeId| -> Vec<TypeId> {
            match types.node(id) {
                Node::Ref { target, .. } => vec![*target],
                Node::Or { alternatives, .. } => alternatives.to_vec(),
                _ => Vec::new(),
            }
        };
        let site_on = |stack: &[(TypeId, Vec<TypeId>, usize)]| -> String {
            stack
                .iter()
                .find_map(|(id, _, _)| sites.get(id).cloned())
                .unwrap_or_default()
        };
        for start in 0..count as TypeId {
            if state[start as usize] != NEW {
                continue;
            }
            let mut stack = vec![(start, successors(&self.types, start), 0usize)];
            state[start as usize] = OPEN;
            while let Some((id, next, at)) = stack.last_mut() {
                if let Some(&successor) = next.get(*at) {
                    *at += 1;
                    match state[successor as usize] {
                        NEW => {
                            state[successor as usize] = OPEN;
                            let more = successors(&self.types, successor);
                            stack.push((successor, more, 0));
                        }
                        OPEN => {
                            let from = stack
                                .iter()
                                .position(|(open, _, _)| *open == successor)
                                .unwrap_or(0);
                            return Err(SchemaError::new(
                                ErrorKind::BadRef,
                                site_on(&stack[from..]),
                                "a cycle of $ref and $or through no array or map: a type that \
                                 would contain only itself",
                            ));
                        }
                        _ => {}
                    }
                    continue;
                }
                let id = *id;
                let node = self.types.node(id);
                let (length, holds_any, bits) = match node {
                    Node::Any => (0, true, 0),
                    Node::Ref { target, .. } => (
                        chain[*target as usize] + 1,
                        any[*target as usize],
                        direct[*target as usize],
                    ),
                    Node::Or { alternatives, .. } => (
                        alternatives
                            .iter()
                            .map(|a| chain[*a as usize])
                            .max()
                            .unwrap_or(0)
                            + 1,
                        alternatives.iter().any(|a| any[*a as usize]),
                        alternatives
                            .iter()
                            .fold(0, |bits, a| bits | direct[*a as usize]),
                    ),
                    other => (0, false, direct_bits(other)),
                };
                if length as usize > MAX_TYPE_DEPTH {
                    return Err(SchemaError::new(
                        ErrorKind::TooDeep,
                        site_on(&stack),
                        format!(
                            "a chain of more than {MAX_TYPE_DEPTH} $ref and $or without an \
                             array or map between"
                        ),
                    ));
                }
                chain[id as usize] = length;
                any[id as usize] = holds_any;
                direct[id as usize] = bits;
                state[id as usize] = DONE;
                stack.pop();
            }
        }
        for (id, node) in self.types.nodes.iter_mut().enumerate() {
            if let Node::Or {
                any: holds,
                direct: bits,
                ..
            } = node
            {
                *holds = any[id];
                *bits = direct[id];
            }
        }
        Ok(())
    }
}

/// The element type of a `{"$rep": T}` array element, if `item` is one.
fn repetition(item: &Json) -> Result<Option<&Json>, Fail> {
    let Json::Object(entries) = item else {
        return Ok(None);
    };
    match entries.iter().find(|(key, _)| key == "$rep") {
        None => Ok(None),
        Some(_) if entries.len() != 1 => Err(Fail::new(
            ErrorKind::BadType,
            "a $rep form has no other keys",
        )),
        Some((_, element)) => Ok(Some(element)),
    }
}

/// Reads a schema from its JSON tree.
///
/// A schema without `$ref` is read once. One with `$ref`s is read a second
/// time, recording the JSON Pointer of every type position, and each
/// `$ref` is then pointed at the type recorded at its pointer.
pub(crate) fn parse(json: &Json) -> Result<Schema, SchemaError> {
    let mut parser = Parser::new(false);
    let (mut ctor, mut methods) = parser.schema(json).map_err(Fail::into_error)?;
    if parser.saw_ref {
        parser = Parser::new(true);
        (ctor, methods) = parser.schema(json).map_err(Fail::into_error)?;
    }
    parser.resolve()?;
    let mut types = parser.types;
    let string = types.push(Node::String);
    ctor.name = "".into();
    Ok(Schema::assemble(types, ctor, methods, string))
}

impl Parser {
    /// Called for every `$ref` node on the recording pass.
    fn note_ref(&mut self, id: TypeId) {
        if let Some(recorder) = &mut self.recorder {
            recorder.refs.push((id, recorder.path.render()));
        }
    }
}
