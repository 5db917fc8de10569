#!/usr/bin/env python3
"""Generates the public ABI bindings from spec/public-abi.json.

Writes abi/src/generated.rs (Rust, formatted with rustfmt), and under
abi/bindings/: python/genvm_abi.py, js/genvm_abi.js with genvm_abi.d.ts, and
c/genvm_abi.h, also written to capi/include/ so the C library's header
directory is complete on its own. With --check it writes nothing and exits 1 if any checked-in
file differs from what it would write (tests run that). With --validate FILE
it only checks FILE as it would check spec/public-abi.json, and writes nothing.

Every definition belongs to one or more ABI generations (the values of
`abi_generation`); spec/public-abi.md describes the fields and what each
language gets for them.
"""
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "public-abi.json"
INT_REPRS = {"u8": 8, "u16": 16, "u32": 32, "u64": 64}
HEADER = "Generated from spec/public-abi.json by abi/generate.py; do not edit."
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
GENERATION = "abi_generation"
ORIGINS = ("genvm", "codec")
# Value names the Python classes use for themselves (GENERATIONS, ALL, ...).
RESERVED_VALUE_NAMES = {"generations", "all", "all_in", "in_generation"}
# The parameter types a code of a str_trie may take (Rust: StrTrieParam).
STR_TRIE_PARAMS = {"str": "Str", "i32": "I32"}
STR_TRIE_FIELDS = {"type", "name", "doc", "generations", "internal", "origin", "c_prefix", "codes", "details"}


class SpecError(Exception):
    pass


def fail(message):
    raise SpecError(message)


def check_generation_list(where, listed, allowed, whose=None):
    """`listed` is a non-empty list of generations out of `allowed` (all there are, or the
    generations of the definition `whose`), without repeats, in their order."""
    if not isinstance(listed, list) or not listed or not all(isinstance(g, str) for g in listed):
        fail(f"{where}: a non-empty list of ABI generations")
    for generation in listed:
        if generation not in allowed:
            fail(f"{where}: {generation!r} is not one of {whose}'s generations ({', '.join(allowed)})" if whose
                 else f"{where}: unknown ABI generation {generation!r} (known: {', '.join(allowed)})")
    if listed != [g for g in allowed if g in listed]:
        fail(f"{where}: generations are listed once each, in the order of abi_generation")


def validate_str_trie(entry, known_generations):
    """A tree of codes: `codes` maps each code path (snake_case components separated by single
    spaces) to its parameter type or null; `details` lists the details a message may end with."""
    name = entry["name"]
    unknown = set(entry) - STR_TRIE_FIELDS
    if unknown:
        fail(f"{name}: unknown fields {', '.join(sorted(unknown))}")
    if "generations" not in entry:
        fail(f"{name}: generations lists the ABI generations that have it")
    check_generation_list(f"{name}.generations", entry["generations"], known_generations)
    if entry.get("origin", "genvm") not in ORIGINS:
        fail(f"{name}: origin is one of {', '.join(ORIGINS)}")
    if "internal" in entry:
        check_generation_list(f"{name}.internal", entry["internal"], entry["generations"], name)
    if not re.match(r"^[A-Z][A-Z0-9_]*$", entry.get("c_prefix", "C")):
        fail(f"{name}: c_prefix is an upper-case C identifier")
    codes = entry.get("codes")
    if not isinstance(codes, dict) or not codes:
        fail(f"{name}: a str_trie has codes (code path -> parameter type or null)")
    for path, param in codes.items():
        if not all(SNAKE.match(component) for component in path.split(" ")):
            fail(f"{name}.codes: {path!r} is not snake_case components separated by single spaces")
        if param is not None and param not in STR_TRIE_PARAMS:
            fail(f"{name}.codes.{path}: the parameter type is null or one of {', '.join(STR_TRIE_PARAMS)}")
        if param is not None and any(other.startswith(path + " ") for other in codes):
            fail(f"{name}.codes.{path}: a code with a parameter has no codes under it")
    details = entry.get("details")
    if not isinstance(details, list) or not all(isinstance(d, str) for d in details):
        fail(f"{name}: details is a list of detail names")
    for detail in details:
        if not SNAKE.match(detail):
            fail(f"{name}.details: {detail!r} is not snake_case")
    if len(set(details)) != len(details):
        fail(f"{name}.details: each detail once")


