//! In-process throughput of the Thai text repair on the seed text, without process I/O:
//! `repair_text` (the `normalize --as text` path) and `repair` (with offset map and repair
//! records, as the pipeline calls it).
//!
//! Run: `cargo run --release --example bench_normalize [FILE] [TARGET_MB]`
//! (defaults: fixtures/seed_1afe833d.txt repeated to 100 MB).

use ita_extract::normalize::{repair, repair_text, Options};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "fixtures/seed_1afe833d.txt".to_string());
    let target_mb: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(100);
    let seed = std::fs::read_to_string(&path)?;
    let mut text = String::with_capacity(target_mb << 20);
    while text.len() < target_mb << 20 {
        text.push_str(&seed);
        if !seed.ends_with('\n') {
            text.push('\n');
        }
    }
    let mb = text.len() as f64 / 1e6;
    let opts = Options {
        fold_spaces: true,
        ..Options::default()
    };
    // Blocks of whole lines, as `normalize --as text` reads them.
    let blocks: Vec<&str> = split_blocks(&text, 4 << 20);
    let (t, c) = (Instant::now(), cpu_secs());
    let mut out_len = 0;
    for b in &blocks {
        out_len += repair_text(b, &opts).len();
    }
    report("repair_text", mb, t, c);
    println!("  (out {out_len} bytes)");
    let (t, c) = (Instant::now(), cpu_secs());
    let mut repairs = 0;
    for b in &blocks {
        repairs += repair(b, &opts).repairs.len();
    }
    report("repair (map + records)", mb, t, c);
    println!("  ({repairs} repairs)");
    Ok(())
}

/// Prints MB/s by wall-clock time and by this thread's CPU time (the honest "one core"
/// figure on a busy machine).
fn report(what: &str, mb: f64, t: Instant, cpu0: Option<f64>) {
    let wall = t.elapsed().as_secs_f64();
    print!(
        "{what}: {mb:.1} MB in {wall:.3} s wall = {:.0} MB/s",
        mb / wall
    );
    if let (Some(a), Some(b)) = (cpu0, cpu_secs()) {
        print!("; {:.3} s CPU = {:.0} MB/s per core", b - a, mb / (b - a));
    }
    println!();
}

/// CPU time of this thread in seconds (Linux: /proc/thread-self/schedstat, first field in
/// nanoseconds); None elsewhere.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn split_blocks(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut end = size.min(rest.len());
        while end < rest.len() && rest.as_bytes()[end - 1] != b'\n' {
            end += 1;
        }
        out.push(&rest[..end]);
        rest = &rest[end..];
    }
    out
}
