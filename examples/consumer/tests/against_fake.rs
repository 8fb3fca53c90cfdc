//! The consumer's CMS push and notes, tested as a team would test its own code: against the
//! stateful fake, asserting on what the fake holds and what was sent.

use intercom_client::futures::stream;
use intercom_client::{Client, ContactId};
use intercom_consumer_example::cms::{self, Article, CmsError};
use intercom_consumer_example::{config, notes};
use intercom_fake::FakeIntercom;

const TOKEN: &str = "consumer-test-token";

async fn fake_and_client() -> (intercom_fake::FakeIntercom, Client) {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    let mut settings = config::Settings::new(TOKEN);
    settings.base_url = Some(fake.base_url().to_owned());
    let client = config::client(&settings).unwrap();
    (fake, client)
}

fn article(slug: &str, title: &str) -> Article {
    Article {
        slug: slug.into(),
        title: title.into(),
        body_html: format!("<p>{title}</p>"),
        published: true,
    }
}

fn titles(fake: &intercom_fake::FakeIntercom) -> Vec<(String, String)> {
    let mut pages: Vec<_> = fake
        .state()
        .pages
        .into_iter()
        .map(|p| (p.external_id, p.title))
        .collect();
    pages.sort();
    pages
}

#[tokio::test]
async fn a_push_creates_then_sends_nothing_then_prunes_only_what_is_known_gone() {
    let (fake, client) = fake_and_client().await;
    let five: Vec<_> = ["a", "b", "c", "d", "e"]
        .into_iter()
        .map(|slug| Ok(article(slug, &slug.to_uppercase())))
        .collect();
    let report = cms::push(&client, stream::iter(five.clone()), true)
        .await
        .unwrap();
    assert_eq!(report.counts.created, 5, "{report}");
    assert_eq!(
        fake.state().pages[0]
            .url
            .as_deref()
            .map(|u| u.starts_with(cms::SITE)),
        Some(true)
    );

    let before = fake.requests().len();
    let report = cms::push(&client, stream::iter(five), true).await.unwrap();
    assert_eq!(report.counts.unchanged, 5, "{report}");
    let writes = fake.requests()[before..]
        .iter()
        .filter(|r| r.method != "GET")
        .count();
    assert_eq!(writes, 0, "an unchanged push sends no write");

    // `b` cannot be read this time, `c` is unpublished, `a` is gone from the CMS: `c` and `a`
    // are deleted (two of five: under the default prune limit of half), `b` is kept.
    let next = vec![
        Err(CmsError {
            slug: Some("b".into()),
            reason: "body does not render".into(),
        }),
        Ok(Article {
            published: false,
            ..article("c", "C")
        }),
        Ok(article("d", "D")),
        Ok(article("e", "E")),
        Ok(article("f", "F")),
    ];
    let report = cms::push(&client, stream::iter(next), true).await.unwrap();
    assert_eq!(report.counts.deleted, 2, "{report}");
    assert_eq!(report.counts.failed, 1, "{report}");
    assert_eq!(report.counts.created, 1, "{report}");
    let kept: Vec<String> = titles(&fake).into_iter().map(|(id, _)| id).collect();
    assert_eq!(kept, ["b", "d", "e", "f"]);
}

#[tokio::test]
async fn a_failure_that_could_be_any_record_deletes_nothing() {
    let (fake, client) = fake_and_client().await;
    let two = vec![Ok(article("a", "A")), Ok(article("b", "B"))];
    cms::push(&client, stream::iter(two), true).await.unwrap();

    let broken = vec![
        Ok(article("a", "A")),
        Err(CmsError {
            slug: None,
            reason: "the CMS timed out listing page 2".into(),
        }),
    ];
    let report = cms::push(&client, stream::iter(broken), true)
        .await
        .unwrap();
    assert_eq!(report.counts.deleted, 0, "{report}");
    assert_eq!(
        titles(&fake).len(),
        2,
        "b is kept: the listing was incomplete"
    );
}

#[tokio::test]
async fn notes_written_are_read_back_and_the_company_note_is_sent_at_2_16() {
    let (fake, client) = fake_and_client().await;
    let contact = ContactId::new("6762f0a51bb69f9f2193bb7b");
    notes::annotate_contact(&client, &contact, "991267497", "<p>Refund sent.</p>")
        .await
        .unwrap();
    notes::annotate_contact(&client, &contact, "991267497", "<p>Called back.</p>")
        .await
        .unwrap();
    let mut texts = notes::contact_notes(&client, &contact).await.unwrap();
    texts.sort();
    assert_eq!(texts, ["<p>Called back.</p>", "<p>Refund sent.</p>"]);

    let company = intercom_client::CompanyId::new("6762f0a51bb69f9f2193bb80");
    notes::annotate_company(&client, &company, "<p>Renewal due.</p>")
        .await
        .unwrap();
    let sent = fake
        .requests()
        .into_iter()
        .find(|r| r.method == "POST" && r.path.starts_with("/companies/"))
        .expect("the company note was sent");
    assert_eq!(sent.intercom_version.as_deref(), Some("2.16"));
    assert_eq!(fake.state().notes.len(), 3);
}
