//! Calls the generated client for a documented case: one arm per operation, turning the
//! example's path parameters and request body into the generated types.

// progenitor's `Error` is large; the results are compared once and dropped.
#![allow(clippy::result_large_err)]

use intercom_openapi::open_enums::IntercomVersion;
use intercom_openapi::types::{self, ErrorList};
use intercom_openapi::{Client, Error, ResponseValue};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::examples::Case;

/// What a call gave back: the typed response serialized to JSON, or the client's error.
pub type Outcome = Result<Value, Error<ErrorList>>;

/// Sends `case`'s documented request through the generated client.
pub async fn call(client: &Client, case: &Case) -> Outcome {
    let v = IntercomVersion::from(case.version.as_str());
    match case.operation_id.as_str() {
        "listContentImportSources" => json(
            client
                .list_content_import_sources()
                .intercom_version(v)
                .send()
                .await,
        ),
        "createContentImportSource" => json(
            client
                .create_content_import_source()
                .intercom_version(v)
                .body(body::<types::CreateContentImportSourceRequest>(case))
                .send()
                .await,
        ),
        "getContentImportSource" => json(
            client
                .get_content_import_source()
                .id(param::<i64>(case, "id"))
                .intercom_version(v)
                .send()
                .await,
        ),
        "updateContentImportSource" => json(
            client
                .update_content_import_source()
                .id(param::<i64>(case, "id"))
                .intercom_version(v)
                .body(body::<types::UpdateContentImportSourceRequest>(case))
                .send()
                .await,
        ),
        "deleteContentImportSource" => json(
            client
                .delete_content_import_source()
                .id(param::<i64>(case, "id"))
                .intercom_version(v)
                .send()
                .await,
        ),
        "listExternalPages" => json(
            client
                .list_external_pages()
                .intercom_version(v)
                .send()
                .await,
        ),
        "createExternalPage" => json(
            client
                .create_external_page()
                .intercom_version(v)
                .body(body::<types::CreateExternalPageRequest>(case))
                .send()
                .await,
        ),
        "getExternalPage" => json(
            client
                .get_external_page()
                .id(param::<String>(case, "id"))
                .intercom_version(v)
                .send()
                .await,
        ),
        "updateExternalPage" => json(
            client
                .update_external_page()
                .id(param::<String>(case, "id"))
                .intercom_version(v)
                .body(body::<types::UpdateExternalPageRequest>(case))
                .send()
                .await,
        ),
        "deleteExternalPage" => json(
            client
                .delete_external_page()
                .id(param::<String>(case, "id"))
                .intercom_version(v)
                .send()
                .await,
        ),
        "listNotes" => json(
            client
                .list_notes()
                .id(param::<String>(case, "id"))
                .intercom_version(v)
                .send()
                .await,
        ),
        "createNote" => json(
            client
                .create_note()
                .id(param::<String>(case, "id"))
                .intercom_version(v)
                .body(body::<types::CreateNoteRequest>(case))
                .send()
                .await,
        ),
        "retrieveNote" => json(
            client
                .retrieve_note()
                .id(param::<String>(case, "id"))
                .intercom_version(v)
                .send()
                .await,
        ),
        "listCompanyNotes" => json(
            client
                .list_company_notes()
                .id(param::<String>(case, "id"))
                .intercom_version(v)
                .send()
                .await,
        ),
        "createCompanyNote" => json(
            client
                .create_company_note()
                .id(param::<String>(case, "id"))
                .intercom_version(v)
                .body(body::<types::CreateCompanyNoteRequest>(case))
                .send()
                .await,
        ),
        other => panic!("{case}: no replay for operation {other}; add an arm to replay::call"),
    }
}

fn json<T: Serialize>(result: Result<ResponseValue<T>, Error<ErrorList>>) -> Outcome {
    result.map(|response| {
        serde_json::to_value(response.into_inner()).expect("typed responses serialize")
    })
}

/// The case's request example, as the operation's generated body type. Failing here means
/// the generated types cannot even hold the documented request.
pub fn body<T: DeserializeOwned>(case: &Case) -> T {
    let request = case.request.clone().unwrap_or_else(|| {
        panic!("{case}: the operation takes a body but documents no request example")
    });
    serde_json::from_value(request).unwrap_or_else(|e| {
        panic!(
            "{case}: request example {:?} does not fit the generated type: {e}",
            case.request_name
        )
    })
}

/// A path parameter's documented example, as the operation's type for it.
pub fn param<T: DeserializeOwned>(case: &Case, name: &str) -> T {
    serde_json::from_value(case.param(name).clone())
        .unwrap_or_else(|e| panic!("{case}: path parameter {name} has the wrong type: {e}"))
}
