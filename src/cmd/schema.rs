//! `ita-extract schema`: the JSON Schema of the document JSON, generated from the Rust
//! types in `model.rs`. The checked-in copy is `schema/document.schema.json`.

use super::Exit;
use std::io::Write;

/// The schema as pretty JSON text (what `ita-extract schema` prints).
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(crate::model::Document);
    serde_json::to_string_pretty(&schema).expect("a schema always serializes")
}

pub fn run() -> anyhow::Result<Exit> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", schema_json())?;
    Ok(Exit::Ok)
}
