//! Fuzz the PDF reader: any bytes give pages or a `PdfError`, never a panic, abort or
//! hang. Seeds: the PDFs of `fixtures/` (scripts/fuzz.sh).
#![no_main]

use ita_extract::ingest::pdf::{read_pdf, PdfOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Budgets small enough that one input cannot eat the fuzzer's memory or time.
    let opts = PdfOptions {
        max_stream_bytes: 4 * 1024 * 1024,
        max_pages: 50,
        max_seconds: 5.0,
        ..PdfOptions::default()
    };
    let _ = read_pdf(data, &opts);
});
