// @generated: every operation of the spec, for the runtime to execute, from openapi/intercom.yaml by `cargo xtask regen`. Do not edit: change the spec and regenerate.

///The `minimum` of the `page` parameter (`Page`).
pub const PAGE_MINIMUM: i64 = 1;
///The `minimum` of the `per_page` parameter (`PerPage`).
pub const PER_PAGE_MINIMUM: i64 = 1;
///The `maximum` of the `per_page` parameter (`PerPage`).
pub const PER_PAGE_MAXIMUM: i64 = 150;
///List content import sources: `GET /ai/content_import_sources`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct ListContentImportSources {
    ///The page of results to fetch (not in the reference; see NOTES.md).
    pub page: ::std::option::Option<i64>,
    ///How many items a page holds, at most 150 (not in the reference; see NOTES.md).
    pub per_page: ::std::option::Option<i64>,
}
impl crate::operation::Operation for ListContentImportSources {
    type Body = ();
    type Output = crate::types::ContentImportSourcesList;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "listContentImportSources",
        method: ::reqwest::Method::GET,
        path: "/ai/content_import_sources",
        path_params: &[],
        query_params: &["page", "per_page"],
        body: ::std::option::Option::None,
        output: ::std::option::Option::Some("ContentImportSourcesList"),
        success: &[200u16],
        idempotent: true,
        min_version: ::std::option::Option::None,
    };
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut query = ::std::vec::Vec::new();
        if let ::std::option::Option::Some(value) = &self.page {
            query.push(("page", value.to_string()));
        }
        if let ::std::option::Option::Some(value) = &self.per_page {
            query.push(("per_page", value.to_string()));
        }
        query
    }
}
///Create a content import source: `POST /ai/content_import_sources`.
///
///Not idempotent (`x-idempotent: false`): the runtime never sends it twice.
#[derive(Clone, Debug, PartialEq)]
pub struct CreateContentImportSource {
    ///The request body (`CreateContentImportSourceRequest`).
    pub body: crate::types::CreateContentImportSourceRequest,
}
impl crate::operation::Operation for CreateContentImportSource {
    type Body = crate::types::CreateContentImportSourceRequest;
    type Output = crate::types::ContentImportSource;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "createContentImportSource",
        method: ::reqwest::Method::POST,
        path: "/ai/content_import_sources",
        path_params: &[],
        query_params: &[],
        body: ::std::option::Option::Some("CreateContentImportSourceRequest"),
        output: ::std::option::Option::Some("ContentImportSource"),
        success: &[200u16],
        idempotent: false,
        min_version: ::std::option::Option::None,
    };
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        ::std::option::Option::Some(&self.body)
    }
}
///Retrieve a content import source: `GET /ai/content_import_sources/{id}`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct GetContentImportSource {
    ///The unique identifier for the content import source which is given by Intercom.
    pub id: crate::ids::ContentImportSourceId,
}
impl crate::operation::Operation for GetContentImportSource {
    type Body = ();
    type Output = crate::types::ContentImportSource;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "getContentImportSource",
        method: ::reqwest::Method::GET,
        path: "/ai/content_import_sources/{id}",
        path_params: &["id"],
        query_params: &[],
        body: ::std::option::Option::None,
        output: ::std::option::Option::Some("ContentImportSource"),
        success: &[200u16],
        idempotent: true,
        min_version: ::std::option::Option::None,
    };
    fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
        ::std::vec![self.id.to_string()]
    }
}
///Update a content import source: `PUT /ai/content_import_sources/{id}`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateContentImportSource {
    ///The unique identifier for the content import source which is given by Intercom.
    pub id: crate::ids::ContentImportSourceId,
    ///The request body (`UpdateContentImportSourceRequest`).
    pub body: crate::types::UpdateContentImportSourceRequest,
}
impl crate::operation::Operation for UpdateContentImportSource {
    type Body = crate::types::UpdateContentImportSourceRequest;
    type Output = crate::types::ContentImportSource;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "updateContentImportSource",
        method: ::reqwest::Method::PUT,
        path: "/ai/content_import_sources/{id}",
        path_params: &["id"],
        query_params: &[],
        body: ::std::option::Option::Some("UpdateContentImportSourceRequest"),
        output: ::std::option::Option::Some("ContentImportSource"),
        success: &[200u16],
        idempotent: true,
        min_version: ::std::option::Option::None,
    };
    fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
        ::std::vec![self.id.to_string()]
    }
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        ::std::option::Option::Some(&self.body)
    }
}
///Delete a content import source: `DELETE /ai/content_import_sources/{id}`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct DeleteContentImportSource {
    ///The unique identifier for the content import source which is given by Intercom.
    pub id: crate::ids::ContentImportSourceId,
}
impl crate::operation::Operation for DeleteContentImportSource {
    type Body = ();
    type Output = ();
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "deleteContentImportSource",
        method: ::reqwest::Method::DELETE,
        path: "/ai/content_import_sources/{id}",
        path_params: &["id"],
        query_params: &[],
        body: ::std::option::Option::None,
        output: ::std::option::Option::None,
        success: &[204u16],
        idempotent: true,
        min_version: ::std::option::Option::None,
    };
    fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
        ::std::vec![self.id.to_string()]
    }
    fn decode(body: &[u8]) -> ::serde_json::Result<Self::Output> {
        let _ = body;
        Ok(())
    }
}
///List external pages: `GET /ai/external_pages`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct ListExternalPages {
    ///The page of results to fetch (not in the reference; see NOTES.md).
    pub page: ::std::option::Option<i64>,
    ///How many items a page holds, at most 150 (not in the reference; see NOTES.md).
    pub per_page: ::std::option::Option<i64>,
}
impl crate::operation::Operation for ListExternalPages {
    type Body = ();
    type Output = crate::types::ExternalPagesList;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "listExternalPages",
        method: ::reqwest::Method::GET,
        path: "/ai/external_pages",
        path_params: &[],
        query_params: &["page", "per_page"],
        body: ::std::option::Option::None,
        output: ::std::option::Option::Some("ExternalPagesList"),
        success: &[200u16],
        idempotent: true,
        min_version: ::std::option::Option::None,
    };
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut query = ::std::vec::Vec::new();
        if let ::std::option::Option::Some(value) = &self.page {
            query.push(("page", value.to_string()));
        }
        if let ::std::option::Option::Some(value) = &self.per_page {
            query.push(("per_page", value.to_string()));
        }
        query
    }
}
///Create an external page (or update an external page by external ID): `POST /ai/external_pages`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct CreateExternalPage {
    ///The request body (`CreateExternalPageRequest`).
    pub body: crate::types::CreateExternalPageRequest,
}
impl crate::operation::Operation for CreateExternalPage {
    type Body = crate::types::CreateExternalPageRequest;
    type Output = crate::types::ExternalPage;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "createExternalPage",
        method: ::reqwest::Method::POST,
        path: "/ai/external_pages",
        path_params: &[],
        query_params: &[],
        body: ::std::option::Option::Some("CreateExternalPageRequest"),
        output: ::std::option::Option::Some("ExternalPage"),
        success: &[200u16],
        idempotent: true,
        min_version: ::std::option::Option::None,
    };
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        ::std::option::Option::Some(&self.body)
    }
}
///Retrieve an external page: `GET /ai/external_pages/{id}`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct GetExternalPage {
    ///The unique identifier for the external page which is given by Intercom.
    pub id: crate::ids::ExternalPageId,
}
impl crate::operation::Operation for GetExternalPage {
    type Body = ();
    type Output = crate::types::ExternalPage;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "getExternalPage",
        method: ::reqwest::Method::GET,
        path: "/ai/external_pages/{id}",
        path_params: &["id"],
        query_params: &[],
        body: ::std::option::Option::None,
        output: ::std::option::Option::Some("ExternalPage"),
        success: &[200u16],
        idempotent: true,
        min_version: ::std::option::Option::None,
    };
    fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
        ::std::vec![self.id.to_string()]
    }
}
///Update an external page: `PUT /ai/external_pages/{id}`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateExternalPage {
    ///The unique identifier for the external page which is given by Intercom.
    pub id: crate::ids::ExternalPageId,
    ///The request body (`UpdateExternalPageRequest`).
    pub body: crate::types::UpdateExternalPageRequest,
}
impl crate::operation::Operation for UpdateExternalPage {
    type Body = crate::types::UpdateExternalPageRequest;
    type Output = crate::types::ExternalPage;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "updateExternalPage",
        method: ::reqwest::Method::PUT,
        path: "/ai/external_pages/{id}",
        path_params: &["id"],
        query_params: &[],
        body: ::std::option::Option::Some("UpdateExternalPageRequest"),
        output: ::std::option::Option::Some("ExternalPage"),
        success: &[200u16],
        idempotent: true,
        min_version: ::std::option::Option::None,
    };
    fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
        ::std::vec![self.id.to_string()]
    }
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        ::std::option::Option::Some(&self.body)
    }
}
///Delete an external page: `DELETE /ai/external_pages/{id}`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct DeleteExternalPage {
    ///The unique identifier for the external page which is given by Intercom.
    pub id: crate::ids::ExternalPageId,
}
impl crate::operation::Operation for DeleteExternalPage {
    type Body = ();
    type Output = crate::types::ExternalPage;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "deleteExternalPage",
        method: ::reqwest::Method::DELETE,
        path: "/ai/external_pages/{id}",
        path_params: &["id"],
        query_params: &[],
        body: ::std::option::Option::None,
        output: ::std::option::Option::Some("ExternalPage"),
        success: &[200u16],
        idempotent: true,
        min_version: ::std::option::Option::None,
    };
    fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
        ::std::vec![self.id.to_string()]
    }
}
///List all company notes: `GET /companies/{id}/notes`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct ListCompanyNotes {
    ///The unique identifier for the company which is given by Intercom.
    pub id: crate::ids::CompanyId,
    ///The page of results to fetch (not in the reference; see NOTES.md).
    pub page: ::std::option::Option<i64>,
    ///How many items a page holds, at most 150 (not in the reference; see NOTES.md).
    pub per_page: ::std::option::Option<i64>,
}
impl crate::operation::Operation for ListCompanyNotes {
    type Body = ();
    type Output = crate::types::NoteList;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "listCompanyNotes",
        method: ::reqwest::Method::GET,
        path: "/companies/{id}/notes",
        path_params: &["id"],
        query_params: &["page", "per_page"],
        body: ::std::option::Option::None,
        output: ::std::option::Option::Some("NoteList"),
        success: &[200u16],
        idempotent: true,
        min_version: ::std::option::Option::Some("2.15"),
    };
    fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
        ::std::vec![self.id.to_string()]
    }
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut query = ::std::vec::Vec::new();
        if let ::std::option::Option::Some(value) = &self.page {
            query.push(("page", value.to_string()));
        }
        if let ::std::option::Option::Some(value) = &self.per_page {
            query.push(("per_page", value.to_string()));
        }
        query
    }
}
///Create a company note: `POST /companies/{id}/notes`.
///
///Not idempotent (`x-idempotent: false`): the runtime never sends it twice.
#[derive(Clone, Debug, PartialEq)]
pub struct CreateCompanyNote {
    ///The unique identifier for the company which is given by Intercom.
    pub id: crate::ids::CompanyId,
    ///The request body (`CreateCompanyNoteRequest`).
    pub body: crate::types::CreateCompanyNoteRequest,
}
impl crate::operation::Operation for CreateCompanyNote {
    type Body = crate::types::CreateCompanyNoteRequest;
    type Output = crate::types::Note;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "createCompanyNote",
        method: ::reqwest::Method::POST,
        path: "/companies/{id}/notes",
        path_params: &["id"],
        query_params: &[],
        body: ::std::option::Option::Some("CreateCompanyNoteRequest"),
        output: ::std::option::Option::Some("Note"),
        success: &[200u16],
        idempotent: false,
        min_version: ::std::option::Option::Some("2.16"),
    };
    fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
        ::std::vec![self.id.to_string()]
    }
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        ::std::option::Option::Some(&self.body)
    }
}
///List all notes: `GET /contacts/{id}/notes`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct ListNotes {
    ///The unique identifier of a contact.
    pub id: crate::ids::ContactId,
    ///The page of results to fetch (not in the reference; see NOTES.md).
    pub page: ::std::option::Option<i64>,
    ///How many items a page holds, at most 150 (not in the reference; see NOTES.md).
    pub per_page: ::std::option::Option<i64>,
}
impl crate::operation::Operation for ListNotes {
    type Body = ();
    type Output = crate::types::NoteList;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "listNotes",
        method: ::reqwest::Method::GET,
        path: "/contacts/{id}/notes",
        path_params: &["id"],
        query_params: &["page", "per_page"],
        body: ::std::option::Option::None,
        output: ::std::option::Option::Some("NoteList"),
        success: &[200u16],
        idempotent: true,
        min_version: ::std::option::Option::None,
    };
    fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
        ::std::vec![self.id.to_string()]
    }
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut query = ::std::vec::Vec::new();
        if let ::std::option::Option::Some(value) = &self.page {
            query.push(("page", value.to_string()));
        }
        if let ::std::option::Option::Some(value) = &self.per_page {
            query.push(("per_page", value.to_string()));
        }
        query
    }
}
///Create a note: `POST /contacts/{id}/notes`.
///
///Not idempotent (`x-idempotent: false`): the runtime never sends it twice.
#[derive(Clone, Debug, PartialEq)]
pub struct CreateNote {
    ///The unique identifier of a given contact.
    pub id: crate::ids::ContactId,
    ///The request body (`CreateNoteRequest`).
    pub body: crate::types::CreateNoteRequest,
}
impl crate::operation::Operation for CreateNote {
    type Body = crate::types::CreateNoteRequest;
    type Output = crate::types::Note;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "createNote",
        method: ::reqwest::Method::POST,
        path: "/contacts/{id}/notes",
        path_params: &["id"],
        query_params: &[],
        body: ::std::option::Option::Some("CreateNoteRequest"),
        output: ::std::option::Option::Some("Note"),
        success: &[200u16],
        idempotent: false,
        min_version: ::std::option::Option::None,
    };
    fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
        ::std::vec![self.id.to_string()]
    }
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        ::std::option::Option::Some(&self.body)
    }
}
///Retrieve a note: `GET /notes/{id}`.
///
///Idempotent (`x-idempotent: true`): the runtime may send it again after a failure.
#[derive(Clone, Debug, PartialEq)]
pub struct RetrieveNote {
    ///The unique identifier of a given note.
    pub id: crate::ids::NoteId,
}
impl crate::operation::Operation for RetrieveNote {
    type Body = ();
    type Output = crate::types::Note;
    const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
        id: "retrieveNote",
        method: ::reqwest::Method::GET,
        path: "/notes/{id}",
        path_params: &["id"],
        query_params: &[],
        body: ::std::option::Option::None,
        output: ::std::option::Option::Some("Note"),
        success: &[200u16],
        idempotent: true,
        min_version: ::std::option::Option::None,
    };
    fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
        ::std::vec![self.id.to_string()]
    }
}
/// Every operation's description, in the spec's order.
pub const ALL: &[&crate::operation::OperationInfo] = &[
    &<ListContentImportSources as crate::operation::Operation>::INFO,
    &<CreateContentImportSource as crate::operation::Operation>::INFO,
    &<GetContentImportSource as crate::operation::Operation>::INFO,
    &<UpdateContentImportSource as crate::operation::Operation>::INFO,
    &<DeleteContentImportSource as crate::operation::Operation>::INFO,
    &<ListExternalPages as crate::operation::Operation>::INFO,
    &<CreateExternalPage as crate::operation::Operation>::INFO,
    &<GetExternalPage as crate::operation::Operation>::INFO,
    &<UpdateExternalPage as crate::operation::Operation>::INFO,
    &<DeleteExternalPage as crate::operation::Operation>::INFO,
    &<ListCompanyNotes as crate::operation::Operation>::INFO,
    &<CreateCompanyNote as crate::operation::Operation>::INFO,
    &<ListNotes as crate::operation::Operation>::INFO,
    &<CreateNote as crate::operation::Operation>::INFO,
    &<RetrieveNote as crate::operation::Operation>::INFO,
];