def validate(entries):
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        fail("a list of objects")
    generation_entry = next((e for e in entries if e.get("name") == GENERATION), None)
    if not generation_entry or generation_entry.get("type") != "enum" or generation_entry.get("repr") != "str":
        fail(f"{GENERATION}: a string enum naming the ABI generations must be defined")
    known_generations = list(generation_entry.get("values", {}).values())
    seen = set()
    for entry in entries:
        name, repr_, type_ = entry.get("name"), entry.get("repr"), entry.get("type")
        if type_ not in ("enum", "consts", "const", "str_trie"):
            fail(f"{name}: type must be enum, consts, const or str_trie")
        if not isinstance(name, str) or not SNAKE.match(name) or name in seen:
            fail(f"{name!r}: names are unique snake_case")
        seen.add(name)
        if type_ == "str_trie":
            validate_str_trie(entry, known_generations)
            continue
        if repr_ != "str" and repr_ not in INT_REPRS:
            fail(f"{name}: unknown repr {repr_!r}")
        if type_ == "consts" and repr_ == "str":
            fail(f"{name}: a consts group holds integers")
        grouped = type_ in ("enum", "consts")
        if grouped and (not isinstance(entry.get("values"), dict) or not entry["values"]):
            fail(f"{name}: an {type_} has values")
        if not grouped and "value" not in entry:
            fail(f"{name}: a const has a value")
        for key in ("values", "descriptions", "default", "non_exhaustive", "value_generations"):
            if key in entry and not grouped:
                fail(f"{name}: {key} is for enums and consts groups")
        for key in ("default", "non_exhaustive", "descriptions"):
            if type_ == "consts" and key in entry:
                fail(f"{name}: {key} is for enums")
        values = entry["values"] if grouped else {"": entry["value"]}
        if grouped:
            for key in values:
                if not SNAKE.match(key):
                    fail(f"{name}.{key}: value names are snake_case")
                if key in RESERVED_VALUE_NAMES:
                    fail(f"{name}.{key}: {key} is reserved (the bindings use it)")
            if len(values) > 256:
                fail(f"{name}: at most 256 values")
            if type_ == "enum" and len(set(map(json.dumps, values.values()))) != len(values):
                fail(f"{name}: an enum's values are distinct (a consts group's may repeat)")
        if "descriptions" in entry and set(entry["descriptions"]) != set(values):
            fail(f"{name}: descriptions must name every value, and only those")
        if "default" in entry and entry["default"] not in values:
            fail(f"{name}: default names one of its values")
        if not isinstance(entry.get("non_exhaustive", False), bool):
            fail(f"{name}: non_exhaustive is true or false")
        if not re.match(r"^[A-Z][A-Z0-9_]*$", entry.get("c_prefix", "C")):
            fail(f"{name}: c_prefix is an upper-case C identifier")
        for value in values.values():
            if repr_ == "str" and not isinstance(value, str):
                fail(f"{name}: {value!r} is not a string")
            if repr_ != "str" and not (isinstance(value, int) and not isinstance(value, bool)
                                       and 0 <= value < 2 ** INT_REPRS[repr_]):
                fail(f"{name}: {value!r} does not fit {repr_}")
            if repr_ != "str" and grouped and value >= 2 ** 31:
                fail(f"{name}: {value!r} is past a C enumerator's range (2^31 - 1)")
        # ABI generations.
        if "generations" not in entry:
            fail(f"{name}: generations lists the ABI generations that have it")
        check_generation_list(f"{name}.generations", entry["generations"], known_generations)
        if entry.get("origin", "genvm") not in ORIGINS:
            fail(f"{name}: origin is one of {', '.join(ORIGINS)}")
        if "internal" in entry:
            check_generation_list(f"{name}.internal", entry["internal"], entry["generations"], name)
        per_value = entry.get("value_generations", {})
        if not isinstance(per_value, dict):
            fail(f"{name}: value_generations maps value names to generations")
        for key, listed in per_value.items():
            if key not in values:
                fail(f"{name}.value_generations: {key!r} is not one of its values")
            check_generation_list(f"{name}.value_generations.{key}", listed, entry["generations"], name)
            if listed == entry["generations"]:
                fail(f"{name}.value_generations.{key}: the definition's own generations; leave it out")
        if grouped:
            for generation in entry["generations"]:
                if not any(generation in value_generations(entry, key) for key in values):
                    fail(f"{name}: generation {generation} has none of its values")
        unknown = set(entry) - {"type", "name", "repr", "doc", "values", "value", "descriptions", "default",
                                "non_exhaustive", "c_prefix", "generations", "value_generations", "internal",
                                "origin"}
        if unknown:
            fail(f"{name}: unknown fields {', '.join(sorted(unknown))}")
    c_names = [n for entry in entries for n in c_identifiers(entry, generation_entry)]
    repeated = sorted({n for n in c_names if c_names.count(n) > 1})
    if repeated:
        fail(f"C names repeat: {', '.join(repeated)}")
    top = [n for entry in entries for n in top_level_names(entry)]
    repeated = sorted({n for n in top if top.count(n) > 1})
    if repeated:
        fail(f"names repeat in the bindings: {', '.join(repeated)}")
    return entries


def unique_keys(pairs):
    """A JSON object's pairs as a dict, refusing a key given twice (json.loads keeps the last)."""
    keys = [key for key, _ in pairs]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        fail(f"keys repeat in an object: {', '.join(map(repr, repeated))}")
    return dict(pairs)


def load(path=SPEC):
    try:
        return validate(json.loads(pathlib.Path(path).read_text(), object_pairs_hook=unique_keys))
    except SpecError as error:
        sys.exit(f"{path}: {error}")


def camel(name):
    return "".join(part.capitalize() for part in name.split("_"))


def upper(name):
    return name.upper()


def value_generations(entry, key):
    """The generations that have value `key` of `entry` (its definition's, unless restricted)."""
    return entry.get("value_generations", {}).get(key, entry["generations"])


def generations_entry(entries):
    return next(e for e in entries if e["name"] == GENERATION)


def generation_key(entries, generation):
    """The value name of a generation (`v0_3` for "v0.3")."""
    return next(k for k, v in generations_entry(entries)["values"].items() if v == generation)


