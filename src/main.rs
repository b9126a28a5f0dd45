//! The `ita-extract` binary: parse the command line, call the library, map the outcome
//! to an exit code (0 all ok, 1 some documents failed or partial, 2 the command could
//! not proceed). A closed stdout (`| head`) ends the command quietly with 0.

use clap::Parser;
use ita_extract::cli::{Cli, Command};
use ita_extract::cmd;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => cmd::run::run(args),
        Command::File(args) => cmd::file::run(args),
        Command::Text(args) => cmd::text::run(args),
        Command::Normalize(args) => cmd::normalize::run(args),
        Command::Compare(args) => cmd::compare::run(args),
        Command::Schema => cmd::schema::run(),
        Command::Report(args) => cmd::report::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Worker(args) => ita_extract::batch::worker::serve(args),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(err) if cmd::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("ita-extract: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
