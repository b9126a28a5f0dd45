//! Finding the input documents: files given on the command line are always taken;
//! folders are walked recursively in sorted order, taking PDFs (recognised by their
//! header, whatever their name), files named `.pdf` (a `.pdf` whose bytes are not a PDF
//! becomes a `failed` document, [`not_a_pdf`]: a garbage submission is what the
//! oversight agency needs to see) and text files (by extension: `.txt`, `.md`,
//! `.html`, `.htm`). Everything else found in a folder is listed as skipped with a
//! reason, as are hidden entries (name starting with `.`, not descended into),
//! symbolic links to folders (not followed, so a link loop cannot hang the walk), FIFOs,
//! sockets and devices (a FIFO would block the reader forever), and symbolic links to
//! files outside the input folder (`/etc/passwd` is no submission), unless
//! [`DiscoverOptions::follow_links`] (`--follow-links`) is set. A link to a file inside
//! the input folder is read. The output folder is never read as input.

use crate::output::manifest::Skipped;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Extensions read as text (lowercase).
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error("input {0} does not exist")]
    Missing(PathBuf),
    #[error("cannot read input {path}: {source}")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// The inputs found: candidate files sorted by path without repeats, and what was left out.
#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<Skipped>,
}

/// How inputs are found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiscoverOptions {
    /// Follow symbolic links to files wherever they point (`--follow-links`); by default
    /// only links to files inside the walked folder are read.
    pub follow_links: bool,
}

/// Walk `inputs` with the default [`DiscoverOptions`]; `exclude` (the output folder) is
/// left out wherever it appears.
pub fn discover(inputs: &[PathBuf], exclude: Option<&Path>) -> Result<Discovery, DiscoverError> {
    discover_with(inputs, exclude, DiscoverOptions::default())
}

/// [`discover`] with `opts`.
pub fn discover_with(
    inputs: &[PathBuf],
    exclude: Option<&Path>,
    opts: DiscoverOptions,
) -> Result<Discovery, DiscoverError> {
    let exclude = exclude.and_then(|p| fs::canonicalize(p).ok());
    let mut found = Discovery::default();
    for input in inputs {
        let meta = fs::metadata(input).map_err(|source| match source.kind() {
            io::ErrorKind::NotFound => DiscoverError::Missing(input.clone()),
            _ => DiscoverError::Unreadable {
                path: input.clone(),
                source,
            },
        })?;
        if meta.is_dir() {
            let walk_opts = Walk {
                exclude: exclude.as_deref(),
                root: (!opts.follow_links)
                    .then(|| fs::canonicalize(input).ok())
                    .flatten(),
            };
            walk(input, &walk_opts, &mut found);
        } else if meta.is_file() {
            found.files.push(input.clone());
        } else {
            // A FIFO or device would block the reader or be read twice differently.
            skip(&mut found, input, "not a regular file");
        }
    }
    found.files.sort();
    found.files.dedup();
    found.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    found.skipped.dedup();
    // A file named on the command line is taken even where a folder walk skipped it.
    let files = &found.files;
    found
        .skipped
        .retain(|s| files.binary_search(&PathBuf::from(&s.path)).is_err());
    Ok(found)
}

fn skip(found: &mut Discovery, path: &Path, reason: &str) {
    found.skipped.push(Skipped {
        path: path.to_string_lossy().into_owned(),
        reason: reason.to_string(),
    });
}

/// What a folder walk needs to know.
struct Walk<'a> {
    exclude: Option<&'a Path>,
    /// The walked input folder, canonical: links to files outside it are not followed.
    /// None when links are followed anywhere.
    root: Option<PathBuf>,
}

/// Why a link to a file is not followed, if it is not: its target lies outside `root`.
fn link_out_of_tree(link: &Path, root: Option<&Path>) -> Option<&'static str> {
    let root = root?;
    match fs::canonicalize(link) {
        Ok(target) if target.starts_with(root) => None,
        _ => {
            Some("symbolic link out of the input folder (not followed; --follow-links follows it)")
        }
    }
}

