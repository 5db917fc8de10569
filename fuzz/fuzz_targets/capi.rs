#![no_main]
//! See `genvm_calldata_fuzz_checks::capi_agrees`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| genvm_calldata_fuzz_checks::capi_agrees(data));
