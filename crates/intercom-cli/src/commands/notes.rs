//! `intercom notes list|create|get`.

use intercom_client::{Client, ContactId, NewNote, Note, NoteId};

use crate::args::NotesCommand;
use crate::exit::CliError;
use crate::listing::Listing;
use crate::output::{Column, Output, html_summary, or_dash, time};

/// A checked `notes` command, ready to send.
pub enum Prepared {
    List {
        contact: ContactId,
        limit: Option<u64>,
    },
    Create(ContactId, NewNote),
    Get(NoteId),
}

/// Checks the command; sends nothing.
pub fn prepare(command: NotesCommand) -> Result<Prepared, CliError> {
    Ok(match command {
        NotesCommand::List { contact_id, limit } => Prepared::List {
            contact: ContactId::new(contact_id),
            limit,
        },
        NotesCommand::Create {
            contact_id,
            body,
            admin_id,
        } => {
            let mut note = NewNote::new(body);
            if let Some(admin_id) = admin_id {
                note = note.admin_id(admin_id);
            }
            note.validate().map_err(CliError::client("notes create"))?;
            Prepared::Create(ContactId::new(contact_id), note)
        }
        NotesCommand::Get { note_id } => Prepared::Get(NoteId::new(note_id)),
    })
}

const COLUMNS: &[Column] = &[
    Column::new("ID"),
    Column::new("CREATED"),
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
            time(n.created_at),
            author(n),
            html_summary(&n.body, 60),
        ]
    },
};

impl Prepared {
    /// Sends the command and prints what came back.
    pub async fn run(self, client: &Client, out: &mut Output) -> Result<(), CliError> {
        let notes = client.notes();
        match self {
            Prepared::List { contact, limit } => {
                let per_page = limit.map_or(150, |l| l.min(150) as u32);
                let pages = notes.list(&contact).per_page(per_page).pages();
                LISTING.print(out, pages, limit, |_| true).await?;
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
        ("contact", note.contact.id.to_string()),
        ("author", author(note)),
        ("created_at", time(note.created_at)),
        ("body", html_summary(&note.body, usize::MAX)),
    ];
    out.object(note, &fields)
}