def c_prefix(entry):
    return entry.get("c_prefix", f"GENVM_{upper(entry['name'])}")


def c_code_name(prefix, path):
    """The C macro of a str_trie code: `GENVM_VM_ERROR_CODE_OUT_OF_MEMORY` for "out_of memory"."""
    return f"{prefix}_{upper(path.replace(' ', '_'))}"


def c_identifiers(entry, generation_entry):
    prefix = c_prefix(entry)
    suffixes = [upper(k) for k in generation_entry["values"]]
    if entry["type"] == "str_trie":
        return ([c_code_name(prefix, path) for path in entry["codes"]]
                + [f"{prefix}_DETAIL_{upper(detail)}" for detail in entry["details"]]
                + [f"{prefix}_IN_{suffix}" for suffix in suffixes])
    names = [prefix] if entry["type"] == "const" else [f"{prefix}_{upper(k)}" for k in entry["values"]]
    if entry["type"] != "const" and entry["repr"] != "str":
        names.append(f"genvm_{entry['name']}")
    if "default" in entry:
        names.append(f"{prefix}_DEFAULT")
    keys = [""] + ([f"_{upper(k)}" for k in entry["values"]] if entry["type"] != "const" else [])
    names += [f"{prefix}{key}_IN_{suffix}" for key in keys for suffix in suffixes]
    return names


def top_level_names(entry):
    """The module-level names an entry takes in Python and JavaScript (Rust's are the same, cased)."""
    name = entry["name"]
    if entry["type"] == "const":
        return [upper(name), f"{upper(name)}_GENERATIONS"]
    if entry["type"] == "str_trie":
        return [upper(name), f"{upper(name)}_DETAILS", f"{upper(name)}_GENERATIONS"]
    return [camel(name)] + ([f"DEFAULT_{upper(name)}"] if "default" in entry else [])


def generation_note(entry):
    """One or two sentences on the ABI generations of a definition, for every binding's docs."""
    listed = entry["generations"]
    note = (f"In ABI generations {', '.join(listed[:-1])} and {listed[-1]}." if len(listed) > 1
            else f"In ABI generation {listed[0]} only.")
    if entry.get("internal"):
        note += f" In {' and '.join(entry['internal'])} one of GenVM's internal (host-side) constants."
    if entry.get("origin") == "codec":
        note += " This crate's own definition, not GenVM's: the same in every generation."
    return note


def value_note(entry, key):
    """`only in v0.2` for a value that not all its definition's generations have, else empty."""
    listed = value_generations(entry, key)
    return "" if listed == entry["generations"] else f"only in {' and '.join(listed)}"


def rust_literal(repr_, value):
    return json.dumps(value) if repr_ == "str" else str(value)


RUST_PRELUDE = """
/// Whether `generations` holds `generation` (a slice search usable in `const fn`).
const fn generations_contain(generations: &[AbiGeneration], generation: AbiGeneration) -> bool {
    let mut i = 0;
    while i < generations.len() {
        if generations[i] as u8 == generation as u8 {
            return true;
        }
        i += 1;
    }
    false
}
"""

RUST_CONST = """
/// {doc}
///
/// {note}
pub const {NAME}: {type_} = {literal};

/// The ABI generations that have [`{NAME}`].
pub const {NAME}_GENERATIONS: &[AbiGeneration] = {generations};
"""

RUST_STR_TRIE = """
/// {doc}
///
/// {note}
///
/// A message is a code's path, then its parameter after one space if the
/// code takes one, then optionally ` # ` and one of [`{NAME}_DETAILS`]:
/// `{example}`.{node}
pub const {NAME}: &[StrTrieCode] = &[{codes}];

/// The details a [`{NAME}`] message may end with, after ` # `.
pub const {NAME}_DETAILS: &[&str] = &[{details}];

/// The ABI generations that have [`{NAME}`] and [`{NAME}_DETAILS`].
pub const {NAME}_GENERATIONS: &[AbiGeneration] = {generations};
"""


def str_trie_example(entry):
    """A message of the trie's first code with a parameter (or its first code), for the docs."""
    codes = entry["codes"]
    path = next((p for p, param in codes.items() if param), next(iter(codes)))
    message = path + {"str": " text", "i32": " 1", None: ""}[codes[path]]
    return message + (f" # {entry['details'][0]}" if entry["details"] else "")


def str_trie_node(entry):
    """An inner node of the trie that is not itself a code, if there is one (for the docs)."""
    codes = entry["codes"]
    nodes = [" ".join(p.split(" ")[:i]) for p in codes for i in range(1, len(p.split(" ")))]
    return next((node for node in nodes if node not in codes), None)


RUST_ENUM = """
/// {doc}
///
/// {note}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord{derives})]
{attributes}pub enum {Type} {{
{variants}
}}

impl {Type} {{
    /// Every value, in definition order.
    pub const ALL: [{Type}; {count}] = [{all}];

    /// The raw value.
    pub const fn value(self) -> {value_type} {{
        {value_body}
    }}

    /// The snake_case name.
    pub const fn name(self) -> &'static str {{
        match self {{
{name_arms}
        }}
    }}
{methods}
}}

impl{lifetime} TryFrom<{raw_type}> for {Type} {{
    type Error = UnknownValue;

    fn try_from(value: {raw_type}) -> Result<Self, UnknownValue> {{
        match value {{
{value_arms}
            _ => Err({unknown}),
        }}
    }}
}}

impl From<{Type}> for {value_type} {{
    fn from(value: {Type}) -> {value_type} {{
        value.value()
    }}
}}

impl core::str::FromStr for {Type} {{
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {{
        match name {{
{from_name_arms}
            _ => Err(UnknownValue::name("{name}")),
        }}
    }}
}}

impl core::fmt::Display for {Type} {{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {{
        f.write_str({shown})
    }}
}}
"""

