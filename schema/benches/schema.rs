//! The two speed claims of `genvm-calldata-schema` (BENCHMARKS.md):
//! checking a call against its schema within 2x of `validate` on the same
//! bytes, and reading a 100-method schema in under 1 ms.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::{validate, Address, Map, MethodCall, Value};
use genvm_calldata_schema::Schema;
use serde_json::json;

/// A token-like contract with a batch method and 100 methods in all.
fn schema_text(methods: usize) -> String {
    let transfer = json!({"to": "address", "amount": "int", "memo": {"$or": ["string", "null"]}});
    let mut all = serde_json::Map::new();
    all.insert(
        "batch".into(),
        json!({"params": [["transfers", [{"$rep": transfer}]], ["note", "string"]],
               "kwparams": {"deadline": {"$or": ["int", "null"]}},
               "readonly": false, "payable": false, "ret": [{"$rep": "bool"}]}),
    );
    all.insert(
        "transfer".into(),
        json!({"params": [["to", "address"], ["amount", "int"]],
               "kwparams": {"memo": {"$or": ["string", "null"]}},
               "readonly": false, "payable": false, "ret": "bool"}),
    );
    for i in all.len()..methods {
        all.insert(
            format!("method_{i:03}"),
            json!({"params": [["owner", "address"], ["amount", "int"], ["tags", [{"$rep": "string"}]],
                              ["data", {"$dict": {"$or": ["int", "bytes", "null"]}}]],
                   "kwparams": {"memo": {"$or": ["string", "null"]}, "pair": ["int", "string"]},
                   "readonly": i % 3 == 0, "payable": false, "ret": {"id": "int", "ok": "bool"}}),
        );
        if i % 3 == 0 {
            all[&format!("method_{i:03}")]
                .as_object_mut()
                .unwrap()
                .remove("payable");
        }
    }
    json!({"ctor": {"params": [["name", "string"], ["supply", "int"]], "kwparams": {}},
           "methods": all})
    .to_string()
}

fn batch_call(count: usize) -> MethodCall {
    let transfers = (0..count)
        .map(|i| {
            let mut record = Map::new();
            record.insert("to", Value::from(Address::from([i as u8; 20])));
            record.insert("amount", Value::from(1_000_000_007u64 * i as u64));
            record.insert(
                "memo",
                if i % 2 == 0 {
                    Value::from("payment for services")
                } else {
                    Value::Null
                },
            );
            Value::Map(record)
        })
        .collect();
    MethodCall::new("batch")
        .arg(Value::Array(transfers))
        .arg(Value::from("monthly payroll"))
        .kwarg("deadline", Value::from(1_700_000_000))
}

fn bench(c: &mut Criterion) {
    let text = schema_text(100);
    let schema = Schema::from_json(&text).unwrap();
    assert_eq!(schema.methods().len(), 100);

    let mut group = c.benchmark_group("schema_parse");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("100_methods", |b| {
        b.iter(|| Schema::from_json(black_box(&text)).unwrap())
    });
    group.finish();

    let calls = [
        (
            "transfer",
            MethodCall::new("transfer")
                .arg(Value::from(Address::from([7; 20])))
                .arg(Value::from(5))
                .kwarg("memo", Value::from("rent")),
        ),
        ("batch_100", batch_call(100)),
    ];
    for (name, call) in calls {
        for generation in [AbiGeneration::V02, AbiGeneration::V03] {
            let bytes = call.encode_in(generation);
            assert_eq!(schema.check_call(&bytes, generation), Ok(()));
            let label = match generation {
                AbiGeneration::V02 => "v0.2",
                AbiGeneration::V03 => "v0.3",
            };
            let mut group = c.benchmark_group(format!("check_{name}_{label}"));
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_function("validate", |b| b.iter(|| validate(black_box(&bytes))));
            group.bench_function("check_call", |b| {
                b.iter(|| schema.check_call(black_box(&bytes), generation))
            });
            group.finish();
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