fn walk(dir: &Path, opts: &Walk, found: &mut Discovery) {
    if let (Some(ex), Ok(canon)) = (opts.exclude, fs::canonicalize(dir)) {
        if canon == ex {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => return skip(found, dir, &format!("cannot read folder: {err}")),
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            skip(found, &path, "hidden");
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            skip(found, &path, "cannot read file type");
            continue;
        };
        let (is_dir, is_file) = if kind.is_symlink() {
            match fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    skip(found, &path, "symbolic link to a folder (not followed)");
                    continue;
                }
                Ok(m) => {
                    if let Some(reason) = link_out_of_tree(&path, opts.root.as_deref()) {
                        skip(found, &path, reason);
                        continue;
                    }
                    (false, m.is_file())
                }
                Err(_) => {
                    skip(found, &path, "broken symbolic link");
                    continue;
                }
            }
        } else {
            (kind.is_dir(), kind.is_file())
        };
        if is_dir {
            walk(&path, opts, found);
        } else if !is_file {
            skip(found, &path, "not a regular file");
        } else if has_text_extension(&path) || has_pdf_extension(&path) || starts_like_pdf(&path) {
            found.files.push(path);
        } else {
            skip(
                found,
                &path,
                "not a PDF or a text file (.txt .md .html .htm)",
            );
        }
    }
}

/// Whether the path ends in one of [`TEXT_EXTENSIONS`] (any case).
pub fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.as_str()))
}

/// Whether the path ends in `.pdf` (any case).
pub fn has_pdf_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// Bytes of the start of a file shown in [`not_a_pdf`].
const SHOWN_BYTES: usize = 24;

/// Why a file named `.pdf` is not read: its first bytes (`head`, at least the first
/// 1024 when the file is longer) carry no PDF header. The reason shows how the file
/// starts, as text where it is text and `\xNN` where not: `not a PDF: starts with
/// "<!DOCTYPE html>"`. None for other names and for real PDFs.
pub fn not_a_pdf(path: &Path, head: &[u8]) -> Option<String> {
    if !has_pdf_extension(path) || crate::pipeline::looks_like_pdf(head) {
        return None;
    }
    if head.is_empty() {
        return Some("not a PDF: the file is empty".to_string());
    }
    let shown = &head[..head.len().min(SHOWN_BYTES)];
    let mut text = String::new();
    for chunk in shown.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                text.extend(c.escape_default());
            } else {
                text.push(c);
            }
        }
        for b in chunk.invalid() {
            text.push_str(&format!("\\x{b:02X}"));
        }
    }
    let more = if head.len() > SHOWN_BYTES { "..." } else { "" };
    Some(format!(
        "not a PDF: starts with \"{text}\"{more} (no %PDF- header in the first 1024 bytes)"
    ))
}

fn starts_like_pdf(path: &Path) -> bool {
    let mut head = Vec::with_capacity(1024);
    match fs::File::open(path) {
        Ok(f) => {
            f.take(1024).read_to_end(&mut head).is_ok() && crate::pipeline::looks_like_pdf(&head)
        }
        Err(_) => false,
    }
}

/// A file's content identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hashed {
    pub sha256: String,
    pub bytes: u64,
    pub is_pdf: bool,
    /// [`not_a_pdf`]: set only for a file named `.pdf` that is not one.
    pub not_pdf: Option<String>,
}

