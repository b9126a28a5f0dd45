//! ita-extract: Thai ITA reports to structured, comparable data.
//!
//! ```text
//!  files ─▶ batch (discover, shard, parallel, isolate, resume)
//!            │
//!            ▼ per document (pipeline)
//!  ingest ──▶ normalize ──▶ layout ──▶ extract ──▶ validate ──▶ output
//!  bytes→pages  Thai repair   rows,cells  values+spans   flags      json/jsonl/csv
//! ```
//!
//! Dependencies run one way, left to right; [`source`] (spans) and [`diagnostic`]
//! (flags) are leaves every stage uses. Every extracted value carries a [`source::Span`]
//! into the raw text of its page; every repair is recorded; what cannot be read is
//! flagged, never dropped.

pub mod batch;
pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod extract;
pub mod ingest;
pub mod layout;
pub mod model;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod places;
pub mod source;
pub mod validate;
pub mod vocab;
