//! Pagination on the wire: three pages in each `next` style, the loop guard, empty pages,
//! and a `next` on a foreign host that is refused with nothing sent there.

mod common;

use common::*;
use futures::{StreamExt, TryStreamExt};
use httpmock::MockServer;
use intercom_client::{ContactId, Error, NextPage};
use serde_json::{Value, json};

fn pages_of(prefix: &str, n: usize) -> Vec<Value> {
    (1..=n)
        .map(|i| page_json(&format!("{prefix}{i}"), 44, &format!("ext-{prefix}{i}")))
        .collect()
}

#[tokio::test]
async fn follows_next_urls_over_three_pages() {
    let server = MockServer::start_async().await;
    let link = |page: u32| server.url(format!("/ai/external_pages?page={page}&per_page=2"));
    let first = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param("per_page", "2")
                .query_param_missing("page");
            then.status(200).json_body(list_json(
                pages_of("a", 2),
                json!({"type": "pages", "page": 1, "next": link(2), "total_pages": 3}),
            ));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param("page", "2")
                .query_param("per_page", "2");
            then.status(200).json_body(list_json(
                pages_of("b", 2),
                json!({"type": "pages", "page": 2, "next": link(3), "total_pages": 3}),
            ));
        })
        .await;
    let third = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param("page", "3");
            then.status(200).json_body(list_json(
                pages_of("c", 2),
                json!({"type": "pages", "page": 3, "next": null, "total_pages": 3}),
            ));
        })
        .await;

    let ids: Vec<String> = client(&server)
        .external_pages()
        .list()
        .per_page(2)
        .items()
        .map_ok(|page| page.id.to_string())
        .try_collect()
        .await
        .unwrap();

    assert_eq!(ids, ["a1", "a2", "b1", "b2", "c1", "c2"]);
    for mock in [&first, &second, &third] {
        assert_eq!(mock.calls_async().await, 1);
    }
}

#[tokio::test]
async fn follows_starting_after_cursors_over_three_pages() {
    let server = MockServer::start_async().await;
    let notes = |ids: [&str; 2]| ids.iter().map(|id| note_json(id, "c1")).collect::<Vec<_>>();
    let first = server
        .mock_async(|when, then| {
            when.method("GET").path("/contacts/c1/notes").query_param_missing("starting_after");
            then.status(200).json_body(list_json(notes(["n1", "n2"]), json!({"type": "pages", "page": 1, "per_page": 2, "total_pages": 3, "next": {"page": 2, "starting_after": "CURSOR2"}})));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method("GET").path("/contacts/c1/notes").query_param("starting_after", "CURSOR2").query_param("per_page", "2");
            then.status(200).json_body(list_json(notes(["n3", "n4"]), json!({"type": "pages", "page": 2, "next": {"page": 3, "starting_after": "CURSOR3"}})));
        })
        .await;
    let third = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/contacts/c1/notes")
                .query_param("starting_after", "CURSOR3");
            then.status(200).json_body(list_json(
                notes(["n5", "n6"]),
                json!({"type": "pages", "page": 3, "next": null}),
            ));
        })
        .await;

    let pages: Vec<_> = client(&server)
        .notes()
        .list(&ContactId::new("c1"))
        .per_page(2)
        .pages()
        .try_collect()
        .await
        .unwrap();

    assert_eq!(pages.len(), 3);
    assert_eq!(
        pages[0].next,
        Some(NextPage::StartingAfter("CURSOR2".into()))
    );
    assert_eq!(pages[2].next, None);
    let ids: Vec<_> = pages
        .iter()
        .flat_map(|p| &p.items)
        .map(|n| n.id.to_string())
        .collect();
    assert_eq!(ids, ["n1", "n2", "n3", "n4", "n5", "n6"]);
    for mock in [&first, &second, &third] {
        assert_eq!(mock.calls_async().await, 1);
    }
}

#[tokio::test]
async fn follows_page_numbers_while_page_is_below_total_pages() {
    let server = MockServer::start_async().await;
    let body = |page: i64| {
        list_json(
            vec![
                source_json(page * 10, "https://a.example.com"),
                source_json(page * 10 + 1, "https://b.example.com"),
            ],
            json!({"type": "pages", "page": page, "per_page": 2, "total_pages": 3}),
        )
    };
    let first = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/content_import_sources")
                .query_param_missing("page");
            then.status(200).json_body(body(1));
        })
        .await;
    let rest: Vec<_> = futures::future::join_all((2..=3).map(|page| {
        let server = &server;
        async move {
            server
                .mock_async(|when, then| {
                    when.method("GET")
                        .path("/ai/content_import_sources")
                        .query_param("page", page.to_string());
                    then.status(200).json_body(body(page));
                })
                .await
        }
    }))
    .await;

    let ids: Vec<i64> = client(&server)
        .content_import_sources()
        .list()
        .items()
        .map_ok(|s| s.id.get())
        .try_collect()
        .await
        .unwrap();

    assert_eq!(ids, [10, 11, 20, 21, 30, 31]);
    assert_eq!(first.calls_async().await, 1);
    for mock in &rest {
        assert_eq!(mock.calls_async().await, 1);
    }
}

