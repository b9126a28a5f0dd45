//! In-process throughput of the PDF reader (used by scripts/bench_pdf.sh): reads each
//! PDF given on the command line ROUNDS times on one thread and prints
//! "pages seconds" (CPU-bound, no I/O in the timed loop).
//!
//! Usage: cargo run --release --example bench_pdf -- ROUNDS FILE...

use ita_extract::ingest::pdf::{read_pdf, PdfOptions};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let files: Vec<Vec<u8>> = args.filter_map(|p| std::fs::read(p).ok()).collect();
    let opts = PdfOptions::default();
    let mut pages = 0usize;
    let mut bytes_out = 0usize;
    let start = Instant::now();
    for _ in 0..rounds {
        for f in &files {
            if let Ok(pdf) = read_pdf(f, &opts) {
                pages += pdf.pages.len();
                bytes_out += pdf.pages.iter().map(|p| p.text.len()).sum::<usize>();
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{pages} {secs:.4} {bytes_out}");
}
