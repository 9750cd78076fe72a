//! The `careerbook` command; all work happens in the library.

fn main() -> std::process::ExitCode {
    careerbook::cli::main()
}
