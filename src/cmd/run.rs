//! `ita-extract run` (not yet implemented).

use super::Exit;

pub fn run(_args: crate::cli::RunArgs) -> anyhow::Result<Exit> {
    anyhow::bail!("`run` is not implemented yet")
}
