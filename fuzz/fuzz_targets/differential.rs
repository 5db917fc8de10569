#![no_main]
//! See `genvm_calldata_fuzz_checks::matches_reference`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| genvm_calldata_fuzz_checks::matches_reference(data));
