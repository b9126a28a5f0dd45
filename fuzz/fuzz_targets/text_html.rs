//! Fuzz the HTML-table flavour: the input is read inside `<table>` so that the HTML
//! table reader (scraper, then byte ranges found back in the text) gets every input.
#![no_main]

use ita_extract::ingest::text::read_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = [b"<table>".as_slice(), data].concat();
    if let Ok(pages) = read_text(&text) {
        for page in pages {
            let _ = ita_extract::layout::text::page(page);
        }
    }
});
