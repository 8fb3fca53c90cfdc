//! Typed ids: an integer source id cannot be passed where a page id is expected.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// The id Intercom gives a content import source (an integer on the wire).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ContentImportSourceId(i64);

impl ContentImportSourceId {
    /// Wraps a raw id.
    pub const fn new(id: i64) -> Self {
        ContentImportSourceId(id)
    }

    /// The raw id.
    pub const fn get(self) -> i64 {
        self.0
    }
}

impl From<i64> for ContentImportSourceId {
    fn from(id: i64) -> Self {
        ContentImportSourceId(id)
    }
}

impl fmt::Display for ContentImportSourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for ContentImportSourceId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Integers by the reference; a numeric string is tolerated rather than failing a page.
        match IntOrString::deserialize(deserializer)? {
            IntOrString::Int(id) => Ok(ContentImportSourceId(id)),
            IntOrString::String(text) => text.parse().map(ContentImportSourceId).map_err(|_| {
                serde::de::Error::custom("content import source id is not an integer")
            }),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum IntOrString {
    Int(i64),
    String(String),
}

/// Declares a string id newtype. Deserializing accepts an integer too: Intercom sends some
/// ids as numbers in one place and strings in another.
macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a raw id.
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            /// The raw id.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                $name(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                $name(id.to_owned())
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                Ok(match IntOrString::deserialize(deserializer)? {
                    IntOrString::Int(id) => $name(id.to_string()),
                    IntOrString::String(id) => $name(id),
                })
            }
        }
    };
}

string_id! {
    /// The id Intercom gives an external page (a string on the wire).
    ExternalPageId
}

string_id! {
    /// The id of a contact (a hex string such as `214656d0c743eafcfde7f248`).
    ContactId
}

string_id! {
    /// The id of a note.
    NoteId
}

string_id! {
    /// The id of an admin (a teammate), for example a note's author.
    AdminId
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_ids_accept_numbers() {
        let id: NoteId = serde_json::from_str("17495962").unwrap();
        assert_eq!(id.as_str(), "17495962");
        let id: ExternalPageId = serde_json::from_str("\"21\"").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"21\"");
    }

    #[test]
    fn source_ids_are_integers() {
        let id: ContentImportSourceId = serde_json::from_str("36").unwrap();
        assert_eq!(id.get(), 36);
        assert_eq!(serde_json::to_string(&id).unwrap(), "36");
        assert!(serde_json::from_str::<ContentImportSourceId>("\"abc\"").is_err());
    }
}
