//! Document ids and shards, both derived from the file name and content only, so they
//! are the same on every machine and in every run.
//!
//! - id: the file stem made safe for a file name (letters, digits, Thai, `-`, `_`, `.`;
//!   anything else becomes `_`; at most 48 characters), a `-`, and the first 12 hex
//!   digits of the content's sha256: `รายงาน_ITA_2566-1afe833dddd2`. Two inputs with the
//!   same id but different content get the full 64-digit hash instead
//!   ([`assign_ids`]), so ids never collide.
//! - shard: the first 16 hex digits of the sha256 as a number, modulo N, plus 1.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// Characters of the stem kept in an id.
const STEM_CHARS: usize = 48;
/// Hex digits of the content hash in an id.
const HASH_DIGITS: usize = 12;

/// `--shard K/N`: this run takes the inputs whose [`shard_of`] is `k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub k: u64,
    pub n: u64,
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.k, self.n)
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ShardError {
    #[error("shard must be K/N with 1 <= K <= N (e.g. 2/8), got {0:?}")]
    Invalid(String),
}

impl std::str::FromStr for Shard {
    type Err = ShardError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ShardError::Invalid(s.to_string());
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let k: u64 = k.trim().parse().map_err(|_| bad())?;
        let n: u64 = n.trim().parse().map_err(|_| bad())?;
        if n == 0 || k == 0 || k > n {
            return Err(bad());
        }
        Ok(Shard { k, n })
    }
}

impl Shard {
    pub fn contains(&self, sha256: &str) -> bool {
        shard_of(sha256, self.n) == self.k
    }
}

/// The shard (1..=n) a content hash belongs to.
pub fn shard_of(sha256: &str, n: u64) -> u64 {
    let prefix = sha256.get(..16).unwrap_or(sha256);
    let v = u64::from_str_radix(prefix, 16).unwrap_or(0);
    v % n.max(1) + 1
}

/// The readable part of an id, from a file's stem.
pub fn sanitize_stem(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = String::new();
    let mut last_sub = false;
    for c in stem.chars() {
        // Thai block U+0E00-U+0E7F whole: its vowel and tone marks are not
        // "alphanumeric" but belong in a readable Thai name.
        let keep =
            c.is_alphanumeric() || ('\u{0E00}'..='\u{0E7F}').contains(&c) || "-_.".contains(c);
        if keep {
            out.push(c);
            last_sub = false;
        } else if !last_sub {
            out.push('_');
            last_sub = true;
        }
        if out.chars().count() >= STEM_CHARS {
            break;
        }
    }
    let out = out.trim_matches(|c| c == '_' || c == '.').to_string();
    if out.is_empty() {
        "doc".to_string()
    } else {
        out
    }
}

/// Give each (path, sha256) an id; entries must have distinct hashes. Ids that would
/// collide (compared without case, for case-insensitive file systems) use the full hash.
pub fn assign_ids<'a>(docs: impl IntoIterator<Item = (&'a Path, &'a str)>) -> Vec<String> {
    let docs: Vec<(&Path, &str)> = docs.into_iter().collect();
    let short: Vec<String> = docs
        .iter()
        .map(|(p, sha)| {
            format!(
                "{}-{}",
                sanitize_stem(p),
                sha.get(..HASH_DIGITS).unwrap_or(sha)
            )
        })
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for id in &short {
        *seen.entry(id.to_lowercase()).or_default() += 1;
    }
    let ids: Vec<String> = docs
        .iter()
        .zip(short)
        .map(|((p, sha), id)| {
            if seen[&id.to_lowercase()] > 1 {
                format!("{}-{}", sanitize_stem(p), sha)
            } else {
                id
            }
        })
        .collect();
    debug_assert_eq!(
        ids.iter()
            .map(|i| i.to_lowercase())
            .collect::<BTreeSet<_>>()
            .len(),
        ids.len()
    );
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_table() {
        let cases: &[(&str, &str)] = &[
            ("in/รายงาน ITA ๒๕๖๖.pdf", "รายงาน_ITA_๒๕๖๖"),
            ("a/b/seed_1afe833d.txt", "seed_1afe833d"),
            ("x/../weird name!!(1).md", "weird_name_1"),
            ("...", "doc"),
            ("/tmp/'\".txt", "doc"),
            ("a.tar.gz", "a.tar"),
        ];
        for (path, want) in cases {
            assert_eq!(sanitize_stem(Path::new(path)), *want, "{path}");
        }
        let long = "ก".repeat(100) + ".txt";
        assert_eq!(sanitize_stem(Path::new(&long)).chars().count(), STEM_CHARS);
    }

    #[test]
    fn shards_parse_and_partition() {
        assert_eq!("2/8".parse::<Shard>(), Ok(Shard { k: 2, n: 8 }));
        for bad in ["0/3", "4/3", "1/0", "3", "a/b", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        let shas: Vec<String> = (0..300)
            .map(|i| crate::pipeline::sha256_hex(&[i as u8, 7]))
            .collect();
        let mut counts = [0; 3];
        for sha in &shas {
            let hits: Vec<u64> = (1..=3)
                .filter(|&k| Shard { k, n: 3 }.contains(sha))
                .collect();
            assert_eq!(hits.len(), 1);
            counts[hits[0] as usize - 1] += 1;
        }
        assert!(counts.iter().all(|&c| c > 60), "{counts:?}");
    }

    #[test]
    fn colliding_ids_get_the_full_hash() {
        let a = "1afe833dddd2aaaa";
        let b = "1afe833dddd2bbbb";
        let c = "0000000000000000";
        let ids = assign_ids([
            (Path::new("x/Report.txt"), a),
            (Path::new("y/report.txt"), b),
            (Path::new("z/report.txt"), c),
        ]);
        assert_eq!(
            ids,
            [
                "Report-1afe833dddd2aaaa",
                "report-1afe833dddd2bbbb",
                "report-000000000000"
            ]
        );
    }
}
