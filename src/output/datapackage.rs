//! `datapackage.json`: a Frictionless Data Package (<https://specs.frictionlessdata.io/>,
//! profile `tabular-data-package`) describing the CSV tables beside it: for every table
//! its file, CSV dialect, encoding and Table Schema (each column's name, type and
//! meaning). Loaders that read it (frictionless, DuckDB or pandas given its types) keep
//! codes such as `geocode` and `raw_code` as text instead of guessing numbers.
//!
//! The `fields` of a resource are, in order, the header of its CSV file: a test reads
//! both. Empty cells are null (`missingValues: [""]`), booleans are `true` / `false`.

use super::atomic::{write_atomic, WriteError};
use super::tables::{Column, ColumnType, TableOptions};
use serde_json::{json, Value};
use std::path::Path;

pub const FILE_NAME: &str = "datapackage.json";

/// One column of a described table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub kind: ColumnType,
    pub description: String,
}

impl From<&Column> for Field {
    fn from(c: &Column) -> Self {
        Field {
            name: c.name.to_string(),
            kind: c.kind,
            description: c.description.to_string(),
        }
    }
}

/// One CSV table of the package.
#[derive(Debug, Clone)]
pub struct Resource {
    /// File name inside the output folder (`items.csv`).
    pub path: String,
    pub description: String,
    pub fields: Vec<Field>,
    /// Columns whose values identify a row, when they do.
    pub primary_key: Vec<String>,
}

impl Resource {
    pub fn new(path: &str, description: &str, columns: &[Column]) -> Self {
        Resource {
            path: path.to_string(),
            description: description.to_string(),
            fields: columns.iter().map(Field::from).collect(),
            primary_key: Vec::new(),
        }
    }

    pub fn with_key(mut self, key: &[&str]) -> Self {
        self.primary_key = key.iter().map(|k| k.to_string()).collect();
        self
    }
}

/// The package as JSON.
pub fn package(resources: &[Resource]) -> Value {
    let resources: Vec<Value> = resources
        .iter()
        .map(|r| {
            let name = r.path.trim_end_matches(".csv").replace('_', "-");
            let fields: Vec<Value> = r
                .fields
                .iter()
                .map(|f| {
                    json!({
                        "name": f.name,
                        "type": f.kind.as_str(),
                        "description": f.description,
                    })
                })
                .collect();
            let mut schema = json!({ "fields": fields, "missingValues": [""] });
            if !r.primary_key.is_empty() {
                schema["primaryKey"] = json!(r.primary_key);
            }
            json!({
                "name": name,
                "path": r.path,
                "profile": "tabular-data-resource",
                "description": r.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\n",
                    "quoteChar": "\"",
                    "doubleQuote": true,
                    "header": true,
                },
                "schema": schema,
            })
        })
        .collect();
    json!({
        "profile": "tabular-data-package",
        "name": "ita-extract-output",
        "title": "ITA reports read by ita-extract",
        "version": super::TOOL_VERSION,
        "resources": resources,
    })
}

/// Write `datapackage.json` into `out_dir`. `opts` says whether the tables start with
/// a byte-order mark (which UTF-8 readers skip; the encoding stays `utf-8`).
pub fn write(out_dir: &Path, resources: &[Resource], opts: TableOptions) -> Result<(), WriteError> {
    let mut value = package(resources);
    if opts.bom {
        value["description"] =
            json!("CSV files start with a UTF-8 byte-order mark (written with --excel)");
    }
    let mut bytes = serde_json::to_vec_pretty(&value).unwrap_or_default();
    bytes.push(b'\n');
    write_atomic(&out_dir.join(FILE_NAME), &bytes)
}
