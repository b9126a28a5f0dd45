//! `ita-extract text` (not yet implemented).

use super::Exit;

pub fn run(_args: crate::cli::TextArgs) -> anyhow::Result<Exit> {
    anyhow::bail!("`text` is not implemented yet")
}
