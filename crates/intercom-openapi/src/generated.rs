// @generated: the low-level Intercom client, from openapi/intercom.yaml by `cargo xtask regen`. Do not edit: change the spec and regenerate.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///The admin's role.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AdminRole {
        ///The id of the role.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        ///The name of the role.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        ///String representing the object's type.
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    impl AdminRole {
        pub fn builder() -> builder::AdminRole {
            Default::default()
        }
    }
    ///The unique identifiers for the audiences to associate with this content import source. Can be a single integer or an array of integers.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum AudienceIds {
        Int64(i64),
        Array(::std::vec::Vec<i64>),
    }
    impl ::std::convert::From<i64> for AudienceIds {
        fn from(value: i64) -> Self {
            Self::Int64(value)
        }
    }
    impl ::std::convert::From<::std::vec::Vec<i64>> for AudienceIds {
        fn from(value: ::std::vec::Vec<i64>) -> Self {
            Self::Array(value)
        }
    }
    ///An external source for External Pages that you add to your Fin Content Library.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ContentImportSource {
        ///The unique identifiers for the audiences associated with this content import source (documented under version Preview; versions 2.15 and 2.16 may send null).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub audience_ids: ::std::option::Option<::std::vec::Vec<i64>>,
        ///The time when the content import source was created.
        pub created_at: crate::time::Timestamp,
        ///The unique identifier for the content import source which is given by Intercom.
        pub id: crate::ids::ContentImportSourceId,
        ///The time when the content import source was last synced.
        pub last_synced_at: crate::time::Timestamp,
        pub status: crate::open_enums::ContentImportSourceStatus,
        pub sync_behavior: crate::open_enums::SyncBehavior,
        #[serde(rename = "type")]
        pub type_: crate::open_enums::ContentImportSourceType,
        ///The time when the content import source was last updated.
        pub updated_at: crate::time::Timestamp,
        ///The URL of the root of the external source.
        pub url: ::std::string::String,
    }
    impl ContentImportSource {
        pub fn builder() -> builder::ContentImportSource {
            Default::default()
        }
    }
    ///This will return a list of the content import sources for the App.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ContentImportSourcesList {
        ///An array of Content Import Source objects
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub data: ::std::vec::Vec<ContentImportSource>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub pages: ::std::option::Option<PagesLink>,
        ///A count of the total number of content import sources.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_count: ::std::option::Option<i64>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::open_enums::ListType>,
    }
    impl ContentImportSourcesList {
        pub fn builder() -> builder::ContentImportSourcesList {
            Default::default()
        }
    }
    ///`CreateCompanyNoteRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct CreateCompanyNoteRequest {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub admin_id: ::std::option::Option<NoteAdminId>,
        ///The text of the note.
        pub body: ::std::string::String,
    }
    impl CreateCompanyNoteRequest {
        pub fn builder() -> builder::CreateCompanyNoteRequest {
            Default::default()
        }
    }
    ///`CreateContentImportSourceRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct CreateContentImportSourceRequest {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub audience_ids: ::std::option::Option<AudienceIds>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<crate::open_enums::ContentImportSourceStatus>,
        pub sync_behavior: crate::open_enums::CreateSyncBehavior,
        ///The URL of the content import source.
        pub url: ::std::string::String,
    }
    impl CreateContentImportSourceRequest {
        pub fn builder() -> builder::CreateContentImportSourceRequest {
            Default::default()
        }
    }
    ///`CreateExternalPageRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct CreateExternalPageRequest {
        ///Whether the external page should be used to answer questions by AI Agent. Will not default when updating an existing external page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ai_agent_availability: ::std::option::Option<bool>,
        ///Whether the external page should be used to answer questions by AI Copilot. Will not default when updating an existing external page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ai_copilot_availability: ::std::option::Option<bool>,
        ///Whether the external page should be used to answer questions by AI Sales Agent (settable under version Preview). Will not default when updating an existing external page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ai_sales_agent_availability: ::std::option::Option<bool>,
        ///The identifier for the external page which was given by the source. Must be unique for the source.
        pub external_id: ::std::string::String,
        ///The body of the external page in HTML.
        pub html: ::std::string::String,
        pub locale: crate::open_enums::Locale,
        ///The unique identifier for the source of the external page which was given by Intercom. Every external page must be associated with a Content Import Source which represents the place it comes from and from which it inherits a default audience (configured in the UI). For a new source, make a POST request to the Content Import Source endpoint and an ID for the source will be returned in the response.
        pub source_id: crate::ids::ContentImportSourceId,
        ///The title of the external page.
        pub title: ::std::string::String,
        ///The URL of the external page. This will be used by Fin to link end users to the page it based its answer on. When a URL is not present, Fin will not reference the source.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub url: ::std::option::Option<::std::string::String>,
    }
    impl CreateExternalPageRequest {
        pub fn builder() -> builder::CreateExternalPageRequest {
            Default::default()
        }
    }
    ///`CreateNoteRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct CreateNoteRequest {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub admin_id: ::std::option::Option<NoteAdminId>,
        ///The text of the note.
        pub body: ::std::string::String,
        ///The unique identifier of a given contact.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub contact_id: ::std::option::Option<crate::ids::ContactId>,
    }
    impl CreateNoteRequest {
        pub fn builder() -> builder::CreateNoteRequest {
            Default::default()
        }
    }
    ///Cursor-based pagination is a technique used in the Intercom API to navigate through large amounts of data. A "cursor" or pointer is used to keep track of the current position in the result set, allowing the API to return the data in small chunks or "pages" as needed.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct CursorPages {
        ///Where the next page starts, as a cursor object; null on the last page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next: ::std::option::Option<StartingAfterPaging>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub per_page: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_pages: ::std::option::Option<i64>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::open_enums::PagesType>,
    }
    impl CursorPages {
        pub fn builder() -> builder::CursorPages {
            Default::default()
        }
    }
    ///`ErrorItem`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ErrorItem {
        ///A string indicating the kind of error, used to further qualify the HTTP response code
        pub code: ::std::string::String,
        ///Optional. Used to identify a particular field or query parameter that was in error.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub field: ::std::option::Option<::std::string::String>,
        ///Optional. Human readable description of the error.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
    }
    impl ErrorItem {
        pub fn builder() -> builder::ErrorItem {
            Default::default()
        }
    }
    ///The error.list body of every documented error response.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ErrorList {
        ///An array of one or more error objects
        pub errors: ::std::vec::Vec<ErrorItem>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(rename = "type")]
        pub type_: crate::open_enums::ErrorListType,
    }
    impl ErrorList {
        pub fn builder() -> builder::ErrorList {
            Default::default()
        }
    }
    ///External pages that you have added to your Fin Content Library.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ExternalPage {
        ///Whether the external page should be used to answer questions by AI Agent.
        pub ai_agent_availability: bool,
        ///Whether the external page should be used to answer questions by AI Copilot.
        pub ai_copilot_availability: bool,
        ///Whether the external page should be used to answer questions by AI Sales Agent.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ai_sales_agent_availability: ::std::option::Option<bool>,
        ///The time when the external page was created.
        pub created_at: crate::time::Timestamp,
        ///The identifier for the external page which was given by the source. Must be unique for the source.
        pub external_id: ::std::string::String,
        ///Deprecated. Use ai_agent_availability and ai_copilot_availability instead.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub fin_availability: ::std::option::Option<bool>,
        ///The body of the external page in HTML.
        pub html: ::std::string::String,
        ///The unique identifier for the external page which is given by Intercom.
        pub id: crate::ids::ExternalPageId,
        ///The time when the external page was last ingested.
        pub last_ingested_at: crate::time::Timestamp,
        pub locale: crate::open_enums::Locale,
        ///The unique identifier for the source of the external page which was given by Intercom. Every external page must be associated with a Content Import Source which represents the place it comes from and from which it inherits a default audience (configured in the UI).
        pub source_id: crate::ids::ContentImportSourceId,
        ///The title of the external page.
        pub title: ::std::string::String,
        #[serde(rename = "type")]
        pub type_: crate::open_enums::ExternalPageType,
        ///The time when the external page was last updated.
        pub updated_at: crate::time::Timestamp,
        ///The URL of the external page. This will be used by Fin to link end users to the page it based its answer on.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub url: ::std::option::Option<::std::string::String>,
    }
    impl ExternalPage {
        pub fn builder() -> builder::ExternalPage {
            Default::default()
        }
    }
    ///This will return a list of external pages for the App.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ExternalPagesList {
        ///An array of External Page objects
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub data: ::std::vec::Vec<ExternalPage>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub pages: ::std::option::Option<PagesLink>,
        ///A count of the total number of external pages.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_count: ::std::option::Option<i64>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::open_enums::ListType>,
    }
    impl ExternalPagesList {
        pub fn builder() -> builder::ExternalPagesList {
            Default::default()
        }
    }
    ///Notes allow you to annotate and comment on your contacts and companies. A note is about a contact or (from 2.16) a company, never both; only its type and id are always there.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Note {
        ///The admin who wrote the note, if any.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub author: ::std::option::Option<NoteAuthor>,
        ///The body text of the note.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub body: ::std::option::Option<::std::string::String>,
        ///The company the note is about (from 2.16); null or missing for a contact note.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub company: ::std::option::Option<NoteCompany>,
        ///The contact the note is about; null or missing for a company note.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub contact: ::std::option::Option<NoteContact>,
        ///The time the note was created.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created_at: ::std::option::Option<crate::time::Timestamp>,
        ///The id of the note.
        pub id: crate::ids::NoteId,
        #[serde(rename = "type")]
        pub type_: crate::open_enums::NoteType,
    }
    impl Note {
        pub fn builder() -> builder::Note {
            Default::default()
        }
    }
    ///The unique identifier of a given admin. The reference's example sends an integer; admin ids come back as strings, so both are accepted.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum NoteAdminId {
        Int64(i64),
        String(::std::string::String),
    }
    impl ::std::fmt::Display for NoteAdminId {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match self {
                Self::Int64(x) => x.fmt(f),
                Self::String(x) => x.fmt(f),
            }
        }
    }
    impl ::std::convert::From<i64> for NoteAdminId {
        fn from(value: i64) -> Self {
            Self::Int64(value)
        }
    }
    ///Optional. Represents the Admin that created the note.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct NoteAuthor {
        ///Image for the associated admin.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub avatar: ::std::option::Option<::std::string::String>,
        ///Identifies if this admin is currently set in away mode.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub away_mode_enabled: ::std::option::Option<bool>,
        ///Identifies if this admin is set to automatically reassign new conversations to the apps default inbox.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub away_mode_reassign: ::std::option::Option<bool>,
        ///The id of the reason the admin gave for being away.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub away_status_reason_id: ::std::option::Option<i64>,
        ///The email of the admin.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub email: ::std::option::Option<::std::string::String>,
        ///Identifies if this admin has a paid inbox seat to restrict/allow features that require them.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub has_inbox_seat: ::std::option::Option<bool>,
        ///The id representing the admin.
        pub id: crate::ids::AdminId,
        ///The job title of the admin.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub job_title: ::std::option::Option<::std::string::String>,
        ///The name of the admin.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role: ::std::option::Option<AdminRole>,
        ///The ids of the teams that the admin belongs to.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub team_ids: ::std::vec::Vec<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub team_priority_level: ::std::option::Option<TeamPriorityLevel>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::open_enums::AdminType>,
    }
    impl NoteAuthor {
        pub fn builder() -> builder::NoteAuthor {
            Default::default()
        }
    }
    ///Represents the company that the note was created about (from 2.16).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct NoteCompany {
        ///The id of the company.
        pub id: crate::ids::CompanyId,
        ///String representing the object's type, company.
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    impl NoteCompany {
        pub fn builder() -> builder::NoteCompany {
            Default::default()
        }
    }
    ///Represents the contact that the note was created about.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct NoteContact {
        ///The id of the contact.
        pub id: crate::ids::ContactId,
        ///String representing the object's type: contact (the reference's note object example shows "string"; see NOTES.md).
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    impl NoteContact {
        pub fn builder() -> builder::NoteContact {
            Default::default()
        }
    }
    ///A paginated list of notes associated with a contact.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct NoteList {
        ///An array of notes.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub data: ::std::vec::Vec<Note>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub pages: ::std::option::Option<CursorPages>,
        ///A count of the total number of notes.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_count: ::std::option::Option<i64>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::open_enums::ListType>,
    }
    impl NoteList {
        pub fn builder() -> builder::NoteList {
            Default::default()
        }
    }
    ///The majority of list resources in the API are paginated to allow clients to traverse data over multiple requests. Their responses are likely to contain a pages object that hosts pagination links which a client can use to paginate through the data without having to construct a query.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct PagesLink {
        ///A link to the next page of results. A response that does not contain a next link does not have further data to fetch.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub per_page: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_pages: ::std::option::Option<i64>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::open_enums::PagesType>,
    }
    impl PagesLink {
        pub fn builder() -> builder::PagesLink {
            Default::default()
        }
    }
    ///The cursor of the next page in Intercom's cursor-paginated lists.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct StartingAfterPaging {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub per_page: ::std::option::Option<i64>,
        ///The cursor to use in the next request to get the next page of results.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub starting_after: ::std::option::Option<::std::string::String>,
    }
    impl StartingAfterPaging {
        pub fn builder() -> builder::StartingAfterPaging {
            Default::default()
        }
    }
    ///Admin priority levels for teams.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct TeamPriorityLevel {
        ///The primary team ids for the team.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub primary_team_ids: ::std::vec::Vec<i64>,
        ///The secondary team ids for the team.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub secondary_team_ids: ::std::vec::Vec<i64>,
    }
    impl TeamPriorityLevel {
        pub fn builder() -> builder::TeamPriorityLevel {
            Default::default()
        }
    }
    ///`UpdateContentImportSourceRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct UpdateContentImportSourceRequest {
        ///Whether the new audiences also apply to the pages the source already has (the API's default is false: only new pages get them).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub apply_audience_to_existing_content: ::std::option::Option<bool>,
        ///The audiences of the source: an integer or an array of integers; an empty array removes every audience. Left out, the audiences stay as they are.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub audience_ids: ::std::option::Option<AudienceIds>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<crate::open_enums::ContentImportSourceStatus>,
        pub sync_behavior: crate::open_enums::SyncBehavior,
        ///The URL of the content import source. This may only be different from the existing value if the sync behavior is API.
        pub url: ::std::string::String,
    }
    impl UpdateContentImportSourceRequest {
        pub fn builder() -> builder::UpdateContentImportSourceRequest {
            Default::default()
        }
    }
    ///`UpdateExternalPageRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct UpdateExternalPageRequest {
        ///Whether the external page should be used to answer questions by AI Agent (version Preview).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ai_agent_availability: ::std::option::Option<bool>,
        ///Whether the external page should be used to answer questions by AI Copilot (version Preview).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ai_copilot_availability: ::std::option::Option<bool>,
        ///Whether the external page should be used to answer questions by AI Sales Agent (version Preview).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ai_sales_agent_availability: ::std::option::Option<bool>,
        ///The identifier for the external page which was given by the source. Must be unique for the source.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub external_id: ::std::option::Option<::std::string::String>,
        ///Whether the external page should be used to answer questions by Fin.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub fin_availability: ::std::option::Option<bool>,
        ///The body of the external page in HTML.
        pub html: ::std::string::String,
        pub locale: crate::open_enums::Locale,
        ///The unique identifier for the source of the external page which was given by Intercom. Every external page must be associated with a Content Import Source which represents the place it comes from and from which it inherits a default audience (configured in the UI). For a new source, make a POST request to the Content Import Source endpoint and an ID for the source will be returned in the response.
        pub source_id: crate::ids::ContentImportSourceId,
        ///The title of the external page.
        pub title: ::std::string::String,
        ///The URL of the external page. This will be used by Fin to link end users to the page it based its answer on.
        pub url: ::std::string::String,
    }
    impl UpdateExternalPageRequest {
        pub fn builder() -> builder::UpdateExternalPageRequest {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct AdminRole {
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AdminRole {
            fn default() -> Self {
                Self {
                    id: Ok(Default::default()),
                    name: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl AdminRole {
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AdminRole> for super::AdminRole {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AdminRole,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    id: value.id?,
                    name: value.name?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::AdminRole> for AdminRole {
            fn from(value: super::AdminRole) -> Self {
                Self {
                    id: Ok(value.id),
                    name: Ok(value.name),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ContentImportSource {
            audience_ids: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<i64>>,
                ::std::string::String,
            >,
            created_at: ::std::result::Result<
                crate::time::Timestamp,
                ::std::string::String,
            >,
            id: ::std::result::Result<
                crate::ids::ContentImportSourceId,
                ::std::string::String,
            >,
            last_synced_at: ::std::result::Result<
                crate::time::Timestamp,
                ::std::string::String,
            >,
            status: ::std::result::Result<
                crate::open_enums::ContentImportSourceStatus,
                ::std::string::String,
            >,
            sync_behavior: ::std::result::Result<
                crate::open_enums::SyncBehavior,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                crate::open_enums::ContentImportSourceType,
                ::std::string::String,
            >,
            updated_at: ::std::result::Result<
                crate::time::Timestamp,
                ::std::string::String,
            >,
            url: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for ContentImportSource {
            fn default() -> Self {
                Self {
                    audience_ids: Ok(Default::default()),
                    created_at: Err("no value supplied for created_at".to_string()),
                    id: Err("no value supplied for id".to_string()),
                    last_synced_at: Err(
                        "no value supplied for last_synced_at".to_string(),
                    ),
                    status: Err("no value supplied for status".to_string()),
                    sync_behavior: Err(
                        "no value supplied for sync_behavior".to_string(),
                    ),
                    type_: Err("no value supplied for type_".to_string()),
                    updated_at: Err("no value supplied for updated_at".to_string()),
                    url: Err("no value supplied for url".to_string()),
                }
            }
        }
        impl ContentImportSource {
            pub fn audience_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::vec::Vec<i64>>>,
                T::Error: ::std::fmt::Display,
            {
                self.audience_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for audience_ids: {e}")
                    });
                self
            }
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::time::Timestamp>,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::ids::ContentImportSourceId>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn last_synced_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::time::Timestamp>,
                T::Error: ::std::fmt::Display,
            {
                self.last_synced_at = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for last_synced_at: {e}"
                        )
                    });
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::open_enums::ContentImportSourceStatus>,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    });
                self
            }
            pub fn sync_behavior<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::open_enums::SyncBehavior>,
                T::Error: ::std::fmt::Display,
            {
                self.sync_behavior = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for sync_behavior: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::open_enums::ContentImportSourceType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
            pub fn updated_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::time::Timestamp>,
                T::Error: ::std::fmt::Display,
            {
                self.updated_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for updated_at: {e}")
                    });
                self
            }
            pub fn url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for url: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ContentImportSource>
        for super::ContentImportSource {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ContentImportSource,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    audience_ids: value.audience_ids?,
                    created_at: value.created_at?,
                    id: value.id?,
                    last_synced_at: value.last_synced_at?,
                    status: value.status?,
                    sync_behavior: value.sync_behavior?,
                    type_: value.type_?,
                    updated_at: value.updated_at?,
                    url: value.url?,
                })
            }
        }
        impl ::std::convert::From<super::ContentImportSource> for ContentImportSource {
            fn from(value: super::ContentImportSource) -> Self {
                Self {
                    audience_ids: Ok(value.audience_ids),
                    created_at: Ok(value.created_at),
                    id: Ok(value.id),
                    last_synced_at: Ok(value.last_synced_at),
                    status: Ok(value.status),
                    sync_behavior: Ok(value.sync_behavior),
                    type_: Ok(value.type_),
                    updated_at: Ok(value.updated_at),
                    url: Ok(value.url),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ContentImportSourcesList {
            data: ::std::result::Result<
                ::std::vec::Vec<super::ContentImportSource>,
                ::std::string::String,
            >,
            pages: ::std::result::Result<
                ::std::option::Option<super::PagesLink>,
                ::std::string::String,
            >,
            total_count: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<crate::open_enums::ListType>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ContentImportSourcesList {
            fn default() -> Self {
                Self {
                    data: Ok(Default::default()),
                    pages: Ok(Default::default()),
                    total_count: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl ContentImportSourcesList {
            pub fn data<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::ContentImportSource>>,
                T::Error: ::std::fmt::Display,
            {
                self.data = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for data: {e}")
                    });
                self
            }
            pub fn pages<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::PagesLink>>,
                T::Error: ::std::fmt::Display,
            {
                self.pages = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for pages: {e}")
                    });
                self
            }
            pub fn total_count<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.total_count = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_count: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::ListType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ContentImportSourcesList>
        for super::ContentImportSourcesList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ContentImportSourcesList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    data: value.data?,
                    pages: value.pages?,
                    total_count: value.total_count?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::ContentImportSourcesList>
        for ContentImportSourcesList {
            fn from(value: super::ContentImportSourcesList) -> Self {
                Self {
                    data: Ok(value.data),
                    pages: Ok(value.pages),
                    total_count: Ok(value.total_count),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateCompanyNoteRequest {
            admin_id: ::std::result::Result<
                ::std::option::Option<super::NoteAdminId>,
                ::std::string::String,
            >,
            body: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for CreateCompanyNoteRequest {
            fn default() -> Self {
                Self {
                    admin_id: Ok(Default::default()),
                    body: Err("no value supplied for body".to_string()),
                }
            }
        }
        impl CreateCompanyNoteRequest {
            pub fn admin_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::NoteAdminId>>,
                T::Error: ::std::fmt::Display,
            {
                self.admin_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for admin_id: {e}")
                    });
                self
            }
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateCompanyNoteRequest>
        for super::CreateCompanyNoteRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateCompanyNoteRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    admin_id: value.admin_id?,
                    body: value.body?,
                })
            }
        }
        impl ::std::convert::From<super::CreateCompanyNoteRequest>
        for CreateCompanyNoteRequest {
            fn from(value: super::CreateCompanyNoteRequest) -> Self {
                Self {
                    admin_id: Ok(value.admin_id),
                    body: Ok(value.body),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateContentImportSourceRequest {
            audience_ids: ::std::result::Result<
                ::std::option::Option<super::AudienceIds>,
                ::std::string::String,
            >,
            status: ::std::result::Result<
                ::std::option::Option<crate::open_enums::ContentImportSourceStatus>,
                ::std::string::String,
            >,
            sync_behavior: ::std::result::Result<
                crate::open_enums::CreateSyncBehavior,
                ::std::string::String,
            >,
            url: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for CreateContentImportSourceRequest {
            fn default() -> Self {
                Self {
                    audience_ids: Ok(Default::default()),
                    status: Ok(Default::default()),
                    sync_behavior: Err(
                        "no value supplied for sync_behavior".to_string(),
                    ),
                    url: Err("no value supplied for url".to_string()),
                }
            }
        }
        impl CreateContentImportSourceRequest {
            pub fn audience_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::AudienceIds>>,
                T::Error: ::std::fmt::Display,
            {
                self.audience_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for audience_ids: {e}")
                    });
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::ContentImportSourceStatus>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    });
                self
            }
            pub fn sync_behavior<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::open_enums::CreateSyncBehavior>,
                T::Error: ::std::fmt::Display,
            {
                self.sync_behavior = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for sync_behavior: {e}")
                    });
                self
            }
            pub fn url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for url: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateContentImportSourceRequest>
        for super::CreateContentImportSourceRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateContentImportSourceRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    audience_ids: value.audience_ids?,
                    status: value.status?,
                    sync_behavior: value.sync_behavior?,
                    url: value.url?,
                })
            }
        }
        impl ::std::convert::From<super::CreateContentImportSourceRequest>
        for CreateContentImportSourceRequest {
            fn from(value: super::CreateContentImportSourceRequest) -> Self {
                Self {
                    audience_ids: Ok(value.audience_ids),
                    status: Ok(value.status),
                    sync_behavior: Ok(value.sync_behavior),
                    url: Ok(value.url),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateExternalPageRequest {
            ai_agent_availability: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            ai_copilot_availability: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            ai_sales_agent_availability: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            external_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            html: ::std::result::Result<::std::string::String, ::std::string::String>,
            locale: ::std::result::Result<
                crate::open_enums::Locale,
                ::std::string::String,
            >,
            source_id: ::std::result::Result<
                crate::ids::ContentImportSourceId,
                ::std::string::String,
            >,
            title: ::std::result::Result<::std::string::String, ::std::string::String>,
            url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CreateExternalPageRequest {
            fn default() -> Self {
                Self {
                    ai_agent_availability: Ok(Default::default()),
                    ai_copilot_availability: Ok(Default::default()),
                    ai_sales_agent_availability: Ok(Default::default()),
                    external_id: Err("no value supplied for external_id".to_string()),
                    html: Err("no value supplied for html".to_string()),
                    locale: Err("no value supplied for locale".to_string()),
                    source_id: Err("no value supplied for source_id".to_string()),
                    title: Err("no value supplied for title".to_string()),
                    url: Ok(Default::default()),
                }
            }
        }
        impl CreateExternalPageRequest {
            pub fn ai_agent_availability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.ai_agent_availability = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for ai_agent_availability: {e}"
                        )
                    });
                self
            }
            pub fn ai_copilot_availability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.ai_copilot_availability = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for ai_copilot_availability: {e}"
                        )
                    });
                self
            }
            pub fn ai_sales_agent_availability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.ai_sales_agent_availability = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for ai_sales_agent_availability: {e}"
                        )
                    });
                self
            }
            pub fn external_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.external_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for external_id: {e}")
                    });
                self
            }
            pub fn html<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.html = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for html: {e}")
                    });
                self
            }
            pub fn locale<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::open_enums::Locale>,
                T::Error: ::std::fmt::Display,
            {
                self.locale = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for locale: {e}")
                    });
                self
            }
            pub fn source_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::ids::ContentImportSourceId>,
                T::Error: ::std::fmt::Display,
            {
                self.source_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for source_id: {e}")
                    });
                self
            }
            pub fn title<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.title = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for title: {e}")
                    });
                self
            }
            pub fn url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for url: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateExternalPageRequest>
        for super::CreateExternalPageRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateExternalPageRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    ai_agent_availability: value.ai_agent_availability?,
                    ai_copilot_availability: value.ai_copilot_availability?,
                    ai_sales_agent_availability: value.ai_sales_agent_availability?,
                    external_id: value.external_id?,
                    html: value.html?,
                    locale: value.locale?,
                    source_id: value.source_id?,
                    title: value.title?,
                    url: value.url?,
                })
            }
        }
        impl ::std::convert::From<super::CreateExternalPageRequest>
        for CreateExternalPageRequest {
            fn from(value: super::CreateExternalPageRequest) -> Self {
                Self {
                    ai_agent_availability: Ok(value.ai_agent_availability),
                    ai_copilot_availability: Ok(value.ai_copilot_availability),
                    ai_sales_agent_availability: Ok(value.ai_sales_agent_availability),
                    external_id: Ok(value.external_id),
                    html: Ok(value.html),
                    locale: Ok(value.locale),
                    source_id: Ok(value.source_id),
                    title: Ok(value.title),
                    url: Ok(value.url),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateNoteRequest {
            admin_id: ::std::result::Result<
                ::std::option::Option<super::NoteAdminId>,
                ::std::string::String,
            >,
            body: ::std::result::Result<::std::string::String, ::std::string::String>,
            contact_id: ::std::result::Result<
                ::std::option::Option<crate::ids::ContactId>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CreateNoteRequest {
            fn default() -> Self {
                Self {
                    admin_id: Ok(Default::default()),
                    body: Err("no value supplied for body".to_string()),
                    contact_id: Ok(Default::default()),
                }
            }
        }
        impl CreateNoteRequest {
            pub fn admin_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::NoteAdminId>>,
                T::Error: ::std::fmt::Display,
            {
                self.admin_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for admin_id: {e}")
                    });
                self
            }
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
            pub fn contact_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<crate::ids::ContactId>>,
                T::Error: ::std::fmt::Display,
            {
                self.contact_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for contact_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateNoteRequest> for super::CreateNoteRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateNoteRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    admin_id: value.admin_id?,
                    body: value.body?,
                    contact_id: value.contact_id?,
                })
            }
        }
        impl ::std::convert::From<super::CreateNoteRequest> for CreateNoteRequest {
            fn from(value: super::CreateNoteRequest) -> Self {
                Self {
                    admin_id: Ok(value.admin_id),
                    body: Ok(value.body),
                    contact_id: Ok(value.contact_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CursorPages {
            next: ::std::result::Result<
                ::std::option::Option<super::StartingAfterPaging>,
                ::std::string::String,
            >,
            page: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            per_page: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            total_pages: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<crate::open_enums::PagesType>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CursorPages {
            fn default() -> Self {
                Self {
                    next: Ok(Default::default()),
                    page: Ok(Default::default()),
                    per_page: Ok(Default::default()),
                    total_pages: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl CursorPages {
            pub fn next<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::StartingAfterPaging>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.next = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for next: {e}")
                    });
                self
            }
            pub fn page<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.page = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for page: {e}")
                    });
                self
            }
            pub fn per_page<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.per_page = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for per_page: {e}")
                    });
                self
            }
            pub fn total_pages<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.total_pages = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_pages: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::PagesType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CursorPages> for super::CursorPages {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CursorPages,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    next: value.next?,
                    page: value.page?,
                    per_page: value.per_page?,
                    total_pages: value.total_pages?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::CursorPages> for CursorPages {
            fn from(value: super::CursorPages) -> Self {
                Self {
                    next: Ok(value.next),
                    page: Ok(value.page),
                    per_page: Ok(value.per_page),
                    total_pages: Ok(value.total_pages),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ErrorItem {
            code: ::std::result::Result<::std::string::String, ::std::string::String>,
            field: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            message: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ErrorItem {
            fn default() -> Self {
                Self {
                    code: Err("no value supplied for code".to_string()),
                    field: Ok(Default::default()),
                    message: Ok(Default::default()),
                }
            }
        }
        impl ErrorItem {
            pub fn code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for code: {e}")
                    });
                self
            }
            pub fn field<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.field = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for field: {e}")
                    });
                self
            }
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ErrorItem> for super::ErrorItem {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ErrorItem,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    code: value.code?,
                    field: value.field?,
                    message: value.message?,
                })
            }
        }
        impl ::std::convert::From<super::ErrorItem> for ErrorItem {
            fn from(value: super::ErrorItem) -> Self {
                Self {
                    code: Ok(value.code),
                    field: Ok(value.field),
                    message: Ok(value.message),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ErrorList {
            errors: ::std::result::Result<
                ::std::vec::Vec<super::ErrorItem>,
                ::std::string::String,
            >,
            request_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                crate::open_enums::ErrorListType,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ErrorList {
            fn default() -> Self {
                Self {
                    errors: Err("no value supplied for errors".to_string()),
                    request_id: Ok(Default::default()),
                    type_: Err("no value supplied for type_".to_string()),
                }
            }
        }
        impl ErrorList {
            pub fn errors<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::ErrorItem>>,
                T::Error: ::std::fmt::Display,
            {
                self.errors = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for errors: {e}")
                    });
                self
            }
            pub fn request_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.request_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for request_id: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::open_enums::ErrorListType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ErrorList> for super::ErrorList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ErrorList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    errors: value.errors?,
                    request_id: value.request_id?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::ErrorList> for ErrorList {
            fn from(value: super::ErrorList) -> Self {
                Self {
                    errors: Ok(value.errors),
                    request_id: Ok(value.request_id),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ExternalPage {
            ai_agent_availability: ::std::result::Result<bool, ::std::string::String>,
            ai_copilot_availability: ::std::result::Result<bool, ::std::string::String>,
            ai_sales_agent_availability: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            created_at: ::std::result::Result<
                crate::time::Timestamp,
                ::std::string::String,
            >,
            external_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            fin_availability: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            html: ::std::result::Result<::std::string::String, ::std::string::String>,
            id: ::std::result::Result<crate::ids::ExternalPageId, ::std::string::String>,
            last_ingested_at: ::std::result::Result<
                crate::time::Timestamp,
                ::std::string::String,
            >,
            locale: ::std::result::Result<
                crate::open_enums::Locale,
                ::std::string::String,
            >,
            source_id: ::std::result::Result<
                crate::ids::ContentImportSourceId,
                ::std::string::String,
            >,
            title: ::std::result::Result<::std::string::String, ::std::string::String>,
            type_: ::std::result::Result<
                crate::open_enums::ExternalPageType,
                ::std::string::String,
            >,
            updated_at: ::std::result::Result<
                crate::time::Timestamp,
                ::std::string::String,
            >,
            url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ExternalPage {
            fn default() -> Self {
                Self {
                    ai_agent_availability: Err(
                        "no value supplied for ai_agent_availability".to_string(),
                    ),
                    ai_copilot_availability: Err(
                        "no value supplied for ai_copilot_availability".to_string(),
                    ),
                    ai_sales_agent_availability: Ok(Default::default()),
                    created_at: Err("no value supplied for created_at".to_string()),
                    external_id: Err("no value supplied for external_id".to_string()),
                    fin_availability: Ok(Default::default()),
                    html: Err("no value supplied for html".to_string()),
                    id: Err("no value supplied for id".to_string()),
                    last_ingested_at: Err(
                        "no value supplied for last_ingested_at".to_string(),
                    ),
                    locale: Err("no value supplied for locale".to_string()),
                    source_id: Err("no value supplied for source_id".to_string()),
                    title: Err("no value supplied for title".to_string()),
                    type_: Err("no value supplied for type_".to_string()),
                    updated_at: Err("no value supplied for updated_at".to_string()),
                    url: Ok(Default::default()),
                }
            }
        }
        impl ExternalPage {
            pub fn ai_agent_availability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.ai_agent_availability = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for ai_agent_availability: {e}"
                        )
                    });
                self
            }
            pub fn ai_copilot_availability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.ai_copilot_availability = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for ai_copilot_availability: {e}"
                        )
                    });
                self
            }
            pub fn ai_sales_agent_availability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.ai_sales_agent_availability = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for ai_sales_agent_availability: {e}"
                        )
                    });
                self
            }
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::time::Timestamp>,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
            pub fn external_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.external_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for external_id: {e}")
                    });
                self
            }
            pub fn fin_availability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.fin_availability = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for fin_availability: {e}"
                        )
                    });
                self
            }
            pub fn html<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.html = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for html: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::ids::ExternalPageId>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn last_ingested_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::time::Timestamp>,
                T::Error: ::std::fmt::Display,
            {
                self.last_ingested_at = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for last_ingested_at: {e}"
                        )
                    });
                self
            }
            pub fn locale<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::open_enums::Locale>,
                T::Error: ::std::fmt::Display,
            {
                self.locale = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for locale: {e}")
                    });
                self
            }
            pub fn source_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::ids::ContentImportSourceId>,
                T::Error: ::std::fmt::Display,
            {
                self.source_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for source_id: {e}")
                    });
                self
            }
            pub fn title<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.title = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for title: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::open_enums::ExternalPageType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
            pub fn updated_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::time::Timestamp>,
                T::Error: ::std::fmt::Display,
            {
                self.updated_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for updated_at: {e}")
                    });
                self
            }
            pub fn url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for url: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ExternalPage> for super::ExternalPage {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ExternalPage,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    ai_agent_availability: value.ai_agent_availability?,
                    ai_copilot_availability: value.ai_copilot_availability?,
                    ai_sales_agent_availability: value.ai_sales_agent_availability?,
                    created_at: value.created_at?,
                    external_id: value.external_id?,
                    fin_availability: value.fin_availability?,
                    html: value.html?,
                    id: value.id?,
                    last_ingested_at: value.last_ingested_at?,
                    locale: value.locale?,
                    source_id: value.source_id?,
                    title: value.title?,
                    type_: value.type_?,
                    updated_at: value.updated_at?,
                    url: value.url?,
                })
            }
        }
        impl ::std::convert::From<super::ExternalPage> for ExternalPage {
            fn from(value: super::ExternalPage) -> Self {
                Self {
                    ai_agent_availability: Ok(value.ai_agent_availability),
                    ai_copilot_availability: Ok(value.ai_copilot_availability),
                    ai_sales_agent_availability: Ok(value.ai_sales_agent_availability),
                    created_at: Ok(value.created_at),
                    external_id: Ok(value.external_id),
                    fin_availability: Ok(value.fin_availability),
                    html: Ok(value.html),
                    id: Ok(value.id),
                    last_ingested_at: Ok(value.last_ingested_at),
                    locale: Ok(value.locale),
                    source_id: Ok(value.source_id),
                    title: Ok(value.title),
                    type_: Ok(value.type_),
                    updated_at: Ok(value.updated_at),
                    url: Ok(value.url),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ExternalPagesList {
            data: ::std::result::Result<
                ::std::vec::Vec<super::ExternalPage>,
                ::std::string::String,
            >,
            pages: ::std::result::Result<
                ::std::option::Option<super::PagesLink>,
                ::std::string::String,
            >,
            total_count: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<crate::open_enums::ListType>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ExternalPagesList {
            fn default() -> Self {
                Self {
                    data: Ok(Default::default()),
                    pages: Ok(Default::default()),
                    total_count: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl ExternalPagesList {
            pub fn data<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::ExternalPage>>,
                T::Error: ::std::fmt::Display,
            {
                self.data = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for data: {e}")
                    });
                self
            }
            pub fn pages<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::PagesLink>>,
                T::Error: ::std::fmt::Display,
            {
                self.pages = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for pages: {e}")
                    });
                self
            }
            pub fn total_count<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.total_count = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_count: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::ListType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ExternalPagesList> for super::ExternalPagesList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ExternalPagesList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    data: value.data?,
                    pages: value.pages?,
                    total_count: value.total_count?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::ExternalPagesList> for ExternalPagesList {
            fn from(value: super::ExternalPagesList) -> Self {
                Self {
                    data: Ok(value.data),
                    pages: Ok(value.pages),
                    total_count: Ok(value.total_count),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Note {
            author: ::std::result::Result<
                ::std::option::Option<super::NoteAuthor>,
                ::std::string::String,
            >,
            body: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            company: ::std::result::Result<
                ::std::option::Option<super::NoteCompany>,
                ::std::string::String,
            >,
            contact: ::std::result::Result<
                ::std::option::Option<super::NoteContact>,
                ::std::string::String,
            >,
            created_at: ::std::result::Result<
                ::std::option::Option<crate::time::Timestamp>,
                ::std::string::String,
            >,
            id: ::std::result::Result<crate::ids::NoteId, ::std::string::String>,
            type_: ::std::result::Result<
                crate::open_enums::NoteType,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Note {
            fn default() -> Self {
                Self {
                    author: Ok(Default::default()),
                    body: Ok(Default::default()),
                    company: Ok(Default::default()),
                    contact: Ok(Default::default()),
                    created_at: Ok(Default::default()),
                    id: Err("no value supplied for id".to_string()),
                    type_: Err("no value supplied for type_".to_string()),
                }
            }
        }
        impl Note {
            pub fn author<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::NoteAuthor>>,
                T::Error: ::std::fmt::Display,
            {
                self.author = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for author: {e}")
                    });
                self
            }
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
            pub fn company<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::NoteCompany>>,
                T::Error: ::std::fmt::Display,
            {
                self.company = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for company: {e}")
                    });
                self
            }
            pub fn contact<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::NoteContact>>,
                T::Error: ::std::fmt::Display,
            {
                self.contact = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for contact: {e}")
                    });
                self
            }
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::time::Timestamp>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::ids::NoteId>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::open_enums::NoteType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Note> for super::Note {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Note,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    author: value.author?,
                    body: value.body?,
                    company: value.company?,
                    contact: value.contact?,
                    created_at: value.created_at?,
                    id: value.id?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::Note> for Note {
            fn from(value: super::Note) -> Self {
                Self {
                    author: Ok(value.author),
                    body: Ok(value.body),
                    company: Ok(value.company),
                    contact: Ok(value.contact),
                    created_at: Ok(value.created_at),
                    id: Ok(value.id),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct NoteAuthor {
            avatar: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            away_mode_enabled: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            away_mode_reassign: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            away_status_reason_id: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            email: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            has_inbox_seat: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            id: ::std::result::Result<crate::ids::AdminId, ::std::string::String>,
            job_title: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            role: ::std::result::Result<
                ::std::option::Option<super::AdminRole>,
                ::std::string::String,
            >,
            team_ids: ::std::result::Result<::std::vec::Vec<i64>, ::std::string::String>,
            team_priority_level: ::std::result::Result<
                ::std::option::Option<super::TeamPriorityLevel>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<crate::open_enums::AdminType>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for NoteAuthor {
            fn default() -> Self {
                Self {
                    avatar: Ok(Default::default()),
                    away_mode_enabled: Ok(Default::default()),
                    away_mode_reassign: Ok(Default::default()),
                    away_status_reason_id: Ok(Default::default()),
                    email: Ok(Default::default()),
                    has_inbox_seat: Ok(Default::default()),
                    id: Err("no value supplied for id".to_string()),
                    job_title: Ok(Default::default()),
                    name: Ok(Default::default()),
                    role: Ok(Default::default()),
                    team_ids: Ok(Default::default()),
                    team_priority_level: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl NoteAuthor {
            pub fn avatar<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.avatar = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for avatar: {e}")
                    });
                self
            }
            pub fn away_mode_enabled<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.away_mode_enabled = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for away_mode_enabled: {e}"
                        )
                    });
                self
            }
            pub fn away_mode_reassign<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.away_mode_reassign = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for away_mode_reassign: {e}"
                        )
                    });
                self
            }
            pub fn away_status_reason_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.away_status_reason_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for away_status_reason_id: {e}"
                        )
                    });
                self
            }
            pub fn email<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.email = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for email: {e}")
                    });
                self
            }
            pub fn has_inbox_seat<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.has_inbox_seat = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for has_inbox_seat: {e}"
                        )
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::ids::AdminId>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn job_title<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.job_title = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for job_title: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn role<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::AdminRole>>,
                T::Error: ::std::fmt::Display,
            {
                self.role = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for role: {e}")
                    });
                self
            }
            pub fn team_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.team_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for team_ids: {e}")
                    });
                self
            }
            pub fn team_priority_level<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::TeamPriorityLevel>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.team_priority_level = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for team_priority_level: {e}"
                        )
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::AdminType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<NoteAuthor> for super::NoteAuthor {
            type Error = super::error::ConversionError;
            fn try_from(
                value: NoteAuthor,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    avatar: value.avatar?,
                    away_mode_enabled: value.away_mode_enabled?,
                    away_mode_reassign: value.away_mode_reassign?,
                    away_status_reason_id: value.away_status_reason_id?,
                    email: value.email?,
                    has_inbox_seat: value.has_inbox_seat?,
                    id: value.id?,
                    job_title: value.job_title?,
                    name: value.name?,
                    role: value.role?,
                    team_ids: value.team_ids?,
                    team_priority_level: value.team_priority_level?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::NoteAuthor> for NoteAuthor {
            fn from(value: super::NoteAuthor) -> Self {
                Self {
                    avatar: Ok(value.avatar),
                    away_mode_enabled: Ok(value.away_mode_enabled),
                    away_mode_reassign: Ok(value.away_mode_reassign),
                    away_status_reason_id: Ok(value.away_status_reason_id),
                    email: Ok(value.email),
                    has_inbox_seat: Ok(value.has_inbox_seat),
                    id: Ok(value.id),
                    job_title: Ok(value.job_title),
                    name: Ok(value.name),
                    role: Ok(value.role),
                    team_ids: Ok(value.team_ids),
                    team_priority_level: Ok(value.team_priority_level),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct NoteCompany {
            id: ::std::result::Result<crate::ids::CompanyId, ::std::string::String>,
            type_: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for NoteCompany {
            fn default() -> Self {
                Self {
                    id: Err("no value supplied for id".to_string()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl NoteCompany {
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::ids::CompanyId>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<NoteCompany> for super::NoteCompany {
            type Error = super::error::ConversionError;
            fn try_from(
                value: NoteCompany,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    id: value.id?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::NoteCompany> for NoteCompany {
            fn from(value: super::NoteCompany) -> Self {
                Self {
                    id: Ok(value.id),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct NoteContact {
            id: ::std::result::Result<crate::ids::ContactId, ::std::string::String>,
            type_: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for NoteContact {
            fn default() -> Self {
                Self {
                    id: Err("no value supplied for id".to_string()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl NoteContact {
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::ids::ContactId>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<NoteContact> for super::NoteContact {
            type Error = super::error::ConversionError;
            fn try_from(
                value: NoteContact,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    id: value.id?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::NoteContact> for NoteContact {
            fn from(value: super::NoteContact) -> Self {
                Self {
                    id: Ok(value.id),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct NoteList {
            data: ::std::result::Result<
                ::std::vec::Vec<super::Note>,
                ::std::string::String,
            >,
            pages: ::std::result::Result<
                ::std::option::Option<super::CursorPages>,
                ::std::string::String,
            >,
            total_count: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<crate::open_enums::ListType>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for NoteList {
            fn default() -> Self {
                Self {
                    data: Ok(Default::default()),
                    pages: Ok(Default::default()),
                    total_count: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl NoteList {
            pub fn data<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Note>>,
                T::Error: ::std::fmt::Display,
            {
                self.data = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for data: {e}")
                    });
                self
            }
            pub fn pages<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::CursorPages>>,
                T::Error: ::std::fmt::Display,
            {
                self.pages = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for pages: {e}")
                    });
                self
            }
            pub fn total_count<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.total_count = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_count: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::ListType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<NoteList> for super::NoteList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: NoteList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    data: value.data?,
                    pages: value.pages?,
                    total_count: value.total_count?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::NoteList> for NoteList {
            fn from(value: super::NoteList) -> Self {
                Self {
                    data: Ok(value.data),
                    pages: Ok(value.pages),
                    total_count: Ok(value.total_count),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct PagesLink {
            next: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            page: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            per_page: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            total_pages: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<crate::open_enums::PagesType>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for PagesLink {
            fn default() -> Self {
                Self {
                    next: Ok(Default::default()),
                    page: Ok(Default::default()),
                    per_page: Ok(Default::default()),
                    total_pages: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl PagesLink {
            pub fn next<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.next = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for next: {e}")
                    });
                self
            }
            pub fn page<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.page = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for page: {e}")
                    });
                self
            }
            pub fn per_page<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.per_page = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for per_page: {e}")
                    });
                self
            }
            pub fn total_pages<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.total_pages = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_pages: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::PagesType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<PagesLink> for super::PagesLink {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PagesLink,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    next: value.next?,
                    page: value.page?,
                    per_page: value.per_page?,
                    total_pages: value.total_pages?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::PagesLink> for PagesLink {
            fn from(value: super::PagesLink) -> Self {
                Self {
                    next: Ok(value.next),
                    page: Ok(value.page),
                    per_page: Ok(value.per_page),
                    total_pages: Ok(value.total_pages),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct StartingAfterPaging {
            page: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            per_page: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            starting_after: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for StartingAfterPaging {
            fn default() -> Self {
                Self {
                    page: Ok(Default::default()),
                    per_page: Ok(Default::default()),
                    starting_after: Ok(Default::default()),
                }
            }
        }
        impl StartingAfterPaging {
            pub fn page<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.page = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for page: {e}")
                    });
                self
            }
            pub fn per_page<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.per_page = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for per_page: {e}")
                    });
                self
            }
            pub fn starting_after<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.starting_after = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for starting_after: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<StartingAfterPaging>
        for super::StartingAfterPaging {
            type Error = super::error::ConversionError;
            fn try_from(
                value: StartingAfterPaging,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    page: value.page?,
                    per_page: value.per_page?,
                    starting_after: value.starting_after?,
                })
            }
        }
        impl ::std::convert::From<super::StartingAfterPaging> for StartingAfterPaging {
            fn from(value: super::StartingAfterPaging) -> Self {
                Self {
                    page: Ok(value.page),
                    per_page: Ok(value.per_page),
                    starting_after: Ok(value.starting_after),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct TeamPriorityLevel {
            primary_team_ids: ::std::result::Result<
                ::std::vec::Vec<i64>,
                ::std::string::String,
            >,
            secondary_team_ids: ::std::result::Result<
                ::std::vec::Vec<i64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for TeamPriorityLevel {
            fn default() -> Self {
                Self {
                    primary_team_ids: Ok(Default::default()),
                    secondary_team_ids: Ok(Default::default()),
                }
            }
        }
        impl TeamPriorityLevel {
            pub fn primary_team_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.primary_team_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for primary_team_ids: {e}"
                        )
                    });
                self
            }
            pub fn secondary_team_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.secondary_team_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for secondary_team_ids: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<TeamPriorityLevel> for super::TeamPriorityLevel {
            type Error = super::error::ConversionError;
            fn try_from(
                value: TeamPriorityLevel,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    primary_team_ids: value.primary_team_ids?,
                    secondary_team_ids: value.secondary_team_ids?,
                })
            }
        }
        impl ::std::convert::From<super::TeamPriorityLevel> for TeamPriorityLevel {
            fn from(value: super::TeamPriorityLevel) -> Self {
                Self {
                    primary_team_ids: Ok(value.primary_team_ids),
                    secondary_team_ids: Ok(value.secondary_team_ids),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct UpdateContentImportSourceRequest {
            apply_audience_to_existing_content: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            audience_ids: ::std::result::Result<
                ::std::option::Option<super::AudienceIds>,
                ::std::string::String,
            >,
            status: ::std::result::Result<
                ::std::option::Option<crate::open_enums::ContentImportSourceStatus>,
                ::std::string::String,
            >,
            sync_behavior: ::std::result::Result<
                crate::open_enums::SyncBehavior,
                ::std::string::String,
            >,
            url: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for UpdateContentImportSourceRequest {
            fn default() -> Self {
                Self {
                    apply_audience_to_existing_content: Ok(Default::default()),
                    audience_ids: Ok(Default::default()),
                    status: Ok(Default::default()),
                    sync_behavior: Err(
                        "no value supplied for sync_behavior".to_string(),
                    ),
                    url: Err("no value supplied for url".to_string()),
                }
            }
        }
        impl UpdateContentImportSourceRequest {
            pub fn apply_audience_to_existing_content<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.apply_audience_to_existing_content = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for apply_audience_to_existing_content: {e}"
                        )
                    });
                self
            }
            pub fn audience_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::AudienceIds>>,
                T::Error: ::std::fmt::Display,
            {
                self.audience_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for audience_ids: {e}")
                    });
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::ContentImportSourceStatus>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    });
                self
            }
            pub fn sync_behavior<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::open_enums::SyncBehavior>,
                T::Error: ::std::fmt::Display,
            {
                self.sync_behavior = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for sync_behavior: {e}")
                    });
                self
            }
            pub fn url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for url: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<UpdateContentImportSourceRequest>
        for super::UpdateContentImportSourceRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: UpdateContentImportSourceRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    apply_audience_to_existing_content: value
                        .apply_audience_to_existing_content?,
                    audience_ids: value.audience_ids?,
                    status: value.status?,
                    sync_behavior: value.sync_behavior?,
                    url: value.url?,
                })
            }
        }
        impl ::std::convert::From<super::UpdateContentImportSourceRequest>
        for UpdateContentImportSourceRequest {
            fn from(value: super::UpdateContentImportSourceRequest) -> Self {
                Self {
                    apply_audience_to_existing_content: Ok(
                        value.apply_audience_to_existing_content,
                    ),
                    audience_ids: Ok(value.audience_ids),
                    status: Ok(value.status),
                    sync_behavior: Ok(value.sync_behavior),
                    url: Ok(value.url),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct UpdateExternalPageRequest {
            ai_agent_availability: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            ai_copilot_availability: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            ai_sales_agent_availability: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            external_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            fin_availability: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            html: ::std::result::Result<::std::string::String, ::std::string::String>,
            locale: ::std::result::Result<
                crate::open_enums::Locale,
                ::std::string::String,
            >,
            source_id: ::std::result::Result<
                crate::ids::ContentImportSourceId,
                ::std::string::String,
            >,
            title: ::std::result::Result<::std::string::String, ::std::string::String>,
            url: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for UpdateExternalPageRequest {
            fn default() -> Self {
                Self {
                    ai_agent_availability: Ok(Default::default()),
                    ai_copilot_availability: Ok(Default::default()),
                    ai_sales_agent_availability: Ok(Default::default()),
                    external_id: Ok(Default::default()),
                    fin_availability: Ok(Default::default()),
                    html: Err("no value supplied for html".to_string()),
                    locale: Err("no value supplied for locale".to_string()),
                    source_id: Err("no value supplied for source_id".to_string()),
                    title: Err("no value supplied for title".to_string()),
                    url: Err("no value supplied for url".to_string()),
                }
            }
        }
        impl UpdateExternalPageRequest {
            pub fn ai_agent_availability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.ai_agent_availability = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for ai_agent_availability: {e}"
                        )
                    });
                self
            }
            pub fn ai_copilot_availability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.ai_copilot_availability = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for ai_copilot_availability: {e}"
                        )
                    });
                self
            }
            pub fn ai_sales_agent_availability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.ai_sales_agent_availability = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for ai_sales_agent_availability: {e}"
                        )
                    });
                self
            }
            pub fn external_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.external_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for external_id: {e}")
                    });
                self
            }
            pub fn fin_availability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.fin_availability = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for fin_availability: {e}"
                        )
                    });
                self
            }
            pub fn html<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.html = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for html: {e}")
                    });
                self
            }
            pub fn locale<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::open_enums::Locale>,
                T::Error: ::std::fmt::Display,
            {
                self.locale = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for locale: {e}")
                    });
                self
            }
            pub fn source_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::ids::ContentImportSourceId>,
                T::Error: ::std::fmt::Display,
            {
                self.source_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for source_id: {e}")
                    });
                self
            }
            pub fn title<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.title = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for title: {e}")
                    });
                self
            }
            pub fn url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for url: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<UpdateExternalPageRequest>
        for super::UpdateExternalPageRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: UpdateExternalPageRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    ai_agent_availability: value.ai_agent_availability?,
                    ai_copilot_availability: value.ai_copilot_availability?,
                    ai_sales_agent_availability: value.ai_sales_agent_availability?,
                    external_id: value.external_id?,
                    fin_availability: value.fin_availability?,
                    html: value.html?,
                    locale: value.locale?,
                    source_id: value.source_id?,
                    title: value.title?,
                    url: value.url?,
                })
            }
        }
        impl ::std::convert::From<super::UpdateExternalPageRequest>
        for UpdateExternalPageRequest {
            fn from(value: super::UpdateExternalPageRequest) -> Self {
                Self {
                    ai_agent_availability: Ok(value.ai_agent_availability),
                    ai_copilot_availability: Ok(value.ai_copilot_availability),
                    ai_sales_agent_availability: Ok(value.ai_sales_agent_availability),
                    external_id: Ok(value.external_id),
                    fin_availability: Ok(value.fin_availability),
                    html: Ok(value.html),
                    locale: Ok(value.locale),
                    source_id: Ok(value.source_id),
                    title: Ok(value.title),
                    url: Ok(value.url),
                }
            }
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
}
#[derive(Clone, Debug)]
/**Client for Intercom AI Content and Notes API

With the AI Content APIs, you can create and manage External Pages and Content Import Sources for your Fin Content Library. External Pages are pages that you want Fin to be able to answer questions about; Content Import Sources are the sources of those pages. Notes allow you to annotate and comment on your contacts.

Version: 2.14*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap())
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(baseurl: &str, client: reqwest::Client) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
        }
    }
}
impl ClientInfo<()> for Client {
    fn api_version() -> &'static str {
        "2.14"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &() {
        &()
    }
}
impl ClientHooks<()> for &Client {}
impl Client {
    /**List content import sources

You can retrieve a list of all content import sources for a workspace.

Sends a `GET` request to `/ai/content_import_sources`

Arguments:
- `page`: The page of results to fetch (not in the reference; see NOTES.md).
- `per_page`: How many items a page holds, at most 150 (not in the reference; see NOTES.md).
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
```ignore
let response = client.list_content_import_sources()
    .page(page)
    .per_page(per_page)
    .intercom_version(intercom_version)
    .send()
    .await;
```*/
    pub fn list_content_import_sources(&self) -> builder::ListContentImportSources<'_> {
        builder::ListContentImportSources::new(self)
    }
    /**Create a content import source

You can create a new content import source by sending a POST request to this endpoint. Not idempotent: every successful call creates a new source.

Sends a `POST` request to `/ai/content_import_sources`

Arguments:
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
- `body`
```ignore
let response = client.create_content_import_source()
    .intercom_version(intercom_version)
    .body(body)
    .send()
    .await;
```*/
    pub fn create_content_import_source(
        &self,
    ) -> builder::CreateContentImportSource<'_> {
        builder::CreateContentImportSource::new(self)
    }
    /**Retrieve a content import source

Sends a `GET` request to `/ai/content_import_sources/{id}`

Arguments:
- `id`: The unique identifier for the content import source which is given by Intercom.
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
```ignore
let response = client.get_content_import_source()
    .id(id)
    .intercom_version(intercom_version)
    .send()
    .await;
```*/
    pub fn get_content_import_source(&self) -> builder::GetContentImportSource<'_> {
        builder::GetContentImportSource::new(self)
    }
    /**Update a content import source

You can update an existing content import source.

Sends a `PUT` request to `/ai/content_import_sources/{id}`

Arguments:
- `id`: The unique identifier for the content import source which is given by Intercom.
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
- `body`
```ignore
let response = client.update_content_import_source()
    .id(id)
    .intercom_version(intercom_version)
    .body(body)
    .send()
    .await;
```*/
    pub fn update_content_import_source(
        &self,
    ) -> builder::UpdateContentImportSource<'_> {
        builder::UpdateContentImportSource::new(self)
    }
    /**Delete a content import source

You can delete a content import source by making a DELETE request this endpoint. This will also delete all external pages that were imported from this source.

Sends a `DELETE` request to `/ai/content_import_sources/{id}`

Arguments:
- `id`: The unique identifier for the content import source which is given by Intercom.
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
```ignore
let response = client.delete_content_import_source()
    .id(id)
    .intercom_version(intercom_version)
    .send()
    .await;
```*/
    pub fn delete_content_import_source(
        &self,
    ) -> builder::DeleteContentImportSource<'_> {
        builder::DeleteContentImportSource::new(self)
    }
    /**List external pages

You can retrieve a list of all external pages for a workspace.

Sends a `GET` request to `/ai/external_pages`

Arguments:
- `page`: The page of results to fetch (not in the reference; see NOTES.md).
- `per_page`: How many items a page holds, at most 150 (not in the reference; see NOTES.md).
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
```ignore
let response = client.list_external_pages()
    .page(page)
    .per_page(per_page)
    .intercom_version(intercom_version)
    .send()
    .await;
```*/
    pub fn list_external_pages(&self) -> builder::ListExternalPages<'_> {
        builder::ListExternalPages::new(self)
    }
    /**Create an external page (or update an external page by external ID)

You can create a new external page by sending a POST request to this endpoint. If an external page already exists with the specified source_id and external_id, it will be updated instead.

Sends a `POST` request to `/ai/external_pages`

Arguments:
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
- `body`
```ignore
let response = client.create_external_page()
    .intercom_version(intercom_version)
    .body(body)
    .send()
    .await;
```*/
    pub fn create_external_page(&self) -> builder::CreateExternalPage<'_> {
        builder::CreateExternalPage::new(self)
    }
    /**Retrieve an external page

You can retrieve an external page.

Sends a `GET` request to `/ai/external_pages/{id}`

Arguments:
- `id`: The unique identifier for the external page which is given by Intercom.
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
```ignore
let response = client.get_external_page()
    .id(id)
    .intercom_version(intercom_version)
    .send()
    .await;
```*/
    pub fn get_external_page(&self) -> builder::GetExternalPage<'_> {
        builder::GetExternalPage::new(self)
    }
    /**Update an external page

You can update an existing external page (if it was created via the API).

Sends a `PUT` request to `/ai/external_pages/{id}`

Arguments:
- `id`: The unique identifier for the external page which is given by Intercom.
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
- `body`
```ignore
let response = client.update_external_page()
    .id(id)
    .intercom_version(intercom_version)
    .body(body)
    .send()
    .await;
```*/
    pub fn update_external_page(&self) -> builder::UpdateExternalPage<'_> {
        builder::UpdateExternalPage::new(self)
    }
    /**Delete an external page

Sending a DELETE request for an external page will remove it from the content library UI and from being used for AI answers.

Sends a `DELETE` request to `/ai/external_pages/{id}`

Arguments:
- `id`: The unique identifier for the external page which is given by Intercom.
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
```ignore
let response = client.delete_external_page()
    .id(id)
    .intercom_version(intercom_version)
    .send()
    .await;
```*/
    pub fn delete_external_page(&self) -> builder::DeleteExternalPage<'_> {
        builder::DeleteExternalPage::new(self)
    }
    /**List all company notes

You can fetch a list of notes that are associated to a company (from version 2.15; the client sends at least 2.15 for it).

Sends a `GET` request to `/companies/{id}/notes`

Arguments:
- `id`: The unique identifier for the company which is given by Intercom.
- `page`: The page of results to fetch (not in the reference; see NOTES.md).
- `per_page`: How many items a page holds, at most 150 (not in the reference; see NOTES.md).
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
```ignore
let response = client.list_company_notes()
    .id(id)
    .page(page)
    .per_page(per_page)
    .intercom_version(intercom_version)
    .send()
    .await;
```*/
    pub fn list_company_notes(&self) -> builder::ListCompanyNotes<'_> {
        builder::ListCompanyNotes::new(self)
    }
    /**Create a company note

You can add a note to a single company (from version 2.16; the client sends at least 2.16 for it).

Sends a `POST` request to `/companies/{id}/notes`

Arguments:
- `id`: The unique identifier for the company which is given by Intercom.
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
- `body`
```ignore
let response = client.create_company_note()
    .id(id)
    .intercom_version(intercom_version)
    .body(body)
    .send()
    .await;
```*/
    pub fn create_company_note(&self) -> builder::CreateCompanyNote<'_> {
        builder::CreateCompanyNote::new(self)
    }
    /**List all notes

You can fetch a list of notes that are associated to a contact.

Sends a `GET` request to `/contacts/{id}/notes`

Arguments:
- `id`: The unique identifier of a contact.
- `page`: The page of results to fetch (not in the reference; see NOTES.md).
- `per_page`: How many items a page holds, at most 150 (not in the reference; see NOTES.md).
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
```ignore
let response = client.list_notes()
    .id(id)
    .page(page)
    .per_page(per_page)
    .intercom_version(intercom_version)
    .send()
    .await;
```*/
    pub fn list_notes(&self) -> builder::ListNotes<'_> {
        builder::ListNotes::new(self)
    }
    /**Create a note

You can add a note to a single contact.

Sends a `POST` request to `/contacts/{id}/notes`

Arguments:
- `id`: The unique identifier of a given contact.
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
- `body`
```ignore
let response = client.create_note()
    .id(id)
    .intercom_version(intercom_version)
    .body(body)
    .send()
    .await;
```*/
    pub fn create_note(&self) -> builder::CreateNote<'_> {
        builder::CreateNote::new(self)
    }
    /**Retrieve a note

You can fetch the details of a single note.

Sends a `GET` request to `/notes/{id}`

Arguments:
- `id`: The unique identifier of a given note.
- `intercom_version`: Intercom API version. By default, it's equal to the version set in the app package.
```ignore
let response = client.retrieve_note()
    .id(id)
    .intercom_version(intercom_version)
    .send()
    .await;
```*/
    pub fn retrieve_note(&self) -> builder::RetrieveNote<'_> {
        builder::RetrieveNote::new(self)
    }
}
/// Types for composing operation parameters.
#[allow(clippy::all)]
pub mod builder {
    use super::types;
    #[allow(unused_imports)]
    use super::{
        encode_path, ByteStream, ClientInfo, ClientHooks, Error, OperationInfo,
        RequestBuilderExt, ResponseValue,
    };
    /**Builder for [`Client::list_content_import_sources`]

[`Client::list_content_import_sources`]: super::Client::list_content_import_sources*/
    #[derive(Debug, Clone)]
    pub struct ListContentImportSources<'a> {
        client: &'a super::Client,
        page: Result<Option<::std::num::NonZeroU64>, String>,
        per_page: Result<Option<::std::num::NonZeroU64>, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
    }
    impl<'a> ListContentImportSources<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                page: Ok(None),
                per_page: Ok(None),
                intercom_version: Ok(None),
            }
        }
        pub fn page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page failed"
                        .to_string()
                });
            self
        }
        pub fn per_page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.per_page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for per_page failed"
                        .to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/ai/content_import_sources`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::ContentImportSourcesList>,
            Error<types::ErrorList>,
        > {
            let Self { client, page, per_page, intercom_version } = self;
            let page = page.map_err(Error::InvalidRequest)?;
            let per_page = per_page.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let url = format!("{}/ai/content_import_sources", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("page", &page))
                .query(&progenitor_client::QueryParam::new("per_page", &per_page))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_content_import_sources",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_content_import_source`]

