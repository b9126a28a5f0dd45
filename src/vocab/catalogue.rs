//! The OIT item lists of each fiscal year and the ten indicators, read from
//! `data/catalogues/` (one TSV file per list; a new year is a new file).
//!
//! The same code means different things in different years (O10 is นโยบายคุ้มครองข้อมูล
//! ส่วนบุคคล in 2566-2567 and แผนดำเนินงานประจำปี in 2564-2565), so items are matched
//! against the list of the document's fiscal year. Provisional lists (2568, 2569: no NACC
//! manual found) are used only where the document's titles fit them.

use super::tsv_rows;
use std::sync::OnceLock;

/// The catalogue files, embedded. Add a year's list here and in `data/catalogues/`.
const FILES: [&str; 4] = [
    include_str!("../../data/catalogues/oit-2564-2565.tsv"),
    include_str!("../../data/catalogues/oit-2566-2567.tsv"),
    include_str!("../../data/catalogues/oit-2568.tsv"),
    include_str!("../../data/catalogues/oit-2569.tsv"),
];
const INDICATORS: &str = include_str!("../../data/catalogues/indicators.tsv");

/// One OIT list.
#[derive(Debug, PartialEq, Eq)]
pub struct Catalogue {
    /// "2566-2567", "2568".
    pub name: &'static str,
    /// Fiscal years (BE) that use the list.
    pub years: Vec<i32>,
    /// Titles of O1..On.
    pub titles: Vec<&'static str>,
    /// Sub-indicator of each item ("9.1"), empty where unknown.
    pub sub_indicators: Vec<&'static str>,
    /// No official manual confirms the list.
    pub provisional: bool,
}

impl Catalogue {
    /// Number of items.
    pub fn len(&self) -> usize {
        self.titles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.titles.is_empty()
    }

    /// Title of item `n` (1-based).
    pub fn title(&self, n: u32) -> Option<&'static str> {
        (n as usize)
            .checked_sub(1)
            .and_then(|i| self.titles.get(i).copied())
    }
}

fn parse(text: &'static str) -> Option<Catalogue> {
    let meta = |key: &str| {
        text.lines()
            .filter_map(|l| l.strip_prefix("#! "))
            .find_map(|l| {
                l.split_once('\t')
                    .filter(|(k, _)| *k == key)
                    .map(|(_, v)| v.trim())
            })
    };
    let name = meta("name")?;
    let years = meta("years")?
        .split(',')
        .filter_map(|y| y.trim().parse().ok())
        .collect();
    let provisional = meta("provisional") == Some("yes");
    let mut titles = Vec::new();
    let mut subs = Vec::new();
    for (i, r) in tsv_rows(text).enumerate() {
        let code = r.first()?;
        if code.trim_start_matches('O').parse::<usize>().ok()? != i + 1 {
            return None;
        }
        subs.push(*r.get(1)?);
        titles.push(*r.get(2)?);
    }
    Some(Catalogue {
        name,
        years,
        titles,
        sub_indicators: subs,
        provisional,
    })
}

/// Every known list, in file order.
pub fn catalogues() -> &'static [Catalogue] {
    static ALL: OnceLock<Vec<Catalogue>> = OnceLock::new();
    ALL.get_or_init(|| FILES.iter().filter_map(|f| parse(f)).collect())
}

/// The list of a fiscal year (BE), if one is known.
pub fn for_year(year: i32) -> Option<&'static Catalogue> {
    catalogues().iter().find(|c| c.years.contains(&year))
}

/// Indicator titles 1-10.
pub fn indicators() -> &'static [&'static str] {
    static IND: OnceLock<Vec<&'static str>> = OnceLock::new();
    IND.get_or_init(|| {
        tsv_rows(INDICATORS)
            .filter_map(|r| r.get(2).copied())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses() {
        assert_eq!(catalogues().len(), FILES.len());
        assert_eq!(for_year(2566).map(|c| c.len()), Some(43));
        assert_eq!(for_year(2565).map(|c| c.name), Some("2564-2565"));
        assert_eq!(for_year(2568).map(|c| c.len()), Some(28));
        assert_eq!(for_year(2569).map(|c| c.len()), Some(26));
        assert!(for_year(2568).unwrap().provisional);
        assert!(for_year(2563).is_none());
        assert_eq!(
            for_year(2567).unwrap().title(10),
            Some("นโยบายคุ้มครองข้อมูลส่วนบุคคล")
        );
        assert_eq!(indicators().len(), 10);
    }
}