/// Hash a file by streaming it (a huge file is never held in memory).
pub fn hash_file(path: &Path) -> io::Result<Hashed> {
    let mut file = fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut bytes = 0u64;
    let mut head: Vec<u8> = Vec::new();
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        if head.len() < 1024 {
            let take = (1024 - head.len()).min(n);
            head.extend_from_slice(&buf[..take]);
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
    }
    let sha256 = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Hashed {
        sha256,
        bytes,
        is_pdf: crate::pipeline::looks_like_pdf(&head),
        not_pdf: not_a_pdf(path, &head),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_takes_pdfs_by_header_and_text_by_extension() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::create_dir_all(d.join("b/c")).unwrap();
        fs::create_dir_all(d.join(".git")).unwrap();
        fs::create_dir_all(d.join("out/documents")).unwrap();
        let files: &[(&str, &[u8])] = &[
            ("b/c/z.TXT", b"x"),
            ("a.md", b"x"),
            ("scan.bin", b"junk%PDF-1.4\n"),
            ("b/fake.PDF", b"<html>error 404</html>"),
            ("notes.docx", b"PK"),
            ("b/page.htm", b"<p>"),
            (".hidden.txt", b"x"),
            ("out/documents/x.txt", b"x"),
        ];
        for (name, bytes) in files {
            fs::write(d.join(name), bytes).unwrap();
        }
        // A FIFO named like text must be skipped, not opened (opening would block).
        let _ = std::process::Command::new("mkfifo")
            .arg(d.join("b/pipe.txt"))
            .status();
        let explicit = d.join("notes.docx");
        let found = discover(&[d.to_path_buf(), explicit.clone()], Some(&d.join("out"))).unwrap();
        let rel: Vec<String> = found
            .files
            .iter()
            .map(|p| p.strip_prefix(d).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            rel,
            [
                "a.md",
                "b/c/z.TXT",
                "b/fake.PDF",
                "b/page.htm",
                "notes.docx",
                "scan.bin"
            ]
        );
        let skipped: Vec<(String, &str)> = found
            .skipped
            .iter()
            .filter(|s| s.reason != "not a regular file")
            .map(|s| {
                let p = Path::new(&s.path).strip_prefix(d).unwrap();
                (p.to_string_lossy().into_owned(), s.reason.as_str())
            })
            .collect();
        assert_eq!(
            skipped,
            [
                (".git".to_string(), "hidden"),
                (".hidden.txt".to_string(), "hidden")
            ]
        );
        let alone = discover(&[d.to_path_buf()], Some(&d.join("out"))).unwrap();
        let reasons: Vec<&str> = alone.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert!(alone.skipped.iter().any(|s| s.path.ends_with("notes.docx")));
        if d.join("b/pipe.txt").exists() {
            assert!(reasons.contains(&"not a regular file"), "{reasons:?}");
        }
        assert!(matches!(
            discover(&[d.join("nope")], None),
            Err(DiscoverError::Missing(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_input_folder_are_followed_only_when_asked() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("passwd.txt"), b"root:x:0:0").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("a.txt"), b"x").unwrap();
        symlink(outside.path().join("passwd.txt"), d.join("out.txt")).unwrap();
        symlink(d.join("a.txt"), d.join("in.txt")).unwrap();
        symlink(d.join("loop.txt"), d.join("loop.txt")).unwrap();
        let names = |found: &Discovery| -> Vec<String> {
            found
                .files
                .iter()
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
                .collect()
        };
        let found = discover(&[d.to_path_buf()], None).unwrap();
        assert_eq!(names(&found), ["a.txt", "in.txt"]);
        let reasons: Vec<(&str, &str)> = found
            .skipped
            .iter()
            .map(|s| (s.path.rsplit('/').next().unwrap(), s.reason.as_str()))
            .collect();
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert_eq!(reasons[0], ("loop.txt", "broken symbolic link"));
        assert!(reasons[1].0 == "out.txt" && reasons[1].1.contains("--follow-links"));
        let opts = DiscoverOptions { follow_links: true };
        let found = discover_with(&[d.to_path_buf()], None, opts).unwrap();
        assert_eq!(names(&found), ["a.txt", "in.txt", "out.txt"]);
    }

    #[test]
    fn not_a_pdf_shows_how_the_file_starts() {
        let cases: &[(&str, &[u8], Option<&str>)] = &[
            ("a.pdf", b"%PDF-1.7\n", None),
            ("a.txt", b"<html>", None),
            ("a.pdf", b"", Some("not a PDF: the file is empty")),
            (
                "a.PDF",
                b"<html>\n",
                Some("not a PDF: starts with \"<html>\\n\" (no %PDF- header in the first 1024 bytes)"),
            ),
            (
                "a.pdf",
                b"PK\x03\x04\xff rest of a zip file....",
                Some("not a PDF: starts with \"PK\\u{3}\\u{4}\\xFF rest of a zip file\"... (no %PDF- header in the first 1024 bytes)"),
            ),
            (
                "รายงาน.pdf",
                "ข้อความ".as_bytes(),
                Some("not a PDF: starts with \"ข้อความ\" (no %PDF- header in the first 1024 bytes)"),
            ),
        ];
        for (name, head, want) in cases {
            assert_eq!(not_a_pdf(Path::new(name), head).as_deref(), *want, "{name}");
        }
    }

    #[test]
    fn hash_matches_pipeline_hash() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.pdf");
        let bytes: Vec<u8> = (0..600_000u32).map(|i| (i % 251) as u8).collect();
        fs::write(&p, &bytes).unwrap();
        let h = hash_file(&p).unwrap();
        assert_eq!(h.sha256, crate::pipeline::sha256_hex(&bytes));
        assert_eq!(h.bytes, 600_000);
        assert!(!h.is_pdf);
    }
}