[`Client::create_content_import_source`]: super::Client::create_content_import_source*/
    #[derive(Debug, Clone)]
    pub struct CreateContentImportSource<'a> {
        client: &'a super::Client,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
        body: Result<types::builder::CreateContentImportSourceRequest, String>,
    }
    impl<'a> CreateContentImportSource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                intercom_version: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CreateContentImportSourceRequest>,
            <V as std::convert::TryInto<
                types::CreateContentImportSourceRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `CreateContentImportSourceRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CreateContentImportSourceRequest,
            ) -> types::builder::CreateContentImportSourceRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/ai/content_import_sources`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ContentImportSource>, Error<types::ErrorList>> {
            let Self { client, intercom_version, body } = self;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::CreateContentImportSourceRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/ai/content_import_sources", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_content_import_source",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_content_import_source`]

[`Client::get_content_import_source`]: super::Client::get_content_import_source*/
    #[derive(Debug, Clone)]
    pub struct GetContentImportSource<'a> {
        client: &'a super::Client,
        id: Result<crate::ids::ContentImportSourceId, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
    }
    impl<'a> GetContentImportSource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                intercom_version: Ok(None),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::ids::ContentImportSourceId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: ids :: ContentImportSourceId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/ai/content_import_sources/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ContentImportSource>, Error<types::ErrorList>> {
            let Self { client, id, intercom_version } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/ai/content_import_sources/{}", client.baseurl, encode_path(& id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_content_import_source",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::update_content_import_source`]

