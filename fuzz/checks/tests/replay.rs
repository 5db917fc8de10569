//! Replays every stored fuzz input through the checks of its target: the
//! corpus each campaign left in `fuzz/corpus/<target>/`, crash reproducers in
//! `fuzz/regressions/<target>/`, the reference project's fuzz corpus and the
//! spec's vectors.

use std::path::{Path, PathBuf};

use genvm_calldata_fuzz_checks::{
    capi_agrees, decode_agrees, frame_round_trips, matches_reference, results_hold, serde_agrees,
    serde_zoo_round_trips, text_round_trips, value_round_trips,
};

/// What a byte-input target asserts.
type Check = fn(&[u8]);

fn fuzz_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
        .collect()
}

/// The spec's vector inputs, valid and invalid.
fn vector_inputs() -> Vec<Vec<u8>> {
    let path = fuzz_dir().join("../spec/vectors/calldata.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let vectors: serde_json::Value = serde_json::from_str(&text).expect("vectors are JSON");
    vectors["vectors"]
        .as_array()
        .expect("a vector list")
        .iter()
        .map(|vector| hex::decode(vector["hex"].as_str().expect("hex")).expect("valid hex"))
        .collect()
}

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let mut all = files(&fuzz_dir().join("corpus").join(target));
    all.extend(files(&fuzz_dir().join("regressions").join(target)));
    all
}

#[test]
fn byte_targets_replay_their_corpus_the_shared_corpus_and_the_vectors() {
    let shared = files(&fuzz_dir().join("../../shared/corpus/genvm-fuzz"));
    assert!(shared.len() >= 100, "the shared corpus is missing");
    let vectors = vector_inputs();
    assert!(vectors.len() >= 120, "the vectors are missing");
    let checks: [(&str, Check); 7] = [
        ("decode", decode_agrees),
        ("differential", matches_reference),
        ("frame", frame_round_trips),
        ("results", results_hold),
        ("serde", serde_agrees),
        ("capi", capi_agrees),
        ("serde_zoo", serde_zoo_round_trips),
    ];
    for (target, check) in checks {
        for input in inputs(target).iter().chain(&shared).chain(&vectors) {
            check(input);
        }
    }
}

#[test]
fn structured_targets_replay_their_corpus() {
    for input in inputs("round_trip") {
        value_round_trips(&input);
    }
    for input in inputs("text") {
        text_round_trips(&input);
    }
}
