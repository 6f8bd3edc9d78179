//! What a publish writes, as every stage of it passes it on: the files of
//! the new tree held in memory ([`Output`]) and the files the bundle names,
//! copied from beside it ([`Media`]).

use std::collections::BTreeMap;
use std::path::PathBuf;

/// What one run writes: file (relative to DIST) → bytes.
pub(super) type Output = BTreeMap<String, Vec<u8>>;

/// A file the bundle names, from beside the bundle to `content/<file>`.
pub(super) struct Media {
    /// Below DIST: `content/<file>` (the bundle's names are plain, so
    /// the files lie flat beside `content/bundle.json`, as beside the
    /// bundle).
    pub(super) rel: String,
    pub(super) from: PathBuf,
    /// Whether the worker precaches it: the pictures (the logo, which the
    /// header shows offline, the easy-to-read pictures, posters and EU
    /// strips, each at most 100 KiB), not the videos (up to 100 MiB each)
    /// nor their captions (of no use without them).
    pub(super) precache: bool,
}
