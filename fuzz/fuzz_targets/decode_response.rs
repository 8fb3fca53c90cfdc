//! Any response (status, rate-limit and request-id headers, body) through the client's
//! decoding: success decoders, pagination, error classification, retry decision.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Response {
    status: u16,
    retry_after: Option<Vec<u8>>,
    reset: Option<Vec<u8>>,
    remaining: Option<Vec<u8>>,
    request_id: Option<Vec<u8>>,
    body: Vec<u8>,
}

fuzz_target!(|r: Response| {
    let headers: Vec<(String, Vec<u8>)> = [
        ("retry-after", r.retry_after),
        ("x-ratelimit-reset", r.reset),
        ("x-ratelimit-remaining", r.remaining),
        ("x-request-id", r.request_id),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.map(|v| (name.to_owned(), v)))
    .collect();
    intercom_client::fuzzing::decode_response(r.status, &headers, &r.body);
});
