//! Progress of a batch on stderr (never stdout, which carries only results): an
//! indicatif bar on a terminal (done/total, rate, ETA, failures so far); when stderr is
//! not a terminal (a log file, a Slurm job), one plain line every few seconds; nothing
//! with `--quiet`. Only the thread collecting results touches it.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressMode {
    /// A bar on a terminal, plain lines otherwise.
    Auto,
    /// Plain lines.
    Plain,
    /// Nothing.
    Quiet,
}

/// Seconds between plain lines.
const PLAIN_EVERY: Duration = Duration::from_secs(5);

pub struct Progress {
    bar: Option<ProgressBar>,
    plain: bool,
    total: u64,
    done: u64,
    failed: u64,
    start: Instant,
    last_line: Instant,
}

impl Progress {
    /// `total` documents to process (resumed ones not counted).
    pub fn new(mode: ProgressMode, total: u64) -> Self {
        let tty = std::io::stderr().is_terminal();
        let bar = (mode == ProgressMode::Auto && tty && total > 0).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            // indicatif's own {per_sec} prints four decimals ("3.1416/s"): ours is rounded.
            if let Ok(style) =
                ProgressStyle::with_template("{bar:30} {pos}/{len} docs  {rate}  ETA {eta}  {msg}")
            {
                bar.set_style(style.with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = w.write_str(&rate(state.per_sec()));
                    },
                ));
            }
            bar.set_message("0 failed");
            bar
        });
        let plain = bar.is_none() && mode != ProgressMode::Quiet && total > 0;
        let now = Instant::now();
        Progress {
            bar,
            plain,
            total,
            done: 0,
            failed: 0,
            start: now,
            last_line: now,
        }
    }

    /// One more document finished; `failed` when its status is not `ok`.
    pub fn inc(&mut self, failed: bool) {
        self.done += 1;
        if failed {
            self.failed += 1;
        }
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if failed {
                bar.set_message(format!("{} failed or partial", self.failed));
            }
        } else if self.plain && self.last_line.elapsed() >= PLAIN_EVERY {
            self.last_line = Instant::now();
            eprintln!("{}", self.line());
        }
    }

    fn line(&self) -> String {
        plain_line(
            self.done,
            self.total,
            self.failed,
            self.start.elapsed().as_secs_f64(),
        )
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `n` with the singular or plural noun: "1 document", "2 documents", "0 documents".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A rate of documents per second, rounded to what a reader can take in: whole numbers
/// from 10 up, one decimal below ("0.4 docs/s", "12 docs/s").
pub fn rate(per_sec: f64) -> String {
    if !per_sec.is_finite() || per_sec <= 0.0 {
        "0 docs/s".to_string()
    } else if per_sec >= 9.95 {
        format!("{per_sec:.0} docs/s")
    } else {
        format!("{per_sec:.1} docs/s")
    }
}

/// The plain progress line after `secs` seconds.
fn plain_line(done: u64, total: u64, failed: u64, secs: f64) -> String {
    let per_sec = done as f64 / secs.max(1e-9);
    let eta = if per_sec > 0.0 {
        format!("{:.0} s", total.saturating_sub(done) as f64 / per_sec)
    } else {
        "?".to_string()
    };
    format!(
        "ita-extract: {done}/{} ({:.0}%), {}, ETA {eta}, {failed} failed or partial",
        counted(total as usize, "document", "documents"),
        100.0 * done as f64 / total.max(1) as f64,
        rate(per_sec),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_rates_and_lines_read_well() {
        assert_eq!(counted(1, "document", "documents"), "1 document");
        assert_eq!(counted(0, "document", "documents"), "0 documents");
        assert_eq!(
            counted(2, "status change", "status changes"),
            "2 status changes"
        );
        let rates = [
            (0.0, "0 docs/s"),
            (f64::NAN, "0 docs/s"),
            (0.4321, "0.4 docs/s"),
            (9.94, "9.9 docs/s"),
            (9.96, "10 docs/s"),
            (345.678, "346 docs/s"),
        ];
        for (r, want) in rates {
            assert_eq!(rate(r), want, "{r}");
        }
        assert_eq!(
            plain_line(3, 10, 1, 2.0),
            "ita-extract: 3/10 documents (30%), 1.5 docs/s, ETA 5 s, 1 failed or partial"
        );
        assert_eq!(
            plain_line(1, 1, 0, 0.5),
            "ita-extract: 1/1 document (100%), 2.0 docs/s, ETA 0 s, 0 failed or partial"
        );
    }
}
