//! [`Schema`], its methods and their parameters.

use std::fmt;

use genvm_calldata::abi::SpecialMethod;
use genvm_calldata::{decode_ref, ValueRef};

use crate::error::{ErrorKind, SchemaError};
use crate::json::Json;
use crate::names::{order, same, NameTable};
use crate::parse::parse;
use crate::types::{write_name, TypeId, TypeRef, Types};
use crate::MAX_SCHEMA_LEN;

/// A parameter as stored: its name (unescaped) and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParamData {
    pub(crate) name: Box<str>,
    pub(crate) ty: TypeId,
}

/// A method (or the constructor) as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MethodData {
    /// Empty for the constructor.
    pub(crate) name: Box<str>,
    /// In declaration order.
    pub(crate) params: Vec<ParamData>,
    /// Sorted by name bytes, the order of calldata map keys.
    pub(crate) kwparams: Vec<ParamData>,
    pub(crate) readonly: bool,
    pub(crate) payable: bool,
    /// `None` for the constructor.
    pub(crate) ret: Option<TypeId>,
    pub(crate) min_gas_leader: Option<u64>,
    pub(crate) min_gas_validator: Option<u64>,
}

impl MethodData {
    /// The keyword parameter named `name`.
    #[inline]
    pub(crate) fn kwparam(&self, name: &str) -> Option<&ParamData> {
        if self.kwparams.len() <= 16 {
            return self.kwparams.iter().find(|param| same(&param.name, name));
        }
        self.kwparams
            .binary_search_by(|param| order(&param.name, name))
            .ok()
            .map(|at| &self.kwparams[at])
    }

    /// The index of the positional parameter named `name`.
    #[inline]
    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        self.params.iter().position(|param| same(&param.name, name))
    }
}

/// A contract's schema, as its `#get-schema` method returns it
/// (`spec/schema.md`): the constructor and the public methods, each with its
/// parameters and their types.
///
/// ```
/// use genvm_calldata_schema::Schema;
/// let schema = Schema::from_json(r#"{
///     "ctor": {"params": [["supply", "int"]], "kwparams": {}},
///     "methods": {
///         "balance_of": {"params": [["owner", "address"]], "kwparams": {},
///                        "readonly": true, "ret": "int"},
///         "transfer": {"params": [["to", "address"], ["amount", "int"]],
///                      "kwparams": {"memo": {"$or": ["string", "null"]}},
///                      "readonly": false, "payable": false, "ret": "null"}
///     }
/// }"#).unwrap();
/// let signatures: Vec<String> = schema.methods().map(|m| m.to_string()).collect();
/// assert_eq!(signatures, [
///     "view balance_of(owner: address) -> int",
///     "write transfer(to: address, amount: int, *, memo: string | null) -> null",
/// ]);
/// assert_eq!(schema.constructor().to_string(), "constructor(supply: int)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    pub(crate) types: Types,
    pub(crate) ctor: MethodData,
    /// Sorted by name.
    pub(crate) methods: Vec<MethodData>,
    /// `#get-schema`, which every contract answers: no parameters, a string.
    pub(crate) get_schema: MethodData,
    /// The methods by name.
    pub(crate) index: NameTable,
}

impl Schema {
    pub(crate) fn assemble(
        types: Types,
        ctor: MethodData,
        methods: Vec<MethodData>,
        string: TypeId,
    ) -> Schema {
        let get_schema = MethodData {
            name: SpecialMethod::GetSchema.value().into(),
            params: Vec::new(),
            kwparams: Vec::new(),
            readonly: true,
            payable: false,
            ret: Some(string),
            min_gas_leader: None,
            min_gas_validator: None,
        };
        let index = NameTable::new(methods.iter().map(|method| &*method.name));
        Schema {
            types,
            ctor,
            methods,
            get_schema,
            index,
        }
    }