[`Client::update_content_import_source`]: super::Client::update_content_import_source*/
    #[derive(Debug, Clone)]
    pub struct UpdateContentImportSource<'a> {
        client: &'a super::Client,
        id: Result<crate::ids::ContentImportSourceId, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
        body: Result<types::builder::UpdateContentImportSourceRequest, String>,
    }
    impl<'a> UpdateContentImportSource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                intercom_version: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::ids::ContentImportSourceId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: ids :: ContentImportSourceId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::UpdateContentImportSourceRequest>,
            <V as std::convert::TryInto<
                types::UpdateContentImportSourceRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `UpdateContentImportSourceRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::UpdateContentImportSourceRequest,
            ) -> types::builder::UpdateContentImportSourceRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PUT` request to `/ai/content_import_sources/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ContentImportSource>, Error<types::ErrorList>> {
            let Self { client, id, intercom_version, body } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::UpdateContentImportSourceRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/ai/content_import_sources/{}", client.baseurl, encode_path(& id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .put(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "update_content_import_source",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::delete_content_import_source`]

[`Client::delete_content_import_source`]: super::Client::delete_content_import_source*/
    #[derive(Debug, Clone)]
    pub struct DeleteContentImportSource<'a> {
        client: &'a super::Client,
        id: Result<crate::ids::ContentImportSourceId, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
    }
    impl<'a> DeleteContentImportSource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                intercom_version: Ok(None),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::ids::ContentImportSourceId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: ids :: ContentImportSourceId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/ai/content_import_sources/{id}`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<types::ErrorList>> {
            let Self { client, id, intercom_version } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/ai/content_import_sources/{}", client.baseurl, encode_path(& id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "delete_content_import_source",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(ResponseValue::empty(response)),
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_external_pages`]

[`Client::list_external_pages`]: super::Client::list_external_pages*/
    #[derive(Debug, Clone)]
    pub struct ListExternalPages<'a> {
        client: &'a super::Client,
        page: Result<Option<::std::num::NonZeroU64>, String>,
        per_page: Result<Option<::std::num::NonZeroU64>, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
    }
    impl<'a> ListExternalPages<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                page: Ok(None),
                per_page: Ok(None),
                intercom_version: Ok(None),
            }
        }
        pub fn page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page failed"
                        .to_string()
                });
            self
        }
        pub fn per_page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.per_page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for per_page failed"
                        .to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/ai/external_pages`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ExternalPagesList>, Error<types::ErrorList>> {
            let Self { client, page, per_page, intercom_version } = self;
            let page = page.map_err(Error::InvalidRequest)?;
            let per_page = per_page.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let url = format!("{}/ai/external_pages", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("page", &page))
                .query(&progenitor_client::QueryParam::new("per_page", &per_page))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_external_pages",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_external_page`]

[`Client::create_external_page`]: super::Client::create_external_page*/
    #[derive(Debug, Clone)]
    pub struct CreateExternalPage<'a> {
        client: &'a super::Client,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
        body: Result<types::builder::CreateExternalPageRequest, String>,
    }
    impl<'a> CreateExternalPage<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                intercom_version: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CreateExternalPageRequest>,
            <V as std::convert::TryInto<
                types::CreateExternalPageRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `CreateExternalPageRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CreateExternalPageRequest,
            ) -> types::builder::CreateExternalPageRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/ai/external_pages`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ExternalPage>, Error<types::ErrorList>> {
            let Self { client, intercom_version, body } = self;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::CreateExternalPageRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/ai/external_pages", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_external_page",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_external_page`]

[`Client::get_external_page`]: super::Client::get_external_page*/
    #[derive(Debug, Clone)]
    pub struct GetExternalPage<'a> {
        client: &'a super::Client,
        id: Result<crate::ids::ExternalPageId, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
    }
    impl<'a> GetExternalPage<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                intercom_version: Ok(None),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::ids::ExternalPageId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: ids :: ExternalPageId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/ai/external_pages/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ExternalPage>, Error<types::ErrorList>> {
            let Self { client, id, intercom_version } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/ai/external_pages/{}", client.baseurl, encode_path(& id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_external_page",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::update_external_page`]

