//! The four `#get-schema` outputs of the genvm test suite in
//! `../shared/corpus/schemas/` parse, and show as the signatures below.

use std::path::PathBuf;

use genvm_calldata_schema::Schema;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/schemas")
}

fn show(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(corpus().join(name)).expect("the corpus file reads");
    let schema = Schema::from_json(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
    std::iter::once(schema.constructor().to_string())
        .chain(schema.methods().map(|method| method.to_string()))
        .collect()
}

#[test]
#[ignore = "needs ../shared"]
fn every_corpus_schema_parses() {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .expect("../shared/corpus/schemas")
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "complex_types.json",
            "prim_types.json",
            "ret-tuple.json",
            "ret.json"
        ]
    );
    for name in &names {
        show(name);
    }
}

#[test]
#[ignore = "needs ../shared"]
fn corpus_signatures() {
    assert_eq!(
        show("complex_types.json"),
        [
            "constructor()",
            "write dict(a1: dict[int], a2: dict[string], a3: dict[int | string | null]) -> any",
            "write lst(a1: list[string], a2: list[string], a3: list[int]) -> any",
            "write opt(a1: array | null, a2: string | bytes, a3: string | null) -> any",
        ]
    );
    assert_eq!(
        show("prim_types.json"),
        [
            "constructor()",
            "write erased(a1: array, a2: dict, a3: any) -> any",
            "write foo(a1: int, a2: null, a3: bool, a4: string, a5: bytes, a6: address) -> any",
        ]
    );
    assert_eq!(
        show("ret-tuple.json"),
        [
            "constructor(foo: any, bar: any)",
            "write bar() -> list[int]",
            "write foo() -> [int, int]",
        ]
    );
    assert_eq!(
        show("ret.json"),
        [
            "constructor(foo: any, bar: any)",
            "view foo() -> any",
            "write kw(*, x: any, y: any) -> any",
            "write mixed(a: any, b: any, *, x: any, y: any) -> any",
            "write payable payable() -> any",
            "write pos(x: any, y: any) -> any",
        ]
    );
}
