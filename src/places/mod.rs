//! Thai places: the embedded gazetteer of provinces (จังหวัด), districts (อำเภอ/เขต) and
//! subdistricts (ตำบล/แขวง) with their DOPA codes, and the rules that resolve the place a
//! report states into the most precise code that fits.
//!
//! Input: names as a document writes them ("อ.บ้านแพ้ว", "จังหวัด ขอนแก่น", "กรุงเทพฯ"),
//! possibly with small OCR damage. Output: a [`Resolution`] (canonical names, a 6-, 4- or
//! 2-digit geocode and a human message when the parts do not fit together), or the place
//! names found in a line of text ([`Gazetteer::find_places_in`]).
//!
//! Data: `data/gazetteer.tsv`, from GeoThai (<https://github.com/GeoThai/data>), CC BY 4.0,
//! credit "GeoThai" (see `data/GAZETTEER-NOTICE`). It is embedded in the binary and indexed
//! once, on first use.
//!
//! Subdistrict names repeat across the country (795 names occur more than once, e.g.
//! ต.โคกสำราญ is 402402 in อ.บ้านแฮด จ.ขอนแก่น and 350812 in อ.เลิงนกทา จ.ยโสธร), so a
//! subdistrict is resolved together with the district and province, and no single field
//! is trusted when the three disagree.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::OnceLock;

/// The embedded gazetteer (tab-separated; lines starting with `#` are comments).
const GAZETTEER_TSV: &str = include_str!("../../data/gazetteer.tsv");

/// Bangkok's DOPA province code; its districts are เขต and its subdistricts แขวง.
const BANGKOK_CODE: &str = "10";

/// What kind of place a name is.
pub use crate::vocab::PlaceKind;

/// The place a report states, resolved against the gazetteer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// DOPA code of the most precise consistent place: 6 digits (subdistrict), 4
    /// (district) or 2 (province); None when nothing could be placed.
    pub geocode: Option<String>,
    /// Canonical subdistrict name (without ตำบล/แขวง), when it is part of the geocode.
    pub subdistrict: Option<String>,
    /// Canonical district name (Bangkok districts keep their เขต, as DOPA writes them).
    pub district: Option<String>,
    /// Canonical province name.
    pub province: Option<String>,
    /// A human message when the stated parts do not fit together.
    pub mismatch: Option<String>,
}

#[derive(Debug, Clone)]
struct Province {
    code: String,
    name: String,
}

#[derive(Debug, Clone)]
struct District {
    code: String,
    name: String,
    province: usize,
}

#[derive(Debug, Clone)]
struct Subdistrict {
    code: String,
    name: String,
    district: usize,
}

/// Indexes over the embedded gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    provinces: Vec<Province>,
    districts: Vec<District>,
    subdistricts: Vec<Subdistrict>,
    /// Exact keys ([`key`]) to indexes, per kind.
    province_by_key: HashMap<String, Vec<usize>>,
    district_by_key: HashMap<String, Vec<usize>>,
    subdistrict_by_key: HashMap<String, Vec<usize>>,
    /// Loose keys ([`loose_key`]) to indexes, per kind.
    province_by_loose: HashMap<String, Vec<usize>>,
    district_by_loose: HashMap<String, Vec<usize>>,
    subdistrict_by_loose: HashMap<String, Vec<usize>>,
    /// Names as they may follow a prefix in running text (Bangkok's "เขต" stripped), to
    /// canonical names, per kind; and the longest such name in characters.
    text_names: HashMap<(PlaceKind, String), String>,
    longest_text_name: usize,
}

/// The gazetteer, loaded and indexed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::from_tsv(GAZETTEER_TSV))
}

/// The first letters of the place prefixes and of Bangkok's aliases: only there can a
/// place start (a fast test before [`Gazetteer::place_at`]).
fn place_leads() -> &'static [char] {
    static L: OnceLock<Vec<char>> = OnceLock::new();
    L.get_or_init(|| {
        let mut l: Vec<char> = crate::vocab::place_prefix_spellings()
            .iter()
            .map(|(p, _)| p.as_str())
            .chain(bangkok_aliases().iter().copied())
            .filter_map(|p| p.chars().next())
            .collect();
        l.sort_unstable();
        l.dedup();
        l
    })
}

/// Ways Bangkok is written besides its DOPA name (list `bangkok_alias` of
/// `data/vocab/words.tsv`), longest first.
fn bangkok_aliases() -> &'static [&'static str] {
    static A: OnceLock<Vec<&'static str>> = OnceLock::new();
    A.get_or_init(|| {
        let mut a = crate::vocab::words("bangkok_alias").to_vec();
        a.sort_by_key(|w| std::cmp::Reverse(w.len()));
        a
    })
}

