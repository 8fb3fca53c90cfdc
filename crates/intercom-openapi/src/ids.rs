//! Typed ids: an integer source id cannot be passed where a page id is expected.
//!
//! The spec names each id schema (`ExternalPageId`, `ContentImportSourceId`, …) and
//! `cargo xtask regen` maps those names onto these types, so every generated model, request
//! body and path parameter uses them.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
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

impl FromStr for ContentImportSourceId {
    type Err = std::num::ParseIntError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(ContentImportSourceId)
    }
}

impl<'de> Deserialize<'de> for ContentImportSourceId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // An integer by the spec; a numeric string is tolerated rather than failing a page.
        struct IntegerId;
        impl Visitor<'_> for IntegerId {
            type Value = ContentImportSourceId;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer content import source id")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(ContentImportSourceId(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                i64::try_from(v)
                    .map(ContentImportSourceId)
                    .map_err(|_| E::custom("content import source id is out of range"))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                v.parse()
                    .map(ContentImportSourceId)
                    .map_err(|_| E::custom("content import source id is not an integer"))
            }
        }
        deserializer.deserialize_any(IntegerId)
    }
}

/// Reads a string id that Intercom may also send as a number. A visitor rather than an
/// untagged enum: untagged buffers every value first, which showed in profiles of big lists.
struct StringId;

impl Visitor<'_> for StringId {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or integer id")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
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

        impl From<&String> for $name {
            fn from(id: &String) -> Self {
                $name(id.clone())
            }
        }

        impl FromStr for $name {
            type Err = std::convert::Infallible;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok($name(s.to_owned()))
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
                deserializer.deserialize_any(StringId).map($name)
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
    /// The id Intercom gives a company (a hex string such as `6762f0dd1bb69f9f2193bb83`).
    CompanyId
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
        assert!(serde_json::from_str::<ContactId>("true").is_err());
    }

    #[test]
    fn source_ids_are_integers() {
        let id: ContentImportSourceId = serde_json::from_str("36").unwrap();
        assert_eq!(id.get(), 36);
        assert_eq!(serde_json::to_string(&id).unwrap(), "36");
        assert_eq!(
            serde_json::from_str::<ContentImportSourceId>("\"37\"")
                .unwrap()
                .get(),
            37
        );
        assert!(serde_json::from_str::<ContentImportSourceId>("\"abc\"").is_err());
        assert!(serde_json::from_str::<ContentImportSourceId>("1.5").is_err());
    }
}
