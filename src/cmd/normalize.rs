//! `ita-extract normalize` (not yet implemented).

use super::Exit;

pub fn run(_args: crate::cli::NormalizeArgs) -> anyhow::Result<Exit> {
    anyhow::bail!("`normalize` is not implemented yet")
}
