//! Every request of all 15 operations carries Authorization, Intercom-Version, Accept and
//! User-Agent; the version is the pinned default unless the client or one call asks otherwise,
//! or the operation is newer than it (companies' notes).

mod common;

use common::*;
use futures::TryStreamExt;
use httpmock::{Mock, MockServer};
use intercom_client::{
    ApiVersion, CompanyId, ContactId, ContentImportSourceId, ContentImportSourceUpdate,
    ExternalPageId, ExternalPageUpdate, NewCompanyNote, NewContentImportSource, NewExternalPage,
    NewNote, NoteId, USER_AGENT,
};
use serde_json::{Value, json};

/// A mock that answers only a request with every header this crate must send.
async fn expect<'a>(
    server: &'a MockServer,
    method: &str,
    path: &str,
    version: &str,
    body: Option<Value>,
) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method(method)
                .path(path)
                .header("authorization", format!("Bearer {TOKEN}"))
                .header("intercom-version", version)
                .header("accept", "application/json")
                .header("user-agent", USER_AGENT);
            let then = then.status(200);
            if let Some(body) = body {
                then.json_body(body);
            }
        })
        .await
}

#[tokio::test]
async fn all_fifteen_operations_send_the_required_headers_and_the_pinned_version() {
    let server = MockServer::start_async().await;
    let client = client(&server);
    let v = "2.14";
    let source = source_json(36, "https://www.example.com");
    let page = page_json("21", 44, "abc1234");
    let note = note_json("34", "67506132d5eefd6f04e7d08e");
    let sources = list_json(
        vec![source.clone()],
        json!({"type": "pages", "page": 1, "total_pages": 1}),
    );
    let pages = list_json(
        vec![page.clone()],
        json!({"type": "pages", "page": 1, "total_pages": 1}),
    );
    let notes = list_json(vec![note.clone()], json!({"type": "pages", "next": null}));

    let mocks = vec![
        expect(
            &server,
            "GET",
            "/ai/content_import_sources",
            v,
            Some(sources),
        )
        .await,
        expect(
            &server,
            "POST",
            "/ai/content_import_sources",
            v,
            Some(source.clone()),
        )
        .await,
        expect(
            &server,
            "GET",
            "/ai/content_import_sources/36",
            v,
            Some(source.clone()),
        )
        .await,
        expect(
            &server,
            "PUT",
            "/ai/content_import_sources/36",
            v,
            Some(source.clone()),
        )
        .await,
        expect(&server, "DELETE", "/ai/content_import_sources/36", v, None).await,
        expect(&server, "GET", "/ai/external_pages", v, Some(pages)).await,
        expect(&server, "POST", "/ai/external_pages", v, Some(page.clone())).await,
        expect(
            &server,
            "GET",
            "/ai/external_pages/21",
            v,
            Some(page.clone()),
        )
        .await,
        expect(
            &server,
            "PUT",
            "/ai/external_pages/21",
            v,
            Some(page.clone()),
        )
        .await,
        expect(
            &server,
            "DELETE",
            "/ai/external_pages/21",
            v,
            Some(page.clone()),
        )
        .await,
        expect(
            &server,
            "GET",
            "/contacts/6750/notes",
            v,
            Some(notes.clone()),
        )
        .await,
        expect(
            &server,
            "POST",
            "/contacts/6750/notes",
            v,
            Some(note.clone()),
        )
        .await,
        expect(&server, "GET", "/notes/34", v, Some(note.clone())).await,
        // Older than the operation: the version it came in with.
        expect(
            &server,
            "GET",
            "/companies/5f/notes",
            "2.15",
            Some(notes.clone()),
        )
        .await,
        expect(
            &server,
            "POST",
            "/companies/5f/notes",
            "2.16",
            Some(note.clone()),
        )
        .await,
    ];

    let sources_api = client.content_import_sources();
    let source_id = ContentImportSourceId::new(36);
    assert_eq!(
        sources_api.list().first_page().await.unwrap().items.len(),
        1
    );
    sources_api
        .create(NewContentImportSource::new("https://www.example.com"))
        .await
        .unwrap();
    sources_api.get(source_id).await.unwrap();
    sources_api
        .update(
            source_id,
            ContentImportSourceUpdate::new("https://www.example.com"),
        )
        .await
        .unwrap();
    sources_api.delete(source_id).await.unwrap();

    let pages_api = client.external_pages();
    let page_id = ExternalPageId::new("21");
    let all: Vec<_> = pages_api.list().items().try_collect().await.unwrap();
    assert_eq!(all.len(), 1);
    pages_api
        .upsert(
            NewExternalPage::new(ContentImportSourceId::new(44), "abc1234")
                .title("Test")
                .html("<h1>Test</h1>"),
        )
        .await
        .unwrap();
    pages_api.get(&page_id).await.unwrap();
    pages_api
        .update(
            &page_id,
            ExternalPageUpdate::new(ContentImportSourceId::new(44))
                .title("Test")
                .html("<p>x</p>")
                .url("https://www.example.com"),
        )
        .await
        .unwrap();
    pages_api.delete(&page_id).await.unwrap();

    let notes_api = client.notes();
    let contact = ContactId::new("6750");
    let listed: Vec<_> = notes_api
        .list(&contact)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    let created = notes_api
        .create(&contact, NewNote::new("Hello").admin_id("991267584"))
        .await
        .unwrap();
    assert_eq!(created.id.as_str(), "34");
    notes_api.get(&NoteId::new("34")).await.unwrap();
    let company = CompanyId::new("5f");
    let listed: Vec<_> = notes_api
        .list_for_company(&company)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    notes_api
        .create_for_company(&company, NewCompanyNote::new("Hello"))
        .await
        .unwrap();

    assert_eq!(mocks.len(), 15);
    for mock in &mocks {
        assert_eq!(mock.calls_async().await, 1);
    }
}

