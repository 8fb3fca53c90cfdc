use std::path::PathBuf;
use std::time::Duration;

use crate::common::{Api, builder};

struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "intercom-fake-state-{name}-{}.json",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&path);
        Self(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        let mut lock = self.0.clone().into_os_string();
        lock.push(".lock");
        let _ = std::fs::remove_file(lock);
    }
}

#[tokio::test]
async fn state_survives_a_restart() {
    let file = TempFile::new("restart");
    let fake = builder().state_file(&file.0).start().await.unwrap();
    let api = Api::new(&fake);
    let source = api.create_source("https://x").await;
    let page = api.upsert_page(source, "e1", "T").await.json["id"].clone();
    api.post("/contacts/c/notes", serde_json::json!({"body": "n"}))
        .await;
    // Saved in the background soon after the changes, before any shutdown.
    let saved = crate::state_saver::saved_within(&file.0, Duration::from_secs(5), |saved| {
        saved["notes"].as_array().is_some_and(|n| n.len() == 1)
    })
    .await;
    assert_eq!(saved["pages"][0]["id"], page);
    let before = fake.state();
    api.delete(&format!("/ai/external_pages/{}", page.as_str().unwrap()))
        .await;
    api.upsert_page(source, "e1", "T").await;
    let before_restart = fake.state();
    assert_ne!(before, before_restart);
    fake.shutdown().await.unwrap();

    let again = builder().state_file(&file.0).start().await.unwrap();
    assert_eq!(again.state(), before_restart);
    let api = Api::new(&again);
    let page = api.upsert_page(source, "e2", "T").await;
    assert_eq!(page.status, 200, "the restored source accepts pages");
    let ids: Vec<_> = again
        .state()
        .pages
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    assert_eq!(ids, ["2", "3"], "ids are never reused across restarts");
    again.shutdown().await.unwrap();
    // No temporary file is left beside the state file.
    let dir = file.0.parent().unwrap();
    let name = file.0.file_name().unwrap().to_string_lossy().into_owned();
    let leftovers = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(&format!(".{name}.tmp"))
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[tokio::test]
async fn a_corrupt_state_file_is_an_error_not_a_reset() {
    let file = TempFile::new("corrupt");
    std::fs::write(&file.0, b"{not json").unwrap();
    let error = builder().state_file(&file.0).start().await.unwrap_err();
    let message = error.to_string();
    assert!(message.contains("state file"), "{message}");
    assert!(!message.contains('\n'), "one line: {message}");
    assert_eq!(
        std::fs::read(&file.0).unwrap(),
        b"{not json",
        "left untouched"
    );
}

#[tokio::test]
async fn a_state_file_of_an_unknown_format_is_an_error() {
    // Format 1 was never released: it is as unknown as 9.
    for format in [1, 9] {
        let file = TempFile::new(&format!("format-{format}"));
        std::fs::write(&file.0, format!(r#"{{"format": {format}}}"#)).unwrap();
        let message = builder()
            .state_file(&file.0)
            .start()
            .await
            .unwrap_err()
            .to_string();
        assert!(message.contains(&format!("format {format}")), "{message}");
    }
}