RUST_CONSTS = """
/// {doc}
///
/// {note}
///
/// A group of named numbers rather than an enum: two names may share a
/// value, so there is no conversion from the raw value. The members are
/// associated constants, usable as patterns.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct {Type}(u8);

#[allow(non_upper_case_globals)]
impl {Type} {{
{members}

    /// Every value, in definition order.
    pub const ALL: [{Type}; {count}] = [{all}];

    const VALUES: [{value_type}; {count}] = [{values}];

    const NAMES: [&'static str; {count}] = [{names}];

    const MEMBER_NAMES: [&'static str; {count}] = [{member_names}];

    const VALUE_GENERATIONS: [&'static [AbiGeneration]; {count}] = [{value_generations}];

    /// The raw value.
    pub const fn value(self) -> {value_type} {{
        Self::VALUES[self.0 as usize]
    }}

    /// The snake_case name.
    pub const fn name(self) -> &'static str {{
        Self::NAMES[self.0 as usize]
    }}
{methods}
}}

impl From<{Type}> for {value_type} {{
    fn from(value: {Type}) -> {value_type} {{
        value.value()
    }}
}}

impl core::str::FromStr for {Type} {{
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {{
        match name {{
{from_name_arms}
            _ => Err(UnknownValue::name("{name}")),
        }}
    }}
}}

impl core::fmt::Display for {Type} {{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {{
        f.write_str(self.name())
    }}
}}

impl core::fmt::Debug for {Type} {{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {{
        f.write_str(Self::MEMBER_NAMES[self.0 as usize])
    }}
}}
"""

RUST_GENERATION_METHODS = """
    /// The ABI generations that have this definition.
    pub const GENERATIONS: &'static [AbiGeneration] = {definition};

    /// The ABI generations that have this value.
    pub const fn generations(self) -> &'static [AbiGeneration] {{
        {value_body}
    }}

    /// Whether ABI generation `generation` has this value.
    pub const fn in_generation(self, generation: AbiGeneration) -> bool {{
        generations_contain(self.generations(), generation)
    }}

    /// The values ABI generation `generation` has, in definition order (none
    /// if that generation has not this definition).
    pub const fn all_in(generation: AbiGeneration) -> &'static [{Type}] {{
        match generation {{
{all_in_arms}
        }}
    }}
"""

RUST_DEFAULT_CONST = """
    /// The default value, as [`Default`] gives it (usable in `const`).
    pub const DEFAULT: {Type} = {Type}::{variant};
"""

RUST_AS_STR = """
    /// The raw value (same as [`Self::value`]).
    pub const fn as_str(self) -> &'static str {{
        self.value()
    }}
"""

RUST_DESCRIPTION = """
    /// A short description for people, as error messages show it.
    pub const fn description(self) -> &'static str {{
        match self {{
{arms}
        }}
    }}
"""


def rust_generations(entries, listed):
    """A Rust slice expression of the generations `listed`."""
    return "&[" + ", ".join(f"AbiGeneration::{camel(generation_key(entries, g))}" for g in listed) + "]"


def rust_member_doc(entry, key, value):
    descriptions = entry.get("descriptions", {})
    described = f"{descriptions[key]} (`{key}` = `{value}`)" if key in descriptions else f"`{key}` = `{value}`"
    note = value_note(entry, key)
    return described + (f"; {note}" if note else "")


def rust_generation_methods(entries, entry, value_body):
    Type = camel(entry["name"])
    arms = []
    for generation in generations_entry(entries)["values"].values():
        members = [f"{Type}::{camel(k)}" for k in entry["values"] if generation in value_generations(entry, k)]
        arms.append(f"            AbiGeneration::{camel(generation_key(entries, generation))} => &[{', '.join(members)}],")
    return RUST_GENERATION_METHODS.format(
        definition=rust_generations(entries, entry["generations"]), value_body=value_body, Type=Type,
        all_in_arms="\n".join(arms))


