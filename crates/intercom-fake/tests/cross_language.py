"""Talks to a running intercom-fake with plain HTTP (standard library only).

Usage: python3 cross_language.py BASE_URL TOKEN
Prints one JSON object summarising what it saw.
"""

import json
import sys
import urllib.error
import urllib.request

BASE, TOKEN = sys.argv[1], sys.argv[2]


def call(method, path, body=None, token=TOKEN):
    headers = {"Intercom-Version": "2.14", "Accept": "application/json"}
    if token is not None:
        headers["Authorization"] = "Bearer " + token
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


status, source = call("POST", "/ai/content_import_sources",
                      {"sync_behavior": "api", "url": "https://py.example.com"})
assert status == 200, (status, source)
page_body = {"title": "From Python", "html": "<p>hi</p>", "locale": "en",
             "source_id": source["id"], "external_id": "py-1"}
status, page = call("POST", "/ai/external_pages", page_body)
assert status == 200, (status, page)
page_body["title"] = "From Python, again"
status, again = call("POST", "/ai/external_pages", page_body)
assert status == 200, (status, again)
unauthorized, error = call("GET", "/ai/external_pages", token=None)
_, state = call("GET", "/__fake/state", token=None)
_, log = call("GET", "/__fake/requests", token=None)

print(json.dumps({
    "source_id": source["id"],
    "page_id": page["id"],
    "upsert_kept_id": again["id"] == page["id"],
    "unauthorized_status": unauthorized,
    "unauthorized_code": error["errors"][0]["code"],
    "state_sources": [s["id"] for s in state["sources"]],
    "state_titles": [p["title"] for p in state["pages"]],
    "logged": [[r["method"], r["path"], r["status"], r["authorized"]] for r in log],
}))
