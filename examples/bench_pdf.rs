//! In-process throughput of the PDF reader (used by scripts/bench_pdf.sh): reads each
//! PDF given on the command line ROUNDS times and prints "pages wall_seconds text_bytes".
//! THREADS (environment, default 1) sets the worker threads (rayon), for the 1-against-2
//! thread comparison; CPU time is measured outside, by GNU time.
//!
//! Usage: THREADS=1 cargo run --release --example bench_pdf -- ROUNDS FILE...

use ita_extract::ingest::pdf::{read_pdf, PdfOptions};
use rayon::prelude::*;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let files: Vec<Vec<u8>> = args.filter_map(|p| std::fs::read(p).ok()).collect();
    let threads: usize = std::env::var("THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .expect("thread pool");
    let opts = PdfOptions::default();
    let jobs: Vec<&Vec<u8>> = (0..rounds).flat_map(|_| files.iter()).collect();
    let start = Instant::now();
    let (pages, bytes_out) = pool.install(|| {
        jobs.par_iter()
            .map(|f| match read_pdf(f, &opts) {
                Ok(pdf) => (
                    pdf.pages.len(),
                    pdf.pages.iter().map(|p| p.text.len()).sum::<usize>(),
                ),
                Err(_) => (0, 0),
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    let secs = start.elapsed().as_secs_f64();
    println!("{pages} {secs:.4} {bytes_out}");
}
