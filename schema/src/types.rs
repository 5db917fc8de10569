//! The types of a schema: one arena per schema, [`TypeRef`] handles into it,
//! their [`Shape`] and how they are written.

use std::fmt;

use crate::error::{is_identifier, quote};

/// The index of a type in its schema's arena.
pub(crate) type TypeId = u32;

/// One type of the type language (`spec/schema.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    Null,
    Bool,
    Int,
    String,
    Bytes,
    Address,
    Any,
    /// Any array (`"array"`).
    Array,
    /// Any map (`"dict"`).
    Dict,
    /// `[T1, ..., Tn]`, with `rest` for a final `{"$rep": T}`; a list of T is
    /// no items and a rest.
    Tuple {
        items: Box<[TypeId]>,
        rest: Option<TypeId>,
    },
    /// `{"$dict": T}`.
    DictOf(TypeId),
    /// A record: its fields in document order (names unescaped) and their
    /// indices sorted by name bytes, the order of calldata map keys.
    Record {
        fields: Box<[(Box<str>, TypeId)]>,
        sorted: Box<[u32]>,
    },
    /// `{"$or": [...]}`; `any` when an alternative is (or leads to) `any`;
    /// `direct` the [`kind_bit`]s of the kinds an alternative takes whole
    /// (a primitive, `array`, `dict`), so those values fit at a glance.
    Or {
        alternatives: Box<[TypeId]>,
        any: bool,
        direct: u8,
    },
    /// `{"$ref": pointer}`, `target` the type it points at.
    Ref {
        pointer: Box<str>,
        target: TypeId,
    },
}

/// The bit of a kind of value in a union's `direct` set.
pub(crate) const fn kind_bit(kind: crate::check::Kind) -> u8 {
    1 << kind as u8
}

/// The kinds a type takes whole, by their [`kind_bit`]s.
pub(crate) fn direct_bits(node: &Node) -> u8 {
    use crate::check::Kind;
    match node {
        Node::Null => kind_bit(Kind::Null),
        Node::Bool => kind_bit(Kind::Bool),
        Node::Int => kind_bit(Kind::Int),
        Node::String => kind_bit(Kind::String),
        Node::Bytes => kind_bit(Kind::Bytes),
        Node::Address => kind_bit(Kind::Address),
        Node::Array => kind_bit(Kind::Array),
        Node::Dict => kind_bit(Kind::Map),
        Node::Or { direct, .. } => *direct,
        _ => 0,
    }
}

/// Every type of a schema.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Types {
    pub(crate) nodes: Vec<Node>,
}

impl Types {
    #[inline]
    pub(crate) fn node(&self, id: TypeId) -> &Node {
        &self.nodes[id as usize]
    }

    pub(crate) fn push(&mut self, node: Node) -> TypeId {
        self.nodes.push(node);
        (self.nodes.len() - 1) as TypeId
    }

    /// `id` with every `$ref` followed (refs never form a cycle).
    #[inline]
    pub(crate) fn resolve(&self, mut id: TypeId) -> TypeId {
        while let Node::Ref { target, .. } = self.node(id) {
            id = *target;
        }
        id
    }

    /// Whether every value fits `id`: `any`, a union holding `any`, or a
    /// `$ref` to one of those.
    pub(crate) fn is_any(&self, id: TypeId) -> bool {
        matches!(
            self.node(self.resolve(id)),
            Node::Any | Node::Or { any: true, .. }
        )
    }
}

/// A type of a [`Schema`](crate::Schema), borrowed from it.
///
/// `Display` writes it in the notation of `spec/schema.md`, "Signatures":
/// `int`, `list[address]`, `dict[int]`, `[int, string]`,
/// `[int, ...string]`, `{owner: address, amount: int}`, `int | null`,
/// `ref(/methods/tree/params/0/1)`.
#[derive(Clone, Copy)]
pub struct TypeRef<'a> {
    pub(crate) types: &'a Types,
    pub(crate) id: TypeId,
}

