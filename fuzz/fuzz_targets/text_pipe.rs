//! Fuzz the markdown pipe-table flavour: every line of the input is made a pipe row
//! (`| ... |`) before reading, so the fuzzer spends its time inside that reader.
#![no_main]

use ita_extract::ingest::text::read_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut text = Vec::with_capacity(data.len() * 2);
    for line in data.split(|&b| b == b'\n') {
        text.extend_from_slice(b"| ");
        text.extend_from_slice(line);
        text.extend_from_slice(b" |\n");
    }
    if let Ok(pages) = read_text(&text) {
        for page in pages {
            let _ = ita_extract::layout::text::page(page);
        }
    }
});
