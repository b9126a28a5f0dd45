//! TEMPORARY minimal gazetteer (replaced by the places module of the `corpus` branch).

use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/gazetteer.tsv");

pub struct Gazetteer {
    /// (subdistrict, district, province, code)
    rows: Vec<(&'static str, &'static str, &'static str, &'static str)>,
    by_sub: HashMap<&'static str, Vec<usize>>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolution {
    pub geocode: Option<String>,
    pub subdistrict: Option<String>,
    pub district: Option<String>,
    pub province: Option<String>,
    pub mismatch: Option<String>,
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut rows = Vec::new();
        let mut by_sub: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() >= 6 {
                by_sub.entry(f[1]).or_default().push(rows.len());
                rows.push((f[1], f[3], f[5], f[0]));
            }
        }
        Gazetteer { rows, by_sub }
    })
}

impl Gazetteer {
    pub fn resolve(&self, sub: Option<&str>, dist: Option<&str>, prov: Option<&str>) -> Resolution {
        let mut r = Resolution::default();
        if let Some(s) = sub {
            let cands: Vec<usize> = self.by_sub.get(s).cloned().unwrap_or_default();
            let fit: Vec<&usize> = cands
                .iter()
                .filter(|&&i| {
                    dist.is_none_or(|d| self.rows[i].1 == d)
                        && prov.is_none_or(|p| self.rows[i].2 == p)
                })
                .collect();
            if let Some(&&i) = fit.first() {
                r.geocode = Some(self.rows[i].3.to_string());
            } else if !cands.is_empty() {
                r.mismatch = Some(format!("{s} {dist:?} {prov:?} do not fit together"));
            }
        }
        r
    }
}
