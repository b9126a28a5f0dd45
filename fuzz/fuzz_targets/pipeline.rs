//! Fuzz the whole pipeline (ingest -> normalize -> layout -> extract -> validate) and
//! the CSV rows of its document: any bytes give a document, never a panic. OCR is off
//! (no engine runs inside the fuzzer).
#![no_main]

use ita_extract::cli::OcrMode;
use ita_extract::pipeline::{process_bytes, PipelineOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut opts = PipelineOptions::default();
    opts.ocr.mode = OcrMode::Off;
    opts.pdf.max_stream_bytes = 4 * 1024 * 1024;
    opts.pdf.max_pages = 50;
    opts.pdf.max_seconds = 5.0;
    let doc = process_bytes("fuzz.txt", data, &opts);
    let _ = ita_extract::output::tables::rows("fuzz", &doc);
    let _ = serde_json::to_vec(&doc);
});