impl Gazetteer {
    /// Build the indexes from the TSV text. Malformed lines are skipped (the data is
    /// embedded and checked by the tests, so this cannot lose data silently at run time).
    fn from_tsv(tsv: &str) -> Gazetteer {
        let mut g = Gazetteer {
            provinces: Vec::new(),
            districts: Vec::new(),
            subdistricts: Vec::new(),
            province_by_key: HashMap::new(),
            district_by_key: HashMap::new(),
            subdistrict_by_key: HashMap::new(),
            province_by_loose: HashMap::new(),
            district_by_loose: HashMap::new(),
            subdistrict_by_loose: HashMap::new(),
            text_names: HashMap::new(),
            longest_text_name: 0,
        };
        let mut province_idx: HashMap<String, usize> = HashMap::new();
        let mut district_idx: HashMap<String, usize> = HashMap::new();
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 6 {
                continue;
            }
            let (sub_code, sub, dist_code, dist, prov_code, prov) =
                (cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]);
            let p = *province_idx
                .entry(prov_code.to_string())
                .or_insert_with(|| {
                    g.provinces.push(Province {
                        code: prov_code.to_string(),
                        name: prov.to_string(),
                    });
                    g.provinces.len() - 1
                });
            let d = *district_idx
                .entry(dist_code.to_string())
                .or_insert_with(|| {
                    g.districts.push(District {
                        code: dist_code.to_string(),
                        name: dist.to_string(),
                        province: p,
                    });
                    g.districts.len() - 1
                });
            g.subdistricts.push(Subdistrict {
                code: sub_code.to_string(),
                name: sub.to_string(),
                district: d,
            });
        }
        for (i, p) in g.provinces.iter().enumerate() {
            let k = key(&p.name);
            push(&mut g.province_by_loose, loose_of_key(&k), i);
            push(&mut g.province_by_key, k, i);
            if p.code == BANGKOK_CODE {
                for alias in bangkok_aliases() {
                    push(&mut g.province_by_key, key(alias), i);
                    push(&mut g.province_by_loose, loose_key(alias), i);
                }
            }
        }
        for (i, d) in g.districts.iter().enumerate() {
            let k = key(&d.name);
            push(&mut g.district_by_loose, loose_of_key(&k), i);
            push(&mut g.district_by_key, k, i);
        }
        for (i, s) in g.subdistricts.iter().enumerate() {
            let k = key(&s.name);
            push(&mut g.subdistrict_by_loose, loose_of_key(&k), i);
            push(&mut g.subdistrict_by_key, k, i);
        }
        for v in [
            &mut g.province_by_key,
            &mut g.district_by_key,
            &mut g.subdistrict_by_key,
            &mut g.province_by_loose,
            &mut g.district_by_loose,
            &mut g.subdistrict_by_loose,
        ] {
            for list in v.values_mut() {
                list.sort_unstable();
                list.dedup();
            }
        }
        let mut text_names = HashMap::new();
        for p in &g.provinces {
            text_names.insert((PlaceKind::Province, p.name.clone()), p.name.clone());
            if p.code == BANGKOK_CODE {
                for alias in bangkok_aliases() {
                    text_names.insert((PlaceKind::Province, alias.to_string()), p.name.clone());
                }
            }
        }
        for d in &g.districts {
            let bare = crate::vocab::words("bangkok_district_prefix")
                .iter()
                .find_map(|p| d.name.strip_prefix(p))
                .unwrap_or(&d.name);
            text_names.insert((PlaceKind::District, bare.to_string()), d.name.clone());
        }
        for s in &g.subdistricts {
            text_names.insert((PlaceKind::Subdistrict, s.name.clone()), s.name.clone());
        }
        g.longest_text_name = text_names
            .keys()
            .map(|(_, n)| n.chars().count())
            .max()
            .unwrap_or(0);
        g.text_names = text_names;
        g
    }

    /// The place a DOPA code names (2, 4 or 6 digits), with canonical names.
    pub fn lookup(&self, geocode: &str) -> Option<Resolution> {
        match geocode.len() {
            6 => self
                .subdistricts
                .iter()
                .position(|s| s.code == geocode)
                .map(|i| self.at_subdistrict(i, None)),
            4 => self
                .districts
                .iter()
                .position(|d| d.code == geocode)
                .map(|i| self.at_district(i, None)),
            2 => self
                .provinces
                .iter()
                .position(|p| p.code == geocode)
                .map(|i| self.at_province(Some(i), None)),
            _ => None,
        }
    }

    /// Number of (provinces, districts, subdistricts) loaded.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.provinces.len(),
            self.districts.len(),
            self.subdistricts.len(),
        )
    }

    /// Byte length of the longest subdistrict, district or province name (exactly as
    /// written in running text) at the start of `text`, without cutting a Thai syllable:
    /// how a name is cut out of unspaced Thai ("โคกสำราญได้จัดทำ" -> "โคกสำราญ").
    pub fn name_prefix_len(&self, text: &str) -> Option<usize> {
        let ends: Vec<usize> = text
            .char_indices()
            .map(|(k, ch)| k + ch.len_utf8())
            .take(self.longest_text_name)
            .collect();
        ends.into_iter().rev().find(|&end| {
            let cand = &text[..end];
            let known = [
                PlaceKind::Subdistrict,
                PlaceKind::District,
                PlaceKind::Province,
            ]
            .into_iter()
            .any(|kind| self.text_names.contains_key(&(kind, cand.to_string())));
            known && !text[end..].chars().next().is_some_and(is_thai_combining)
        })
    }

    /// Whether `name` (with or without จังหวัด/จ.) is a province, tolerating small OCR damage.
    pub fn is_province(&self, name: &str) -> bool {
        !self.match_provinces(name).is_empty()
    }

    /// Whether `name` (with or without อำเภอ/อ./เขต) is a district, tolerating small OCR damage.
    pub fn is_district(&self, name: &str) -> bool {
        !self.match_districts(name, None).is_empty()
    }

    /// Whether `name` (with or without ตำบล/ต./แขวง) is a subdistrict, tolerating small OCR damage.
    pub fn is_subdistrict(&self, name: &str) -> bool {
        !self.match_subdistricts(name, &[], None).is_empty()
    }

    /// The canonical province name for `name`, when it is one province.
    pub fn province_name(&self, name: &str) -> Option<&str> {
        match self.match_provinces(name).as_slice() {
            [p] => Some(&self.provinces[*p].name),
            _ => None,
        }
    }

    /// Provinces matching `name`: exact key, then loose key, then one edit away.
    fn match_provinces(&self, name: &str) -> Vec<usize> {
        let k = key(name);
        if k.is_empty() {
            return Vec::new();
        }
        if let Some(v) = self.province_by_key.get(&k) {
            return v.clone();
        }
        if let Some(v) = self.province_by_loose.get(&loose_key(&k)) {
            return v.clone();
        }
        let all: Vec<usize> = (0..self.provinces.len()).collect();
        fuzzy(&k, &all, |i| &self.provinces[i].name)
    }

    /// Districts matching `name`, optionally only inside `province`. "อำเภอเมือง" with a
    /// province means that province's เมือง district ("เมืองขอนแก่น").
    fn match_districts(&self, name: &str, province: Option<usize>) -> Vec<usize> {
        let k = key(name);
        if k.is_empty() {
            return Vec::new();
        }
        let within = |v: &Vec<usize>| -> Vec<usize> {
            v.iter()
                .copied()
                .filter(|&d| province.is_none_or(|p| self.districts[d].province == p))
                .collect()
        };
        if let Some(v) = self.district_by_key.get(&k) {
            // A name known in the country: return all its places, so a district in the
            // wrong province is reported as a mismatch instead of being re-guessed.
            return v.clone();
        }
        // "อำเภอเมือง" alone: the province's capital district (เมือง + the province).
        let capital = crate::vocab::kinds::score_words("capital_district_prefix");
        if capital.contains(&k.as_str()) {
            if let Some(p) = province {
                let prov = &self.provinces[p];
                let found: Vec<usize> = (0..self.districts.len())
                    .filter(|&d| {
                        self.districts[d].province == p
                            && self.districts[d].name == format!("{k}{}", prov.name)
                    })
                    .collect();
                if !found.is_empty() {
                    return found;
                }
            }
        }
        if let Some(v) = self.district_by_loose.get(&loose_key(&k)) {
            let inside = within(v);
            return if inside.is_empty() { v.clone() } else { inside };
        }
        let scope: Vec<usize> = (0..self.districts.len())
            .filter(|&d| province.is_none_or(|p| self.districts[d].province == p))
            .collect();
        fuzzy(&k, &scope, |i| &self.districts[i].name)
    }

    /// Subdistricts matching `name`; the fuzzy fallback looks only inside `districts`
    /// (when given) or `province` (when given), where a one-letter slip is unambiguous.
    fn match_subdistricts(
        &self,
        name: &str,
        districts: &[usize],
        province: Option<usize>,
    ) -> Vec<usize> {
        let k = key(name);
        if k.is_empty() {
            return Vec::new();
        }
        if let Some(v) = self.subdistrict_by_key.get(&k) {
            return v.clone();
        }
        let in_scope = |s: usize| {
            let d = self.subdistricts[s].district;
            if !districts.is_empty() {
                districts.contains(&d)
            } else {
                province.is_none_or(|p| self.districts[d].province == p)
            }
        };
        if let Some(v) = self.subdistrict_by_loose.get(&loose_key(&k)) {
            let inside: Vec<usize> = v.iter().copied().filter(|&s| in_scope(s)).collect();
            return if inside.is_empty() { v.clone() } else { inside };
        }
        if districts.is_empty() && province.is_none() {
            // Without a scope a one-letter slip is too often another real name.
            return Vec::new();
        }
        let scope: Vec<usize> = (0..self.subdistricts.len())
            .filter(|&s| in_scope(s))
            .collect();
        fuzzy(&k, &scope, |i| &self.subdistricts[i].name)
    }

    /// Resolve a stated subdistrict, district and province (any may be absent, with or
    /// without their prefixes) to the most precise place that fits, with a message
    /// when the parts do not fit together. Names not in the gazetteer are ignored (they
    /// cannot be checked); names that exist but elsewhere make a mismatch.
    pub fn resolve(
        &self,
        subdistrict: Option<&str>,
        district: Option<&str>,
        province: Option<&str>,
    ) -> Resolution {
        let provs = province
            .map(|p| self.match_provinces(p))
            .unwrap_or_default();
        let prov = match provs.as_slice() {
            [p] => Some(*p),
            _ => None,
        };
        let dists = district
            .map(|d| self.match_districts(d, prov))
            .unwrap_or_default();
        let dists_in_prov: Vec<usize> = dists
            .iter()
            .copied()
            .filter(|&d| prov.is_none_or(|p| self.districts[d].province == p))
            .collect();
        let subs = subdistrict
            .map(|s| self.match_subdistricts(s, &dists_in_prov, prov))
            .unwrap_or_default();

        let sub_fits = |s: usize, d: Option<&[usize]>, p: Option<usize>| {
            let sd = self.subdistricts[s].district;
            d.is_none_or(|ds| ds.contains(&sd))
                && p.is_none_or(|p| self.districts[sd].province == p)
        };
        let dist_given = !dists.is_empty();
        let sub_given = !subs.is_empty();

        // 1. Everything stated fits together.
        let full: Vec<usize> = subs
            .iter()
            .copied()
            .filter(|&s| sub_fits(s, dist_given.then_some(dists.as_slice()), prov))
            .collect();
        if full.len() == 1 {
            return self.at_subdistrict(full[0], None);
        }
        if !sub_given {
            if dists_in_prov.len() == 1 {
                return self.at_district(dists_in_prov[0], None);
            }
            if dist_given && dists_in_prov.is_empty() {
                // The district exists, but not in the stated province.
                let msg = self.district_elsewhere(&dists, prov);
                return self.at_province(prov, Some(msg));
            }
            return self.at_province(prov, None);
        }
        if full.len() > 1 {
            // Ambiguous even with everything stated (e.g. only a repeated subdistrict
            // name): fall back to what all candidates share.
            return self.common_ancestor(&full, prov);
        }

        // 2. The parts disagree: find the most precise consistent subset.
        let mut parts = Vec::new();
        if dist_given && prov.is_some() && dists_in_prov.is_empty() {
            parts.push(self.district_elsewhere(&dists, prov));
        }
        let sub_name = format_sub(
            &self.subdistricts[subs[0]].name,
            self.is_bangkok_sub(subs[0]),
        );
        parts.push(format!(
            "{sub_name} exists in {}",
            self.sub_locations(&subs, prov)
        ));
        let msg = parts.join("; ");

        // 2a. Province and district fit: keep them, drop the subdistrict.
        if dists_in_prov.len() == 1 && prov.is_some() {
            return self.at_district(dists_in_prov[0], Some(msg));
        }
        // 2b. Province and subdistrict fit.
        let sub_in_prov: Vec<usize> = subs
            .iter()
            .copied()
            .filter(|&s| sub_fits(s, None, prov))
            .collect();
        if prov.is_some() && sub_in_prov.len() == 1 {
            return self.at_subdistrict(sub_in_prov[0], Some(msg));
        }
        // 2c. District and subdistrict fit (the province is the odd one out).
        if dist_given {
            let sub_in_dist: Vec<usize> = subs
                .iter()
                .copied()
                .filter(|&s| sub_fits(s, Some(&dists), None))
                .collect();
            if sub_in_dist.len() == 1 {
                return self.at_subdistrict(sub_in_dist[0], Some(msg));
            }
        }
        // 2d. Only the province (or nothing) can be trusted.
        if prov.is_some() {
            return self.at_province(prov, Some(msg));
        }
        if dists.len() == 1 {
            return self.at_district(dists[0], Some(msg));
        }
        Resolution {
            mismatch: Some(msg),
            ..Resolution::default()
        }
    }

    fn is_bangkok_sub(&self, s: usize) -> bool {
        let d = self.subdistricts[s].district;
        self.provinces[self.districts[d].province].code == BANGKOK_CODE
    }

    /// "อำเภอX is in จังหวัดA, not จังหวัดB".
    fn district_elsewhere(&self, dists: &[usize], prov: Option<usize>) -> String {
        let name = format_district(&self.districts[dists[0]].name);
        let homes: BTreeSet<String> = dists
            .iter()
            .map(|&d| format_province(&self.provinces[self.districts[d].province].name))
            .collect();
        let homes: Vec<String> = homes.into_iter().collect();
        match prov {
            Some(p) => format!(
                "{name} is in {}, not {}",
                homes.join(" and "),
                format_province(&self.provinces[p].name)
            ),
            None => format!("{name} is in {}", homes.join(" and ")),
        }
    }

    /// "อำเภอA จังหวัดB and อำเภอC จังหวัดD": those in the stated province first, then
    /// by code.
    fn sub_locations(&self, subs: &[usize], prov: Option<usize>) -> String {
        let mut subs = subs.to_vec();
        subs.sort_by_key(|&s| {
            let d = &self.districts[self.subdistricts[s].district];
            (Some(d.province) != prov, self.subdistricts[s].code.clone())
        });
        let places: Vec<String> = subs
            .iter()
            .map(|&s| {
                let d = &self.districts[self.subdistricts[s].district];
                format!(
                    "{} {}",
                    format_district(&d.name),
                    format_province(&self.provinces[d.province].name)
                )
            })
            .collect();
        places.join(" and ")
    }

    fn at_subdistrict(&self, s: usize, mismatch: Option<String>) -> Resolution {
        let sub = &self.subdistricts[s];
        let d = &self.districts[sub.district];
        Resolution {
            geocode: Some(sub.code.clone()),
            subdistrict: Some(sub.name.clone()),
            district: Some(d.name.clone()),
            province: Some(self.provinces[d.province].name.clone()),
            mismatch,
        }
    }

    fn at_district(&self, d: usize, mismatch: Option<String>) -> Resolution {
        let dist = &self.districts[d];
        Resolution {
            geocode: Some(dist.code.clone()),
            subdistrict: None,
            district: Some(dist.name.clone()),
            province: Some(self.provinces[dist.province].name.clone()),
            mismatch,
        }
    }

    fn at_province(&self, p: Option<usize>, mismatch: Option<String>) -> Resolution {
        match p {
            Some(p) => Resolution {
                geocode: Some(self.provinces[p].code.clone()),
                province: Some(self.provinces[p].name.clone()),
                mismatch,
                ..Resolution::default()
            },
            None => Resolution {
                mismatch,
                ..Resolution::default()
            },
        }
    }

    /// The most precise place all candidate subdistricts share.
    fn common_ancestor(&self, subs: &[usize], prov: Option<usize>) -> Resolution {
        let ds: BTreeSet<usize> = subs
            .iter()
            .map(|&s| self.subdistricts[s].district)
            .collect();
        if ds.len() == 1 {
            if let Some(&d) = ds.iter().next() {
                return self.at_district(d, None);
            }
        }
        let ps: BTreeSet<usize> = ds.iter().map(|&d| self.districts[d].province).collect();
        if ps.len() == 1 {
            return self.at_province(ps.iter().next().copied(), None);
        }
        self.at_province(prov, None)
    }

    /// Every known place name written after a prefix in `text` ("ตำบลX", "อ.Y",
    /// "จังหวัด Z", "แขวงX", "เขตY", and Bangkok without a prefix), longest name first,
    /// left to right, not overlapping. The range covers prefix and name; the string is
    /// the canonical name. "ตำบล" inside an agency type (เทศบาลตำบล, องค์การบริหารส่วนตำบล)
    /// is not a place prefix and is skipped.
    pub fn find_places_in(&self, text: &str) -> Vec<(Range<usize>, PlaceKind, String)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let rest = &text[i..];
            let Some(c) = rest.chars().next() else { break };
            let mut advanced = false;
            if place_leads().contains(&c) {
                if let Some((end, kind, name)) = self.place_at(text, i) {
                    out.push((i..end, kind, name));
                    i = end;
                    advanced = true;
                }
            }
            if !advanced {
                i += c.len_utf8();
            }
        }
        out
    }

    /// A place starting at byte `i` of `text`: (end, kind, canonical name).
    fn place_at(&self, text: &str, i: usize) -> Option<(usize, PlaceKind, String)> {
        let rest = &text[i..];
        // Bangkok is often written bare.
        for alias in bangkok_aliases() {
            if rest.starts_with(alias) {
                let name = self
                    .text_names
                    .get(&(PlaceKind::Province, alias.to_string()))?;
                return Some((i + alias.len(), PlaceKind::Province, name.clone()));
            }
        }
        for (prefix, kind) in crate::vocab::place_prefix_spellings() {
            if !rest.starts_with(prefix) {
                continue;
            }
            if prefix.ends_with('.') {
                // "อบต.", "ทต.", "อบจ." are agency abbreviations, not place prefixes: an
                // abbreviated prefix must not follow a Thai consonant.
                let prev = text[..i].chars().next_back();
                if prev.is_some_and(|c| ('\u{0E01}'..='\u{0E2E}').contains(&c)) {
                    continue;
                }
            }
            if *kind == PlaceKind::Subdistrict && prefix.ends_with("บล") {
                let before = &text[..i];
                if before.ends_with("เทศบาล") || before.ends_with("ส่วน") {
                    return None;
                }
            }
            let mut j = i + prefix.len();
            while text[j..].starts_with(' ') {
                j += 1;
            }
            // Longest known name of this kind starting at j.
            let ends: Vec<usize> = text[j..]
                .char_indices()
                .map(|(k, ch)| j + k + ch.len_utf8())
                .take(self.longest_text_name)
                .collect();
            for &end in ends.iter().rev() {
                let cand = &text[j..end];
                if let Some(name) = self.text_names.get(&(*kind, cand.to_string())) {
                    // Do not cut a word: the next character must not continue a Thai
                    // syllable mark (a name cut before its vowel or tone mark is wrong).
                    let next = text[end..].chars().next();
                    if next.is_some_and(is_thai_combining) {
                        continue;
                    }
                    return Some((end, *kind, name.clone()));
                }
            }
        }
        None
    }
}