    /// Reads a schema from its JSON text.
    ///
    /// Refuses (with the path of the part at fault) anything but the format
    /// of `spec/schema.md`: text over [`MAX_SCHEMA_LEN`] bytes, a key
    /// repeated in an object, unknown keys, unknown type names, malformed
    /// forms, types nested deeper than [`MAX_TYPE_DEPTH`](crate::MAX_TYPE_DEPTH),
    /// `$ref`s that point at no type. Never panics.
    pub fn from_json(text: &str) -> Result<Schema, SchemaError> {
        if text.len() > MAX_SCHEMA_LEN {
            return Err(SchemaError::new(
                ErrorKind::TooLarge,
                String::new(),
                format!(
                    "a schema of {} bytes (at most {MAX_SCHEMA_LEN})",
                    text.len()
                ),
            ));
        }
        let json: Json = serde_json::from_str(text).map_err(|error| {
            let kind = if error.to_string().starts_with("recursion limit exceeded") {
                ErrorKind::TooDeep
            } else {
                ErrorKind::InvalidJson
            };
            SchemaError::new(kind, String::new(), format!("not JSON: {error}"))
        })?;
        parse(&json)
    }

    /// Reads a schema from the calldata `#get-schema` returns: a calldata
    /// string holding the JSON.
    pub fn from_calldata(bytes: &[u8]) -> Result<Schema, SchemaError> {
        match decode_ref(bytes).map_err(SchemaError::from_decode_error)? {
            ValueRef::Str(text) => Schema::from_json(text),
            other => Err(SchemaError::new(
                ErrorKind::InvalidJson,
                String::new(),
                format!(
                    "#get-schema returns a calldata string, found {}",
                    crate::check::Kind::of_ref(&other).name()
                ),
            )),
        }
    }

    pub(crate) fn handle<'a>(&'a self, data: &'a MethodData) -> Method<'a> {
        Method { schema: self, data }
    }

    pub(crate) fn type_ref(&self, id: TypeId) -> TypeRef<'_> {
        TypeRef {
            types: &self.types,
            id,
        }
    }

    /// The constructor (`ctor`): its parameters, for deployments.
    pub fn constructor(&self) -> Method<'_> {
        self.handle(&self.ctor)
    }

    /// The public methods, sorted by name (by UTF-8 bytes).
    pub fn methods(&self) -> impl ExactSizeIterator<Item = Method<'_>> + '_ {
        self.methods.iter().map(|data| self.handle(data))
    }

    /// The method named `name`. `#get-schema` is there too, though not
    /// among [`methods`](Schema::methods): every contract answers it, with
    /// no parameters, returning a string.
    pub fn method(&self, name: &str) -> Option<Method<'_>> {
        self.method_data(name).map(|data| self.handle(data))
    }

    #[inline]
    pub(crate) fn method_data(&self, name: &str) -> Option<&MethodData> {
        if let Some(at) = self.index.find(name, |at| &self.methods[at].name) {
            return Some(&self.methods[at]);
        }
        same(name, &self.get_schema.name).then_some(&self.get_schema)
    }
}

/// A method of a [`Schema`], or its constructor. `Display` writes its
/// signature (`spec/schema.md`, "Signatures").
#[derive(Clone, Copy)]
pub struct Method<'a> {
    pub(crate) schema: &'a Schema,
    pub(crate) data: &'a MethodData,
}

/// A parameter of a [`Method`].
#[derive(Clone, Copy, Debug)]
pub struct Param<'a> {
    name: &'a str,
    ty: TypeRef<'a>,
}

impl<'a> Param<'a> {
    /// The name a call uses (a keyword written `$$x` in the schema is `$x`).
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The parameter's type.
    pub fn ty(&self) -> TypeRef<'a> {
        self.ty
    }
}

impl<'a> Method<'a> {
    fn param(&self, data: &'a ParamData) -> Param<'a> {
        Param {
            name: &data.name,
            ty: self.schema.type_ref(data.ty),
        }
    }

    /// The method's name; `None` for the constructor.
    pub fn name(&self) -> Option<&'a str> {
        (!self.is_constructor()).then_some(&*self.data.name)
    }

