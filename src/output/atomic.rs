//! Atomic file writes: write a temporary file beside the target, then rename it over the
//! target, so that a reader (or a run killed with SIGKILL) never sees a truncated file.
//!
//! Temporary files are named `.<name>.tmp-<pid>-<n>`; [`remove_temps`] deletes those a
//! killed run left behind (a run calls it while holding the folder's lock, so no other
//! process is writing there). Files are not fsynced: the guarantee is
//! against a killed process, not against a power cut (rename on the same file system is
//! atomic either way, but the data may not have reached the disk).
//!
//! A temporary file is created exclusively (`O_CREAT|O_EXCL`: never an existing file or
//! a planted link) and private (mode 0600) while it is written; when it is committed it
//! gets the mode an ordinary new file gets (0666 less the process umask).

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Marker inside temporary file names.
const TEMP_MARK: &str = ".tmp-";

static COUNTER: AtomicU64 = AtomicU64::new(0);

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl WriteError {
    pub fn io(path: &Path, source: io::Error) -> Self {
        WriteError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// A unique temporary path beside `target`.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}{TEMP_MARK}{}-{n}", std::process::id()))
}

/// Write `bytes` to `target` atomically.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomic_with(target, |w| w.write_all(bytes))
}

/// Write `target` atomically through a buffered writer: `fill` writes the content; the
/// file appears under its name only if `fill` and the flush succeed.
pub fn write_atomic_with<F>(target: &Path, fill: F) -> Result<(), WriteError>
where
    F: FnOnce(&mut BufWriter<File>) -> io::Result<()>,
{
    let mut file = AtomicFile::create(target)?;
    fill(file.writer()).map_err(|e| WriteError::io(target, e))?;
    file.commit()
}

/// A file being written under a temporary name; [`AtomicFile::commit`] renames it to its
/// target, dropping it uncommitted deletes it. Lets several files be streamed at once
/// and published together at the end.
pub struct AtomicFile {
    target: PathBuf,
    tmp: PathBuf,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    pub fn create(target: &Path) -> Result<Self, WriteError> {
        let tmp = temp_path(target);
        let file = create_private(&tmp).map_err(|e| WriteError::io(target, e))?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            tmp,
            writer: Some(BufWriter::with_capacity(256 * 1024, file)),
        })
    }

    pub fn writer(&mut self) -> &mut BufWriter<File> {
        // Only `commit` takes the writer, and it consumes `self`.
        self.writer.as_mut().expect("writer present until commit")
    }

    /// Write `bytes`, naming the target on error.
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<(), WriteError> {
        let target = self.target.clone();
        self.writer()
            .write_all(bytes)
            .map_err(|e| WriteError::io(&target, e))
    }

    /// Flush and rename to the target.
    pub fn commit(mut self) -> Result<(), WriteError> {
        let result = match self.writer.take() {
            Some(mut w) => w.flush().and_then(|()| {
                publish_mode(w.get_ref())?;
                drop(w);
                fs::rename(&self.tmp, &self.target)
            }),
            None => Ok(()),
        };
        result.map_err(|e| WriteError::io(&self.target, e))
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.writer.is_some() || self.tmp.exists() {
            self.writer = None;
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// Create `path` exclusively, readable and writable by the owner only (0600 on Unix).
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}

/// Give a committed file the mode of an ordinary new file: 0666 less the umask.
fn publish_mode(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o666 & !umask()))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// The process umask, read once from `/proc/self/status` (reading it with `umask(2)`
/// would change it for a moment under other threads); 022 where it cannot be read.
#[cfg(unix)]
fn umask() -> u32 {
    static UMASK: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *UMASK.get_or_init(|| {
        fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("Umask:"))
                    .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            })
            .unwrap_or(0o022)
    })
}

/// Whether a file name is one of our temporary files, and the pid that wrote it.
fn temp_owner(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let (_, rest) = name.rsplit_once(TEMP_MARK)?;
    let (pid, n) = rest.split_once('-')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// Delete the temporary files in `dir` (left by a killed run; call only while holding
/// the folder's [`super::lock::Lock`]). Returns how many were removed.
pub fn remove_temps(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if temp_owner(&name.to_string_lossy()).is_some() && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn temps_are_private_and_exclusive_and_published_readable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        let mut f = AtomicFile::create(&target).unwrap();
        let mode = fs::metadata(&f.tmp).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // An existing file (or a link planted) at a temp name is never opened.
        assert_eq!(
            create_private(&f.tmp).unwrap_err().kind(),
            io::ErrorKind::AlreadyExists
        );
        f.write_all(b"{}").unwrap();
        f.commit().unwrap();
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !umask());
    }

    #[test]
    fn temp_names_are_recognised() {
        let cases: &[(&str, Option<u32>)] = &[
            (".a.json.tmp-123-0", Some(123)),
            (".dataset.jsonl.tmp-9-77", Some(9)),
            ("a.json", None),
            (".a.json.tmp-x-1", None),
            ("a.json.tmp-1-1", None),
            (".a.tmp-1-", None),
        ];
        for (name, want) in cases {
            assert_eq!(temp_owner(name), *want, "{name}");
        }
    }

    #[test]
    fn write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("x.json");
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn failed_fill_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("x.json");
        write_atomic(&target, b"old").unwrap();
        let err = write_atomic_with(&target, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("boom"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read(&target).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn temps_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        for name in [".a.json.tmp-0-1", ".b.json.tmp-1-22", "c.json", ".hidden"] {
            fs::write(dir.path().join(name), b"x").unwrap();
        }
        assert_eq!(remove_temps(dir.path()), 2);
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".hidden", "c.json"]);
    }
}