fn push(map: &mut HashMap<String, Vec<usize>>, k: String, i: usize) {
    if !k.is_empty() {
        map.entry(k).or_default().push(i);
    }
}

/// Thai vowel signs and tone marks that attach to the previous consonant.
fn is_thai_combining(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E33}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

fn format_sub(name: &str, bangkok: bool) -> String {
    if bangkok {
        format!("แขวง{name}")
    } else {
        format!("ตำบล{name}")
    }
}

fn format_district(name: &str) -> String {
    if name.starts_with("เขต") {
        name.to_string()
    } else {
        format!("อำเภอ{name}")
    }
}

fn format_province(name: &str) -> String {
    if name == "กรุงเทพมหานคร" {
        name.to_string()
    } else {
        format!("จังหวัด{name}")
    }
}

/// The comparison key of a name: zero-width characters and whitespace removed,
/// NIKHAHIT + SARA AA (U+0E4D U+0E32) joined into SARA AM (U+0E33), one place prefix
/// (ตำบล, อำเภอ, จังหวัด, their abbreviations, แขวง, เขต) stripped.
pub fn key(name: &str) -> String {
    let mut s: String = name
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{00AD}')
                // markup and punctuation around a name ("**ขอนแก่น**", "(ยโสธร)", "บ้านแฮด,")
                && !matches!(
                    c,
                    '*' | '_' | '#' | '|' | ':' | ';' | ',' | '(' | ')' | '[' | ']' | '"' | '\''
                )
        })
        .collect();
    while s.ends_with('.') {
        s.pop();
    }
    if s.contains('\u{0E4D}') {
        s = s.replace("\u{0E4D}\u{0E32}", "\u{0E33}");
    }
    loop {
        let before = s.len();
        for prefix in key_prefixes() {
            if let Some(rest) = s.strip_prefix(prefix) {
                if !rest.is_empty() {
                    s = rest.to_string();
                }
                break;
            }
        }
        if s.len() == before {
            break;
        }
    }
    s
}

