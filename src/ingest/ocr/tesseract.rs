//! The Tesseract engine, run as a process per page: the raster is written to a
//! temporary PGM file (Tesseract reads it through Leptonica), Tesseract prints TSV
//! (one row per page, block, paragraph, line and word, with boxes and confidence), and
//! the word rows are parsed into [`Word`]s. Input: a [`PageImage`]; output: words with
//! pixel boxes.

use super::raster::PageImage;
use super::{OcrError, OcrOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How to install the engine, quoted in every "engine missing" message.
pub const INSTALL_HINT: &str = "install it with `apt-get install tesseract-ocr tesseract-ocr-tha` \
(Debian/Ubuntu), or pass --ocr off";

/// One recognised word with its box in raster pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub block: u32,
    pub par: u32,
    pub line: u32,
    pub left: i64,
    pub top: i64,
    pub width: i64,
    pub height: i64,
    /// Tesseract's confidence, 0..100.
    pub conf: f32,
    pub text: String,
}

impl Word {
    /// A word found by other means than the engine's page reading (a cell re-read, a
    /// tick), placed in the engine's `(block, par, line)` and given its box
    /// `[left, top, right, bottom]`.
    pub fn from_box(
        text: String,
        b: [i64; 4],
        conf: f32,
        (block, par, line): (u32, u32, u32),
    ) -> Word {
        Word {
            block,
            par,
            line,
            left: b[0],
            top: b[1],
            width: b[2] - b[0],
            height: b[3] - b[1],
            conf,
            text,
        }
    }

    pub fn right(&self) -> i64 {
        self.left + self.width
    }
    pub fn bottom(&self) -> i64 {
        self.top + self.height
    }
}

/// Parse Tesseract's TSV output (`level page_num block_num par_num line_num word_num
/// left top width height conf text`); word rows are level 5. Rows that do not parse
/// are skipped.
pub fn parse_tsv(tsv: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for row in tsv.lines().skip(1) {
        let f: Vec<&str> = row.splitn(12, '\t').collect();
        if f.len() < 12 || f[0] != "5" {
            continue;
        }
        let n = |i: usize| f[i].trim().parse::<i64>().ok();
        let text = f[11].trim();
        let conf = f[10].trim().parse::<f32>().unwrap_or(-1.0);
        if text.is_empty() || conf < 0.0 {
            continue;
        }
        let (Some(b), Some(p), Some(l), Some(x), Some(y), Some(w), Some(h)) =
            (n(2), n(3), n(4), n(6), n(7), n(8), n(9))
        else {
            continue;
        };
        out.push(Word {
            block: b as u32,
            par: p as u32,
            line: l as u32,
            left: x,
            top: y,
            width: w,
            height: h,
            conf,
            text: text.to_string(),
        });
    }
    out
}

/// The engine binary: the configured path, or `tesseract` on `PATH`.
pub fn find_engine(opts: &OcrOptions) -> Result<PathBuf, OcrError> {
    if let Some(p) = &opts.tesseract_path {
        return if p.is_file() {
            Ok(p.clone())
        } else {
            Err(OcrError::EngineMissing(format!(
                "{} does not exist",
                p.display()
            )))
        };
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("tesseract"))
        .find(|p| p.is_file())
        .ok_or_else(|| OcrError::EngineMissing("`tesseract` is not on PATH".into()))
}

/// Whether the engine is installed (cheap; does not run it).
pub fn engine_available(opts: &OcrOptions) -> bool {
    find_engine(opts).is_ok()
}

/// Write a binary PGM (Netpbm P5), which Leptonica reads natively.
fn write_pgm(img: &PageImage, mut w: impl Write) -> std::io::Result<()> {
    write!(w, "P5\n{} {}\n255\n", img.width, img.height)?;
    w.write_all(&img.pixels)
}

