# Sourced by the scripts: use the pinned toolchain even where a tool runs rustc from another
# directory (mdbook-quiz compiles quiz programs in a temporary directory, where
# rust-toolchain.toml would not be seen and rustup's default toolchain would be used).
RUSTUP_TOOLCHAIN=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../rust-toolchain.toml")
export RUSTUP_TOOLCHAIN
