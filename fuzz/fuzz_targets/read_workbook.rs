//! Any bytes as a workbook (.xlsx or .ods, usually a zip): read or refused
//! with a message, never a panic, an abort or an allocation past the
//! bounds (libFuzzer's -malloc_limit_mb stops the run if one happens).
#![no_main]
use libfuzzer_sys::fuzz_target;
use rops_content::Lang;
use rops_workbook::{sheet, xlsx};

fuzz_target!(|data: &[u8]| {
    match xlsx::read_workbook(data) {
        Ok(tables) => {
            // What the import does next: the sheets as a bundle, or faults.
            let _ = sheet::import(&tables);
        }
        Err(e) => {
            let _ = e.message(Lang::Pl);
        }
    }
});
