//! Where the spec lives, and the two views of it the tasks need: typed (openapiv3, for the
//! generator) and untyped (JSON, for the lint, which also reads `example`s).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The spec, relative to the workspace root.
pub const SPEC_PATH: &str = "openapi/intercom.yaml";

pub struct Spec {
    pub typed: openapiv3::OpenAPI,
    pub json: serde_json::Value,
}

impl Spec {
    pub fn load() -> Result<Self> {
        let path = workspace_root().join(SPEC_PATH);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Self::parse(&text)
    }

    pub fn parse(text: &str) -> Result<Self> {
        // OpenAPI 3 documents are YAML 1.2: `yes` and `on` are strings, not booleans.
        let options = serde_saphyr::options! { strict_booleans: true };
        let json: serde_json::Value = serde_saphyr::from_str_with_options(text, options)
            .with_context(|| format!("{SPEC_PATH} is not valid YAML"))?;
        let typed = serde_json::from_value(json.clone())
            .with_context(|| format!("{SPEC_PATH} is not an OpenAPI 3.0 document"))?;
        Ok(Self { typed, json })
    }
}

/// The workspace root: the parent of this crate's directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Component schemas generated as a hand-written type of the client crate: the schema's
/// name, and the type's path inside `intercom_openapi`.
pub const HAND_WRITTEN_TYPES: &[(&str, &str)] = &[
    ("ContentImportSourceId", "ids::ContentImportSourceId"),
    ("ExternalPageId", "ids::ExternalPageId"),
    ("NoteId", "ids::NoteId"),
    ("ContactId", "ids::ContactId"),
    ("CompanyId", "ids::CompanyId"),
    ("AdminId", "ids::AdminId"),
    ("Timestamp", "time::Timestamp"),
];
