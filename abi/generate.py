#!/usr/bin/env python3
"""Generates the public ABI bindings from spec/public-abi.json.

Writes abi/src/generated.rs (Rust, formatted with rustfmt), and under
abi/bindings/: python/genvm_abi.py, js/genvm_abi.js with genvm_abi.d.ts, and
c/genvm_abi.h, also written to capi/include/ so the C library's header
directory is complete on its own. With --check it writes nothing and exits 1 if any checked-in
file differs from what it would write (tests run that).
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


def fail(message):
    sys.exit(f"spec/public-abi.json: {message}")


def load():
    entries = json.loads(SPEC.read_text())
    seen = set()
    for entry in entries:
        name, repr_ = entry.get("name"), entry.get("repr")
        if entry.get("type") not in ("enum", "const"):
            fail(f"{name}: type must be enum or const")
        if not isinstance(name, str) or not SNAKE.match(name) or name in seen:
            fail(f"{name!r}: names are unique snake_case")
        seen.add(name)
        if repr_ != "str" and repr_ not in INT_REPRS:
            fail(f"{name}: unknown repr {repr_!r}")
        values = entry["values"].values() if entry["type"] == "enum" else [entry["value"]]
        if entry["type"] == "enum":
            for key in entry["values"]:
                if not SNAKE.match(key):
                    fail(f"{name}.{key}: value names are snake_case")
        if set(entry.get("descriptions", entry.get("values", {}))) != set(entry.get("values", {})):
            fail(f"{name}: descriptions must name every value, and only those")
        if entry.get("default", next(iter(entry.get("values", {"": 0})), "")) not in entry.get("values", {"": 0}):
            fail(f"{name}: default names one of its values")
        if not isinstance(entry.get("non_exhaustive", False), bool):
            fail(f"{name}: non_exhaustive is true or false")
        if not re.match(r"^[A-Z][A-Z0-9_]*$", entry.get("c_prefix", "C")):
            fail(f"{name}: c_prefix is an upper-case C identifier")
        for value in values:
            if repr_ == "str" and not isinstance(value, str):
                fail(f"{name}: {value!r} is not a string")
            if repr_ != "str" and not (isinstance(value, int) and 0 <= value < 2 ** INT_REPRS[repr_]):
                fail(f"{name}: {value!r} does not fit {repr_}")
    return entries


def camel(name):
    return "".join(part.capitalize() for part in name.split("_"))


def upper(name):
    return name.upper()


def rust_literal(repr_, value):
    return json.dumps(value) if repr_ == "str" else str(value)


RUST_CONST = """
/// {doc}
pub const {NAME}: {type_} = {literal};
"""

RUST_ENUM = """
/// {doc}
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


def rust_enum(entry):
    name, repr_, values = entry["name"], entry["repr"], entry["values"]
    Type, is_str = camel(name), repr_ == "str"
    descriptions = entry.get("descriptions", {})
    variants = [(camel(key), key, value) for key, value in values.items()]

    def arms(pattern):
        return "\n".join("            " + pattern(variant, key, value) for variant, key, value in variants)

    def variant_line(variant, key, value):
        described = f"{descriptions[key]} (`{key}` = `{value}`)" if key in descriptions else f"`{key}` = `{value}`"
        default = "    #[default]\n" if entry.get("default") == key else ""
        return f"    /// {described}\n{default}    {variant}" + ("" if is_str else f" = {value}") + ","

    methods = RUST_AS_STR.format() if is_str else ""
    if descriptions:
        methods += RUST_DESCRIPTION.format(arms=arms(lambda v, k, _: f"{Type}::{v} => {json.dumps(descriptions[k])},"))
    attributes = ([] if is_str else [f"#[repr({repr_})]"]) + (["#[non_exhaustive]"] if entry.get("non_exhaustive") else [])
    return RUST_ENUM.format(
        doc=entry.get("doc", ""), Type=Type, name=name, count=len(variants),
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


def rust(entries):
    items = [f"// {HEADER}\n// Regenerate with `python3 abi/generate.py`.\n\nuse crate::UnknownValue;\n"]
    for entry in entries:
        if entry["type"] == "const":
            repr_ = entry["repr"]
            items.append(RUST_CONST.format(doc=entry.get("doc", ""), NAME=upper(entry["name"]),
                                           type_="&str" if repr_ == "str" else repr_,
                                           literal=rust_literal(repr_, entry["value"])))
        else:
            items.append(rust_enum(entry))
    formatted = subprocess.run(["rustfmt", "--edition", "2021", "--emit", "stdout", "--quiet"],
                               input="".join(items), capture_output=True, text=True, check=True,
                               cwd=ROOT / "abi")
    return formatted.stdout


def python(entries):
    out = [f'"""{HEADER}"""', "", "import enum", "import typing", "", ""]
    for entry in entries:
        name, repr_, doc = entry["name"], entry["repr"], entry.get("doc", "")
        if entry["type"] == "const":
            type_ = "str" if repr_ == "str" else "int"
            out += [f"{upper(name)}: typing.Final[{type_}] = {json.dumps(entry['value'])}", f'"""{doc}"""', ""]
            continue
        base = "enum.StrEnum" if repr_ == "str" else "enum.IntEnum"
        out += [f"class {camel(name)}({base}):", f'    """{doc}"""', ""]
        out += [f"    {upper(key)} = {json.dumps(value)}" for key, value in entry["values"].items()]
        out += ["", ""]
    return "\n".join(out).rstrip() + "\n"


def javascript(entries):
    js = [f"// {HEADER}", ""]
    ts = [f"// {HEADER}", ""]
    for entry in entries:
        name, doc = entry["name"], entry.get("doc", "")
        if entry["type"] == "const":
            literal = json.dumps(entry["value"])
            js += [f"/** {doc} */", f"export const {upper(name)} = {literal};", ""]
            ts += [f"/** {doc} */", f"export declare const {upper(name)}: {literal};", ""]
            continue
        type_name, values = camel(name), entry["values"]
        body = ", ".join(f"{upper(k)}: {json.dumps(v)}" for k, v in values.items())
        js += [f"/** {doc} */", f"export const {type_name} = Object.freeze({{ {body} }});", ""]
        ts += [f"/** {doc} */", f"export declare const {type_name}: Readonly<{{ {body.replace(',', ';')} }}>;",
               f"export type {type_name} = (typeof {type_name})[keyof typeof {type_name}];", ""]
    return "\n".join(js), "\n".join(ts)


def c_header(entries):
    out = [f"/* {HEADER} */", "#ifndef GENVM_ABI_H", "#define GENVM_ABI_H", "", "#include <stdint.h>", ""]
    for entry in entries:
        name, repr_, doc = entry["name"], entry["repr"], entry.get("doc", "")
        prefix = entry.get("c_prefix", f"GENVM_{upper(name)}")
        out.append(f"/* {doc} */")
        if entry["type"] == "const":
            literal = json.dumps(entry["value"]) if repr_ == "str" else f"{entry['value']}u"
            out += [f"#define {prefix} {literal}", ""]
        elif repr_ == "str":
            out += [f"#define {prefix}_{upper(k)} {json.dumps(v)}" for k, v in entry["values"].items()] + [""]
        else:
            out.append("typedef enum {")
            out += [f"    {prefix}_{upper(k)} = {v}," for k, v in entry["values"].items()]
            out += [f"}} genvm_{name};", ""]
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
    check = "--check" in sys.argv[1:]
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
