# Sourced by the test scripts: builds the release binary (the one `cargo run --release`
# and `cargo test --release` share) and sets $target to cargo's target folder, wherever
# it is (CARGO_TARGET_DIR, a config's build.target-dir, or ./target), and $bin to the
# binary in it.
cargo build --release --locked -q
target="$(cargo metadata --format-version 1 --no-deps --locked |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
bin="$target/release/careerbook"
test -x "$bin" || { echo "no binary at $bin" >&2; exit 1; }
