// @generated: httpmock helpers for the low-level Intercom client, from openapi/intercom.yaml by `cargo xtask regen`. Do not edit: change the spec and regenerate.

pub mod operations {
    //! [`When`](::httpmock::When) and [`Then`](::httpmock::Then)
    //! wrappers for each operation. Each can be converted to
    //! its inner type with a call to `into_inner()`. This can
    //! be used to explicitly deviate from permitted values.
    use intercom_openapi::*;
    pub struct ListContentImportSourcesWhen(::httpmock::When);
    impl ListContentImportSourcesWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(
                        regex::Regex::new("^/ai/content_import_sources$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn page<T>(self, value: T) -> Self
        where
            T: Into<Option<::std::num::NonZeroU64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("page", value.to_string()))
            } else {
                Self(self.0.query_param_missing("page"))
            }
        }
        pub fn per_page<T>(self, value: T) -> Self
        where
            T: Into<Option<::std::num::NonZeroU64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("per_page", value.to_string()))
            } else {
                Self(self.0.query_param_missing("per_page"))
            }
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
    }
    pub struct ListContentImportSourcesThen(::httpmock::Then);
    impl ListContentImportSourcesThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ContentImportSourcesList) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
        /// Answers 200 with a list of `items`, and `next` (the next page's URL, or for
        /// notes its cursor) when there is one.
        pub fn ok_list(
            self,
            items: Vec<<types::ContentImportSourcesList as crate::ListEnvelope>::Item>,
            next: Option<&str>,
        ) -> Self {
            self.ok(
                &<types::ContentImportSourcesList as crate::ListEnvelope>::envelope(
                    items,
                    next,
                ),
            )
        }
    }
    pub struct CreateContentImportSourceWhen(::httpmock::When);
    impl CreateContentImportSourceWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(
                        regex::Regex::new("^/ai/content_import_sources$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
        pub fn body(self, value: &types::CreateContentImportSourceRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct CreateContentImportSourceThen(::httpmock::Then);
    impl CreateContentImportSourceThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ContentImportSource) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    }
    pub struct GetContentImportSourceWhen(::httpmock::When);
    impl GetContentImportSourceWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(
                        regex::Regex::new("^/ai/content_import_sources/[^/]*$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &intercom_openapi::ids::ContentImportSourceId) -> Self {
            let re = regex::Regex::new(
                    &format!("^/ai/content_import_sources/{}$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
    }
    pub struct GetContentImportSourceThen(::httpmock::Then);
    impl GetContentImportSourceThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ContentImportSource) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    }
    pub struct UpdateContentImportSourceWhen(::httpmock::When);
    impl UpdateContentImportSourceWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::PUT)
                    .path_matches(
                        regex::Regex::new("^/ai/content_import_sources/[^/]*$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &intercom_openapi::ids::ContentImportSourceId) -> Self {
            let re = regex::Regex::new(
                    &format!("^/ai/content_import_sources/{}$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
        pub fn body(self, value: &types::UpdateContentImportSourceRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct UpdateContentImportSourceThen(::httpmock::Then);
    impl UpdateContentImportSourceThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ContentImportSource) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    }
    pub struct DeleteContentImportSourceWhen(::httpmock::When);
    impl DeleteContentImportSourceWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::DELETE)
                    .path_matches(
                        regex::Regex::new("^/ai/content_import_sources/[^/]*$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &intercom_openapi::ids::ContentImportSourceId) -> Self {
            let re = regex::Regex::new(
                    &format!("^/ai/content_import_sources/{}$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
    }
    pub struct DeleteContentImportSourceThen(::httpmock::Then);
    impl DeleteContentImportSourceThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn no_content(self) -> Self {
            Self(self.0.status(204u16))
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    }
    pub struct ListExternalPagesWhen(::httpmock::When);
    impl ListExternalPagesWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(regex::Regex::new("^/ai/external_pages$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn page<T>(self, value: T) -> Self
        where
            T: Into<Option<::std::num::NonZeroU64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("page", value.to_string()))
            } else {
                Self(self.0.query_param_missing("page"))
            }
        }
        pub fn per_page<T>(self, value: T) -> Self
        where
            T: Into<Option<::std::num::NonZeroU64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("per_page", value.to_string()))
            } else {
                Self(self.0.query_param_missing("per_page"))
            }
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
    }
    pub struct ListExternalPagesThen(::httpmock::Then);
    impl ListExternalPagesThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ExternalPagesList) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
        /// Answers 200 with a list of `items`, and `next` (the next page's URL, or for
        /// notes its cursor) when there is one.
        pub fn ok_list(
            self,
            items: Vec<<types::ExternalPagesList as crate::ListEnvelope>::Item>,
            next: Option<&str>,
        ) -> Self {
            self.ok(
                &<types::ExternalPagesList as crate::ListEnvelope>::envelope(items, next),
            )
        }
    }
    pub struct CreateExternalPageWhen(::httpmock::When);
    impl CreateExternalPageWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(regex::Regex::new("^/ai/external_pages$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
        pub fn body(self, value: &types::CreateExternalPageRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct CreateExternalPageThen(::httpmock::Then);
    impl CreateExternalPageThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ExternalPage) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    }
    pub struct GetExternalPageWhen(::httpmock::When);
    impl GetExternalPageWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(
                        regex::Regex::new("^/ai/external_pages/[^/]*$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &intercom_openapi::ids::ExternalPageId) -> Self {
            let re = regex::Regex::new(
                    &format!("^/ai/external_pages/{}$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
    }
    pub struct GetExternalPageThen(::httpmock::Then);
    impl GetExternalPageThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ExternalPage) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    }
    pub struct UpdateExternalPageWhen(::httpmock::When);
    impl UpdateExternalPageWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::PUT)
                    .path_matches(
                        regex::Regex::new("^/ai/external_pages/[^/]*$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &intercom_openapi::ids::ExternalPageId) -> Self {
            let re = regex::Regex::new(
                    &format!("^/ai/external_pages/{}$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
        pub fn body(self, value: &types::UpdateExternalPageRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct UpdateExternalPageThen(::httpmock::Then);
    impl UpdateExternalPageThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ExternalPage) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    }
    pub struct DeleteExternalPageWhen(::httpmock::When);
    impl DeleteExternalPageWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::DELETE)
                    .path_matches(
                        regex::Regex::new("^/ai/external_pages/[^/]*$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &intercom_openapi::ids::ExternalPageId) -> Self {
            let re = regex::Regex::new(
                    &format!("^/ai/external_pages/{}$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
    }
    pub struct DeleteExternalPageThen(::httpmock::Then);
    impl DeleteExternalPageThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ExternalPage) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    }
    pub struct ListCompanyNotesWhen(::httpmock::When);
    impl ListCompanyNotesWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(regex::Regex::new("^/companies/[^/]*/notes$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &intercom_openapi::ids::CompanyId) -> Self {
            let re = regex::Regex::new(
                    &format!("^/companies/{}/notes$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        pub fn page<T>(self, value: T) -> Self
        where
            T: Into<Option<::std::num::NonZeroU64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("page", value.to_string()))
            } else {
                Self(self.0.query_param_missing("page"))
            }
        }
        pub fn per_page<T>(self, value: T) -> Self
        where
            T: Into<Option<::std::num::NonZeroU64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("per_page", value.to_string()))
            } else {
                Self(self.0.query_param_missing("per_page"))
            }
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
    }
    pub struct ListCompanyNotesThen(::httpmock::Then);
    impl ListCompanyNotesThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::NoteList) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
        /// Answers 200 with a list of `items`, and `next` (the next page's URL, or for
        /// notes its cursor) when there is one.
        pub fn ok_list(
            self,
            items: Vec<<types::NoteList as crate::ListEnvelope>::Item>,
            next: Option<&str>,
        ) -> Self {
            self.ok(&<types::NoteList as crate::ListEnvelope>::envelope(items, next))
        }
    }
    pub struct CreateCompanyNoteWhen(::httpmock::When);
    impl CreateCompanyNoteWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(regex::Regex::new("^/companies/[^/]*/notes$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &intercom_openapi::ids::CompanyId) -> Self {
            let re = regex::Regex::new(
                    &format!("^/companies/{}/notes$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
        pub fn body(self, value: &types::CreateCompanyNoteRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct CreateCompanyNoteThen(::httpmock::Then);
    impl CreateCompanyNoteThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::Note) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    }
    pub struct ListNotesWhen(::httpmock::When);
    impl ListNotesWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(regex::Regex::new("^/contacts/[^/]*/notes$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &intercom_openapi::ids::ContactId) -> Self {
            let re = regex::Regex::new(
                    &format!("^/contacts/{}/notes$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        pub fn page<T>(self, value: T) -> Self
        where
            T: Into<Option<::std::num::NonZeroU64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("page", value.to_string()))
            } else {
                Self(self.0.query_param_missing("page"))
            }
        }
        pub fn per_page<T>(self, value: T) -> Self
        where
            T: Into<Option<::std::num::NonZeroU64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("per_page", value.to_string()))
            } else {
                Self(self.0.query_param_missing("per_page"))
            }
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
    }
    pub struct ListNotesThen(::httpmock::Then);
    impl ListNotesThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::NoteList) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
        /// Answers 200 with a list of `items`, and `next` (the next page's URL, or for
        /// notes its cursor) when there is one.
        pub fn ok_list(
            self,
            items: Vec<<types::NoteList as crate::ListEnvelope>::Item>,
            next: Option<&str>,
        ) -> Self {
            self.ok(&<types::NoteList as crate::ListEnvelope>::envelope(items, next))
        }
    }
    pub struct CreateNoteWhen(::httpmock::When);
    impl CreateNoteWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(regex::Regex::new("^/contacts/[^/]*/notes$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &intercom_openapi::ids::ContactId) -> Self {
            let re = regex::Regex::new(
                    &format!("^/contacts/{}/notes$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
        pub fn body(self, value: &types::CreateNoteRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct CreateNoteThen(::httpmock::Then);
    impl CreateNoteThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::Note) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    }
    pub struct RetrieveNoteWhen(::httpmock::When);
    impl RetrieveNoteWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(regex::Regex::new("^/notes/[^/]*$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &intercom_openapi::ids::NoteId) -> Self {
            let re = regex::Regex::new(&format!("^/notes/{}$", value.to_string()))
                .unwrap();
            Self(self.0.path_matches(re))
        }
        /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
        pub fn intercom_version<T>(self, value: T) -> Self
        where
            T: Into<intercom_openapi::open_enums::IntercomVersion>,
        {
            Self(self.0.header("Intercom-Version", value.into().to_string()))
        }
    }
    pub struct RetrieveNoteThen(::httpmock::Then);
    impl RetrieveNoteThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::Note) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorList) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorList) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    }
}
/// An extension trait for [`MockServer`](::httpmock::MockServer) that
/// adds a method for each operation. These are the equivalent of
/// type-checked [`mock()`](::httpmock::MockServer::mock) calls.
pub trait MockServerExt {
    fn list_content_import_sources<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::ListContentImportSourcesWhen,
            operations::ListContentImportSourcesThen,
        );
    fn create_content_import_source<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::CreateContentImportSourceWhen,
            operations::CreateContentImportSourceThen,
        );
    fn get_content_import_source<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::GetContentImportSourceWhen,
            operations::GetContentImportSourceThen,
        );
    fn update_content_import_source<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::UpdateContentImportSourceWhen,
            operations::UpdateContentImportSourceThen,
        );
    fn delete_content_import_source<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::DeleteContentImportSourceWhen,
            operations::DeleteContentImportSourceThen,
        );
    fn list_external_pages<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListExternalPagesWhen, operations::ListExternalPagesThen);
    fn create_external_page<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::CreateExternalPageWhen,
            operations::CreateExternalPageThen,
        );
    fn get_external_page<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetExternalPageWhen, operations::GetExternalPageThen);
    fn update_external_page<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::UpdateExternalPageWhen,
            operations::UpdateExternalPageThen,
        );
    fn delete_external_page<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::DeleteExternalPageWhen,
            operations::DeleteExternalPageThen,
        );
    fn list_company_notes<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListCompanyNotesWhen, operations::ListCompanyNotesThen);
    fn create_company_note<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::CreateCompanyNoteWhen, operations::CreateCompanyNoteThen);
    fn list_notes<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListNotesWhen, operations::ListNotesThen);
    fn create_note<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::CreateNoteWhen, operations::CreateNoteThen);
    fn retrieve_note<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::RetrieveNoteWhen, operations::RetrieveNoteThen);
}
impl MockServerExt for ::httpmock::MockServer {
    fn list_content_import_sources<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::ListContentImportSourcesWhen,
            operations::ListContentImportSourcesThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::ListContentImportSourcesWhen::new(when),
                operations::ListContentImportSourcesThen::new(then),
            )
        })
    }
    fn create_content_import_source<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::CreateContentImportSourceWhen,
            operations::CreateContentImportSourceThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::CreateContentImportSourceWhen::new(when),
                operations::CreateContentImportSourceThen::new(then),
            )
        })
    }
    fn get_content_import_source<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::GetContentImportSourceWhen,
            operations::GetContentImportSourceThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::GetContentImportSourceWhen::new(when),
                operations::GetContentImportSourceThen::new(then),
            )
        })
    }
    fn update_content_import_source<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::UpdateContentImportSourceWhen,
            operations::UpdateContentImportSourceThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::UpdateContentImportSourceWhen::new(when),
                operations::UpdateContentImportSourceThen::new(then),
            )
        })
    }
    fn delete_content_import_source<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::DeleteContentImportSourceWhen,
            operations::DeleteContentImportSourceThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::DeleteContentImportSourceWhen::new(when),
                operations::DeleteContentImportSourceThen::new(then),
            )
        })
    }
    fn list_external_pages<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListExternalPagesWhen, operations::ListExternalPagesThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::ListExternalPagesWhen::new(when),
                operations::ListExternalPagesThen::new(then),
            )
        })
    }
    fn create_external_page<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::CreateExternalPageWhen,
            operations::CreateExternalPageThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::CreateExternalPageWhen::new(when),
                operations::CreateExternalPageThen::new(then),
            )
        })
    }
    fn get_external_page<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetExternalPageWhen, operations::GetExternalPageThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::GetExternalPageWhen::new(when),
                operations::GetExternalPageThen::new(then),
            )
        })
    }
    fn update_external_page<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::UpdateExternalPageWhen,
            operations::UpdateExternalPageThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::UpdateExternalPageWhen::new(when),
                operations::UpdateExternalPageThen::new(then),
            )
        })
    }
    fn delete_external_page<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::DeleteExternalPageWhen,
            operations::DeleteExternalPageThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::DeleteExternalPageWhen::new(when),
                operations::DeleteExternalPageThen::new(then),
            )
        })
    }
    fn list_company_notes<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListCompanyNotesWhen, operations::ListCompanyNotesThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::ListCompanyNotesWhen::new(when),
                operations::ListCompanyNotesThen::new(then),
            )
        })
    }
    fn create_company_note<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::CreateCompanyNoteWhen, operations::CreateCompanyNoteThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::CreateCompanyNoteWhen::new(when),
                operations::CreateCompanyNoteThen::new(then),
            )
        })
    }
    fn list_notes<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListNotesWhen, operations::ListNotesThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::ListNotesWhen::new(when),
                operations::ListNotesThen::new(then),
            )
        })
    }
    fn create_note<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::CreateNoteWhen, operations::CreateNoteThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::CreateNoteWhen::new(when),
                operations::CreateNoteThen::new(then),
            )
        })
    }
    fn retrieve_note<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::RetrieveNoteWhen, operations::RetrieveNoteThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::RetrieveNoteWhen::new(when),
                operations::RetrieveNoteThen::new(then),
            )
        })
    }
}
