//! `ita-extract normalize [--as text|date|number|item-code]`: repairs Thai text from stdin,
//! one result per input line on stdout, so researchers can clean their own data.
//!
//! - `text`: every repair of [`crate::normalize`], runs of spaces folded to one, line ends
//!   trimmed (tabs kept: they carry table structure). Input is processed in large blocks
//!   of whole lines (no rule crosses a line break), so this is the fast path.
//! - `date`, `number`, `item-code`: the first date (ISO "YYYY-MM-DD"; the start of a
//!   range), number (ASCII digits as written, thousands separators removed: "99.18") or OIT
//!   item code ("O26") in the line; an empty line where there is none, with a note on
//!   stderr naming the line.
//!
//! Invalid UTF-8 is read as U+FFFD. A CR before a line feed is dropped. Exit code 0.

use super::Exit;
use crate::cli::{NormalizeArgs, NormalizeAs};
use crate::normalize::{self, Options};
use anyhow::Context;
use std::io::{self, BufRead, BufWriter, Read, Write};

/// Bytes read per block in `text` mode (extended to the next line break).
const BLOCK: usize = 4 << 20;

pub fn run(args: NormalizeArgs) -> anyhow::Result<Exit> {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut input = stdin.lock();
    match args.as_ {
        NormalizeAs::Text => text(&mut input, &mut out)?,
        mode => values(&mut input, &mut out, mode)?,
    }
    out.flush().context("writing stdout")?;
    Ok(Exit::Ok)
}

/// The options of `--as text`.
pub fn text_options() -> Options {
    Options {
        fold_spaces: true,
        ..Options::default()
    }
}

/// `--as text`: blocks of whole lines, repaired and written.
fn text(input: &mut impl BufRead, out: &mut impl Write) -> anyhow::Result<()> {
    let opts = text_options();
    let mut buf: Vec<u8> = Vec::with_capacity(BLOCK + 4096);
    let mut carry: Vec<u8> = Vec::new();
    loop {
        buf.clear();
        buf.append(&mut carry);
        let n = input
            .by_ref()
            .take((BLOCK.saturating_sub(buf.len())) as u64)
            .read_to_end(&mut buf)
            .context("reading stdin")?;
        let eof = n == 0;
        if !eof {
            // extend to the end of the current line
            input.read_until(b'\n', &mut buf).context("reading stdin")?;
        }
        if buf.is_empty() {
            break;
        }
        if !buf.ends_with(b"\n") {
            if eof {
                buf.push(b'\n');
            } else {
                // no line break before EOF in this read: keep for the next round
                carry = std::mem::take(&mut buf);
                continue;
            }
        }
        let block = match std::str::from_utf8(&buf) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) => String::from_utf8_lossy(&buf),
        };
        let block = drop_cr(&block);
        let repaired = normalize::repair_text(&block, &opts);
        out.write_all(repaired.as_bytes())
            .context("writing stdout")?;
        if eof {
            break;
        }
    }
    Ok(())
}

/// "\r\n" -> "\n".
fn drop_cr(s: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memchr(b'\r', s.as_bytes()).is_some() {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The value `mode` asks for in one line, or None.
pub fn value_of(line: &str, mode: NormalizeAs) -> Option<String> {
    let repaired = normalize::repair_text(line, &text_options());
    match mode {
        NormalizeAs::Text => Some(repaired.into_owned()),
        NormalizeAs::Date => normalize::find_dates(&repaired)
            .into_iter()
            .next()
            .map(|f| f.date),
        NormalizeAs::Number => normalize::find_number_text(&repaired).map(|(_, t)| t),
        NormalizeAs::ItemCode => normalize::find_item_code(line)
            .or_else(|| normalize::find_item_code(&repaired))
            .map(|(_, n)| format!("O{n}")),
    }
}

/// `--as date|number|item-code`: one value per line.
fn values(input: &mut impl BufRead, out: &mut impl Write, mode: NormalizeAs) -> anyhow::Result<()> {
    let what = match mode {
        NormalizeAs::Date => "date",
        NormalizeAs::Number => "number",
        NormalizeAs::ItemCode => "item code",
        NormalizeAs::Text => "text",
    };
    let mut raw = Vec::new();
    let mut line_no = 0u64;
    let stderr = io::stderr();
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw).context("reading stdin")? == 0 {
            break;
        }
        line_no += 1;
        let line = String::from_utf8_lossy(&raw);
        let line = line.trim_end_matches(['\n', '\r']);
        match value_of(line, mode) {
            Some(v) => writeln!(out, "{v}").context("writing stdout")?,
            None => {
                writeln!(out).context("writing stdout")?;
                // a failed note on stderr must not stop the run
                let _ = writeln!(stderr.lock(), "line {line_no}: no {what} found");
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_per_mode() {
        let cases = [
            ("วันที่ ๘ กุมภาพันธ์ ๒๕๖๖", NormalizeAs::Date, Some("2023-02-08")),
            (
                "๑ ต.ค. ๖๕ - ๓๑ มี.ค. ๖๖",
                NormalizeAs::Date,
                Some("2022-10-01"),
            ),
            ("ไม่มีวันที่", NormalizeAs::Date, None),
            ("คะแนน ๙๙.๑๘", NormalizeAs::Number, Some("99.18")),
            ("๑,๒๓๔.๕", NormalizeAs::Number, Some("1234.5")),
            ("O๒๖\tรายงาน", NormalizeAs::ItemCode, Some("O26")),
            ("Online OIT", NormalizeAs::ItemCode, None),
            ("  ส าหรับ   ปี  ", NormalizeAs::Text, Some("สำหรับ ปี")),
        ];
        for (line, mode, want) in cases {
            assert_eq!(value_of(line, mode).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn text_mode_keeps_one_line_per_line() {
        let input = "ก  ข \r\n\n\tค\t\nไม่มีบรรทัดท้าย";
        let mut out = Vec::new();
        text(&mut io::Cursor::new(input.as_bytes()), &mut out).expect("runs");
        assert_eq!(String::from_utf8_lossy(&out), "ก ข\n\n\tค\t\nไม่มีบรรทัดท้าย\n");
    }
}
