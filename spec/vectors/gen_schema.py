#!/usr/bin/env python3
"""Writes spec/vectors/schema.json: contract schemas (spec/schema.md), read
and refused; calls, deployments and return values checked against them; and
calls built from loose JSON.

* "schemas": {"name", "description", "schema" (the JSON text)} and either
  "signatures" (the constructor's line, then one line per method, as
  spec/schema.md "Signatures" writes them) or "error" (a kind of ERRORS)
  with "path".
* "contracts": name -> schema JSON text, for the vectors below.
* "calls": {"name", "description", "contract", "generation", "hex"} and
  "ok": true or "error" with "path" (and "call_error", the codec's
  method-call error name, for not_a_call and not_calldata). "deployment":
  true checks against the constructor, "strict": true in strict mode.
* "returns": {"name", "description", "contract", "method", "hex"} and "ok"
  or "error" with "path".
* "builds": {"name", "description", "contract", "method" (null for a
  deployment), "generation", "args" (JSON), "kwargs" (JSON)} and "hex" (the
  call built) or "error" with "path"; "strict" as above.

Verdicts are written here by hand from spec/schema.md and the calldata by
this directory's own encoder, so the vectors do not come from the code they
test. `--check` exits 1 if the file differs from what it would write.
"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from gen_calldata import Address, encode, write_or_check  # noqa: E402
from gen_method_calls import keccak256  # noqa: E402

OUT = pathlib.Path(__file__).with_name("schema.json")
ERRORS = ["invalid_json", "too_large", "too_deep", "duplicate_key", "bad_schema", "unknown_key", "unknown_type",
          "bad_type", "bad_ref", "bad_name", "duplicate_param", "not_calldata", "not_a_call", "unknown_method",
          "too_many_args", "unknown_kwarg", "duplicate_arg", "missing_arg", "type_mismatch", "wrong_length",
          "unknown_field", "missing_field", "bad_value", "ambiguous"]
METHOD_KEY = {"v0.2": "method", "v0.3": ""}
ALICE = Address(bytes(range(1, 21)))
BOB = Address(bytes(range(101, 121)))


def eip55(raw):
    """The EIP-55 spelling of a 20-byte address."""
    digits = raw.hex()
    digest = keccak256(digits.encode("ascii")).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(digest[i], 16) >= 8 else c
                          for i, c in enumerate(digits))


# EIP-55's own examples.
assert eip55(bytes.fromhex("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")) == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
assert eip55(bytes.fromhex("fb6916095ca1df60bb79ce92ce3ea74c37c5d359")) == "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"


def method(params=(), kwparams=None, readonly=False, ret="null", payable=False, **gas):
    out = {"params": [list(p) for p in params], "kwparams": kwparams or {}, "readonly": readonly, "ret": ret}
    if not readonly:
        out["payable"] = payable
    out.update(gas)
    return out


def schema(methods, ctor_params=(), ctor_kwparams=None):
    return {"ctor": {"params": [list(p) for p in ctor_params], "kwparams": ctor_kwparams or {}}, "methods": methods}


TRANSFER = {"to": "address", "amount": "int"}
TOKEN = schema({
    "balance_of": method([("owner", "address")], readonly=True, ret="int"),
    "transfer": method([("to", "address"), ("amount", "int")], {"memo": {"$or": ["string", "null"]}}, ret="bool"),
    "deposit": method(payable=True, min_gas_leader=1000, min_gas_validator=500),
    "batch": method([("transfers", [{"$rep": TRANSFER}])], ret=[{"$rep": "bool"}]),
    "pair": method([("p", ["int", "string"])], ret=["int", {"$rep": "string"}]),
    "meta": method([("tags", {"$dict": "int"}), ("blob", "bytes"), ("extra", "any")], {"$$weird": "bool"},
                   ret={"$or": ["int", "null"]}),
    "maybe": method([("x", {"$or": [[{"$rep": "int"}], "null"]})]),
    "choose": method([("v", {"$or": ["int", "string"]})], ret="any"),
    "loose": method([("b", {"$or": ["bytes", "string"]}), ("a", {"$or": ["address", "any"]})]),
    "erased": method([("a", "array"), ("d", "dict")]),
}, [("name", "string"), ("supply", "int")], {"decimals": "int"})
NODE = "/methods/insert/params/0/1"
TREE = schema({
    "insert": method([("node", {"value": "int", "children": [{"$rep": {"$ref": NODE}}]})],
                     ret={"$ref": NODE + "/children/0/$rep"}),
})
CONTRACTS = {"token": TOKEN, "tree": TREE}


def text(value):
    return json.dumps(value, separators=(",", ":"))


def nested_dicts(count):
    ty = "int"
    for _ in range(count):
        ty = {"$dict": ty}
    return ty


def build():
    schemas, calls, returns, builds = [], [], [], []

    def parses(name, description, value, signatures):
        schemas.append({"name": name, "description": description,
                        "schema": value if isinstance(value, str) else text(value), "signatures": signatures})

    def refused(name, description, value, error, path):
        assert error in ERRORS, error
        schemas.append({"name": name, "description": description,
                        "schema": value if isinstance(value, str) else text(value), "error": error, "path": path})

    def with_method(m, extra=None):
        return schema({"m": m}) if extra is None else schema({"m": m, **extra})

    # --- schemas that parse ---
    parses("token", "every form but $ref, flags and gas", TOKEN, [
        "constructor(name: string, supply: int, *, decimals: int)",
        "view balance_of(owner: address) -> int",
        "write batch(transfers: list[{to: address, amount: int}]) -> list[bool]",
        "write choose(v: int | string) -> any",
        "write payable deposit() -> null min_gas_leader=1000 min_gas_validator=500",
        "write erased(a: array, d: dict) -> null",
        "write loose(b: bytes | string, a: address | any) -> null",
        "write maybe(x: list[int] | null) -> null",
        "write meta(tags: dict[int], blob: bytes, extra: any, *, \"$weird\": bool) -> int | null",
        "write pair(p: [int, string]) -> [int, ...string]",
        "write transfer(to: address, amount: int, *, memo: string | null) -> bool",
    ])
    parses("tree", "a recursive type through $ref", TREE, [
        "constructor()",
        "write insert(node: {value: int, children: list[ref(/methods/insert/params/0/1)]}) -> "
        "ref(/methods/insert/params/0/1/children/0/$rep)",
    ])
    parses("empty", "no methods, an empty tuple and an empty record",
           schema({"m": method([("t", []), ("r", {})])}), ["constructor()", "write m(t: [], r: {}) -> null"])
    parses("readonly_payable_false", "a readonly method may say payable: false",
           schema({"m": {"params": [], "kwparams": {}, "readonly": True, "payable": False, "ret": "int"}}),
           ["constructor()", "view m() -> int"])
    parses("escaped_field", "a record field beginning with $ is written $$",
           with_method(method([("r", {"$$x": "int", "y": "string"})])),
           ["constructor()", "write m(r: {\"$x\": int, y: string}) -> null"])
    parses("prefix_and_rest", "a tuple with a prefix and a repetition",
           with_method(method([("t", ["int", "bool", {"$rep": "string"}])])),
           ["constructor()", "write m(t: [int, bool, ...string]) -> null"])
    parses("depth_64", "types nested 64 deep", with_method(method([("d", nested_dicts(63))])),
           ["constructor()", "write m(d: " + "dict[" * 63 + "int" + "]" * 63 + ") -> null"])
    parses("whitespace_and_order", "keys in any order, whitespace anywhere",
           '{ "methods" : { } ,\n "ctor" : { "kwparams" : { } , "params" : [ ] } }', ["constructor()"])

    # --- schemas refused ---
    refused("not_json", "not JSON", "{", "invalid_json", "")
    refused("not_an_object", "a schema is an object", "[]", "bad_schema", "")
    refused("no_ctor", "ctor is required", text({"methods": {}}), "bad_schema", "")
    refused("no_methods", "methods is required", text({"ctor": {"params": [], "kwparams": {}}}), "bad_schema", "")
    refused("unknown_top_key", "the top level has only ctor and methods",
            text({**schema({}), "version": 1}), "unknown_key", "version")
    refused("repeated_method", "a key repeated in an object",
            '{"ctor":{"params":[],"kwparams":{}},"methods":{"a":%s,"a":%s}}' % (text(method()), text(method())),
            "duplicate_key", "methods.a")
    refused("repeated_method_key", "a key repeated in a method",
            '{"ctor":{"params":[],"kwparams":{}},"methods":{"a":{"params":[],"kwparams":{},"readonly":true,'
            '"readonly":false,"ret":"int"}}}', "duplicate_key", "methods.a.readonly")
    refused("no_readonly", "a method needs readonly",
            with_method({"params": [], "kwparams": {}, "ret": "int"}), "bad_schema", "methods.m")
    refused("no_payable", "a method that is not readonly needs payable",
            with_method({"params": [], "kwparams": {}, "readonly": False, "ret": "int"}), "bad_schema", "methods.m")
    refused("readonly_payable", "a readonly method cannot be payable",
            with_method({"params": [], "kwparams": {}, "readonly": True, "payable": True, "ret": "int"}),
            "bad_schema", "methods.m.payable")
    refused("no_params", "params is required",
            with_method({"kwparams": {}, "readonly": True, "ret": "int"}), "bad_schema", "methods.m")
    refused("ctor_ret", "a constructor has no ret",
            text({"ctor": {"params": [], "kwparams": {}, "ret": "null"}, "methods": {}}), "unknown_key", "ctor.ret")
    refused("unknown_method_key", "a method has a closed key set",
            with_method({**method(), "doc": "x"}), "unknown_key", "methods.m.doc")
    refused("readonly_not_bool", "readonly is a boolean",
            with_method({**method(), "readonly": 0}), "bad_schema", "methods.m.readonly")
    refused("negative_gas", "min_gas_leader is a non-negative integer",
            with_method(method(min_gas_leader=-1)), "bad_schema", "methods.m.min_gas_leader")
    refused("fractional_gas", "min_gas_validator is an integer",
            with_method(method(min_gas_validator=1.5)), "bad_schema", "methods.m.min_gas_validator")
    refused("param_not_pair", "a parameter is [name, type]",
            with_method(method([("a", "int", "x")])), "bad_schema", "methods.m.params[0]")
    refused("param_name_not_string", "a parameter's name is a string",
            with_method(method([(1, "int")])), "bad_schema", "methods.m.params[0][0]")
    refused("unknown_type", "float is not a type",
            with_method(method([("a", "float")])), "unknown_type", "methods.m.params[0][1]")
    refused("type_is_number", "a type is a name, an array or an object",
            with_method(method(ret=5)), "bad_type", "methods.m.ret")
    refused("type_is_null", "null is not the type \"null\"",
            with_method(method(ret=None)), "bad_type", "methods.m.ret")
    refused("rep_not_last", "$rep only as the last element",
            with_method(method([("a", [{"$rep": "int"}, "int"])])), "bad_type", "methods.m.params[0][1][0]")
    refused("rep_alone", "$rep is not a type by itself",
            with_method(method(ret={"$rep": "int"})), "bad_type", "methods.m.ret")
    refused("rep_with_other_key", "a $rep form has one key",
            with_method(method(ret=[{"$rep": "int", "x": "int"}])), "bad_type", "methods.m.ret[0]")
    refused("empty_or", "an empty union fits nothing",
            with_method(method(ret={"$or": []})), "bad_type", "methods.m.ret[\"$or\"]")
    refused("or_not_array", "$or holds an array",
            with_method(method(ret={"$or": "int"})), "bad_type", "methods.m.ret[\"$or\"]")
    refused("dict_with_other_key", "a form object has one key",
            with_method(method(ret={"$dict": "int", "x": "int"})), "bad_type", "methods.m.ret")
    refused("unknown_form", "$foo is no form (a field $foo is written $$foo)",
            with_method(method(ret={"$foo": "int"})), "bad_type", "methods.m.ret")
    refused("unknown_type_deep", "the path goes through forms",
            with_method(method(ret={"$or": ["int", {"$dict": [{"$rep": "uint"}]}]})), "unknown_type",
            "methods.m.ret[\"$or\"][1][\"$dict\"][0][\"$rep\"]")
    refused("repeated_field", "a record repeats a field",
            '{"ctor":{"params":[],"kwparams":{}},"methods":{"m":{"params":[["r",{"a":"int","a":"int"}]],'
            '"kwparams":{},"readonly":true,"ret":"int"}}}', "duplicate_key", "methods.m.params[0][1].a")
    refused("method_name_hash", "a name beginning with # is a special method's",
            schema({"#x": method()}), "bad_name", "methods[\"#x\"]")
    refused("method_name_dunder", "a name beginning with __ cannot be called",
            schema({"__x": method()}), "bad_name", "methods.__x")
    refused("method_name_empty", "a method has a name", schema({"": method()}), "bad_name", "methods[\"\"]")
    refused("kwparam_unescaped", "a keyword name beginning with $ is written $$",
            with_method(method(kwparams={"$x": "int"})), "bad_name", "methods.m.kwparams[\"$x\"]")
    refused("param_twice", "two parameters of one name",
            with_method(method([("a", "int"), ("a", "int")])), "duplicate_param", "methods.m.params[1]")
    refused("kwparam_is_param", "a keyword parameter named as a positional one",
            with_method(method([("a", "int")], {"a": "int"})), "duplicate_param", "methods.m.kwparams.a")
    refused("escaped_kwparam_is_param", "$$a is the name $a",
            with_method(method([("$a", "int")], {"$$a": "int"})), "duplicate_param",
            "methods.m.kwparams[\"$$a\"]")
    refused("ref_not_pointer", "a $ref is a JSON Pointer",
            with_method(method(ret={"$ref": "methods/m/params"})), "bad_ref", "methods.m.ret")
    refused("ref_bad_escape", "~ only as ~0 and ~1",
            with_method(method(ret={"$ref": "/methods/m~2"})), "bad_ref", "methods.m.ret")
    refused("ref_to_nothing", "a $ref points at a type of the schema",
            with_method(method(ret={"$ref": "/methods/x/ret"})), "bad_ref", "methods.m.ret")
    refused("ref_to_non_type", "readonly is not a type",
            with_method(method(ret={"$ref": "/methods/m/readonly"})), "bad_ref", "methods.m.ret")
    refused("ref_to_pair", "a parameter's [name, type] pair is not a type position",
            with_method(method([("a", "int")], ret={"$ref": "/methods/m/params/0"})), "bad_ref", "methods.m.ret")
    refused("ref_not_string", "$ref holds a string",
            with_method(method(ret={"$ref": 1})), "bad_ref", "methods.m.ret[\"$ref\"]")
    refused("ref_self", "a type that is only itself",
            with_method(method(ret={"$ref": "/methods/m/ret"})), "bad_ref", "methods.m.ret")
    refused("ref_cycle_through_or", "a cycle through $or and no container",
            with_method(method(ret={"$or": ["null", {"$ref": "/methods/m/ret"}]})), "bad_ref",
            "methods.m.ret[\"$or\"][1]")
    refused("depth_65", "types nested 65 deep", with_method(method([("d", nested_dicts(64))])), "too_deep",
            "methods.m.params[0][1]" + "[\"$dict\"]" * 64)
    refused("json_too_deep", "JSON nested past the JSON reader's limit",
            with_method(method(ret=json.loads("[" * 200 + "]" * 200))), "too_deep", "")

    # --- calls ---
    def call(generation, name, args=None, kwargs=None):
        value = {METHOD_KEY[generation]: name} if name is not None else {}
        if args is not None:
            value["args"] = args
        if kwargs is not None:
            value["kwargs"] = kwargs
        return value

    def checked(name, description, contract, value, error=None, path=None, generation="v0.2", strict=False,
                deployment=False, call_error=None):
        vector = {"name": name, "description": description, "contract": contract, "generation": generation,
                  "hex": (value if isinstance(value, bytes) else encode(value)).hex()}
        if strict:
            vector["strict"] = True
        if deployment:
            vector["deployment"] = True
        if error is None:
            vector["ok"] = True
        else:
            assert error in ERRORS, error
            vector["error"] = error
            vector["path"] = path
            if call_error is not None:
                vector["call_error"] = call_error
        calls.append(vector)

    for g in METHOD_KEY:
        p = g.replace(".", "_") + "_"
        checked(p + "transfer", "positional arguments", "token", call(g, "transfer", [ALICE, 5]), generation=g)
        checked(p + "memo", "a keyword argument", "token",
                call(g, "transfer", [ALICE, 5], {"memo": "rent"}), generation=g)
        checked(p + "memo_null", "the other alternative", "token",
                call(g, "transfer", [ALICE, 5], {"memo": None}), generation=g)
        checked(p + "positional_by_name", "a positional parameter passed by name", "token",
                call(g, "transfer", [ALICE], {"amount": 5}), generation=g)
        checked(p + "all_by_name", "every positional parameter by name", "token",
                call(g, "transfer", None, {"amount": 5, "to": ALICE}), generation=g)
        checked(p + "missing_allowed", "a missing argument may have a default", "token",
                call(g, "transfer", [ALICE]), generation=g)
        checked(p + "address_as_string", "a string is not an address", "token",
                call(g, "transfer", ["0x" + bytes(ALICE).hex(), 5]), "type_mismatch", "args[0]", generation=g)
        checked(p + "deployment", "a deployment against the constructor", "token",
                call(g, None, ["Token", 1000], {"decimals": 18}), generation=g, deployment=True)
    g = "v0.2"
    checked("strict_missing_positional", "strict: every positional parameter", "token",
            call(g, "transfer", [ALICE]), "missing_arg", "args[1]", strict=True)
    checked("strict_missing_keyword", "strict: every keyword parameter", "token",
            call(g, "transfer", [ALICE, 5]), "missing_arg", "kwargs.memo", strict=True)
    checked("strict_complete", "strict: everything given", "token",
            call(g, "transfer", [ALICE], {"amount": 5, "memo": None}), strict=True)
    checked("not_calldata", "the bytes are not calldata", "token", bytes([0x80, 0x00]), "not_calldata", "",
            call_error="not_calldata")
    checked("not_a_map", "a call is a map", "token", [1], "not_a_call", "", call_error="not_a_map")
    checked("other_generation", "a v0.2 call read as v0.3", "token", call("v0.2", "transfer", [ALICE, 5]),
            "not_a_call", "", generation="v0.3", call_error="unknown_key")
    checked("args_not_array", "args is an array", "token", {"method": "transfer", "args": {}}, "not_a_call", "",
            call_error="wrong_type")
    checked("unknown_method", "no such method", "token", call(g, "mint", [1]), "unknown_method", "")
    checked("no_method_name", "a v0.3 call without a name", "token", {"args": [1]}, "unknown_method", "",
            generation="v0.3")
    checked("too_many_args", "more arguments than parameters", "token", call(g, "transfer", [ALICE, 5, "x"]),
            "too_many_args", "args[2]")
    checked("unknown_kwarg", "a keyword that names no parameter", "token",
            call(g, "transfer", [ALICE, 5], {"note": "x"}), "unknown_kwarg", "kwargs.note")
    checked("given_twice", "a parameter given positionally and by name", "token",
            call(g, "transfer", [ALICE, 5], {"to": BOB}), "duplicate_arg", "kwargs.to")
    checked("bool_for_int", "a bool does not fit int", "token", call(g, "transfer", [ALICE, True]),
            "type_mismatch", "args[1]")
    checked("bytes_for_address", "20 bytes are not an address", "token",
            call(g, "transfer", [bytes(ALICE), 5]), "type_mismatch", "args[0]")
    checked("kwarg_wrong_type", "a keyword argument fits neither alternative", "token",
            call(g, "transfer", [ALICE, 5], {"memo": 7}), "type_mismatch", "kwargs.memo")
    checked("positional_by_name_wrong_type", "a positional parameter by name has its type", "token",
            call(g, "transfer", [ALICE], {"amount": "5"}), "type_mismatch", "kwargs.amount")
    checked("balance_of", "a readonly method", "token", call(g, "balance_of", [BOB]))
    checked("deposit", "no parameters", "token", call(g, "deposit"))
    checked("deposit_empty_args", "empty args and kwargs", "token", call(g, "deposit", [], {}))
    batch = [{"to": ALICE, "amount": 1}, {"to": BOB, "amount": 2}]
    checked("batch", "a list of records", "token", call(g, "batch", [batch]))
    checked("batch_empty", "an empty list", "token", call(g, "batch", [[]]))
    checked("batch_field_type", "a record field of the wrong type", "token",
            call(g, "batch", [[batch[0], {"to": "bob", "amount": 2}]]), "type_mismatch", "args[0][1].to")
    checked("batch_unknown_field", "a key that is no field", "token",
            call(g, "batch", [[{"to": ALICE, "amount": 1, "memo": "x"}]]), "unknown_field", "args[0][0].memo")
    checked("batch_missing_field", "a missing field may have a default", "token",
            call(g, "batch", [[{"to": ALICE}]]))
    checked("batch_missing_field_strict", "strict: every field", "token",
            call(g, "batch", [[{"to": ALICE}]]), "missing_field", "args[0][0].amount", strict=True)
    checked("batch_not_list", "a map is not a list", "token", call(g, "batch", [{"to": ALICE}]),
            "type_mismatch", "args[0]")
    checked("pair", "a tuple", "token", call(g, "pair", [[1, "a"]]))
    checked("pair_long", "a tuple of the wrong length", "token", call(g, "pair", [[1, "a", "b"]]),
            "wrong_length", "args[0]")
    checked("pair_element", "a tuple element of the wrong type", "token", call(g, "pair", [[1, 2]]),
            "type_mismatch", "args[0][1]")
    checked("meta", "dict of T, bytes, any and an escaped keyword", "token",
            call(g, "meta", [{"a": 1, "b c": 2}, b"\x00\xff", [None, {"x": ALICE}]], {"$weird": True}))
    checked("meta_dict_value", "a dict value of the wrong type", "token",
            call(g, "meta", [{"a": 1, "b c": "2"}]), "type_mismatch", "args[0][\"b c\"]")
    checked("meta_escaped_spelling", "the kwarg is $weird, not its escaped spelling", "token",
            call(g, "meta", [{}], {"$$weird": True}), "unknown_kwarg", "kwargs[\"$$weird\"]")
    checked("maybe_null", "a union's null", "token", call(g, "maybe", [None]))
    checked("maybe_list", "a union's list", "token", call(g, "maybe", [[1, 2]]))
    checked("maybe_deep", "the one alternative of the value's kind reports", "token",
            call(g, "maybe", [[1, "2"]]), "type_mismatch", "args[0][1]")
    checked("maybe_shallow", "no alternative of the value's kind", "token", call(g, "maybe", ["x"]),
            "type_mismatch", "args[0]")
    checked("erased", "any array and any map", "token", call(g, "erased", [[1, "x"], {"k": None}]))
    checked("erased_wrong", "a map is not an array", "token", call(g, "erased", [{}, {}]), "type_mismatch",
            "args[0]")
    checked("get_schema", "#get-schema: every contract answers it", "token", call(g, "#get-schema"))
    checked("get_schema_args", "#get-schema takes no arguments", "token", call(g, "#get-schema", [1]),
            "too_many_args", "args[0]")
    checked("error_method", "#error is not in the schema", "token", call(g, "#error"), "unknown_method", "")
    checked("deployment_named", "a deployment has no method name", "token", call(g, "transfer"), "not_a_call",
            "", deployment=True, call_error="named_deployment")
    checked("deployment_type", "a constructor argument of the wrong type", "token",
            call(g, None, ["Token", "1000"]), "type_mismatch", "args[1]", deployment=True)
    checked("deployment_strict", "strict: the constructor's keyword too", "token",
            call(g, None, ["Token", 1000]), "missing_arg", "kwargs.decimals", deployment=True, strict=True)
    leaf = {"value": 3, "children": []}
    checked("tree", "a recursive type", "tree",
            call(g, "insert", [{"value": 1, "children": [{"value": 2, "children": [leaf]}]}]))
    checked("tree_deep_error", "an error deep in a recursive type", "tree",
            call(g, "insert", [{"value": 1, "children": [{"value": 2, "children": [{"value": "3"}]}]}]),
            "type_mismatch", "args[0].children[0].children[0].value")

    # --- return values ---
    def ret(name, description, contract, method_name, value, error=None, path=None):
        vector = {"name": name, "description": description, "contract": contract, "method": method_name,
                  "hex": encode(value).hex()}
        if error is None:
            vector["ok"] = True
        else:
            assert error in ERRORS, error
            vector["error"] = error
            vector["path"] = path
        returns.append(vector)

    ret("int", "an int", "token", "balance_of", 10 ** 30)
    ret("int_wrong", "a string is not an int", "token", "balance_of", "10", "type_mismatch", "ret")
    ret("list", "a list of bool", "token", "batch", [True, False])
    ret("list_element", "an element of the wrong type", "token", "batch", [True, None], "type_mismatch", "ret[1]")
    ret("prefix_only", "the prefix alone", "token", "pair", [1])
    ret("prefix_and_rest", "the prefix and more", "token", "pair", [1, "a", "b"])
    ret("prefix_missing", "fewer elements than the prefix", "token", "pair", [], "wrong_length", "ret")
    ret("rest_element", "a repeated element of the wrong type", "token", "pair", [1, "a", 2], "type_mismatch",
        "ret[2]")
    ret("union_null", "null of int | null", "token", "meta", None)
    ret("any", "any value", "token", "choose", {"x": [ALICE, b""]})
    ret("null", "a method returning None", "token", "deposit", None)
    ret("get_schema", "#get-schema returns a string", "token", "#get-schema", text(TOKEN))
    ret("unknown_method", "no such method", "token", "mint", None, "unknown_method", "")
    ret("tree", "a return type through $ref", "tree", "insert", leaf)
    ret("tree_wrong", "a record through $ref", "tree", "insert", {"value": 1, "children": [5]}, "type_mismatch",
        "ret.children[0]")

    # --- building calls ---
    def built(name, description, contract, method_name, args, kwargs=None, expect=None, error=None, path=None,
              generation="v0.2", strict=False):
        vector = {"name": name, "description": description, "contract": contract, "method": method_name,
                  "generation": generation, "args": args, "kwargs": kwargs or {}}
        if strict:
            vector["strict"] = True
        if error is None:
            expected_args, expected_kwargs = expect
            vector["hex"] = encode(call(generation, method_name, expected_args or None,
                                        expected_kwargs or None)).hex()
        else:
            assert error in ERRORS, error
            vector["error"] = error
            vector["path"] = path
        builds.append(vector)

    alice = "0x" + bytes(ALICE).hex()
    big = 10 ** 24
    for g in METHOD_KEY:
        built(g.replace(".", "_") + "_transfer", "an address and a JSON number", "token", "transfer", [alice, 5],
              expect=([ALICE, 5], {}), generation=g)
    built("decimal_string", "an int as a decimal string, beyond 64 bits", "token", "transfer",
          [alice, str(big)], expect=([ALICE, big], {}))
    built("negative_decimal", "a negative decimal string", "token", "transfer", [alice, "-12"],
          expect=([ALICE, -12], {}))
    built("u64_max", "the largest JSON integer read exactly", "token", "transfer", [alice, 2 ** 64 - 1],
          expect=([ALICE, 2 ** 64 - 1], {}))
    built("leading_zero", "007 is not how an integer prints", "token", "transfer", [alice, "007"],
          error="bad_value", path="args[1]")
    built("minus_zero", "-0 is not how an integer prints", "token", "transfer", [alice, "-0"],
          error="bad_value", path="args[1]")
    built("plus_sign", "+5 is not how an integer prints", "token", "transfer", [alice, "+5"],
          error="bad_value", path="args[1]")
    built("hex_int", "no hex integers", "token", "transfer", [alice, "0x10"], error="bad_value", path="args[1]")
    built("float", "a JSON number with a fraction", "token", "transfer", [alice, 1.5], error="bad_value",
          path="args[1]")
    built("whole_float", "2.0 is a float in JSON too", "token", "transfer", [alice, 2.0], error="bad_value",
          path="args[1]")
    built("bool_for_int", "a boolean is not an int", "token", "transfer", [alice, True], error="type_mismatch",
          path="args[1]")
    built("address_no_prefix", "an address needs 0x", "token", "transfer", [bytes(ALICE).hex(), 1],
          error="bad_value", path="args[0]")
    built("address_short", "an address has 40 digits", "token", "transfer", [alice[:-2], 1], error="bad_value",
          path="args[0]")
    checksummed = eip55(bytes(BOB))
    assert checksummed != checksummed.lower()
    built("address_checksum", "a mixed-case address with its EIP-55 checksum", "token", "transfer",
          [checksummed, 1], expect=([BOB, 1], {}))
    def flip(i):
        return checksummed[:i] + checksummed[i].swapcase() + checksummed[i + 1:]

    wrong = next(flip(i) for i, c in enumerate(checksummed) if i >= 2 and c.isalpha()
                 and flip(i)[2:] not in (flip(i)[2:].lower(), flip(i)[2:].upper()))
    built("address_bad_checksum", "a mixed-case address whose checksum is wrong", "token", "transfer",
          [wrong, 1], error="bad_value", path="args[0]")
    built("address_upper", "all upper case carries no checksum", "token", "transfer",
          ["0x" + bytes(BOB).hex().upper(), 1], expect=([BOB, 1], {}))
    built("memo", "a keyword argument", "token", "transfer", [alice, 1], {"memo": "rent"},
          expect=([ALICE, 1], {"memo": "rent"}))
    built("memo_wrong", "fits no alternative", "token", "transfer", [alice, 1], {"memo": 5},
          error="type_mismatch", path="kwargs.memo")
    built("by_name", "positional parameters by name stay keyword arguments", "token", "transfer", [],
          {"to": alice, "amount": 1}, expect=([], {"to": ALICE, "amount": 1}))
    built("given_twice", "positionally and by name", "token", "transfer", [alice], {"to": alice},
          error="duplicate_arg", path="kwargs.to")
    built("too_many", "more arguments than parameters", "token", "transfer", [alice, 1, 2],
          error="too_many_args", path="args[2]")
    built("unknown_kwarg", "no such parameter", "token", "transfer", [alice, 1], {"x": 1},
          error="unknown_kwarg", path="kwargs.x")
    built("unknown_method", "no such method", "token", "mint", [], error="unknown_method", path="")
    built("strict_missing", "strict: every parameter", "token", "transfer", [alice, 1], error="missing_arg",
          path="kwargs.memo", strict=True)
    built("bytes_hex", "bytes as 0x and hex digits", "token", "meta", [{}, "0x00fF", None],
          expect=([{}, b"\x00\xff", None], {}))
    built("bytes_base64", "bytes as base64", "token", "meta", [{}, "AP8=", None],
          expect=([{}, b"\x00\xff", None], {}))
    built("bytes_array", "bytes as an array of integers", "token", "meta", [{}, [0, 255], None],
          expect=([{}, b"\x00\xff", None], {}))
    built("bytes_bare_hex", "hex digits without 0x are base64 too", "token", "meta", [{}, "00ff", None],
          error="ambiguous", path="args[1]")
    built("bytes_neither", "neither hex nor base64", "token", "meta", [{}, "0xzz", None], error="bad_value",
          path="args[1]")
    built("bytes_out_of_range", "256 is no byte", "token", "meta", [{}, [256], None], error="bad_value",
          path="args[1]")
    built("dict_value", "a dict value read by its type", "token", "meta", [{"a": "x"}, "0x", None],
          error="bad_value", path="args[0].a")
    built("any_json", "any: strings stay strings, numbers become integers", "token", "meta",
          [{"a": 1}, "0x", [alice, 1, None, {"k": True}]], {"$weird": False},
          expect=([{"a": 1}, b"", ["0x" + bytes(ALICE).hex(), 1, None, {"k": True}]], {"$weird": False}))
    built("any_float", "no floats under any", "token", "meta", [{}, "0x", [1.5]], error="bad_value",
          path="args[2][0]")
    built("union_int", "a JSON number is only an int", "token", "choose", [5], expect=([5], {}))
    built("union_string", "text that is no integer is only a string", "token", "choose", ["five"],
          expect=(["five"], {}))
    built("union_ambiguous", "\"5\" reads as int and as string", "token", "choose", ["5"], error="ambiguous",
          path="args[0]")
    built("union_bytes_or_string", "0x.. reads as bytes and as string", "token", "loose", ["0x00", None],
          error="ambiguous", path="args[0]")
    built("union_with_any", "a union holding any reads as any: no guessing an address", "token", "loose",
          ["plain", alice], expect=(["plain", alice], {}))
    built("tuple", "a tuple", "token", "pair", [[1, "a"]], expect=([[1, "a"]], {}))
    built("tuple_short", "a tuple of the wrong length", "token", "pair", [[1]], error="wrong_length",
          path="args[0]")
    built("records", "a list of records with loose fields", "token", "batch",
          [[{"to": alice, "amount": "7"}]], expect=([[{"to": ALICE, "amount": 7}]], {}))
    built("record_unknown_field", "a key that is no field", "token", "batch",
          [[{"to": alice, "amount": 1, "memo": "x"}]], error="unknown_field", path="args[0][0].memo")
    built("record_strict", "strict: every field", "token", "batch", [[{"to": alice}]], error="missing_field",
          path="args[0][0].amount", strict=True)
    built("deployment", "a deployment", "token", None, ["Token", "1000"], {"decimals": 18},
          expect=(["Token", 1000], {"decimals": 18}))
    built("deployment_v0_3", "a deployment in v0.3", "token", None, ["Token", 1], expect=(["Token", 1], {}),
          generation="v0.3")
    built("tree", "a recursive type", "tree", "insert",
          [{"value": "1", "children": [{"value": 2, "children": []}]}],
          expect=([{"value": 1, "children": [{"value": 2, "children": []}]}], {}))
    built("tree_error", "an error deep in a recursive type", "tree", "insert",
          [{"value": 1, "children": [{"value": 2, "children": [{"value": 1.5}]}]}], error="bad_value",
          path="args[0].children[0].children[0].value")
    return schemas, calls, returns, builds


def document():
    schemas, calls, returns, builds = build()
    for group in (schemas, calls, returns, builds):
        group_names = [v["name"] for v in group]
        assert len(group_names) == len(set(group_names)), "names repeat"
    return {"format": "genvm-schema-vectors", "version": 1, "errors": ERRORS,
            "contracts": {name: text(value) for name, value in CONTRACTS.items()},
            "schemas": schemas, "calls": calls, "returns": returns, "builds": builds}


def main():
    write_or_check(OUT, document())


if __name__ == "__main__":
    main()
