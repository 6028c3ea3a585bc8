//! Nothing here: this package exists so that Cargo builds, and `Cargo.lock` pins, the crates
//! that listings name in a `// deps:` line. See `tooling/src/deps.rs`.