/// The prefixes [`key`] strips: `s` has SARA AM by then, so the NIKHAHIT + SARA AA
/// spellings cannot match (their SARA AM twins are listed beside them).
fn key_prefixes() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        crate::vocab::place_prefix_spellings()
            .iter()
            .map(|(p, _)| p.as_str())
            .filter(|p| !p.contains('\u{0E4D}'))
            .collect()
    })
}

/// A looser key for OCR damage: [`key`], then tone marks, MAITAIKHU, THANTHAKHAT,
/// NIKHAHIT, Thai PUA glyphs (U+F700-U+F71A) and dots removed, SARA AM read as SARA AA
/// (OCR often loses or adds the NIKHAHIT).
pub fn loose_key(name: &str) -> String {
    loose_of_key(&key(name))
}

/// [`loose_key`] of a name whose [`key`] is `k`.
fn loose_of_key(k: &str) -> String {
    k.chars()
        .filter(|c| !matches!(c, '\u{0E47}'..='\u{0E4D}' | '\u{F700}'..='\u{F71A}' | '.'))
        .map(|c| if c == '\u{0E33}' { '\u{0E32}' } else { c })
        .collect()
}

/// Candidates within one edit (two for names of eight characters or more) of `k`, keeping
/// only the closest; empty when the closest is not unique or the name is too short to judge.
fn fuzzy<'a>(k: &str, scope: &[usize], name_of: impl Fn(usize) -> &'a str) -> Vec<usize> {
    let lk: Vec<char> = loose_key(k).chars().collect();
    if lk.len() < 4 {
        return Vec::new();
    }
    let max = if lk.len() >= 8 { 2 } else { 1 };
    let mut best = usize::MAX;
    let mut found = Vec::new();
    for &i in scope {
        let cand: Vec<char> = loose_key(name_of(i)).chars().collect();
        if cand.len().abs_diff(lk.len()) > max {
            continue;
        }
        let d = strsim::generic_levenshtein(&lk, &cand);
        if d > max {
            continue;
        }
        if d < best {
            best = d;
            found.clear();
        }
        if d == best {
            found.push(i);
        }
    }
    if found.len() == 1 {
        found
    } else {
        Vec::new()
    }
}

