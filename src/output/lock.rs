//! One run at a time per output folder: a run holds an exclusive advisory lock
//! (`flock(2)`) on `<output>/.state/lock` while it writes the folder. A second run (a
//! shard pointed at the same folder, say) stops with a clear error instead of
//! overwriting the first one's tables. The kernel releases the lock when the process
//! ends, however it ends (SIGKILL included), so a killed run never leaves a stale lock,
//! and no process id is trusted (ids are reused, and start again at 1 in every
//! container). The file itself stays; it is empty. Elsewhere than Unix there is no lock.

use super::atomic::WriteError;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another run is writing to {0}; wait for it, or give each run or shard its own output folder"
    )]
    Busy(PathBuf),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Held while a run writes its output folder; released on drop (or process exit).
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

impl Lock {
    pub fn acquire(out_dir: &Path) -> Result<Lock, LockError> {
        let state = out_dir.join(".state");
        fs::create_dir_all(&state).map_err(|e| WriteError::io(&state, e))?;
        let path = state.join("lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| WriteError::io(&path, e))?;
        lock_exclusive(&file, &path, out_dir)?;
        Ok(Lock { _file: file })
    }
}

#[cfg(unix)]
fn lock_exclusive(file: &File, path: &Path, out_dir: &Path) -> Result<(), LockError> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: flock on a file descriptor we own; no memory is passed.
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if rc == 0 {
        return Ok(());
    }
    let err = std::io::Error::last_os_error();
    if err.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Err(LockError::Busy(out_dir.to_path_buf()))
    } else {
        Err(WriteError::io(path, err).into())
    }
}

#[cfg(not(unix))]
fn lock_exclusive(_file: &File, _path: &Path, _out_dir: &Path) -> Result<(), LockError> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let lock = Lock::acquire(dir.path()).unwrap();
        assert!(matches!(Lock::acquire(dir.path()), Err(LockError::Busy(_))));
        drop(lock);
        let again = Lock::acquire(dir.path());
        assert!(again.is_ok());
    }
}
