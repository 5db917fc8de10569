#![no_main]
//! See `genvm_calldata_fuzz_checks::results_hold`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| genvm_calldata_fuzz_checks::results_hold(data));