[`Client::update_external_page`]: super::Client::update_external_page*/
    #[derive(Debug, Clone)]
    pub struct UpdateExternalPage<'a> {
        client: &'a super::Client,
        id: Result<crate::ids::ExternalPageId, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
        body: Result<types::builder::UpdateExternalPageRequest, String>,
    }
    impl<'a> UpdateExternalPage<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                intercom_version: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::ids::ExternalPageId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: ids :: ExternalPageId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::UpdateExternalPageRequest>,
            <V as std::convert::TryInto<
                types::UpdateExternalPageRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `UpdateExternalPageRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::UpdateExternalPageRequest,
            ) -> types::builder::UpdateExternalPageRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PUT` request to `/ai/external_pages/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ExternalPage>, Error<types::ErrorList>> {
            let Self { client, id, intercom_version, body } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::UpdateExternalPageRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/ai/external_pages/{}", client.baseurl, encode_path(& id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .put(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "update_external_page",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::delete_external_page`]

[`Client::delete_external_page`]: super::Client::delete_external_page*/
    #[derive(Debug, Clone)]
    pub struct DeleteExternalPage<'a> {
        client: &'a super::Client,
        id: Result<crate::ids::ExternalPageId, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
    }
    impl<'a> DeleteExternalPage<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                intercom_version: Ok(None),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::ids::ExternalPageId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: ids :: ExternalPageId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/ai/external_pages/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ExternalPage>, Error<types::ErrorList>> {
            let Self { client, id, intercom_version } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/ai/external_pages/{}", client.baseurl, encode_path(& id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "delete_external_page",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_company_notes`]

