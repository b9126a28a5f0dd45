//! Document JSON as a batch writes it.
//!
//! `documents/<id>.json` is the document serialized exactly as `ita-extract file` prints
//! it (pretty JSON, two-space indent, one trailing newline), so the two can be compared
//! byte for byte. `dataset.jsonl` holds the same documents, one per line: each line is the
//! file's text with the whitespace between tokens removed ([`minify`]), which equals the
//! compact serialization without parsing numbers again (a float read back from text
//! could differ in its last bit).

use crate::model::Document;

/// The bytes of `documents/<id>.json` for a document.
pub fn document_bytes(doc: &Document) -> Vec<u8> {
    // Serializing plain data types into memory cannot fail.
    let mut bytes = serde_json::to_vec_pretty(doc).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Remove JSON whitespace outside strings (RFC 8259 §2: space, tab, LF, CR). Input that
/// is not JSON is handled without panicking; the result is then meaningless.
pub fn minify(json: &[u8], out: &mut Vec<u8>) {
    out.reserve(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for &b in json {
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => {}
                b'"' => {
                    in_string = true;
                    out.push(b);
                }
                _ => out.push(b),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minify_table() {
        let cases: &[(&str, &str)] = &[
            (
                "{\n  \"a\": 1,\n  \"b\": [\n    2,\n    3\n  ]\n}\n",
                r#"{"a":1,"b":[2,3]}"#,
            ),
            (r#"{"s": "a b\t\"c d\" \\"}"#, r#"{"s":"a b\t\"c d\" \\"}"#),
            ("[ \"ก ข\" , null ]", r#"["ก ข",null]"#),
            ("", ""),
        ];
        for (input, want) in cases {
            let mut out = Vec::new();
            minify(input.as_bytes(), &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), *want, "{input:?}");
        }
    }

    #[test]
    fn minified_pretty_equals_compact() {
        let doc = crate::pipeline::failed(
            "a b.pdf",
            "00",
            crate::model::SourceFormat::Pdf,
            crate::diagnostic::FlagCode::ParseError,
            "bad \"xref\"\n at 12".to_string(),
        );
        let mut out = Vec::new();
        minify(&document_bytes(&doc), &mut out);
        assert_eq!(out, serde_json::to_vec(&doc).unwrap());
    }
}
