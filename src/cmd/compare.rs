//! `ita-extract compare` (not yet implemented).

use super::Exit;

pub fn run(_args: crate::cli::CompareArgs) -> anyhow::Result<Exit> {
    anyhow::bail!("`compare` is not implemented yet")
}
