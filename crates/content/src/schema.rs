//! The JSON Schema of the bundle, generated from the Rust types so the two
//! cannot drift: `public/content/bundle.schema.json` is checked against this
//! by a test, and rewritten by `cargo run --bin validate-bundle -- --write-schema`.

use super::model::Bundle;

pub fn bundle_schema() -> String {
    let schema = schemars::schema_for!(Bundle);
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    s.push('\n');
    s
}