/// What a [`TypeRef`] is: one form of the type language.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Shape<'a> {
    /// `"null"`.
    Null,
    /// `"bool"`.
    Bool,
    /// `"int"`.
    Int,
    /// `"string"`.
    String,
    /// `"bytes"`.
    Bytes,
    /// `"address"`.
    Address,
    /// `"any"`: every value.
    Any,
    /// `"array"`: any array.
    Array,
    /// `"dict"`: any map.
    Dict,
    /// `[{"$rep": T}]`: an array of T.
    List(TypeRef<'a>),
    /// `[T1, T2, ...]`, and with `rest` `[T1, ..., {"$rep": T}]`: those
    /// elements first, then any number of `rest`.
    Tuple {
        /// The fixed elements.
        items: Vec<TypeRef<'a>>,
        /// The type of every element after them, if more may follow.
        rest: Option<TypeRef<'a>>,
    },
    /// `{"$dict": T}`: a map whose values are T.
    DictOf(TypeRef<'a>),
    /// A record (dataclass): its fields in the schema's order, names
    /// unescaped (`$$x` is the field `$x`).
    Record(Vec<(&'a str, TypeRef<'a>)>),
    /// `{"$or": [...]}`: a value that fits one of them.
    Or(Vec<TypeRef<'a>>),
    /// `{"$ref": pointer}`: the type at that JSON Pointer of the schema.
    Ref {
        /// The pointer as written.
        pointer: &'a str,
        /// The type it points at.
        target: TypeRef<'a>,
    },
}

impl<'a> TypeRef<'a> {
    fn at(&self, id: TypeId) -> TypeRef<'a> {
        TypeRef {
            types: self.types,
            id,
        }
    }

    /// The form of this type.
    pub fn shape(&self) -> Shape<'a> {
        let at = |id: &TypeId| self.at(*id);
        match self.types.node(self.id) {
            Node::Null => Shape::Null,
            Node::Bool => Shape::Bool,
            Node::Int => Shape::Int,
            Node::String => Shape::String,
            Node::Bytes => Shape::Bytes,
            Node::Address => Shape::Address,
            Node::Any => Shape::Any,
            Node::Array => Shape::Array,
            Node::Dict => Shape::Dict,
            Node::Tuple { items, rest } if items.is_empty() && rest.is_some() => {
                Shape::List(self.at(rest.unwrap_or_default()))
            }
            Node::Tuple { items, rest } => Shape::Tuple {
                items: items.iter().map(at).collect(),
                rest: rest.as_ref().map(at),
            },
            Node::DictOf(value) => Shape::DictOf(self.at(*value)),
            Node::Record { fields, .. } => Shape::Record(
                fields
                    .iter()
                    .map(|(name, id)| (&**name, self.at(*id)))
                    .collect(),
            ),
            Node::Or { alternatives, .. } => Shape::Or(alternatives.iter().map(at).collect()),
            Node::Ref { pointer, target } => Shape::Ref {
                pointer,
                target: self.at(*target),
            },
        }
    }

    /// This type with every `$ref` followed.
    pub fn resolved(&self) -> TypeRef<'a> {
        self.at(self.types.resolve(self.id))
    }

    /// Whether every value fits: `any`, a union with `any` among its
    /// alternatives, or a `$ref` to one of those. Building a call reads the
    /// input for such a type as calldata as it is, never guessing.
    pub fn is_any(&self) -> bool {
        self.types.is_any(self.id)
    }

    /// Writes the type with at most `depth` levels of nesting, deeper parts
    /// as `...`.
    pub(crate) fn write(&self, out: &mut String, depth: usize) {
        write_type(self.types, self.id, out, depth);
    }

    /// The type written out, at most `depth` levels deep (for messages).
    pub(crate) fn brief(&self, depth: usize) -> String {
        let mut out = String::new();
        self.write(&mut out, depth);
        out
    }
}

impl fmt::Display for TypeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        // Literal nesting is bounded by MAX_TYPE_DEPTH and refs print as
        // their pointer, so this is the whole type.
        self.write(&mut out, usize::MAX);
        f.write_str(&out)
    }
}

impl fmt::Debug for TypeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TypeRef({self})")
    }
}

/// A name as signatures write it: bare when an identifier, else quoted.
pub(crate) fn write_name(out: &mut String, name: &str) {
    if is_identifier(name) {
        out.push_str(name);
    } else {
        out.push_str(&quote(name));
    }
}

fn write_type(types: &Types, id: TypeId, out: &mut String, depth: usize) {
    let node = types.node(id);
    let simple = match node {
        Node::Null => Some("null"),
        Node::Bool => Some("bool"),
        Node::Int => Some("int"),
        Node::String => Some("string"),
        Node::Bytes => Some("bytes"),
        Node::Address => Some("address"),
        Node::Any => Some("any"),
        Node::Array => Some("array"),
        Node::Dict => Some("dict"),
        _ => None,
    };
    if let Some(name) = simple {
        out.push_str(name);
        return;
    }
    if depth == 0 {
        out.push_str("...");
        return;
    }
    let inner = depth - 1;
    match node {
        Node::Tuple { items, rest } if items.is_empty() && rest.is_some() => {
            out.push_str("list[");
            write_type(types, rest.unwrap_or_default(), out, inner);
            out.push(']');
        }
        Node::Tuple { items, rest } => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_type(types, *item, out, inner);
            }
            if let Some(rest) = rest {
                out.push_str(", ...");
                write_type(types, *rest, out, inner);
            }
            out.push(']');
        }
        Node::DictOf(value) => {
            out.push_str("dict[");
            write_type(types, *value, out, inner);
            out.push(']');
        }
        Node::Record { fields, .. } => {
            out.push('{');
            for (i, (name, field)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_name(out, name);
                out.push_str(": ");
                write_type(types, *field, out, inner);
            }
            out.push('}');
        }
        Node::Or { alternatives, .. } => {
            for (i, alternative) in alternatives.iter().enumerate() {
                if i > 0 {
                    out.push_str(" | ");
                }
                write_type(types, *alternative, out, inner);
            }
        }
        Node::Ref { pointer, .. } => {
            out.push_str("ref(");
            if pointer.bytes().all(|b| b.is_ascii_graphic() && b != b'"') {
                out.push_str(pointer);
            } else {
                out.push_str(&quote(pointer));
            }
            out.push(')');
        }
        _ => {}
    }
}
