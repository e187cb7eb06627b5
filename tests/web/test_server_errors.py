"""Bad input against the real server (gunicorn, the project's config), spoken to over HTTP.

Every answer is a problem (``application/problem+json``, with type, title,
status and detail, no traceback) of a status the contract documents, and the
server still answers ``/readyz`` after the whole matrix. The server runs with
small limits (a 1000-byte body, 500 characters, 3 documents a batch), so that
each limit is met with little traffic.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from tests.web.contract import assert_conforms
from tests.web.servers import running_server

pytestmark = [pytest.mark.server, pytest.mark.model]

MAX_BODY_BYTES = 1000
MAX_CHARS = 500
BATCH_MAX_DOCUMENTS = 3
TIMEOUT = 30
JSON = {"Content-Type": "application/json"}
ARTICLE = "“We will not back down,” Ana Ruiz said."
TRACEBACK_SIGNS = ("Traceback", 'File "', '.py", line', "KeyError", "Exception")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    # Warnings only: the server's log (a file, shown only if it fails to start) needs no line per request.
    with running_server(
        QUOTES_MAX_BODY_BYTES=str(MAX_BODY_BYTES),
        QUOTES_MAX_CHARS=str(MAX_CHARS),
        QUOTES_BATCH_MAX_DOCUMENTS=str(BATCH_MAX_DOCUMENTS),
        QUOTES_LOG_LEVEL="WARNING",
    ) as base:
        yield base


def problem_of(response: requests.Response, status: int, path: str) -> dict[str, Any]:
    """The problem in ``response``: of ``status``, as the contract says, and with nothing of the server's insides."""
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    method = response.request.method or "GET"
    if path in ("/v1/quotes", "/v1/quotes/batch") and method == "POST":
        assert_conforms(response, method, path, status=status)
    else:  # 404 and 405 are any operation's `default` answer
        assert_conforms(response, "GET", "/healthz", status=status)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"] and body["title"] and body["detail"]
    assert not any(sign in response.text for sign in TRACEBACK_SIGNS), response.text
    return body


def fields_of(problem: dict[str, Any]) -> list[str]:
    return [e["field"] for e in problem.get("errors", [])]


# --- the matrix: one request, one problem -------------------------------------------------------


def case(
    name: str, body: bytes, status: int, *, headers: dict[str, str] | None = None, field: str | None = None,
    path: str = "/v1/quotes", says: str | None = None, marks: Any = (),
) -> Any:  # fmt: skip
    return pytest.param(path, body, headers if headers is not None else JSON, status, field, says, id=name, marks=marks)


def as_json(value: Any) -> bytes:
    return json.dumps(value).encode()