def rust_enum(entries, entry):
    name, repr_, values = entry["name"], entry["repr"], entry["values"]
    Type, is_str = camel(name), repr_ == "str"
    descriptions = entry.get("descriptions", {})
    variants = [(camel(key), key, value) for key, value in values.items()]

    def arms(pattern):
        return "\n".join("            " + pattern(variant, key, value) for variant, key, value in variants)

    def variant_line(variant, key, value):
        default = "    #[default]\n" if entry.get("default") == key else ""
        return f"    /// {rust_member_doc(entry, key, value)}\n{default}    {variant}" + ("" if is_str else f" = {value}") + ","

    methods = RUST_DEFAULT_CONST.format(Type=Type, variant=camel(entry["default"])) if "default" in entry else ""
    methods += RUST_AS_STR.format() if is_str else ""
    if descriptions:
        methods += RUST_DESCRIPTION.format(arms=arms(lambda v, k, _: f"{Type}::{v} => {json.dumps(descriptions[k])},"))
    methods += rust_generation_methods(entries, entry, "match self {\n" + arms(
        lambda v, k, _: f"{Type}::{v} => {rust_generations(entries, value_generations(entry, k))},") + "\n        }")
    attributes = ([] if is_str else [f"#[repr({repr_})]"]) + (["#[non_exhaustive]"] if entry.get("non_exhaustive") else [])
    return RUST_ENUM.format(
        doc=entry.get("doc", ""), note=generation_note(entry), Type=Type, name=name, count=len(variants),
        derives=", Default" if "default" in entry else "",
        attributes="".join(attribute + "\n" for attribute in attributes),
        variants="\n".join(variant_line(*variant) for variant in variants),
        all=", ".join(f"{Type}::{v}" for v, _, _ in variants),
        value_type="&'static str" if is_str else repr_,
        value_body=("match self {\n" + arms(lambda v, _, value: f"{Type}::{v} => {json.dumps(value)},") + "\n        }")
        if is_str else f"self as {repr_}",
        name_arms=arms(lambda v, k, _: f"{Type}::{v} => {json.dumps(k)},"),
        methods=methods,
        lifetime="<'a>" if is_str else "", raw_type="&'a str" if is_str else repr_,
        value_arms=arms(lambda v, _, value: f"{rust_literal(repr_, value)} => Ok({Type}::{v}),"),
        unknown=f'UnknownValue::value("{name}")' if is_str else f'UnknownValue::number("{name}", value as u64)',
        from_name_arms=arms(lambda v, k, _: f"{json.dumps(k)} => Ok({Type}::{v}),"),
        shown="self.value()" if is_str else "self.name()",
    )


def rust_consts(entries, entry):
    name, repr_, values = entry["name"], entry["repr"], entry["values"]
    Type = camel(name)
    keys = list(values)
    members = "\n".join(f"    /// {rust_member_doc(entry, key, values[key])}\n    pub const {camel(key)}: {Type} = {Type}({i});"
                        for i, key in enumerate(keys))
    methods = rust_generation_methods(entries, entry, "Self::VALUE_GENERATIONS[self.0 as usize]")
    return RUST_CONSTS.format(
        doc=entry.get("doc", ""), note=generation_note(entry), Type=Type, name=name, count=len(keys),
        members=members, methods=methods, value_type=repr_,
        all=", ".join(f"{Type}::{camel(k)}" for k in keys),
        values=", ".join(str(values[k]) for k in keys),
        names=", ".join(json.dumps(k) for k in keys),
        member_names=", ".join(json.dumps(camel(k)) for k in keys),
        value_generations=", ".join(rust_generations(entries, value_generations(entry, k)) for k in keys),
        from_name_arms="\n".join(f"            {json.dumps(k)} => Ok({Type}::{camel(k)})," for k in keys),
    )


def rust_str_trie(entries, entry):
    NAME = upper(entry["name"])
    codes = ", ".join(f"StrTrieCode {{ path: {json.dumps(path)}, param: "
                      + (f"Some(StrTrieParam::{STR_TRIE_PARAMS[param]})" if param else "None") + " }"
                      for path, param in entry["codes"].items())
    node = str_trie_node(entry)
    return RUST_STR_TRIE.format(
        doc=entry.get("doc", ""), note=generation_note(entry), NAME=NAME, example=str_trie_example(entry),
        node=f"\n/// A node of the tree that is not listed (such as `{node}`) is not a code\n/// by itself." if node else "",
        codes=codes, details=", ".join(json.dumps(d) for d in entry["details"]),
        generations=rust_generations(entries, entry["generations"]))


def rust(entries):
    uses = "use crate::UnknownValue;\n"
    if any(entry["type"] == "str_trie" for entry in entries):
        uses += "use crate::{StrTrieCode, StrTrieParam};\n"
    items = [f"// {HEADER}\n// Regenerate with `python3 abi/generate.py`.\n\n{uses}", RUST_PRELUDE]
    for entry in entries:
        if entry["type"] == "str_trie":
            items.append(rust_str_trie(entries, entry))
        elif entry["type"] == "const":
            repr_ = entry["repr"]
            items.append(RUST_CONST.format(doc=entry.get("doc", ""), note=generation_note(entry),
                                           NAME=upper(entry["name"]),
                                           type_="&str" if repr_ == "str" else repr_,
                                           literal=rust_literal(repr_, entry["value"]),
                                           generations=rust_generations(entries, entry["generations"])))
        elif entry["type"] == "consts":
            items.append(rust_consts(entries, entry))
        else:
            items.append(rust_enum(entries, entry))
    formatted = subprocess.run(["rustfmt", "--edition", "2021", "--emit", "stdout", "--quiet"],
                               input="".join(items), capture_output=True, text=True, check=True,
                               cwd=ROOT / "abi")
    return formatted.stdout