#[tokio::test]
async fn one_call_can_override_the_version_without_changing_the_others() {
    let server = MockServer::start_async().await;
    let client = client(&server);
    let preview = expect(
        &server,
        "POST",
        "/ai/content_import_sources",
        "Preview",
        Some(source_json(36, "https://www.example.com")),
    )
    .await;
    let pinned = expect(
        &server,
        "GET",
        "/ai/content_import_sources/36",
        "2.14",
        Some(source_json(36, "https://www.example.com")),
    )
    .await;

    client
        .content_import_sources()
        .api_version(ApiVersion::Preview)
        .create(NewContentImportSource::new("https://www.example.com").audience_ids([5678]))
        .await
        .unwrap();
    client
        .content_import_sources()
        .get(ContentImportSourceId::new(36))
        .await
        .unwrap();

    assert_eq!(preview.calls_async().await, 1);
    assert_eq!(pinned.calls_async().await, 1);
}

#[tokio::test]
async fn the_client_can_pin_another_version_even_one_this_crate_does_not_list() {
    let server = MockServer::start_async().await;
    let client = builder(&server)
        .api_version(ApiVersion::from("2.17"))
        .build()
        .unwrap();
    let mock = expect(
        &server,
        "GET",
        "/notes/34",
        "2.17",
        Some(note_json("34", "c1")),
    )
    .await;
    client.notes().get(&NoteId::new("34")).await.unwrap();
    assert_eq!(mock.calls_async().await, 1);
}

