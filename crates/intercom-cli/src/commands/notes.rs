//! `intercom notes list|create|get`.

use intercom_client::{
    Client, CompanyId, ContactId, MAX_PER_PAGE, NewCompanyNote, NewNote, Note, NoteId,
    types::NoteAdminId,
};

use crate::args::NotesCommand;
use crate::exit::CliError;
use crate::listing::Listing;
use crate::output::{Column, Output, html_summary, or_dash, time};

/// A checked `notes` command, ready to send.
pub enum Prepared {
    List { about: About, limit: Option<u64> },
    Create(ContactId, NewNote),
    CreateForCompany(CompanyId, NewCompanyNote),
    Get(NoteId),
}

/// Whose notes.
pub enum About {
    Contact(ContactId),
    Company(CompanyId),
}

/// `--admin-id`: digits go as a number (as the API reference's example sends them), anything
/// else as the text it is.
fn admin_id(text: String) -> NoteAdminId {
    match text.parse::<i64>() {
        Ok(number) if number.to_string() == text => NoteAdminId::Int64(number),
        _ => NoteAdminId::String(text),
    }
}

/// Checks the command; sends nothing.
pub fn prepare(command: NotesCommand) -> Result<Prepared, CliError> {
    Ok(match command {
        NotesCommand::List {
            contact_id,
            company,
            limit,
        } => Prepared::List {
            about: match (company, contact_id) {
                (Some(company), _) => About::Company(CompanyId::new(company)),
                (None, Some(contact)) => About::Contact(ContactId::new(contact)),
                // clap requires one of them.
                (None, None) => {
                    return Err(CliError::usage("a contact id or --company is required"));
                }
            },
            limit,
        },
        NotesCommand::Create {
            contact_id,
            company,
            body,
            admin_id: admin,
        } => match (company, contact_id) {
            (Some(company), _) => {
                let mut note = NewCompanyNote::new(body);
                if let Some(admin) = admin {
                    note = note.admin_id(admin_id(admin));
                }
                note.validate().map_err(CliError::client("notes create"))?;
                Prepared::CreateForCompany(CompanyId::new(company), note)
            }
            (None, Some(contact)) => {
                let mut note = NewNote::new(body);
                if let Some(admin) = admin {
                    note = note.admin_id(admin_id(admin));
                }
                note.validate().map_err(CliError::client("notes create"))?;
                Prepared::Create(ContactId::new(contact), note)
            }
            (None, None) => return Err(CliError::usage("a contact id or --company is required")),
        },
        NotesCommand::Get { note_id } => Prepared::Get(NoteId::new(note_id)),
    })
}

const COLUMNS: &[Column] = &[
    Column::new("ID"),
    Column::new("CREATED"),
    Column::capped("ABOUT", 36),
    Column::capped("AUTHOR", 24),
    Column::capped("BODY", 60),
];

const LISTING: Listing<Note> = Listing {
    noun: "notes",
    doing: "cannot list notes",
    columns: COLUMNS,
    row: |n| {
        vec![
            n.id.to_string(),
            or_dash(n.created_at.map(time)),
            about(n),
            author(n),
            or_dash(n.body.as_deref().map(|b| html_summary(b, 60))),
        ]
    },
};

impl Prepared {
    /// Sends the command and prints what came back.
    pub async fn run(self, client: &Client, out: &mut Output) -> Result<(), CliError> {
        let notes = client.notes();
        match self {
            Prepared::List { about, limit } => {
                let per_page =
                    limit.map_or(MAX_PER_PAGE, |l| l.min(u64::from(MAX_PER_PAGE)) as u32);
                let list = match &about {
                    About::Contact(contact) => notes.list(contact),
                    About::Company(company) => notes.list_for_company(company),
                };
                LISTING
                    .print(out, list.per_page(per_page).pages(), limit, |_| true)
                    .await?;
            }
            Prepared::CreateForCompany(company, note) => {
                let note =
                    notes
                        .create_for_company(&company, note)
                        .await
                        .map_err(CliError::client(format!(
                            "cannot create a note on company {company}"
                        )))?;
                print_note(out, &note)?;
            }
            Prepared::Create(contact, note) => {
                let note = notes
                    .create(&contact, note)
                    .await
                    .map_err(CliError::client(format!(
                        "cannot create a note on contact {contact}"
                    )))?;
                print_note(out, &note)?;
            }
            Prepared::Get(id) => {
                let note = notes
                    .get(&id)
                    .await
                    .map_err(CliError::client(format!("cannot get note {id}")))?;
                print_note(out, &note)?;
            }
        }
        Ok(())
    }
}

/// `contact ID` or `company ID`, else `-`.
fn about(note: &Note) -> String {
    match (&note.contact, &note.company) {
        (Some(contact), _) => format!("contact {}", contact.id),
        (None, Some(company)) => format!("company {}", company.id),
        (None, None) => "-".to_owned(),
    }
}

/// The author's name, else their id, else `-`.
fn author(note: &Note) -> String {
    or_dash(
        note.author
            .as_ref()
            .map(|a| a.name.clone().unwrap_or_else(|| a.id.to_string())),
    )
}

fn print_note(out: &Output, note: &Note) -> Result<(), CliError> {
    let fields = [
        ("id", note.id.to_string()),
        ("contact", or_dash(note.contact.as_ref().map(|c| &c.id))),
        ("company", or_dash(note.company.as_ref().map(|c| &c.id))),
        ("author", author(note)),
        ("created_at", or_dash(note.created_at.map(time))),
        (
            "body",
            or_dash(note.body.as_deref().map(|b| html_summary(b, usize::MAX))),
        ),
    ];
    out.object(note, &fields)
}