/// The stream's error for a list that could not be read to its end, with what it says.
fn incomplete(error: Error) -> (String, u64, u64, Option<u16>) {
    match error {
        Error::IncompleteList {
            reason,
            pages,
            items,
            status,
            ..
        } => (reason, pages, items, status.map(|s| s.as_u16())),
        other => panic!("expected IncompleteList, got {other:?}"),
    }
}

#[tokio::test]
async fn a_repeated_next_is_an_incomplete_list_not_its_end() {
    let server = MockServer::start_async().await;
    // The second page says the next one is itself: without the guard this would never end,
    // and stopping quietly would pass a short list off as the whole one.
    let first = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/contacts/c1/notes")
                .query_param_missing("starting_after");
            then.status(200).json_body(list_json(
                vec![note_json("n1", "c1")],
                json!({"next": {"starting_after": "A"}}),
            ));
        })
        .await;
    let looping = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/contacts/c1/notes")
                .query_param("starting_after", "A");
            then.status(200)
                .header("x-request-id", "req-loop")
                .json_body(list_json(
                    vec![note_json("n2", "c1")],
                    json!({"next": {"starting_after": "A"}}),
                ));
        })
        .await;

    let error = client(&server)
        .notes()
        .list(&ContactId::new("c1"))
        .items()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();

    assert!(error.to_string().contains("request id req-loop"), "{error}");
    let (reason, pages, items, status) = incomplete(error);
    assert!(reason.contains("repeats a page"), "{reason}");
    assert_eq!((pages, items, status), (2, 2, Some(200)));
    assert_eq!(first.calls_async().await, 1);
    assert_eq!(looping.calls_async().await, 1);
}

#[tokio::test]
async fn a_link_back_to_an_earlier_page_is_an_incomplete_list() {
    let server = MockServer::start_async().await;
    let back = server.url("/ai/external_pages");
    let first = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param_missing("page");
            then.status(200).json_body(list_json(
                pages_of("a", 1),
                json!({"next": "/ai/external_pages?page=2"}),
            ));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param("page", "2");
            then.status(200)
                .json_body(list_json(pages_of("b", 1), json!({"next": back})));
        })
        .await;

    let mut stream = client(&server).external_pages().list().items();
    let mut items = Vec::new();
    let error = loop {
        match stream.next().await {
            Some(Ok(item)) => items.push(item),
            Some(Err(e)) => break e,
            None => panic!("the stream ended as if the list were complete"),
        }
    };

    assert_eq!(items.len(), 2, "a relative link is followed");
    assert_eq!(incomplete(error).1, 2);
    assert_eq!(first.calls_async().await, 1);
    assert_eq!(second.calls_async().await, 1);
}

#[tokio::test]
async fn an_empty_page_with_a_next_is_not_the_end() {
    let server = MockServer::start_async().await;
    let link = server.url("/ai/external_pages?page=2");
    let first = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param_missing("page");
            then.status(200).json_body(list_json(
                vec![],
                json!({"page": 1, "next": link, "total_pages": 2}),
            ));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param("page", "2");
            then.status(200).json_body(list_json(
                pages_of("b", 1),
                json!({"page": 2, "total_pages": 2}),
            ));
        })
        .await;

    let pages: Vec<_> = client(&server)
        .external_pages()
        .list()
        .pages()
        .try_collect()
        .await
        .unwrap();

    assert_eq!(pages.len(), 2);
    assert!(pages[0].items.is_empty());
    assert_eq!(pages[1].items.len(), 1);
    assert_eq!(first.calls_async().await, 1);
    assert_eq!(second.calls_async().await, 1);
}

#[tokio::test]
async fn more_pages_than_total_pages_is_an_incomplete_list() {
    let server = MockServer::start_async().await;
    // Page 2 of "2" still has a next: the server's count or its links are wrong, and which
    // one cannot be told, so the list is not trusted.
    for page in 1..=3 {
        let next = server.url(format!("/ai/external_pages?page={}", page + 1));
        server
            .mock_async(|when, then| {
                let when = when.method("GET").path("/ai/external_pages");
                if page == 1 {
                    when.query_param_missing("page");
                } else {
                    when.query_param("page", page.to_string());
                }
                then.status(200).json_body(list_json(
                    pages_of(&format!("p{page}-"), 2),
                    json!({"page": page, "total_pages": 2, "next": next}),
                ));
            })
            .await;
    }

    let error = client(&server)
        .external_pages()
        .list()
        .items()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();

    let (reason, pages, items, _) = incomplete(error);
    assert!(reason.contains("2 pages, but page 3 came"), "{reason}");
    assert_eq!((pages, items), (3, 4));
}