#[tokio::test]
async fn bodies_on_the_wire_are_the_reference_shapes() {
    let server = MockServer::start_async().await;
    let client = client(&server);
    let page = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/ai/external_pages")
                .header("content-type", "application/json")
                .json_body(json!({
                    "external_id": "abc1234",
                    "html": "<html><body><h1>Test</h1></body></html>",
                    "locale": "en",
                    "source_id": 44,
                    "title": "Test",
                    "url": "https://www.example.com"
                }));
            then.status(200).json_body(page_json("21", 44, "abc1234"));
        })
        .await;
    let source = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/ai/content_import_sources")
                .json_body(json!({"sync_behavior": "api", "url": "https://www.example.com"}));
            then.status(200)
                .json_body(source_json(36, "https://www.example.com"));
        })
        .await;
    let note = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/contacts/67506132d5eefd6f04e7d08e/notes")
                .json_body(json!({
                    "contact_id": "67506132d5eefd6f04e7d08e",
                    "admin_id": 991267584,
                    "body": "Hello"
                }));
            then.status(200)
                .json_body(note_json("34", "67506132d5eefd6f04e7d08e"));
        })
        .await;

    client
        .external_pages()
        .upsert(
            NewExternalPage::new(ContentImportSourceId::new(44), "abc1234")
                .title("Test")
                .html("<html><body><h1>Test</h1></body></html>")
                .url("https://www.example.com"),
        )
        .await
        .unwrap();
    client
        .content_import_sources()
        .create(NewContentImportSource::new("https://www.example.com"))
        .await
        .unwrap();
    client
        .notes()
        .create(
            &ContactId::new("67506132d5eefd6f04e7d08e"),
            // An integer goes as an integer, as in the reference's example; a string would go as a string.
            NewNote::new("Hello").admin_id(991267584),
        )
        .await
        .unwrap();

    assert_eq!(page.calls_async().await, 1);
    assert_eq!(source.calls_async().await, 1);
    assert_eq!(note.calls_async().await, 1);
}

#[tokio::test]
async fn a_callers_reqwest_client_gets_every_header_on_every_request() {
    let server = MockServer::start_async().await;
    let get = expect(
        &server,
        "GET",
        "/ai/external_pages/21",
        "2.14",
        Some(page_json("21", 44, "abc1234")),
    )
    .await;
    let preview = expect(
        &server,
        "GET",
        "/ai/external_pages/22",
        "Preview",
        Some(page_json("22", 44, "abc1235")),
    )
    .await;
    // No default headers of its own: the client must set all four per request.
    let http = intercom_client::reqwest::Client::builder().build().unwrap();
    let client = intercom_client::Client::builder()
        .token(TOKEN)
        .base_url(server.base_url())
        .http_client(http)
        .build()
        .unwrap();
    client
        .external_pages()
        .get(&ExternalPageId::new("21"))
        .await
        .unwrap();
    client
        .external_pages()
        .api_version(ApiVersion::Preview)
        .get(&ExternalPageId::new("22"))
        .await
        .unwrap();
    get.assert_calls_async(1).await;
    preview.assert_calls_async(1).await;
}

/// An operation's query parameters go in the URL's query, and an operation without any sends
/// no query string at all (no stray `?`).
#[tokio::test]
async fn an_operations_query_is_sent_and_none_is_no_query_string() {
    use intercom_client::Client;
    use intercom_client::operations::{GetContentImportSource, ListExternalPages};
    let fake = intercom_fake::FakeIntercom::builder()
        .token(TOKEN)
        .start()
        .await
        .unwrap();
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .build()
        .unwrap();
    let list = ListExternalPages {
        page: Some(2),
        per_page: Some(5),
    };
    client.execute(&list).await.unwrap();
    let get = GetContentImportSource {
        id: ContentImportSourceId::new(404),
    };
    assert!(client.execute(&get).await.is_err());
    let queries: Vec<Option<String>> = fake.requests().into_iter().map(|r| r.query).collect();
    assert_eq!(queries, [Some("page=2&per_page=5".to_owned()), None]);
}

/// Each header goes once: the client's own defaults are not sent a second time per request.
#[tokio::test]
async fn each_header_is_sent_once() {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut head = Vec::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            head.push(line.trim().to_ascii_lowercase());
        }
        let body = page_json("21", 44, "x").to_string();
        let mut stream = stream;
        write!(
            stream,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        head
    });
    let client = intercom_client::Client::builder()
        .token(TOKEN)
        .base_url(&base)
        .build()
        .unwrap();
    client
        .external_pages()
        .get(&ExternalPageId::new("21"))
        .await
        .unwrap();
    let head = server.join().unwrap();
    for name in ["authorization", "intercom-version", "accept", "user-agent"] {
        let count = head
            .iter()
            .filter(|l| l.starts_with(&format!("{name}:")))
            .count();
        assert_eq!(count, 1, "{name} in {head:?}");
    }
}