[`Client::list_company_notes`]: super::Client::list_company_notes*/
    #[derive(Debug, Clone)]
    pub struct ListCompanyNotes<'a> {
        client: &'a super::Client,
        id: Result<crate::ids::CompanyId, String>,
        page: Result<Option<::std::num::NonZeroU64>, String>,
        per_page: Result<Option<::std::num::NonZeroU64>, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
    }
    impl<'a> ListCompanyNotes<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                page: Ok(None),
                per_page: Ok(None),
                intercom_version: Ok(None),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::ids::CompanyId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: ids :: CompanyId` for id failed".to_string()
                });
            self
        }
        pub fn page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page failed"
                        .to_string()
                });
            self
        }
        pub fn per_page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.per_page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for per_page failed"
                        .to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/companies/{id}/notes`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::NoteList>, Error<types::ErrorList>> {
            let Self { client, id, page, per_page, intercom_version } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let page = page.map_err(Error::InvalidRequest)?;
            let per_page = per_page.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/companies/{}/notes", client.baseurl, encode_path(& id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("page", &page))
                .query(&progenitor_client::QueryParam::new("per_page", &per_page))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_company_notes",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_company_note`]

[`Client::create_company_note`]: super::Client::create_company_note*/
    #[derive(Debug, Clone)]
    pub struct CreateCompanyNote<'a> {
        client: &'a super::Client,
        id: Result<crate::ids::CompanyId, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
        body: Result<types::builder::CreateCompanyNoteRequest, String>,
    }
    impl<'a> CreateCompanyNote<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                intercom_version: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::ids::CompanyId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: ids :: CompanyId` for id failed".to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CreateCompanyNoteRequest>,
            <V as std::convert::TryInto<
                types::CreateCompanyNoteRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `CreateCompanyNoteRequest` for body failed: {}", s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CreateCompanyNoteRequest,
            ) -> types::builder::CreateCompanyNoteRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/companies/{id}/notes`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::Note>, Error<types::ErrorList>> {
            let Self { client, id, intercom_version, body } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::CreateCompanyNoteRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/companies/{}/notes", client.baseurl, encode_path(& id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_company_note",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_notes`]

