//! In-process throughput of one document through the `file` logic (read bytes, repair,
//! rows, tables, catalogue, flags, JSON serialisation), on one thread, without process
//! start-up: documents per second on one core for seed-sized OCR text.
//!
//! Run: `cargo run --release --example bench_extract [FILE] [N]`
//! (defaults: fixtures/seed_1afe833d.txt, 500 documents). Each iteration changes one byte
//! so no work can be cached between documents.

use ita_extract::pipeline::{process_bytes, PipelineOptions};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "fixtures/seed_1afe833d.txt".to_string());
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(500);
    let base = std::fs::read(&path)?;
    let opts = PipelineOptions::default();
    // Warm up: lazily built tables (gazetteer, word lists, regexes).
    let _ = process_bytes(&path, &base, &opts);
    let mut bytes = base.clone();
    bytes.extend_from_slice(b"\n0000000000\n");
    let tail = bytes.len() - 11;
    let start = Instant::now();
    let mut items = 0;
    let mut json_bytes = 0;
    for i in 0..n {
        bytes[tail..tail + 10].copy_from_slice(format!("{i:010}").as_bytes());
        let doc = process_bytes(&path, &bytes, &opts);
        items += doc.oit_items.len();
        json_bytes += serde_json::to_vec(&doc)?.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{n} documents of {} KB in {secs:.2} s: {:.0} documents/s, {:.1} MB/s on one thread ({items} items, {} KB of JSON)",
        base.len() / 1024,
        n as f64 / secs,
        (n * bytes.len()) as f64 / secs / 1e6,
        json_bytes / 1024
    );
    Ok(())
}
