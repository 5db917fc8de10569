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


def rust(entries):
    out = [f"// {HEADER}", "// Regenerate with `python3 abi/generate.py`.", "", "use crate::UnknownValue;", ""]
    for entry in entries:
        name, repr_, doc = entry["name"], entry["repr"], entry.get("doc", "")
        if entry["type"] == "const":
            type_ = "&str" if repr_ == "str" else repr_
            out += [f"/// {doc}", f"pub const {upper(name)}: {type_} = {rust_literal(repr_, entry['value'])};", ""]
            continue
        type_name, values = camel(name), entry["values"]
        variants = [(camel(key), key, value) for key, value in values.items()]
        value_type = "&'static str" if repr_ == "str" else repr_
        out += [f"/// {doc}", "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]"]
        if repr_ != "str":
            out.append(f"#[repr({repr_})]")
        out.append(f"pub enum {type_name} {{")
        for variant, key, value in variants:
            out.append(f"    /// `{key}` = `{value}`")
            out.append(f"    {variant}" + ("" if repr_ == "str" else f" = {value}") + ",")
        out += ["}", "", f"impl {type_name} {{", "    /// Every value, in definition order.",
                f"    pub const ALL: [{type_name}; {len(variants)}] = [" +
                ", ".join(f"{type_name}::{v}" for v, _, _ in variants) + "];", "",
                "    /// The raw value.", f"    pub const fn value(self) -> {value_type} {{"]
        if repr_ == "str":
            out.append("        match self {")
            out += [f"            {type_name}::{v} => {json.dumps(value)}," for v, _, value in variants]
            out.append("        }")
        else:
            out.append(f"        self as {repr_}")
        out += ["    }", "", "    /// The snake_case name.", "    pub const fn name(self) -> &'static str {", "        match self {"]
        out += [f"            {type_name}::{v} => {json.dumps(key)}," for v, key, _ in variants]
        out += ["        }", "    }"]
        if repr_ == "str":
            out += ["", "    /// The raw value (same as [`Self::value`]).", "    pub const fn as_str(self) -> &'static str {",
                    "        self.value()", "    }"]
        out += ["}", ""]
        lifetime = "<'a>" if repr_ == "str" else ""
        raw_param = "&'a str" if repr_ == "str" else repr_
        out += [f"impl{lifetime} TryFrom<{raw_param}> for {type_name} {{", "    type Error = UnknownValue;", "",
                f"    fn try_from(value: {raw_param}) -> Result<Self, UnknownValue> {{", "        match value {"]
        out += [f"            {rust_literal(repr_, value)} => Ok({type_name}::{v})," for v, _, value in variants]
        unknown = f'UnknownValue::value("{name}")' if repr_ == "str" else f'UnknownValue::number("{name}", value as u64)'
        out += [f"            _ => Err({unknown}),", "        }", "    }", "}", ""]
        out += [f"impl From<{type_name}> for {value_type} {{", f"    fn from(value: {type_name}) -> {value_type} {{",
                "        value.value()", "    }", "}", ""]
        out += [f"impl core::str::FromStr for {type_name} {{", "    type Err = UnknownValue;", "",
                "    /// Parses the snake_case name.", "    fn from_str(name: &str) -> Result<Self, UnknownValue> {",
                "        match name {"]
        out += [f"            {json.dumps(key)} => Ok({type_name}::{v})," for v, key, _ in variants]
        out += [f'            _ => Err(UnknownValue::name("{name}")),', "        }", "    }", "}", ""]
        shown = "self.value()" if repr_ == "str" else "self.name()"
        out += [f"impl core::fmt::Display for {type_name} {{",
                "    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {",
                f"        f.write_str({shown})", "    }", "}", ""]
    source = "\n".join(out)
    formatted = subprocess.run(["rustfmt", "--edition", "2021", "--emit", "stdout", "--quiet"],
                               input=source, capture_output=True, text=True, check=True,
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
        prefix = f"GENVM_{upper(name)}"
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