PYTHON_PRELUDE = '''

class _EnumGenerations:
    """The ABI generation answers of every enum here (spec/public-abi.md).

    A generation is named by its string, such as "v0.3", or by its
    AbiGeneration member; an unknown one raises ValueError.
    """

    def generations(self) -> tuple[str, ...]:
        """The ABI generations that have this value."""
        return type(self)._value_generations[self.name]

    def in_generation(self, generation: str) -> bool:
        """Whether ABI generation `generation` has this value."""
        return AbiGeneration(generation) in self.generations()

    @classmethod
    def all_in(cls, generation: str) -> tuple[typing.Self, ...]:
        """The values ABI generation `generation` has, in definition order."""
        generation = AbiGeneration(generation)
        return tuple(member for member in cls if generation in member.generations())


class _Constant(int):
    """One named number of a constants group: an int that knows its name and ABI generations."""

    def __new__(cls, group: str, name: str, value: int, generations: tuple[str, ...]) -> "_Constant":
        constant = super().__new__(cls, value)
        constant.group, constant.name, constant._generations = group, name, generations
        return constant

    def __getnewargs__(self) -> tuple[str, str, int, tuple[str, ...]]:
        return (self.group, self.name, int(self), self._generations)

    def __repr__(self) -> str:
        return f"<{self.group}.{self.name}: {int(self)}>"

    __str__ = int.__repr__

    @property
    def value(self) -> int:
        """The raw value."""
        return int(self)

    def generations(self) -> tuple[str, ...]:
        """The ABI generations that have this value."""
        return self._generations

    def in_generation(self, generation: str) -> bool:
        """Whether ABI generation `generation` has this value."""
        return AbiGeneration(generation) in self._generations


class _ConstantGroup:
    """A group of named numbers (two may share a value, so it is not an enum); ALL lists them."""

    ALL: typing.ClassVar[tuple[_Constant, ...]]

    @classmethod
    def all_in(cls, generation: str) -> tuple[_Constant, ...]:
        """The values ABI generation `generation` has, in definition order."""
        generation = AbiGeneration(generation)
        return tuple(constant for constant in cls.ALL if generation in constant.generations())

'''


STR_TRIE_MESSAGE = ('A message is a code\'s path, then its parameter after one space if the code takes one, '
                    'then optionally " # " and a detail.')


def python_tuple(items):
    return "(" + ", ".join(json.dumps(i) for i in items) + ("," if len(items) == 1 else "") + ")"


def python(entries):
    out = [f'"""{HEADER}"""', "", "import enum", "import typing", PYTHON_PRELUDE]
    for entry in entries:
        name, repr_, doc = entry["name"], entry.get("repr"), entry.get("doc", "")
        docstring = [f'    """{doc}', "", f"    {generation_note(entry)}", '    """', ""]
        if entry["type"] == "str_trie":
            NAME = upper(name)
            out += [f"{NAME}: typing.Final[dict[str, str | None]] = {{"]
            out += [f"    {json.dumps(path)}: {json.dumps(param) if param else 'None'},"
                    for path, param in entry["codes"].items()]
            out += ["}", f'"""{doc} {generation_note(entry)}', "",
                    f"Code path -> the type of its parameter (None if it takes none). {STR_TRIE_MESSAGE}", '"""', "",
                    f"{NAME}_DETAILS: typing.Final[tuple[str, ...]] = {python_tuple(entry['details'])}",
                    f'"""The details a {NAME} message may end with, after " # "."""', "",
                    f"{NAME}_GENERATIONS: typing.Final[tuple[str, ...]] = {python_tuple(entry['generations'])}",
                    f'"""The ABI generations that have {NAME} and {NAME}_DETAILS."""', ""]
            continue
        if entry["type"] == "const":
            type_ = "str" if repr_ == "str" else "int"
            out += [f"{upper(name)}: typing.Final[{type_}] = {json.dumps(entry['value'])}",
                    f'"""{doc} {generation_note(entry)}"""', "",
                    f"{upper(name)}_GENERATIONS: typing.Final[tuple[str, ...]] = {python_tuple(entry['generations'])}",
                    f'"""The ABI generations that have {upper(name)}."""', ""]
            continue
        Type = camel(name)
        if entry["type"] == "consts":
            out += [f"class {Type}(_ConstantGroup):"] + docstring
            out += [f"    {upper(k)}: typing.Final[_Constant] = _Constant({json.dumps(Type)}, {json.dumps(upper(k))}, "
                    f"{v}, {python_tuple(value_generations(entry, k))})" for k, v in entry["values"].items()]
            names = list(map(upper, entry["values"]))
            out += ["", f"    ALL: typing.ClassVar[tuple[_Constant, ...]] = ({', '.join(names)}{',' if len(names) == 1 else ''})",
                    f"    GENERATIONS: typing.Final[tuple[str, ...]] = {python_tuple(entry['generations'])}", "", ""]
            continue
        base = "enum.StrEnum" if repr_ == "str" else "enum.IntEnum"
        out += [f"class {Type}(_EnumGenerations, {base}):"] + docstring
        for key, value in entry["values"].items():
            note = value_note(entry, key)
            out.append(f"    {upper(key)} = {json.dumps(value)}" + (f"  # {note}" if note else ""))
        out += ["", f"    GENERATIONS = enum.nonmember({python_tuple(entry['generations'])})",
                "    _value_generations = enum.nonmember({"]
        out += [f"        {json.dumps(upper(k))}: {python_tuple(value_generations(entry, k))},"
                for k in entry["values"]]
        out += ["    })", "", ""]
        if "default" in entry:
            out += [f"DEFAULT_{upper(name)}: typing.Final[{Type}] = {Type}.{upper(entry['default'])}",
                    f'"""The default {Type}."""', "", ""]
    return "\n".join(out).rstrip() + "\n"


