//! The checked-in JSON Schema matches the one generated from the Rust types, and the
//! seed's document validates against the contract's required fields.

use std::process::Command;

#[test]
fn checked_in_schema_matches_generated() {
    let out = Command::new(env!("CARGO_BIN_EXE_ita-extract"))
        .arg("schema")
        .output()
        .expect("run ita-extract schema");
    assert!(out.status.success());
    let generated = String::from_utf8(out.stdout).expect("utf-8");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/document.schema.json");
    let checked_in = std::fs::read_to_string(path).expect("schema/document.schema.json exists");
    assert_eq!(
        generated.trim_end(),
        checked_in.trim_end(),
        "schema/document.schema.json is stale: run `cargo run -- schema > schema/document.schema.json`"
    );
}

#[test]
fn schema_names_every_contract_field() {
    let schema: serde_json::Value =
        serde_json::from_str(&ita_extract::cmd::schema::schema_json()).expect("json");
    let props = schema["properties"].as_object().expect("properties");
    for field in [
        "schema_version",
        "source",
        "status",
        "agency",
        "fiscal_year",
        "overall_score",
        "level",
        "measures",
        "indicators",
        "oit_items",
        "dates",
        "flags",
    ] {
        assert!(props.contains_key(field), "schema lacks {field}");
    }
}
