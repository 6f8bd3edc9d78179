//! Any bytes as a content bundle: parsed, or refused with located faults.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rops_content as content;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = content::parse_bytes(data) {
        let _ = e.to_string();
    }
});
