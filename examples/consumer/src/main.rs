//! Runs the consumer's jobs: against Intercom when `INTERCOM_TOKEN` is set, otherwise against
//! a fake started in this process (nothing is sent anywhere).
//!
//! ```sh
//! cargo run -p intercom-consumer-example
//! ```

use intercom_client::futures::stream;
use intercom_client::{CompanyId, ContactId, ExternalPageId};
use intercom_consumer_example::{cms, config, errors, notes};
use intercom_fake::FakeIntercom;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (settings, fake) = match std::env::var("INTERCOM_TOKEN") {
        Ok(token) => (config::Settings::new(token), None),
        Err(_) => {
            let fake = FakeIntercom::builder().token("consumer").start().await?;
            let mut settings = config::Settings::new("consumer");
            settings.base_url = Some(fake.base_url().to_owned());
            println!(
                "no INTERCOM_TOKEN: running against a fake at {}",
                fake.base_url()
            );
            (settings, Some(fake))
        }
    };
    let client = config::client(&settings)?;

    // 1. The CMS's articles into Fin, twice: the second run sends no write.
    let articles = || {
        stream::iter(vec![
            Ok(article("returns", "Returns", "<p>30 days.</p>")),
            Ok(article("shipping", "Shipping", "<p>2 days.</p>")),
        ])
    };
    let report = cms::push(&client, articles(), true).await?;
    println!("first push: {report}");
    let report = cms::push(&client, articles(), true).await?;
    println!("second push: {report}");

    // 2. A failure, classified.
    if let Err(error) = client
        .external_pages()
        .get(&ExternalPageId::new("no-such-page"))
        .await
    {
        println!("{}", errors::log_line(&error));
    }

    // 3. Notes.
    if fake.is_some() {
        let contact = ContactId::new("6762f0a51bb69f9f2193bb7b");
        notes::annotate_contact(&client, &contact, "991267497", "<p>Refund sent.</p>").await?;
        println!(
            "contact notes: {:?}",
            notes::contact_notes(&client, &contact).await?
        );
        let note = notes::annotate_company(
            &client,
            &CompanyId::new("6762f0a51bb69f9f2193bb80"),
            "<p>Renewal due.</p>",
        )
        .await?;
        println!("company note {}", note.id);
    }

    if let Some(fake) = fake {
        fake.shutdown().await?;
    }
    Ok(())
}

fn article(slug: &str, title: &str, body: &str) -> cms::Article {
    cms::Article {
        slug: slug.into(),
        title: title.into(),
        body_html: body.into(),
        published: true,
    }
}