def js_list(items):
    return "Object.freeze([" + ", ".join(json.dumps(i) for i in items) + "])"


def ts_list(items):
    return "readonly [" + ", ".join(json.dumps(i) for i in items) + "]"


JS_FUNCTIONS = """
const DEFINITIONS = Object.freeze({{ {definitions} }});

function factsOf(generation, definition) {{
  if (!Object.values(AbiGeneration).includes(generation)) throw new RangeError(`unknown ABI generation ${{generation}}`);
  if (!Object.hasOwn(GENERATIONS, definition)) throw new RangeError(`unknown ABI definition ${{definition}}`);
  return GENERATIONS[definition];
}}

/**
 * Whether ABI generation `generation` (such as "v0.3") has the definition
 * `definition` (its name here, such as "ResultCode"), or with `member` (such as
 * "INTERNAL_ERROR") that value of it. Throws a RangeError for an unknown
 * generation, definition or member.
 */
export function inGeneration(generation, definition, member) {{
  const facts = factsOf(generation, definition);
  if (member === undefined) return facts.generations.includes(generation);
  if (!facts.values || !Object.hasOwn(facts.values, member)) throw new RangeError(`${{definition}} has no value ${{member}}`);
  return facts.values[member].includes(generation);
}}

/**
 * The values of the enum or constants group `definition` that ABI generation
 * `generation` has: a frozen object like the definition, with only those
 * members (empty if that generation has not the definition).
 */
export function allIn(generation, definition) {{
  const facts = factsOf(generation, definition);
  if (!facts.values) throw new RangeError(`${{definition}} has no values`);
  const kept = Object.entries(DEFINITIONS[definition]).filter(([member]) => facts.values[member].includes(generation));
  return Object.freeze(Object.fromEntries(kept));
}}
"""

TS_FUNCTION_DOCS = {
    "inGeneration": """/**
 * Whether ABI generation `generation` has the definition `definition` (its
 * name here), or with `member` that value of it. Throws a RangeError for an
 * unknown generation, definition or member.
 */""",
    "allIn": """/**
 * The values of `definition` that ABI generation `generation` has: a frozen
 * object like the definition, with only those members.
 */""",
}


def javascript(entries):
    js = [f"// {HEADER}", ""]
    ts = [f"// {HEADER}", ""]
    js_facts, ts_facts = [], []
    for entry in entries:
        name, doc = entry["name"], f"{entry.get('doc', '')} {generation_note(entry)}"
        if entry["type"] == "str_trie":
            NAME, codes = upper(name), entry["codes"].items()
            doc += f" Code path -> the type of its parameter (null if it takes none). {STR_TRIE_MESSAGE}"
            details_doc = f"/** The details a {NAME} message may end with, after \" # \". */"
            js += [f"/** {doc} */", f"export const {NAME} = Object.freeze({{",
                   *[f"  {json.dumps(path)}: {json.dumps(param)}," for path, param in codes], "});", "",
                   details_doc, f"export const {NAME}_DETAILS = {js_list(entry['details'])};", ""]
            ts += [f"/** {doc} */", f"export declare const {NAME}: Readonly<{{",
                   *[f"  {json.dumps(path)}: {json.dumps(param)};" for path, param in codes], "}>;", "",
                   details_doc, f"export declare const {NAME}_DETAILS: {ts_list(entry['details'])};", ""]
            js_facts.append(f"  {NAME}: Object.freeze({{ generations: {js_list(entry['generations'])} }}),")
            ts_facts.append(f"  {NAME}: Readonly<{{ generations: {ts_list(entry['generations'])} }}>;")
            continue
        if entry["type"] == "const":
            literal = json.dumps(entry["value"])
            js += [f"/** {doc} */", f"export const {upper(name)} = {literal};", ""]
            ts += [f"/** {doc} */", f"export declare const {upper(name)}: {literal};", ""]
            js_facts.append(f"  {upper(name)}: Object.freeze({{ generations: {js_list(entry['generations'])} }}),")
            ts_facts.append(f"  {upper(name)}: Readonly<{{ generations: {ts_list(entry['generations'])} }}>;")
            continue
        type_name, values = camel(name), entry["values"]
        body = ", ".join(f"{upper(k)}: {json.dumps(v)}" for k, v in values.items())
        js += [f"/** {doc} */", f"export const {type_name} = Object.freeze({{ {body} }});", ""]
        ts += [f"/** {doc} */", f"export declare const {type_name}: Readonly<{{ {body.replace(',', ';')} }}>;",
               f"export type {type_name} = (typeof {type_name})[keyof typeof {type_name}];", ""]
        if "default" in entry:
            default = json.dumps(values[entry["default"]])
            js += [f"/** The default {type_name}. */", f"export const DEFAULT_{upper(name)} = {default};", ""]
            ts += [f"/** The default {type_name}. */", f"export declare const DEFAULT_{upper(name)}: {default};", ""]
        js_values = ", ".join(f"{upper(k)}: {js_list(value_generations(entry, k))}" for k in values)
        ts_values = "; ".join(f"{upper(k)}: {ts_list(value_generations(entry, k))}" for k in values)
        js_facts.append(f"  {type_name}: Object.freeze({{ generations: {js_list(entry['generations'])}, "
                        f"values: Object.freeze({{ {js_values} }}) }}),")
        ts_facts.append(f"  {type_name}: Readonly<{{ generations: {ts_list(entry['generations'])}; "
                        f"values: Readonly<{{ {ts_values} }}> }}>;")
    facts_doc = ("/** The ABI generations that have each definition above, and each value of an enum or constants "
                 "group (spec/public-abi.md); frozen all the way down. */")
    js += [facts_doc, "export const GENERATIONS = Object.freeze({", *js_facts, "});"]
    ts += [facts_doc, "export declare const GENERATIONS: Readonly<{", *ts_facts, "}>;", ""]
    grouped = [camel(e["name"]) for e in entries if e["type"] in ("enum", "consts")]
    consts = [upper(e["name"]) for e in entries if e["type"] in ("const", "str_trie")]
    js.append(JS_FUNCTIONS.format(definitions=", ".join(grouped)))
    ts.append(TS_FUNCTION_DOCS["inGeneration"])
    ts += [f"export declare function inGeneration(generation: AbiGeneration, definition: {json.dumps(t)}, "
           f"member?: keyof typeof {t}): boolean;" for t in grouped]
    if consts:
        ts.append(f"export declare function inGeneration(generation: AbiGeneration, definition: "
                  f"{' | '.join(map(json.dumps, consts))}): boolean;")
    ts += ["", TS_FUNCTION_DOCS["allIn"]]
    ts += [f"export declare function allIn(generation: AbiGeneration, definition: {json.dumps(t)}): "
           f"Readonly<Partial<typeof {t}>>;" for t in grouped]
    return "\n".join(js), "\n".join(ts) + "\n"


