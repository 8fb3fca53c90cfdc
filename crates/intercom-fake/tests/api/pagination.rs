use std::collections::BTreeSet;

use serde_json::json;

use crate::common::{Api, start};

/// Follows `pages.next` from `first`, returning every page's answer.
async fn walk(api: &Api, first: &str) -> Vec<serde_json::Value> {
    let mut pages = Vec::new();
    let mut next = Some(first.to_owned());
    while let Some(url) = next {
        let reply = api.get(&url).await;
        assert_eq!(reply.status, 200, "{url}: {}", reply.text);
        let pages_next = &reply.json["pages"]["next"];
        // A link (the AI Content lists), or a cursor object (the notes lists).
        next = match pages_next["starting_after"].as_str() {
            Some(cursor) => {
                let path = url.split('?').next().unwrap_or(&url);
                let per_page = pages_next["per_page"].as_i64().unwrap_or(50);
                Some(format!(
                    "{path}?per_page={per_page}&starting_after={cursor}"
                ))
            }
            None => pages_next.as_str().map(str::to_owned),
        };
        pages.push(reply.json);
        assert!(pages.len() <= 20, "pagination does not end");
    }
    pages
}

#[tokio::test]
async fn pages_walk_over_more_than_150_items() {
    let fake = start().await;
    let api = Api::new(&fake);
    let source = api.create_source("https://x").await;
    for i in 0..160 {
        assert_eq!(
            api.upsert_page(source, &format!("e{i}"), "T").await.status,
            200
        );
    }

    let big = walk(&api, "/ai/external_pages?per_page=150").await;
    assert_eq!(big.len(), 2);
    assert_eq!(big[0]["data"].as_array().unwrap().len(), 150);
    assert_eq!(big[1]["data"].as_array().unwrap().len(), 10);
    assert_eq!(big[0]["total_count"], 160);
    assert_eq!(big[0]["pages"]["total_pages"], 2);
    assert_eq!(big[0]["pages"]["per_page"], 150);
    assert_eq!(
        big[0]["pages"]["next"],
        format!("{}/ai/external_pages?page=2&per_page=150", fake.base_url()),
        "next is an absolute URL on the fake"
    );
    assert!(
        big[1]["pages"].get("next").is_none(),
        "no next on the last page"
    );
    assert_eq!(big[1]["pages"]["page"], 2);

    let default = walk(&api, "/ai/external_pages").await;
    let sizes: Vec<usize> = default
        .iter()
        .map(|p| p["data"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [50, 50, 50, 10], "50 per page by default");
    let ids: BTreeSet<String> = default
        .iter()
        .flat_map(|p| p["data"].as_array().unwrap().clone())
        .map(|page| page["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 160, "every page exactly once");

    let past_the_end = api.get("/ai/external_pages?page=9").await;
    assert_eq!(past_the_end.json["data"], json!([]));
    assert_eq!(past_the_end.json["total_count"], 160);
}

#[tokio::test]
async fn sources_and_notes_paginate_too() {
    let fake = start().await;
    let api = Api::new(&fake);
    for i in 0..5 {
        api.create_source(&format!("https://s{i}")).await;
        api.post("/contacts/c1/notes", json!({"body": format!("n{i}")}))
            .await;
    }
    let sources = walk(&api, "/ai/content_import_sources?per_page=2").await;
    assert_eq!(sources.len(), 3);
    assert_eq!(sources[2]["data"].as_array().unwrap().len(), 1);

    let notes = walk(&api, "/contacts/c1/notes?per_page=2").await;
    assert_eq!(notes.len(), 3);
    // A cursor object, never a URL: the id of the page's last note.
    assert_eq!(
        notes[0]["pages"]["next"],
        json!({"page": 2, "per_page": 2, "starting_after": notes[0]["data"][1]["id"]})
    );
    assert_eq!(notes[1]["pages"]["page"], 2);
    let ids: Vec<&str> = notes
        .iter()
        .flat_map(|page| page["data"].as_array().unwrap())
        .map(|note| note["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5"], "every note once, in order");
    assert!(
        notes[2]["pages"]["next"].is_null(),
        "the notes list says next: null"
    );
    assert!(notes[2]["pages"].get("next").is_some());
}

#[tokio::test]
async fn bad_page_parameters_name_the_parameter() {
    let fake = start().await;
    let api = Api::new(&fake);
    for (query, field) in [
        ("per_page=151", "per_page"),
        ("per_page=0", "per_page"),
        ("per_page=ten", "per_page"),
        ("page=0", "page"),
        ("page=-1", "page"),
    ] {
        for path in [
            "/ai/external_pages",
            "/ai/content_import_sources",
            "/contacts/c/notes",
        ] {
            let reply = api.get(&format!("{path}?{query}")).await;
            assert_eq!(reply.status, 400, "{path}?{query}");
            assert_eq!(reply.error_fields(), [field], "{path}?{query}");
        }
    }
}