    /// Whether this is the constructor.
    pub fn is_constructor(&self) -> bool {
        std::ptr::eq(self.data, &self.schema.ctor)
    }

    /// The positional parameters, in order (each may also be passed by name).
    pub fn params(&self) -> impl ExactSizeIterator<Item = Param<'a>> + 'a {
        let method = *self;
        self.data.params.iter().map(move |data| method.param(data))
    }

    /// The keyword-only parameters, sorted by name.
    pub fn kwparams(&self) -> impl ExactSizeIterator<Item = Param<'a>> + 'a {
        let method = *self;
        self.data
            .kwparams
            .iter()
            .map(move |data| method.param(data))
    }

    /// The type of the parameter a keyword argument `name` sets: a keyword
    /// parameter, else the positional parameter of that name.
    pub fn param_named(&self, name: &str) -> Option<Param<'a>> {
        if let Some(data) = self.data.kwparam(name) {
            return Some(self.param(data));
        }
        self.data
            .position(name)
            .map(|at| self.param(&self.data.params[at]))
    }

    /// The positional parameter at `index`.
    pub fn param_at(&self, index: usize) -> Option<Param<'a>> {
        self.data.params.get(index).map(|data| self.param(data))
    }

    /// Whether the method only reads (`readonly`); false for the
    /// constructor.
    pub fn readonly(&self) -> bool {
        self.data.readonly
    }

    /// Whether the method accepts value (`payable`, false when readonly and
    /// for the constructor).
    pub fn payable(&self) -> bool {
        self.data.payable
    }

    /// The return type; `None` for the constructor.
    pub fn ret(&self) -> Option<TypeRef<'a>> {
        self.data.ret.map(|id| self.schema.type_ref(id))
    }

    /// `min_gas_leader`, when the schema gives it.
    pub fn min_gas_leader(&self) -> Option<u64> {
        self.data.min_gas_leader
    }

    /// `min_gas_validator`, when the schema gives it.
    pub fn min_gas_validator(&self) -> Option<u64> {
        self.data.min_gas_validator
    }
}

impl fmt::Display for Method<'_> {
    /// `view name(a: int, *, k: string) -> ret`, `write payable ...`, with
    /// ` min_gas_leader=N` and ` min_gas_validator=N` when given;
    /// `constructor(...)` for the constructor.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        match self.name() {
            None => out.push_str("constructor"),
            Some(name) => {
                out.push_str(match (self.readonly(), self.payable()) {
                    (true, _) => "view ",
                    (false, false) => "write ",
                    (false, true) => "write payable ",
                });
                write_name(&mut out, name);
            }
        }
        out.push('(');
        let mut first = true;
        let mut separate = |out: &mut String| {
            if !std::mem::take(&mut first) {
                out.push_str(", ");
            }
        };
        for param in self.params() {
            separate(&mut out);
            write_name(&mut out, param.name());
            out.push_str(": ");
            param.ty().write(&mut out, usize::MAX);
        }
        if self.kwparams().len() > 0 {
            separate(&mut out);
            out.push('*');
            for param in self.kwparams() {
                out.push_str(", ");
                write_name(&mut out, param.name());
                out.push_str(": ");
                param.ty().write(&mut out, usize::MAX);
            }
        }
        out.push(')');
        if let Some(ret) = self.ret() {
            out.push_str(" -> ");
            ret.write(&mut out, usize::MAX);
        }
        if let Some(gas) = self.min_gas_leader() {
            out.push_str(&format!(" min_gas_leader={gas}"));
        }
        if let Some(gas) = self.min_gas_validator() {
            out.push_str(&format!(" min_gas_validator={gas}"));
        }
        f.write_str(&out)
    }
}

impl fmt::Debug for Method<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Method({self})")
    }
}
