#![no_main]
//! See `genvm_calldata_fuzz_checks::serde_zoo_round_trips`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| genvm_calldata_fuzz_checks::serde_zoo_round_trips(data));
