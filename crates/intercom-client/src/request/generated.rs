// @generated: the client's request values, from openapi/intercom.yaml by `cargo xtask regen`. Do not edit: change the spec and regenerate.

///The body of a request (`CreateCompanyNoteRequest`), with a setter for each of its properties. Read the values through `Deref` (`value.title`); check them with `validate()`.
#[derive(Clone, Debug, PartialEq)]
pub struct NewCompanyNote {
    /// Named so as not to hide a property called `body` behind `Deref`.
    pub(crate) raw: ::intercom_openapi::types::CreateCompanyNoteRequest,
}
impl NewCompanyNote {
    ///`admin_id`: The unique identifier of a given admin. The reference's example sends an integer; admin ids come back as strings, so both are accepted.
    pub fn admin_id(
        mut self,
        value: impl ::std::convert::Into<::intercom_openapi::types::NoteAdminId>,
    ) -> Self {
        self.raw.admin_id = ::std::option::Option::Some(value.into());
        self
    }
    ///`body`: The text of the note.
    pub fn body(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.body = value.into();
        self
    }
    /// The body as it stands (not validated).
    pub fn into_body(self) -> ::intercom_openapi::types::CreateCompanyNoteRequest {
        self.raw
    }
}
impl ::std::convert::From<::intercom_openapi::types::CreateCompanyNoteRequest>
for NewCompanyNote {
    fn from(body: ::intercom_openapi::types::CreateCompanyNoteRequest) -> Self {
        NewCompanyNote { raw: body }
    }
}
impl ::std::ops::Deref for NewCompanyNote {
    type Target = ::intercom_openapi::types::CreateCompanyNoteRequest;
    fn deref(&self) -> &Self::Target {
        &self.raw
    }
}
///The body of a request (`CreateContentImportSourceRequest`), with a setter for each of its properties. Read the values through `Deref` (`value.title`); check them with `validate()`.
#[derive(Clone, Debug, PartialEq)]
pub struct NewContentImportSource {
    /// Named so as not to hide a property called `body` behind `Deref`.
    pub(crate) raw: ::intercom_openapi::types::CreateContentImportSourceRequest,
}
impl NewContentImportSource {
    ///`audience_ids`: The unique identifiers for the audiences to associate with this content import source. Can be a single integer or an array of integers.
    pub fn audience_ids(
        mut self,
        value: impl ::std::convert::Into<::intercom_openapi::types::AudienceIds>,
    ) -> Self {
        self.raw.audience_ids = ::std::option::Option::Some(value.into());
        self
    }
    ///`status`: The status of the content import source.
    pub fn status(
        mut self,
        value: impl ::std::convert::Into<
            ::intercom_openapi::open_enums::ContentImportSourceStatus,
        >,
    ) -> Self {
        self.raw.status = ::std::option::Option::Some(value.into());
        self
    }
    ///`sync_behavior`: If you intend to create or update External Pages via the API, this should be set to api. The only value the reference allows when creating a source.
    pub fn sync_behavior(
        mut self,
        value: impl ::std::convert::Into<
            ::intercom_openapi::open_enums::CreateSyncBehavior,
        >,
    ) -> Self {
        self.raw.sync_behavior = value.into();
        self
    }
    ///`url`: The URL of the content import source.
    pub fn url(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.url = value.into();
        self
    }
    /// The body as it stands (not validated).
    pub fn into_body(
        self,
    ) -> ::intercom_openapi::types::CreateContentImportSourceRequest {
        self.raw
    }
}
impl ::std::convert::From<::intercom_openapi::types::CreateContentImportSourceRequest>
for NewContentImportSource {
    fn from(body: ::intercom_openapi::types::CreateContentImportSourceRequest) -> Self {
        NewContentImportSource {
            raw: body,
        }
    }
}
impl ::std::ops::Deref for NewContentImportSource {
    type Target = ::intercom_openapi::types::CreateContentImportSourceRequest;
    fn deref(&self) -> &Self::Target {
        &self.raw
    }
}
///The body of a request (`CreateExternalPageRequest`), with a setter for each of its properties. Read the values through `Deref` (`value.title`); check them with `validate()`.
#[derive(Clone, Debug, PartialEq)]
pub struct NewExternalPage {
    /// Named so as not to hide a property called `body` behind `Deref`.
    pub(crate) raw: ::intercom_openapi::types::CreateExternalPageRequest,
}
impl NewExternalPage {
    ///`ai_agent_availability`: Whether the external page should be used to answer questions by AI Agent. Will not default when updating an existing external page.
    pub fn ai_agent_availability(
        mut self,
        value: impl ::std::convert::Into<bool>,
    ) -> Self {
        self.raw.ai_agent_availability = ::std::option::Option::Some(value.into());
        self
    }
    ///`ai_copilot_availability`: Whether the external page should be used to answer questions by AI Copilot. Will not default when updating an existing external page.
    pub fn ai_copilot_availability(
        mut self,
        value: impl ::std::convert::Into<bool>,
    ) -> Self {
        self.raw.ai_copilot_availability = ::std::option::Option::Some(value.into());
        self
    }
    ///`ai_sales_agent_availability`: Whether the external page should be used to answer questions by AI Sales Agent (settable under version Preview). Will not default when updating an existing external page.
    pub fn ai_sales_agent_availability(
        mut self,
        value: impl ::std::convert::Into<bool>,
    ) -> Self {
        self.raw.ai_sales_agent_availability = ::std::option::Option::Some(value.into());
        self
    }
    ///`external_id`: The identifier for the external page which was given by the source. Must be unique for the source.
    pub fn external_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.external_id = value.into();
        self
    }
    ///`html`: The body of the external page in HTML.
    pub fn html(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.html = value.into();
        self
    }
    ///`locale`: Always en
    pub fn locale(
        mut self,
        value: impl ::std::convert::Into<::intercom_openapi::open_enums::Locale>,
    ) -> Self {
        self.raw.locale = value.into();
        self
    }
    ///`source_id`: The unique identifier for the source of the external page which was given by Intercom. Every external page must be associated with a Content Import Source which represents the place it comes from and from which it inherits a default audience (configured in the UI). For a new source, make a POST request to the Content Import Source endpoint and an ID for the source will be returned in the response.
    pub fn source_id(
        mut self,
        value: impl ::std::convert::Into<::intercom_openapi::ids::ContentImportSourceId>,
    ) -> Self {
        self.raw.source_id = value.into();
        self
    }
    ///`title`: The title of the external page.
    pub fn title(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.title = value.into();
        self
    }
    ///`url`: The URL of the external page. This will be used by Fin to link end users to the page it based its answer on. When a URL is not present, Fin will not reference the source.
    pub fn url(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.url = ::std::option::Option::Some(value.into());
        self
    }
    /// The body as it stands (not validated).
    pub fn into_body(self) -> ::intercom_openapi::types::CreateExternalPageRequest {
        self.raw
    }
}
impl ::std::convert::From<::intercom_openapi::types::CreateExternalPageRequest>
for NewExternalPage {
    fn from(body: ::intercom_openapi::types::CreateExternalPageRequest) -> Self {
        NewExternalPage { raw: body }
    }
}
impl ::std::ops::Deref for NewExternalPage {
    type Target = ::intercom_openapi::types::CreateExternalPageRequest;
    fn deref(&self) -> &Self::Target {
        &self.raw
    }
}
///The body of a request (`CreateNoteRequest`), with a setter for each of its properties. Read the values through `Deref` (`value.title`); check them with `validate()`.
#[derive(Clone, Debug, PartialEq)]
pub struct NewNote {
    /// Named so as not to hide a property called `body` behind `Deref`.
    pub(crate) raw: ::intercom_openapi::types::CreateNoteRequest,
}
impl NewNote {
    ///`admin_id`: The unique identifier of a given admin. The reference's example sends an integer; admin ids come back as strings, so both are accepted.
    pub fn admin_id(
        mut self,
        value: impl ::std::convert::Into<::intercom_openapi::types::NoteAdminId>,
    ) -> Self {
        self.raw.admin_id = ::std::option::Option::Some(value.into());
        self
    }
    ///`body`: The text of the note.
    pub fn body(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.body = value.into();
        self
    }
    ///`contact_id`: The unique identifier of a given contact.
    pub fn contact_id(
        mut self,
        value: impl ::std::convert::Into<::intercom_openapi::ids::ContactId>,
    ) -> Self {
        self.raw.contact_id = ::std::option::Option::Some(value.into());
        self
    }
    /// The body as it stands (not validated).
    pub fn into_body(self) -> ::intercom_openapi::types::CreateNoteRequest {
        self.raw
    }
}
impl ::std::convert::From<::intercom_openapi::types::CreateNoteRequest> for NewNote {
    fn from(body: ::intercom_openapi::types::CreateNoteRequest) -> Self {
        NewNote { raw: body }
    }
}
impl ::std::ops::Deref for NewNote {
    type Target = ::intercom_openapi::types::CreateNoteRequest;
    fn deref(&self) -> &Self::Target {
        &self.raw
    }
}
///The body of a request (`UpdateContentImportSourceRequest`), with a setter for each of its properties. Read the values through `Deref` (`value.title`); check them with `validate()`.
#[derive(Clone, Debug, PartialEq)]
pub struct ContentImportSourceUpdate {
    /// Named so as not to hide a property called `body` behind `Deref`.
    pub(crate) raw: ::intercom_openapi::types::UpdateContentImportSourceRequest,
}
impl ContentImportSourceUpdate {
    ///`apply_audience_to_existing_content`: Whether the new audiences also apply to the pages the source already has (the API's default is false: only new pages get them).
    pub fn apply_audience_to_existing_content(
        mut self,
        value: impl ::std::convert::Into<bool>,
    ) -> Self {
        self.raw.apply_audience_to_existing_content = ::std::option::Option::Some(
            value.into(),
        );
        self
    }
    ///`audience_ids`: The audiences of the source: an integer or an array of integers; an empty array removes every audience. Left out, the audiences stay as they are.
    pub fn audience_ids(
        mut self,
        value: impl ::std::convert::Into<::intercom_openapi::types::AudienceIds>,
    ) -> Self {
        self.raw.audience_ids = ::std::option::Option::Some(value.into());
        self
    }
    ///`status`: The status of the content import source.
    pub fn status(
        mut self,
        value: impl ::std::convert::Into<
            ::intercom_openapi::open_enums::ContentImportSourceStatus,
        >,
    ) -> Self {
        self.raw.status = ::std::option::Option::Some(value.into());
        self
    }
    ///`sync_behavior`: If you intend to create or update External Pages via the API, this should be set to api.
    pub fn sync_behavior(
        mut self,
        value: impl ::std::convert::Into<::intercom_openapi::open_enums::SyncBehavior>,
    ) -> Self {
        self.raw.sync_behavior = value.into();
        self
    }
    ///`url`: The URL of the content import source. This may only be different from the existing value if the sync behavior is API.
    pub fn url(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.url = value.into();
        self
    }
    /// The body as it stands (not validated).
    pub fn into_body(
        self,
    ) -> ::intercom_openapi::types::UpdateContentImportSourceRequest {
        self.raw
    }
}
impl ::std::convert::From<::intercom_openapi::types::UpdateContentImportSourceRequest>
for ContentImportSourceUpdate {
    fn from(body: ::intercom_openapi::types::UpdateContentImportSourceRequest) -> Self {
        ContentImportSourceUpdate {
            raw: body,
        }
    }
}
impl ::std::ops::Deref for ContentImportSourceUpdate {
    type Target = ::intercom_openapi::types::UpdateContentImportSourceRequest;
    fn deref(&self) -> &Self::Target {
        &self.raw
    }
}
///The body of a request (`UpdateExternalPageRequest`), with a setter for each of its properties. Read the values through `Deref` (`value.title`); check them with `validate()`.
#[derive(Clone, Debug, PartialEq)]
pub struct ExternalPageUpdate {
    /// Named so as not to hide a property called `body` behind `Deref`.
    pub(crate) raw: ::intercom_openapi::types::UpdateExternalPageRequest,
}
impl ExternalPageUpdate {
    ///`ai_agent_availability`: Whether the external page should be used to answer questions by AI Agent (version Preview).
    pub fn ai_agent_availability(
        mut self,
        value: impl ::std::convert::Into<bool>,
    ) -> Self {
        self.raw.ai_agent_availability = ::std::option::Option::Some(value.into());
        self
    }
    ///`ai_copilot_availability`: Whether the external page should be used to answer questions by AI Copilot (version Preview).
    pub fn ai_copilot_availability(
        mut self,
        value: impl ::std::convert::Into<bool>,
    ) -> Self {
        self.raw.ai_copilot_availability = ::std::option::Option::Some(value.into());
        self
    }
    ///`ai_sales_agent_availability`: Whether the external page should be used to answer questions by AI Sales Agent (version Preview).
    pub fn ai_sales_agent_availability(
        mut self,
        value: impl ::std::convert::Into<bool>,
    ) -> Self {
        self.raw.ai_sales_agent_availability = ::std::option::Option::Some(value.into());
        self
    }
    ///`external_id`: The identifier for the external page which was given by the source. Must be unique for the source.
    pub fn external_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.external_id = ::std::option::Option::Some(value.into());
        self
    }
    ///`fin_availability`: Whether the external page should be used to answer questions by Fin.
    pub fn fin_availability(mut self, value: impl ::std::convert::Into<bool>) -> Self {
        self.raw.fin_availability = ::std::option::Option::Some(value.into());
        self
    }
    ///`html`: The body of the external page in HTML.
    pub fn html(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.html = value.into();
        self
    }
    ///`locale`: Always en
    pub fn locale(
        mut self,
        value: impl ::std::convert::Into<::intercom_openapi::open_enums::Locale>,
    ) -> Self {
        self.raw.locale = value.into();
        self
    }
    ///`source_id`: The unique identifier for the source of the external page which was given by Intercom. Every external page must be associated with a Content Import Source which represents the place it comes from and from which it inherits a default audience (configured in the UI). For a new source, make a POST request to the Content Import Source endpoint and an ID for the source will be returned in the response.
    pub fn source_id(
        mut self,
        value: impl ::std::convert::Into<::intercom_openapi::ids::ContentImportSourceId>,
    ) -> Self {
        self.raw.source_id = value.into();
        self
    }
    ///`title`: The title of the external page.
    pub fn title(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.title = value.into();
        self
    }
    ///`url`: The URL of the external page. This will be used by Fin to link end users to the page it based its answer on.
    pub fn url(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.raw.url = value.into();
        self
    }
    /// The body as it stands (not validated).
    pub fn into_body(self) -> ::intercom_openapi::types::UpdateExternalPageRequest {
        self.raw
    }
}
impl ::std::convert::From<::intercom_openapi::types::UpdateExternalPageRequest>
for ExternalPageUpdate {
    fn from(body: ::intercom_openapi::types::UpdateExternalPageRequest) -> Self {
        ExternalPageUpdate { raw: body }
    }
}
impl ::std::ops::Deref for ExternalPageUpdate {
    type Target = ::intercom_openapi::types::UpdateExternalPageRequest;
    fn deref(&self) -> &Self::Target {
        &self.raw
    }
}
