//! Fuzz the text reader and its line flavours (plain OCR lines, `pdftotext -layout`
//! columns, tab-separated rows with inline HTML): bytes to pages to rows, never a panic.
#![no_main]

use ita_extract::ingest::text::{read_text_limited, TextLimits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((pages, _)) = read_text_limited(data, &TextLimits::default()) {
        for page in pages {
            let _ = ita_extract::layout::text::page(page);
        }
    }
});