#[tokio::test]
async fn a_next_that_changes_forever_stops_at_the_page_limit_with_an_error() {
    let server = MockServer::start_async().await;
    let mut mocks = Vec::new();
    for page in 1..=6 {
        let next = server.url(format!("/ai/external_pages?page={}", page + 1));
        let mock = server
            .mock_async(|when, then| {
                let when = when.method("GET").path("/ai/external_pages");
                if page == 1 {
                    when.query_param_missing("page");
                } else {
                    when.query_param("page", page.to_string());
                }
                then.status(200)
                    .json_body(list_json(vec![], json!({ "next": next })));
            })
            .await;
        mocks.push(mock);
    }

    let error = client(&server)
        .external_pages()
        .list()
        .max_pages(5)
        .items()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();

    let (reason, pages, _, _) = incomplete(error);
    assert!(reason.contains("did not end after 5 pages"), "{reason}");
    assert_eq!(pages, 5);
    assert_eq!(mocks[4].calls_async().await, 1);
    assert_eq!(
        mocks[5].calls_async().await,
        0,
        "nothing past the limit is fetched"
    );
}

#[tokio::test]
async fn an_item_seen_on_two_pages_is_yielded_once() {
    let server = MockServer::start_async().await;
    let next = server.url("/ai/external_pages?page=2");
    server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param_missing("page");
            then.status(200).json_body(list_json(
                vec![page_json("1", 44, "a.md"), page_json("2", 44, "b.md")],
                json!({ "next": next }),
            ));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param("page", "2");
            // Page "2" shifted onto this page while the list was read.
            then.status(200).json_body(list_json(
                vec![page_json("2", 44, "b.md"), page_json("3", 44, "c.md")],
                json!({}),
            ));
        })
        .await;

    let ids: Vec<String> = client(&server)
        .external_pages()
        .list()
        .items()
        .map_ok(|page| page.id.as_str().to_owned())
        .try_collect()
        .await
        .unwrap();

    assert_eq!(ids, ["1", "2", "3"]);
}

#[tokio::test]
async fn a_next_on_another_host_is_refused_and_nothing_is_sent_there() {
    let server = MockServer::start_async().await;
    let foreign = MockServer::start_async().await;
    let trap = foreign
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).json_body(list_json(vec![], json!({})));
        })
        .await;
    let next = foreign.url("/ai/external_pages?page=2");
    let first = server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages");
            then.status(200)
                .json_body(list_json(pages_of("a", 2), json!({"next": next})));
        })
        .await;

    let results: Vec<_> = client(&server)
        .external_pages()
        .list()
        .items()
        .collect()
        .await;

    assert_eq!(results.len(), 3, "two items, then the refusal");
    assert!(results[0].is_ok() && results[1].is_ok());
    let Err(Error::ForeignNextPage { origin }) = &results[2] else {
        panic!("{:?}", results[2]);
    };
    assert_eq!(origin, &format!("http://127.0.0.1:{}", foreign.port()));
    assert_eq!(first.calls_async().await, 1);
    assert_eq!(
        trap.calls_async().await,
        0,
        "the token must never reach another host"
    );
}

#[tokio::test]
async fn a_next_on_another_scheme_is_refused_too() {
    let server = MockServer::start_async().await;
    let next = format!(
        "https://127.0.0.1:{}/ai/external_pages?page=2",
        server.port()
    );
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages");
            then.status(200)
                .json_body(list_json(pages_of("a", 1), json!({"next": next})));
        })
        .await;

    let err = client(&server)
        .external_pages()
        .list()
        .items()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();

    assert!(matches!(err, Error::ForeignNextPage { .. }), "{err:?}");
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn one_page_at_a_time_by_hand() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param_missing("page");
            then.status(200).json_body(list_json(
                pages_of("a", 1),
                json!({"page": 1, "total_pages": 2}),
            ));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param("page", "2");
            then.status(200).json_body(list_json(
                pages_of("b", 1),
                json!({"page": 2, "total_pages": 2}),
            ));
        })
        .await;
    let list = client(&server).external_pages().list();

    let first = list.first_page().await.unwrap();
    assert_eq!(first.next, Some(NextPage::Number(2)));
    let second = list.page_after(&first).await.unwrap().unwrap();
    assert_eq!(second.items[0].id.as_str(), "b1");
    assert!(list.page_after(&second).await.unwrap().is_none());
}
