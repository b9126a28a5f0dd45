//! One run at a time per output folder: `<output>/.state/lock` holds the pid of the run
//! writing the folder. A second run (a shard pointed at the same folder, say) stops with
//! a clear error instead of overwriting the first one's tables; a lock left by a killed
//! run (its process is gone) is taken over.

use super::atomic::WriteError;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another run (pid {pid}) is writing to {dir}; give each run or shard its own output folder"
    )]
    Busy { pid: u32, dir: PathBuf },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Held while a run writes its output folder; removed on drop.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

fn alive(pid: u32) -> bool {
    pid == std::process::id()
        || (cfg!(target_os = "linux") && Path::new(&format!("/proc/{pid}")).exists())
}

impl Lock {
    pub fn acquire(out_dir: &Path) -> Result<Lock, LockError> {
        let state = out_dir.join(".state");
        fs::create_dir_all(&state).map_err(|e| WriteError::io(&state, e))?;
        let path = state.join("lock");
        for _ in 0..3 {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    f.write_all(std::process::id().to_string().as_bytes())
                        .map_err(|e| WriteError::io(&path, e))?;
                    return Ok(Lock { path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let owner = fs::read_to_string(&path)
                        .ok()
                        .and_then(|s| s.trim().parse::<u32>().ok());
                    match owner {
                        Some(pid) if alive(pid) => {
                            return Err(LockError::Busy {
                                pid,
                                dir: out_dir.to_path_buf(),
                            })
                        }
                        // Stale (or half-written by a killed run): take it over.
                        _ => {
                            let _ = fs::remove_file(&path);
                        }
                    }
                }
                Err(e) => return Err(WriteError::io(&path, e).into()),
            }
        }
        Err(WriteError::io(&path, io::Error::other("cannot take the lock")).into())
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_and_stale_lock_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let lock = Lock::acquire(dir.path()).unwrap();
        assert!(matches!(
            Lock::acquire(dir.path()),
            Err(LockError::Busy { .. })
        ));
        drop(lock);
        // A lock naming a process that does not exist (pid 0 is never a user process).
        fs::write(dir.path().join(".state/lock"), "0").unwrap();
        let lock = Lock::acquire(dir.path()).unwrap();
        drop(lock);
        assert!(!dir.path().join(".state/lock").exists());
    }
}
