//! Differential tests against the reference host's codec, `genlayer_calldata`
//! 0.0.2: same encodings, same verdicts, same re-encodings.

mod common;

use common::{arbitrary_value, reference_verdict, repo_root, to_reference};
use genvm_calldata::{decode, decode_ref, encode, validate};
use proptest::prelude::*;

/// Checks our verdict on `input` against the reference's.
fn assert_same_verdict(input: &[u8]) {
    let ours = decode(input);
    let reference = reference_verdict(input);
    assert_eq!(
        ours.is_ok(),
        reference.is_some(),
        "verdicts differ on {}: ours {:?}",
        hex::encode(input),
        ours
    );
    assert_eq!(validate(input).is_ok(), ours.is_ok());
    assert_eq!(decode_ref(input).is_ok(), ours.is_ok());
    if let (Ok(value), Some(reencoded)) = (ours, reference) {
        assert_eq!(reencoded, input, "the reference re-encodes differently");
        assert_eq!(encode(&value), input, "we re-encode differently");
    }
}

/// Applies small edits, driven by `edits`, to `bytes`.
fn mutate(mut bytes: Vec<u8>, edits: &[(u8, u16, u8)]) -> Vec<u8> {
    for &(op, at, byte) in edits {
        let at = if bytes.is_empty() {
            0
        } else {
            at as usize % (bytes.len() + 1)
        };
        match op % 5 {
            0 if at < bytes.len() => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            2 if at < bytes.len() => {
                bytes.remove(at);
            }
            3 => bytes.truncate(at),
            4 if at < bytes.len() => bytes[at] ^= 1 << (byte % 8),
            _ => {}
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_values_encode_like_the_reference(data in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Some(value) = arbitrary_value(&data) {
            let ours = encode(&value);
            prop_assert_eq!(&ours, &genlayer_calldata::encode(&to_reference(&value)));
            prop_assert_eq!(decode(&ours).unwrap(), value);
        }
    }

    #[test]
    fn mutated_encodings_get_the_reference_verdict(
        data in prop::collection::vec(any::<u8>(), 0..1024),
        edits in prop::collection::vec((any::<u8>(), any::<u16>(), any::<u8>()), 1..4),
    ) {
        if let Some(value) = arbitrary_value(&data) {
            assert_same_verdict(&mutate(encode(&value), &edits));
        }
    }

    #[test]
    fn random_bytes_get_the_reference_verdict(input in prop::collection::vec(any::<u8>(), 0..64)) {
        assert_same_verdict(&input);
    }
}

#[test]
fn header_bytes_alone_and_in_pairs_get_the_reference_verdict() {
    for first in 0..=255u8 {
        assert_same_verdict(&[first]);
        for second in 0..=255u8 {
            assert_same_verdict(&[first, second]);
        }
    }
}

#[test]
#[ignore = "needs ../shared/corpus/genvm-fuzz beside the checkout; scripts/test.sh runs it"]
fn reference_fuzz_corpus_gets_the_reference_verdict() {
    let dir = repo_root().join("../shared/corpus/genvm-fuzz");
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("corpus {} missing: {e}", dir.display()));
    let (mut files, mut accepted) = (0, 0);
    for entry in entries {
        let input = std::fs::read(entry.unwrap().path()).unwrap();
        assert_same_verdict(&input);
        files += 1;
        accepted += usize::from(validate(&input).is_ok());
    }
    assert!(files >= 100, "only {files} corpus files");
    assert!(
        accepted > 0 && accepted < files,
        "{accepted} of {files} accepted"
    );
}