/// The `User-Agent` values of the one request `builder`'s client sends, read off the wire.
async fn user_agents_sent(builder: intercom_client::ClientBuilder) -> Vec<String> {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut agents = Vec::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("user-agent")
            {
                agents.push(value.trim().to_owned());
            }
        }
        let body = page_json("21", 44, "x").to_string();
        let mut stream = stream;
        write!(
            stream,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        agents
    });
    let client = builder.token(TOKEN).base_url(&base).build().unwrap();
    client
        .external_pages()
        .get(&ExternalPageId::new("21"))
        .await
        .unwrap();
    server.join().unwrap()
}

#[tokio::test]
async fn the_user_agent_is_ours_then_the_app_name() {
    use intercom_client::Client;
    assert_eq!(user_agents_sent(Client::builder()).await, [USER_AGENT]);
    assert_eq!(
        user_agents_sent(Client::builder().app_name("my-sync/2.3")).await,
        [format!("{USER_AGENT} my-sync/2.3")]
    );
    assert_eq!(
        user_agents_sent(Client::builder().app_name("nightly-import")).await,
        [format!("{USER_AGENT} nightly-import")]
    );
}

/// A caller's reqwest client keeps none of its own `user_agent`: ours replaces it, with the
/// app name when one is given, as `http_client` documents.
#[tokio::test]
async fn a_callers_user_agent_is_replaced_by_ours_and_the_app_name() {
    use intercom_client::{Client, reqwest};
    let theirs = || {
        reqwest::Client::builder()
            .user_agent("their-agent/9")
            .build()
            .unwrap()
    };
    assert_eq!(
        user_agents_sent(Client::builder().http_client(theirs())).await,
        [USER_AGENT]
    );
    assert_eq!(
        user_agents_sent(
            Client::builder()
                .http_client(theirs())
                .app_name("my-sync/2.3")
        )
        .await,
        [format!("{USER_AGENT} my-sync/2.3")]
    );
}

#[test]
fn an_app_name_that_is_not_a_product_token_fails_the_build() {
    use intercom_client::{Client, Error};
    for bad in [
        "",
        "my sync",
        "my-sync/",
        "/2.3",
        "my-sync/2.3/extra",
        "my-sync (linux)",
        "café",
        "a\r\nX-Injected: 1",
        "a\"b",
    ] {
        let err = Client::builder()
            .token(TOKEN)
            .app_name(bad)
            .build()
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "app_name",
                    ..
                }
            ),
            "{bad:?}: {err:?}"
        );
        assert!(!err.to_string().contains('\n'), "{err}");
    }
    for good in [
        "a",
        "my-sync/2.3",
        "Sync_Tool/1.0.0-rc.1+build.5",
        "x!#$%&'*+-.^_`|~/1",
    ] {
        let client = Client::builder().token(TOKEN).app_name(good).build();
        assert_eq!(client.unwrap().user_agent(), format!("{USER_AGENT} {good}"));
    }
}

/// A connect timeout cannot reach a reqwest client the caller built, so asking for one with
/// such a client fails, in either order and even to ask for none.
#[test]
fn connect_timeout_with_a_callers_client_fails_the_build() {
    use intercom_client::{Client, Error, reqwest};
    use std::time::Duration;
    let theirs = reqwest::Client::new;
    let attempts = [
        Client::builder()
            .http_client(theirs())
            .connect_timeout(Duration::from_secs(3)),
        Client::builder()
            .connect_timeout(Duration::from_secs(3))
            .http_client(theirs()),
        Client::builder()
            .http_client(theirs())
            .connect_timeout(None),
    ];
    for builder in attempts {
        let err = builder.token(TOKEN).build().unwrap_err();
        let Error::InvalidInput { field, reason } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(*field, "connect_timeout");
        assert!(reason.contains("set it on that client"), "{reason}");
    }
    // Each alone is fine; a caller's client with the default connect timeout too.
    Client::builder()
        .token(TOKEN)
        .connect_timeout(Duration::from_secs(3))
        .build()
        .unwrap();
    Client::builder()
        .token(TOKEN)
        .http_client(theirs())
        .build()
        .unwrap();
}
