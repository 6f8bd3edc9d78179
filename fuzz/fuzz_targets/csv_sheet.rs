//! Any text as one CSV sheet of a workbook (a folder's CSV files): within
//! the same bounds as a workbook's sheets.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rops_workbook::{sheet, xlsx};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut budget = xlsx::Budget::new();
    if let Ok(t) = xlsx::csv_sheet("Wydarzenia", text, &mut budget) {
        let _ = sheet::import(&[t]);
    }
});
