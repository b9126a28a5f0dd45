//! One module per subcommand, each with one `run` returning the process exit code.
//! Commands never import each other; shared plumbing lives in the library modules.

pub mod compare;
pub mod file;
pub mod normalize;
pub mod run;
pub mod schema;
pub mod text;

/// Exit codes (DESIGN.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Every document ok.
    Ok = 0,
    /// Some document failed or is partial; every output still written.
    SomeFailed = 1,
    /// The run itself could not proceed.
    Fatal = 2,
}