MATRIX = [
    # Not JSON, or not UTF-8: 400.
    case("malformed-json", b'{"text": "unterminated', 400, says="not valid JSON"),
    case("trailing-garbage", b'{"text": "ok"} {', 400, says="not valid JSON"),
    case("empty-body", b"", 400, says="empty"),
    case("nested-too-deeply", b"[" * (MAX_BODY_BYTES - 1), 400, says="nested too deeply"),
    case("latin-1-json", '{"text": "“Olá,” disse ela."}'.encode("cp1252"), 400, says="not valid UTF-8"),
    case("utf-16-json", '{"text": "hello"}'.encode("utf-16"), 400, says="not valid UTF-8"),
    case("overlong-utf-8", b'{"text": "\xc0\xaf"}', 400, says="not valid UTF-8"),
    case("encoded-surrogate", b'{"text": "\xed\xa0\x80"}', 400, says="not valid UTF-8"),
    case("truncated-utf-8", b'{"text": "\xe2\x80"}', 400, says="not valid UTF-8"),
    case("latin-1-plain-text", "“Olá,” disse ela.".encode("latin-1", "replace"), 400,
         headers={"Content-Type": "text/plain; charset=utf-8"}, says="not valid UTF-8"),  # fmt: skip
    # JSON that is not an object, or an object without a usable text: 422.
    case("json-array", as_json([{"text": ARTICLE}]), 422, field="_body"),
    case("json-string", as_json(ARTICLE), 422, field="_body"),
    case("json-number", b"42", 422, field="_body"),
    case("json-null", b"null", 422, field="_body"),
    case("json-true", b"true", 422, field="_body"),
    case("nested-arrays", b"[" * 499 + b"]" * 499, 422, field="_body"),
    case("text-missing", as_json({}), 422, field="text"),
    case("text-null", as_json({"text": None}), 422, field="text"),
    case("text-number", as_json({"text": 42}), 422, field="text"),
    case("text-list", as_json({"text": [ARTICLE]}), 422, field="text"),
    case("text-object", as_json({"text": {"body": ARTICLE}}), 422, field="text"),
    case("text-deeply-nested", b'{"text": ' + b'{"a": ' * 100 + b"1" + b"}" * 101, 422, field="text"),
    case("text-empty", as_json({"text": ""}), 422, field="text"),
    case("text-whitespace", as_json({"text": " \n\t\r\u00a0\u3000 "}), 422, field="text"),
    case("text-lone-surrogate", b'{"text": "a \\ud800 b"}', 422, field="text"),
    case("unknown-field", as_json({"text": ARTICLE, "lang": "en"}), 422, field="lang"),
    case("misspelt-field", as_json({"txt": ARTICLE}), 422, field="txt"),
    case("bad-offsets", as_json({"text": ARTICLE, "offsets": "bytes"}), 422, field="offsets"),
    case("text-and-html", as_json({"text": ARTICLE, "html": "<p>Hi.</p>"}), 422, field="html"),
    case("html-null", as_json({"html": None}), 422, field="html"),
    case("html-showing-no-text", b"<p> </p><!-- x --><script>go()</script>", 422, headers={"Content-Type": "text/html"}, field="html"),
    case("html-bytes-not-utf8", b"<p>caf\xe9</p>", 400, headers={"Content-Type": "text/html"}),
    # Content types: 415.
    case("no-content-type", as_json({"text": ARTICLE}), 415, headers={}),
    case("form", b"text=hello", 415, headers={"Content-Type": "application/x-www-form-urlencoded"}),
    case("multipart", b"--x\r\n\r\nhello\r\n--x--", 415, headers={"Content-Type": "multipart/form-data; boundary=x"}),
    case("html-in-an-unknown-charset", b"<p>Hello.</p>", 415, headers={"Content-Type": "text/html; charset=x-no-such-encoding"}),
    case("xml", b"<text>hello</text>", 415, headers={"Content-Type": "application/xml"}),
    case("octet-stream", ARTICLE.encode(), 415, headers={"Content-Type": "application/octet-stream"}),
    case("json-in-latin-1", as_json({"text": ARTICLE}), 415, headers={"Content-Type": "application/json; charset=latin-1"}),
    case("plain-text-in-utf-16", ARTICLE.encode("utf-16"), 415, headers={"Content-Type": "text/plain; charset=utf-16"}),
    case("batch-as-plain-text", ARTICLE.encode(), 415, headers={"Content-Type": "text/plain; charset=utf-8"},
         path="/v1/quotes/batch"),  # fmt: skip
    # Too large: 413.
    case("body-over-the-limit", as_json({"text": "a" * MAX_BODY_BYTES}), 413, says="QUOTES_MAX_BODY_BYTES"),
    case("text-over-max-chars", as_json({"text": "a" * (MAX_CHARS + 1)}), 413, field="text", says="QUOTES_MAX_CHARS"),
    case("plain-text-over-max-chars", b"a" * (MAX_CHARS + 1), 413,
         headers={"Content-Type": "text/plain; charset=utf-8"}, field="text", says="QUOTES_MAX_CHARS"),  # fmt: skip
    case("html-over-max-chars", b"<p>" + b"<b></b>" * 80 + b"</p>", 413,
         headers={"Content-Type": "text/html"}, field="html", says="QUOTES_MAX_CHARS"),  # fmt: skip
    case("batch-too-many-documents", as_json({"documents": [{"id": str(n), "text": "Hi."} for n in range(BATCH_MAX_DOCUMENTS + 1)]}),
         413, path="/v1/quotes/batch", says="QUOTES_BATCH_MAX_DOCUMENTS"),  # fmt: skip
    case("batch-document-over-max-chars", as_json({"documents": [{"id": "a", "text": "Hi."}, {"id": "b", "text": "a" * (MAX_CHARS + 1)}]}),
         413, path="/v1/quotes/batch", field="documents.1.text"),  # fmt: skip
    # Batches that are not valid: 422, naming the document.
    case("batch-duplicate-ids", as_json({"documents": [{"id": "x", "text": "One."}, {"id": "x", "text": "Two."}]}),
         422, path="/v1/quotes/batch", field="documents.1.id"),  # fmt: skip
    case("batch-one-bad-document", as_json({"documents": [{"id": "a", "text": "Fine."}, {"id": "b", "text": 3}, {"id": "c", "text": "Fine."}]}),
         422, path="/v1/quotes/batch", field="documents.1.text"),  # fmt: skip
    case("batch-document-without-id", as_json({"documents": [{"text": "Fine."}]}), 422, path="/v1/quotes/batch", field="documents.0.id"),
    case("batch-document-unknown-field", as_json({"documents": [{"id": "a", "text": "Fine.", "lang": "en"}]}),
         422, path="/v1/quotes/batch", field="documents.0.lang"),  # fmt: skip
    case("batch-empty", as_json({"documents": []}), 422, path="/v1/quotes/batch", field="documents"),
    case("batch-documents-not-a-list", as_json({"documents": {"id": "a", "text": "Fine."}}), 422, path="/v1/quotes/batch", field="documents"),
    case("batch-without-documents", as_json({}), 422, path="/v1/quotes/batch", field="documents"),
    case("batch-json-array", as_json([{"id": "a", "text": "Fine."}]), 422, path="/v1/quotes/batch", field="_body"),
]  # fmt: skip


