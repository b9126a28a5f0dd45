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
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} docs  {per_sec}  ETA {eta}  {msg}",
            ) {
                bar.set_style(style);
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
                bar.set_message(format!("{} failed/partial", self.failed));
            }
        } else if self.plain && self.last_line.elapsed() >= PLAIN_EVERY {
            self.last_line = Instant::now();
            eprintln!("{}", self.line());
        }
    }

    fn line(&self) -> String {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let rate = self.done as f64 / secs;
        let eta = if rate > 0.0 {
            format!("{:.0} s", (self.total - self.done) as f64 / rate)
        } else {
            "?".to_string()
        };
        format!(
            "ita-extract: {}/{} documents ({:.1}%), {:.1} docs/s, ETA {}, {} failed or partial",
            self.done,
            self.total,
            100.0 * self.done as f64 / self.total.max(1) as f64,
            rate,
            eta,
            self.failed
        )
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