/// Run Tesseract on a page image and return its words.
pub fn run(img: &PageImage, opts: &OcrOptions) -> Result<Vec<Word>, OcrError> {
    let engine = find_engine(opts)?;
    // A private folder (0700) and page image (0600, created exclusively): page images of
    // a submission are not for other users of the machine (issue 14).
    let mut builder = tempfile::Builder::new();
    builder.prefix("ita-ocr-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    let dir = builder.tempdir().map_err(OcrError::Io)?;
    let input = dir.path().join("page.pgm");
    {
        let f = crate::output::atomic::create_private(&input).map_err(OcrError::Io)?;
        let mut bw = std::io::BufWriter::new(f);
        write_pgm(img, &mut bw).map_err(OcrError::Io)?;
        bw.flush().map_err(OcrError::Io)?;
    }
    let base = dir.path().join("out");
    run_engine(&engine, &input, &base, img.dpi, opts)?;
    let read = |ext: &str| -> Result<String, OcrError> {
        let bytes = std::fs::read(base.with_extension(ext)).map_err(OcrError::Io)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    let tsv = read("tsv")?;
    let txt = read("txt").unwrap_or_default();
    Ok(join_glyphs(parse_tsv(&tsv), &txt))
}

/// Tesseract's TSV gives Thai text one glyph per "word"; its plain-text output of the
/// same recognition has the real spaces. Walk both together and merge the glyphs
/// between two spaces into one word (box = union). Where the two disagree, the
/// remaining words are kept as they are.
pub fn join_glyphs(words: Vec<Word>, txt: &str) -> Vec<Word> {
    let chars: Vec<char> = txt.chars().collect();
    let mut pos = 0usize;
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut aligned = true;
    for w in words {
        let mut space_before = false;
        if aligned {
            while pos < chars.len() && chars[pos].is_whitespace() {
                space_before = true;
                pos += 1;
            }
            let wc: Vec<char> = w.text.chars().collect();
            if chars.get(pos..pos + wc.len()) == Some(wc.as_slice()) {
                pos += wc.len();
            } else {
                aligned = false;
                space_before = true;
            }
        } else {
            space_before = true;
        }
        match out.last_mut() {
            Some(prev)
                if !space_before
                    && (prev.block, prev.par, prev.line) == (w.block, w.par, w.line) =>
            {
                let right = prev.right().max(w.right());
                let bottom = prev.bottom().max(w.bottom());
                prev.left = prev.left.min(w.left);
                prev.top = prev.top.min(w.top);
                prev.width = right - prev.left;
                prev.height = bottom - prev.top;
                prev.conf = prev.conf.min(w.conf);
                prev.text.push_str(&w.text);
            }
            _ => out.push(w),
        }
    }
    out
}

fn run_engine(
    engine: &Path,
    input: &Path,
    out_base: &Path,
    dpi: f64,
    opts: &OcrOptions,
) -> Result<(), OcrError> {
    let mut cmd = match opts.niceness {
        Some(n) if Path::new("/usr/bin/nice").is_file() => {
            let mut c = Command::new("/usr/bin/nice");
            c.arg("-n").arg(n.to_string()).arg(engine);
            c
        }
        _ => Command::new(engine),
    };
    cmd.arg(input)
        .arg(out_base)
        .arg("-l")
        .arg(&opts.languages)
        .arg("--psm")
        .arg(opts.psm.to_string())
        .arg("--dpi")
        .arg(format!("{}", dpi.round().max(70.0) as u32))
        // Keep the spaces Tesseract sees between words; table cells need them.
        .arg("-c")
        .arg("preserve_interword_spaces=1")
        .arg("tsv")
        .arg("txt")
        // One thread per engine: pages run in parallel in the batch pool instead.
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            OcrError::EngineMissing(format!("{}: {e}", engine.display()))
        }
        _ => OcrError::Io(e),
    })?;
    // Drain both pipes on their own threads so a full pipe never blocks the engine.
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let out_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        if let Some(o) = stdout.as_mut() {
            let _ = o.read_to_end(&mut s);
        }
        s
    });
    let err_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        if let Some(e) = stderr.as_mut() {
            let _ = e.take(64 * 1024).read_to_end(&mut s);
        }
        s
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait().map_err(OcrError::Io)? {
            Some(status) => break status,
            None if start.elapsed() > opts.timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(OcrError::Timeout(opts.timeout.as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    let _ = out_thread.join();
    let err = String::from_utf8_lossy(&err_thread.join().unwrap_or_default()).into_owned();
    if !status.success() {
        if err.contains("Failed loading language") || err.contains("Error opening data file") {
            return Err(OcrError::LanguageMissing(format!(
                "{}: {}",
                opts.languages,
                err.lines().next().unwrap_or("")
            )));
        }
        return Err(OcrError::Engine(format!(
            "tesseract exited with {status}: {}",
            err.lines().take(3).collect::<Vec<_>>().join(" / ")
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_word_rows_only() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n\
                   4\t1\t1\t1\t1\t0\t10\t10\t80\t20\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t10\t10\t30\t20\t91.5\tวิทยาลัย\n\
                   5\t1\t1\t1\t1\t2\t50\t10\t30\t20\t88\t \n\
                   5\t1\t2\t1\t3\t1\t60\t40\t10\t20\t70\t๑๐\n";
        let words = parse_tsv(tsv);
        assert_eq!(words.len(), 2);
        assert_eq!(
            (words[0].text.as_str(), words[0].left, words[0].right()),
            ("วิทยาลัย", 10, 40)
        );
        assert_eq!((words[1].block, words[1].line, words[1].conf), (2, 3, 70.0));
    }

    #[test]
    fn glyphs_joined_at_real_spaces() {
        let w = |left: i64, text: &str| Word {
            block: 1,
            par: 1,
            line: 1,
            left,
            top: 10,
            width: 10,
            height: 20,
            conf: 90.0,
            text: text.into(),
        };
        let words = vec![w(0, "ITA)"), w(40, "ป"), w(52, "ร"), w(64, "ะ"), w(90, "๑")];
        let joined = join_glyphs(words.clone(), "ITA) ประ ๑\n");
        let texts: Vec<&str> = joined.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, vec!["ITA)", "ประ", "๑"]);
        assert_eq!((joined[1].left, joined[1].right()), (40, 74));
        // Text that does not match keeps every glyph as its own word.
        assert_eq!(join_glyphs(words, "other").len(), 5);
    }
}