[`Client::list_notes`]: super::Client::list_notes*/
    #[derive(Debug, Clone)]
    pub struct ListNotes<'a> {
        client: &'a super::Client,
        id: Result<crate::ids::ContactId, String>,
        page: Result<Option<::std::num::NonZeroU64>, String>,
        per_page: Result<Option<::std::num::NonZeroU64>, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
    }
    impl<'a> ListNotes<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                page: Ok(None),
                per_page: Ok(None),
                intercom_version: Ok(None),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::ids::ContactId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: ids :: ContactId` for id failed".to_string()
                });
            self
        }
        pub fn page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page failed"
                        .to_string()
                });
            self
        }
        pub fn per_page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.per_page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for per_page failed"
                        .to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/contacts/{id}/notes`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::NoteList>, Error<types::ErrorList>> {
            let Self { client, id, page, per_page, intercom_version } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let page = page.map_err(Error::InvalidRequest)?;
            let per_page = per_page.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/contacts/{}/notes", client.baseurl, encode_path(& id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("page", &page))
                .query(&progenitor_client::QueryParam::new("per_page", &per_page))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_notes",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_note`]

[`Client::create_note`]: super::Client::create_note*/
    #[derive(Debug, Clone)]
    pub struct CreateNote<'a> {
        client: &'a super::Client,
        id: Result<crate::ids::ContactId, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
        body: Result<types::builder::CreateNoteRequest, String>,
    }
    impl<'a> CreateNote<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                intercom_version: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::ids::ContactId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: ids :: ContactId` for id failed".to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CreateNoteRequest>,
            <V as std::convert::TryInto<
                types::CreateNoteRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `CreateNoteRequest` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CreateNoteRequest,
            ) -> types::builder::CreateNoteRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/contacts/{id}/notes`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::Note>, Error<types::ErrorList>> {
            let Self { client, id, intercom_version, body } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::CreateNoteRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/contacts/{}/notes", client.baseurl, encode_path(& id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_note",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::retrieve_note`]