@pytest.mark.parametrize("path, body, headers, status, field, says", MATRIX)
def test_bad_input_is_a_problem(
    server: str, path: str, body: bytes, headers: dict[str, str], status: int, field: str | None, says: str | None
) -> None:
    assert len(body) <= MAX_BODY_BYTES or status == 413
    response = requests.post(f"{server}{path}", data=body, headers=headers, timeout=TIMEOUT)
    problem = problem_of(response, status, path)
    if field is not None:
        assert field in fields_of(problem), problem
    if says is not None:
        assert says in problem["detail"], problem


def test_text_of_exactly_max_chars_is_accepted(server: str) -> None:
    text = (ARTICLE + " ") * (MAX_CHARS // (len(ARTICLE) + 1)) + "a" * (MAX_CHARS % (len(ARTICLE) + 1))
    assert len(text) == MAX_CHARS
    response = requests.post(f"{server}/v1/quotes", json={"text": text}, timeout=TIMEOUT)
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    for quote in response.json()["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]


@pytest.mark.parametrize(
    "method, path, status",
    [("GET", "/v1/quotes", 405), ("PUT", "/v1/quotes/batch", 405), ("DELETE", "/readyz", 405), ("GET", "/v2/quotes", 404)],
)
def test_wrong_methods_and_paths_are_problems(server: str, method: str, path: str, status: int) -> None:
    problem_of(requests.request(method, f"{server}{path}", timeout=TIMEOUT), status, path)


# --- the body limit, before the body is read -------------------------------------------------------------


def test_a_body_over_the_limit_is_413_and_the_server_answers_after(server: str) -> None:
    for _ in range(3):
        too_large = requests.post(f"{server}/v1/quotes", json={"text": "a" * 10 * MAX_BODY_BYTES}, timeout=TIMEOUT)
        assert "QUOTES_MAX_BODY_BYTES" in problem_of(too_large, 413, "/v1/quotes")["detail"]
    after = requests.post(f"{server}/v1/quotes", json={"text": ARTICLE}, timeout=TIMEOUT)
    assert_conforms(after, "POST", "/v1/quotes", status=200)
    assert [q["text"] for q in after.json()["quotes"]] == ["We will not back down,"]


def read_http_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of the one HTTP response on ``sock``."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"the connection closed before a response: {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    while len(body) < int(headers["content-length"]):
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(status_line.split()[1]), headers, body


def test_a_large_declared_body_is_refused_before_it_is_sent(server: str) -> None:
    """The client declares 10 MB and sends 500 bytes: the 413 comes back without waiting for the rest."""
    url = urlsplit(server)
    assert url.hostname is not None and url.port is not None
    head = (
        f"POST /v1/quotes HTTP/1.1\r\nHost: {url.netloc}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {10_000_000}\r\n\r\n"
    )
    with socket.create_connection((url.hostname, url.port), timeout=TIMEOUT) as sock:
        sock.sendall(head.encode() + b'{"text": "' + b"a" * 500)
        # Nothing more is sent: a server that waited for the body would time this read out.
        status, headers, body = read_http_response(sock)
    assert status == 413
    assert headers["content-type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["status"] == 413 and "QUOTES_MAX_BODY_BYTES" in problem["detail"]
    assert requests.get(f"{server}/readyz", timeout=TIMEOUT).status_code == 200


def chunks(*parts: bytes) -> Iterator[bytes]:
    """A body that requests sends chunked, with no Content-Length."""
    yield from parts


@pytest.mark.parametrize(
    "content_type, parts",
    [
        # 250 emoji are exactly the first 1000 bytes: cut there, the text is valid and the quote after it is lost.
        ("text/plain; charset=utf-8", ["😀".encode() * (MAX_BODY_BYTES // 4), f" {ARTICLE}".encode()]),
        ("application/json", [b'{"text": "', b"a" * 2 * MAX_BODY_BYTES, b'"}']),
    ],
    ids=["plain-text", "json"],
)
def test_a_chunked_body_over_the_limit_is_413(server: str, content_type: str, parts: list[bytes]) -> None:
    assert sum(map(len, parts)) > MAX_BODY_BYTES
    response = requests.post(
        f"{server}/v1/quotes", data=chunks(*parts), headers={"Content-Type": content_type}, timeout=TIMEOUT
    )
    assert response.request.headers.get("Transfer-Encoding") == "chunked"
    assert "QUOTES_MAX_BODY_BYTES" in problem_of(response, 413, "/v1/quotes")["detail"]


# --- and after all that -----------------------------------------------------------------------------------


def test_the_server_is_still_ready_after_the_matrix(server: str) -> None:
    ready = requests.get(f"{server}/readyz", timeout=TIMEOUT)
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    answer = requests.post(f"{server}/v1/quotes", json={"text": ARTICLE}, timeout=TIMEOUT)
    assert_conforms(answer, "POST", "/v1/quotes", status=200)
    assert answer.json()["quotes"][0]["speaker"]["name"] == "Ana Ruiz"