/// Resolve the place an agency is named after ("พิษณุโลก" of เทศบาลนครพิษณุโลก,
/// "เชียงใหม่" of วิทยาลัยเทคนิคเชียงใหม่, "บ้านโป่ง" of วิทยาลัยการอาชีพบ้านโป่ง). A
/// province name places the agency in the province's capital district (list
/// `capital_district_prefix` of `data/vocab/score_words.tsv`) where the gazetteer has
/// it, else in the province; a district name that is one district places it there.
/// Nothing known: an empty resolution.
pub fn resolve_named(place: &str) -> Resolution {
    let g = gazetteer();
    let place = place.trim();
    if place.is_empty() {
        return Resolution::default();
    }
    if let Some(p) = g.province_name(place).map(str::to_string) {
        for prefix in crate::vocab::kinds::score_words("capital_district_prefix") {
            let r = g.resolve(None, Some(&format!("{prefix}{p}")), Some(&p));
            if r.geocode.as_ref().is_some_and(|c| c.len() == 4) && r.mismatch.is_none() {
                return r;
            }
        }
        return g.resolve(None, None, Some(&p));
    }
    if g.match_districts(place, None).len() == 1 {
        let r = g.resolve(None, Some(place), None);
        if r.mismatch.is_none() {
            return r;
        }
    }
    Resolution::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_the_whole_gazetteer() {
        let (p, d, s) = gazetteer().counts();
        assert_eq!(p, 77);
        assert!(d >= 900, "{d} districts");
        assert!(s >= 7400, "{s} subdistricts");
    }

    #[test]
    fn resolve_table() {
        // (subdistrict, district, province) -> (geocode, subdistrict, district, province, mismatch?)
        type Case<'a> = (
            (Option<&'a str>, Option<&'a str>, Option<&'a str>),
            (
                Option<&'a str>,
                Option<&'a str>,
                Option<&'a str>,
                Option<&'a str>,
                bool,
            ),
        );
        let cases: &[Case] = &[
            // A consistent triple gives the subdistrict code and no mismatch.
            (
                (
                    Some("ตำบลโคกสำราญ"),
                    Some("อำเภอบ้านแฮด"),
                    Some("จังหวัดขอนแก่น"),
                ),
                (
                    Some("402402"),
                    Some("โคกสำราญ"),
                    Some("บ้านแฮด"),
                    Some("ขอนแก่น"),
                    false,
                ),
            ),
            (
                (Some("ต.โคกสำราญ"), Some("อ.เลิงนกทา"), Some("จ.ยโสธร")),
                (
                    Some("350812"),
                    Some("โคกสำราญ"),
                    Some("เลิงนกทา"),
                    Some("ยโสธร"),
                    false,
                ),
            ),
            // The seed: บ้านแพ้ว is in สมุทรสาคร; province + subdistrict fit.
            (
                (
                    Some("ตำบลโคกสำราญ"),
                    Some("อำเภอบ้านแพ้ว"),
                    Some("จังหวัดขอนแก่น"),
                ),
                (
                    Some("402402"),
                    Some("โคกสำราญ"),
                    Some("บ้านแฮด"),
                    Some("ขอนแก่น"),
                    true,
                ),
            ),
            // A repeated subdistrict name alone cannot be placed.
            (
                (Some("โคกสำราญ"), None, None),
                (None, None, None, None, false),
            ),
            // Subdistrict + province is enough.
            (
                (Some("โคกสำราญ"), None, Some("ยโสธร")),
                (
                    Some("350812"),
                    Some("โคกสำราญ"),
                    Some("เลิงนกทา"),
                    Some("ยโสธร"),
                    false,
                ),
            ),
            // District + province.
            (
                (None, Some("อ.บ้านแพ้ว"), Some("จ.สมุทรสาคร")),
                (Some("7403"), None, Some("บ้านแพ้ว"), Some("สมุทรสาคร"), false),
            ),
            // District alone (unique name).
            (
                (None, Some("บ้านแพ้ว"), None),
                (Some("7403"), None, Some("บ้านแพ้ว"), Some("สมุทรสาคร"), false),
            ),
            // District in the wrong province, no subdistrict: province only, with mismatch.
            (
                (None, Some("บ้านแพ้ว"), Some("ขอนแก่น")),
                (Some("40"), None, None, Some("ขอนแก่น"), true),
            ),
            // Province + district fit, subdistrict is elsewhere: keep the district.
            (
                (
                    Some("ตำบลโคกสำราญ"),
                    Some("อำเภอบ้านแพ้ว"),
                    Some("จังหวัดสมุทรสาคร"),
                ),
                (Some("7403"), None, Some("บ้านแพ้ว"), Some("สมุทรสาคร"), true),
            ),
            // Province alone, and Bangkok aliases.
            (
                (None, None, Some("จังหวัดขอนแก่น")),
                (Some("40"), None, None, Some("ขอนแก่น"), false),
            ),
            (
                (None, None, Some("กรุงเทพฯ")),
                (Some("10"), None, None, Some("กรุงเทพมหานคร"), false),
            ),
            (
                (
                    Some("แขวงพระบรมมหาราชวัง"),
                    Some("เขตพระนคร"),
                    Some("กรุงเทพมหานคร"),
                ),
                (
                    Some("100101"),
                    Some("พระบรมมหาราชวัง"),
                    Some("เขตพระนคร"),
                    Some("กรุงเทพมหานคร"),
                    false,
                ),
            ),
            // Spaces, broken SARA AM (NIKHAHIT + SARA AA) and a lost tone mark.
            (
                (
                    Some("ต. โคกส\u{0E4D}\u{0E32}ราญ"),
                    Some("อ. บ้านแฮด"),
                    Some("จ. ขอนแกน"),
                ),
                (
                    Some("402402"),
                    Some("โคกสำราญ"),
                    Some("บ้านแฮด"),
                    Some("ขอนแก่น"),
                    false,
                ),
            ),
            // One letter misread in a subdistrict, resolved inside its district.
            (
                (Some("โคกสำราม"), Some("บ้านแฮด"), Some("ขอนแก่น")),
                (
                    Some("402402"),
                    Some("โคกสำราญ"),
                    Some("บ้านแฮด"),
                    Some("ขอนแก่น"),
                    false,
                ),
            ),
            // อำเภอเมือง + province.
            (
                (None, Some("อำเภอเมือง"), Some("ขอนแก่น")),
                (
                    Some("4001"),
                    None,
                    Some("เมืองขอนแก่น"),
                    Some("ขอนแก่น"),
                    false,
                ),
            ),
            // Unknown names are ignored, not mismatches.
            (
                (Some("ไม่มีจริง"), None, Some("ขอนแก่น")),
                (Some("40"), None, None, Some("ขอนแก่น"), false),
            ),
            ((None, None, None), (None, None, None, None, false)),
        ];
        let g = gazetteer();
        for ((s, d, p), (code, rs, rd, rp, mismatch)) in cases {
            let r = g.resolve(*s, *d, *p);
            let got = (
                r.geocode.as_deref(),
                r.subdistrict.as_deref(),
                r.district.as_deref(),
                r.province.as_deref(),
                r.mismatch.is_some(),
            );
            assert_eq!(
                got,
                (*code, *rs, *rd, *rp, *mismatch),
                "{s:?} {d:?} {p:?}: {r:?}"
            );
        }
    }

    #[test]
    fn mismatch_message_names_the_real_places() {
        let r = gazetteer().resolve(
            Some("ตำบลโคกสำราญ"),
            Some("อำเภอบ้านแพ้ว"),
            Some("จังหวัดขอนแก่น"),
        );
        assert_eq!(
            r.mismatch.as_deref(),
            Some(
                "อำเภอบ้านแพ้ว is in จังหวัดสมุทรสาคร, not จังหวัดขอนแก่น; \
                 ตำบลโคกสำราญ exists in อำเภอบ้านแฮด จังหวัดขอนแก่น and อำเภอเลิงนกทา จังหวัดยโสธร"
            )
        );
    }

    #[test]
    fn is_province_and_district_table() {
        let g = gazetteer();
        let cases: &[(&str, bool, bool)] = &[
            ("ขอนแก่น", true, false),
            ("จังหวัดขอนแก่น", true, false),
            ("จ.ยโสธร", true, false),
            ("กรุงเทพฯ", true, false),
            ("บ้านแพ้ว", false, true),
            ("อำเภอบ้านแฮด", false, true),
            ("เขตพระนคร", false, true),
            ("พระนคร", false, true),
            ("เมืองขอนแก่น", false, true),
            ("สวัสดี", false, false),
            ("", false, false),
        ];
        for (name, prov, dist) in cases {
            assert_eq!(
                (g.is_province(name), g.is_district(name)),
                (*prov, *dist),
                "{name}"
            );
        }
    }

    #[test]
    fn find_places_in_table() {
        let g = gazetteer();
        type Found<'a> = &'a [(&'a str, PlaceKind, &'a str)];
        let cases: &[(&str, Found)] = &[
            (
                "เทศบาลตำบลโคกสำราญ ตำบลโคกสำราญ อำเภอบ้านแพ้ว จังหวัดขอนแก่น",
                &[
                    ("ตำบลโคกสำราญ", PlaceKind::Subdistrict, "โคกสำราญ"),
                    ("อำเภอบ้านแพ้ว", PlaceKind::District, "บ้านแพ้ว"),
                    ("จังหวัดขอนแก่น", PlaceKind::Province, "ขอนแก่น"),
                ],
            ),
            (
                "องค์การบริหารส่วนตำบลหลักสาม อ.บ้านแพ้ว จ. สมุทรสาคร",
                &[
                    ("อ.บ้านแพ้ว", PlaceKind::District, "บ้านแพ้ว"),
                    ("จ. สมุทรสาคร", PlaceKind::Province, "สมุทรสาคร"),
                ],
            ),
            (
                "แขวงวังบูรพาภิรมย์ เขตพระนคร กรุงเทพมหานคร",
                &[
                    ("แขวงวังบูรพาภิรมย์", PlaceKind::Subdistrict, "วังบูรพาภิรมย์"),
                    ("เขตพระนคร", PlaceKind::District, "เขตพระนคร"),
                    ("กรุงเทพมหานคร", PlaceKind::Province, "กรุงเทพมหานคร"),
                ],
            ),
            ("ไม่มีสถานที่ อ.ไม่รู้จัก", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<(String, PlaceKind, String)> = g
                .find_places_in(text)
                .into_iter()
                .map(|(r, k, n)| (text[r].to_string(), k, n))
                .collect();
            let want: Vec<(String, PlaceKind, String)> = want
                .iter()
                .map(|(a, k, n)| (a.to_string(), *k, n.to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    proptest::proptest! {
        /// Any text in, a resolution out: never a panic, and a geocode is always one the
        /// gazetteer knows.
        #[test]
        fn resolve_and_find_never_panic(
            a in "[ก-๙a-z .*()]{0,24}",
            b in "(อำเภอ|อ\\.|เขต)?[ก-๙ ]{0,16}",
            c in "(จังหวัด|จ\\.)?[ก-๙]{0,12}",
        ) {
            let g = gazetteer();
            let r = g.resolve(Some(&a), Some(&b), Some(&c));
            if let Some(code) = &r.geocode {
                proptest::prop_assert!(g.lookup(code).is_some());
            }
            for (range, _, _) in g.find_places_in(&format!("{a}{b} {c}")) {
                proptest::prop_assert!(range.start < range.end);
            }
        }
    }

    #[test]
    fn lookup_table() {
        let g = gazetteer();
        type Want<'a> = Option<(&'a str, Option<&'a str>)>;
        let cases: &[(&str, Want)] = &[
            ("402402", Some(("ขอนแก่น", Some("บ้านแฮด")))),
            ("7403", Some(("สมุทรสาคร", Some("บ้านแพ้ว")))),
            ("40", Some(("ขอนแก่น", None))),
            ("99", None),
            ("", None),
        ];
        for (code, want) in cases {
            let got = g.lookup(code);
            let got = got
                .as_ref()
                .map(|r| (r.province.as_deref().unwrap_or(""), r.district.as_deref()));
            assert_eq!(got, *want, "{code}");
        }
    }

    #[test]
    fn keys_strip_prefixes_and_repair() {
        let cases: &[(&str, &str)] = &[
            ("ตำบลโคกสำราญ", "โคกสำราญ"),
            ("ต. โคกสำราญ", "โคกสำราญ"),
            ("อําเภอบ้านแฮด", "บ้านแฮด"),
            ("กิ่งอำเภอบ้านแฮด", "บ้านแฮด"),
            ("จ.ขอนแก่น", "ขอนแก่น"),
            ("เขตพระนคร", "พระนคร"),
            ("ตำบล", "ตำบล"),
            ("**จังหวัดขอนแก่น**", "ขอนแก่น"),
            ("(บ้านแฮด).", "บ้านแฮด"),
        ];
        for (raw, want) in cases {
            assert_eq!(key(raw), *want, "{raw}");
        }
    }

    #[test]
    fn agencies_named_after_a_province_or_district() {
        let r = super::resolve_named("พิษณุโลก");
        assert_eq!(r.district.as_deref(), Some("เมืองพิษณุโลก"));
        assert_eq!(r.province.as_deref(), Some("พิษณุโลก"));
        assert_eq!(r.geocode.as_deref().map(str::len), Some(4));
        let r = super::resolve_named("บ้านโป่ง");
        assert_eq!(r.province.as_deref(), Some("ราชบุรี"));
        assert_eq!(super::resolve_named("นวมินทราชูทิศ").geocode, None);
    }
}