def c_header(entries):
    out = [f"/* {HEADER} */", "#ifndef GENVM_ABI_H", "#define GENVM_ABI_H", "", "#include <stdint.h>", "",
           "/* Each definition is followed by <NAME>_IN_<GENERATION> and <NAME>_<VALUE>_IN_<GENERATION>,",
           " * 1 if that ABI generation has the definition or value and 0 if not (spec/public-abi.md). */", ""]
    suffixes = {v: upper(k) for k, v in generations_entry(entries)["values"].items()}
    for entry in entries:
        name, repr_, doc = entry["name"], entry.get("repr"), entry.get("doc", "")
        prefix = c_prefix(entry)
        out.append(f"/* {doc}\n * {generation_note(entry)} */")

        def note(key):
            text = value_note(entry, key)
            return f" /* {text} */" if text else ""

        if entry["type"] == "str_trie":
            out += [f"#define {c_code_name(prefix, path)} {json.dumps(path)}" + (f" /* param: {param} */" if param else "")
                    for path, param in entry["codes"].items()]
            out += [f"#define {prefix}_DETAIL_{upper(detail)} {json.dumps(detail)}" for detail in entry["details"]]
            out += [f"#define {prefix}_IN_{suffix} {int(g in entry['generations'])}" for g, suffix in suffixes.items()]
            out.append("")
            continue
        if entry["type"] == "const":
            literal = json.dumps(entry["value"]) if repr_ == "str" else f"{entry['value']}u"
            out += [f"#define {prefix} {literal}"]
        elif repr_ == "str":
            out += [f"#define {prefix}_{upper(k)} {json.dumps(v)}{note(k)}" for k, v in entry["values"].items()]
        else:
            out.append("typedef enum {")
            out += [f"    {prefix}_{upper(k)} = {v},{note(k)}" for k, v in entry["values"].items()]
            out += [f"}} genvm_{name};"]
        if "default" in entry:
            out.append(f"#define {prefix}_DEFAULT {prefix}_{upper(entry['default'])}")
        out += [f"#define {prefix}_IN_{suffix} {int(g in entry['generations'])}" for g, suffix in suffixes.items()]
        if entry["type"] != "const":
            out += [f"#define {prefix}_{upper(k)}_IN_{suffix} {int(g in value_generations(entry, k))}"
                    for k in entry["values"] for g, suffix in suffixes.items()]
        out.append("")
    out += ["#endif /* GENVM_ABI_H */", ""]
    return "\n".join(out)


def outputs():
    entries = load()
    js, ts = javascript(entries)
    bindings = ROOT / "abi" / "bindings"
    return {
        ROOT / "abi" / "src" / "generated.rs": rust(entries),
        bindings / "python" / "genvm_abi.py": python(entries),
        bindings / "js" / "genvm_abi.js": js,
        bindings / "js" / "genvm_abi.d.ts": ts,
        bindings / "c" / "genvm_abi.h": c_header(entries),
        ROOT / "capi" / "include" / "genvm_abi.h": c_header(entries),
    }


def main():
    args = sys.argv[1:]
    if args[:1] == ["--validate"] and len(args) == 2:
        load(args[1])
        return
    check = "--check" in args
    stale = []
    for path, text in outputs().items():
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if stale:
        sys.exit("out of date (run `python3 abi/generate.py`): " + ", ".join(stale))


if __name__ == "__main__":
    main()