[`Client::retrieve_note`]: super::Client::retrieve_note*/
    #[derive(Debug, Clone)]
    pub struct RetrieveNote<'a> {
        client: &'a super::Client,
        id: Result<crate::ids::NoteId, String>,
        intercom_version: Result<Option<crate::open_enums::IntercomVersion>, String>,
    }
    impl<'a> RetrieveNote<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                intercom_version: Ok(None),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::ids::NoteId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: ids :: NoteId` for id failed".to_string()
                });
            self
        }
        pub fn intercom_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::IntercomVersion>,
        {
            self.intercom_version = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: IntercomVersion` for intercom_version failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/notes/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::Note>, Error<types::ErrorList>> {
            let Self { client, id, intercom_version } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let intercom_version = intercom_version.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/notes/{}", client.baseurl, encode_path(& id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = intercom_version {
                header_map.append("Intercom-Version", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "retrieve_note",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
/// The spec's enums, open: each keeps a value it does not list in `Unknown`.
pub mod open_enums {
    open_enum! {
        #[doc = "String representing the object's type. Always has the value admin."]
        AdminType { #[doc = "`admin`"] Admin = "admin" }
    }
    open_enum! {
        #[doc = "The status of the content import source."] ContentImportSourceStatus {
        #[doc = "`active`"] Active = "active", #[doc = "`deactivated`"] Deactivated =
        "deactivated" }
    }
    open_enum! {
        #[doc =
        "Always content_import_source (the reference's text says \"Always external_page\")."]
        ContentImportSourceType { #[doc = "`content_import_source`"] ContentImportSource
        = "content_import_source" }
    }
    open_enum! {
        #[doc =
        "If you intend to create or update External Pages via the API, this should be set to api. The only value the reference allows when creating a source."]
        CreateSyncBehavior { #[doc = "`api`"] Api = "api" }
    }
    open_enum! {
        #[doc = "The type is error.list"] ErrorListType { #[doc = "`error.list`"]
        ErrorList = "error.list" }
    }
    open_enum! {
        #[doc = "Always external_page"] ExternalPageType { #[doc = "`external_page`"]
        ExternalPage = "external_page" }
    }
    open_enum! {
        #[doc =
        "Intercom API version. By default, it's equal to the version set in the app package."]
        IntercomVersion { #[doc = "`1.0`"] V1_0 = "1.0", #[doc = "`1.1`"] V1_1 = "1.1",
        #[doc = "`1.2`"] V1_2 = "1.2", #[doc = "`1.3`"] V1_3 = "1.3", #[doc = "`1.4`"]
        V1_4 = "1.4", #[doc = "`2.0`"] V2_0 = "2.0", #[doc = "`2.1`"] V2_1 = "2.1", #[doc
        = "`2.2`"] V2_2 = "2.2", #[doc = "`2.3`"] V2_3 = "2.3", #[doc = "`2.4`"] V2_4 =
        "2.4", #[doc = "`2.5`"] V2_5 = "2.5", #[doc = "`2.6`"] V2_6 = "2.6", #[doc =
        "`2.7`"] V2_7 = "2.7", #[doc = "`2.8`"] V2_8 = "2.8", #[doc = "`2.9`"] V2_9 =
        "2.9", #[doc = "`2.10`"] V2_10 = "2.10", #[doc = "`2.11`"] V2_11 = "2.11", #[doc
        = "`2.12`"] V2_12 = "2.12", #[doc = "`2.13`"] V2_13 = "2.13", #[doc = "`2.14`"]
        V2_14 = "2.14", #[doc = "`2.15`"] V2_15 = "2.15", #[doc = "`2.16`"] V2_16 =
        "2.16", #[doc = "`Preview`"] Preview = "Preview", #[doc = "`Unstable`"] Unstable
        = "Unstable" }
    }
    open_enum! {
        #[doc = "The type of the object - list."] ListType { #[doc = "`list`"] List =
        "list" }
    }
    open_enum! {
        #[doc = "Always en"] Locale { #[doc = "`en`"] En = "en" }
    }
    open_enum! {
        #[doc = "String representing the object's type. Always has the value note."]
        NoteType { #[doc = "`note`"] Note = "note" }
    }
    open_enum! {
        #[doc = "An open enum of the spec."] PagesType { #[doc = "`pages`"] Pages =
        "pages" }
    }
    open_enum! {
        #[doc =
        "If you intend to create or update External Pages via the API, this should be set to api."]
        SyncBehavior { #[doc = "`api`"] Api = "api", #[doc = "`automatic`"] Automatic =
        "automatic", #[doc = "`manual`"] Manual = "manual" }
    }
}
