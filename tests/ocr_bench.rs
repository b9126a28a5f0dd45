//! OCR throughput, run by `scripts/bench_ocr.sh` (ignored in the normal test run):
//! every page of the PDFs named in `OCR_BENCH_PDFS` (colon-separated) is rendered and
//! read by Tesseract, one page at a time on one thread, and the time of each stage is
//! reported. Pages per second per core = pages / total seconds, since one page uses
//! one core (the engine runs with OMP_THREAD_LIMIT=1).

use ita_extract::ingest::ocr::{self, OcrOptions};
use std::time::Instant;

#[test]
#[ignore]
fn ocr_throughput() {
    let Ok(list) = std::env::var("OCR_BENCH_PDFS") else {
        eprintln!("skipped: set OCR_BENCH_PDFS=a.pdf:b.pdf");
        return;
    };
    let opts = OcrOptions {
        niceness: std::env::var("OCR_BENCH_NICE")
            .ok()
            .and_then(|n| n.parse().ok()),
        ..OcrOptions::default()
    };
    if !ocr::engine_available(&opts) {
        eprintln!("skipped: {}", ocr::INSTALL_HINT);
        return;
    }
    let (mut pages, mut render, mut engine_and_layout) = (0u32, 0f64, 0f64);
    for path in list.split(':').filter(|p| !p.is_empty()) {
        let bytes = std::fs::read(path).unwrap();
        let n = ocr::page_profiles(&bytes, &[], &opts).unwrap().len() as u32;
        for page in 1..=n {
            let t0 = Instant::now();
            let img = ocr::page_images(&bytes, &[page], &opts).unwrap().remove(0);
            let t1 = Instant::now();
            let out = ocr::ocr_page(&img, &opts).unwrap();
            let t2 = Instant::now();
            render += (t1 - t0).as_secs_f64();
            engine_and_layout += (t2 - t1).as_secs_f64();
            pages += 1;
            eprintln!(
                "{path} p{page}: {}x{} px, render {:.2}s, ocr {:.2}s, {} words, {} ticks",
                img.width,
                img.height,
                (t1 - t0).as_secs_f64(),
                (t2 - t1).as_secs_f64(),
                out.words,
                out.ticks.len()
            );
        }
    }
    let total = render + engine_and_layout;
    println!(
        "ocr bench: {pages} pages in {total:.1}s (render {render:.1}s, engine+layout {engine_and_layout:.1}s): {:.3} pages/s per core",
        pages as f64 / total.max(1e-9)
    );
}
