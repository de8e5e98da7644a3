"""Plain HTTP fetching against a local server: bodies, headers, redirects, schemes."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from factcheck.fetch import USER_AGENT, fetch_all
from tests.fetch.helpers import Handler, RawServer, fast_options, fetch, read_request

PAGE = "<html><head><title>T</title></head><body><p>Caf\u00e9 prices rose 4%.</p></body></html>"


def test_200_gives_body_content_type_and_charset(httpserver: HTTPServer) -> None:
    body = PAGE.encode("utf-8")
    httpserver.expect_request("/page").respond_with_data(
        body, headers={"Content-Type": 'Text/HTML; Charset="UTF-8"'})

    result = fetch(httpserver.url_for("/page"))

    assert result.ok
    assert result.error is None
    assert result.body == body
    assert result.status == 200
    assert result.content_type == "text/html"
    assert result.charset == "UTF-8"
    assert result.final_url == httpserver.url_for("/page")
    assert result.target == httpserver.url_for("/page")
    assert result.truncated is False
    assert result.attempts == 1


def test_content_type_without_charset(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.4 x", content_type="application/pdf")

    result = fetch(httpserver.url_for("/doc.pdf"))

    assert result.content_type == "application/pdf"
    assert result.charset is None


def test_headers_sent(httpserver: HTTPServer) -> None:
    seen: list[Request] = []

    def handler(request: Request) -> Response:
        seen.append(request)
        return Response("ok", content_type="text/plain")

    httpserver.expect_request("/ua").respond_with_handler(handler)

    assert fetch(httpserver.url_for("/ua")).ok

    [request] = seen
    assert request.headers["User-Agent"] == USER_AGENT
    assert request.headers["User-Agent"].startswith("factcheck/")
    encodings = {e.strip() for e in request.headers["Accept-Encoding"].split(",")}
    assert {"gzip", "deflate", "br"} <= encodings
    assert "text/html" in request.headers["Accept"]


def test_custom_user_agent_is_sent(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ua", headers={"User-Agent": "factcheck/test (ci)"}).respond_with_data("ok")

    result = fetch(httpserver.url_for("/ua"), fast_options(user_agent="factcheck/test (ci)"))

    assert result.ok, result.error


def test_204_has_no_content_to_check(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/empty").respond_with_data(b"", status=204)

    result = fetch(httpserver.url_for("/empty"))

    assert result.error == "HTTP 204 No Content: no content to check"
    assert result.status == 204
    assert result.body is None
    assert result.attempts == 1


# --- redirects ----------------------------------------------------------------------------


def test_redirect_chain_with_every_status_ends_at_final_url(httpserver: HTTPServer) -> None:
    hops = [("/a", 301, "/b"), ("/b", 302, "/c"), ("/c", 307, "/d"), ("/d", 308, "/final")]
    for path, status, location in hops:
        httpserver.expect_request(path).respond_with_data(
            "", status=status, headers={"Location": httpserver.url_for(location)})
    httpserver.expect_request("/final").respond_with_data("arrived", content_type="text/plain")

    result = fetch(httpserver.url_for("/a"))

    assert result.ok, result.error
    assert result.body == b"arrived"
    assert result.status == 200
    assert result.final_url == httpserver.url_for("/final")
    assert result.target == httpserver.url_for("/a")
    assert result.attempts == 1  # redirects are not attempts
    assert [r.path for r, _ in httpserver.log] == ["/a", "/b", "/c", "/d", "/final"]


@pytest.mark.parametrize(("location", "final_path"), [
    ("../other/page", "/other/page"),
    ("next", "/dir/next"),
    ("/root", "/root"),
    ("?q=1", "/dir/start?q=1"),
])
def test_relative_location(httpserver: HTTPServer, location: str, final_path: str) -> None:
    httpserver.expect_request("/dir/start", query_string="").respond_with_data(
        "", status=302, headers={"Location": location})
    path, _, query = final_path.partition("?")
    httpserver.expect_request(path, query_string=query).respond_with_data("here")

    result = fetch(httpserver.url_for("/dir/start"))

    assert result.ok, result.error
    assert result.body == b"here"
    assert result.final_url == httpserver.url_for(final_path)


def test_scheme_relative_location(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/start").respond_with_data(
        "", status=301, headers={"Location": f"//127.0.0.1:{httpserver.port}/end"})
    httpserver.expect_request("/end").respond_with_data("end")

    result = fetch(httpserver.url_for("/start"))

    assert result.body == b"end"
    assert result.final_url == httpserver.url_for("/end")


def test_redirect_loop_is_an_error_mentioning_redirects(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})

    result = fetch(httpserver.url_for("/loop"), fast_options(max_redirects=5))

    assert not result.ok
    assert result.body is None
    assert result.error == "more than 5 redirects"
    assert len(httpserver.log) == 6  # the first request and five redirects followed
    assert result.attempts == 1  # not retried: asking again would loop again


def _chain(httpserver: HTTPServer, hops: int) -> str:
    for i in range(hops):
        httpserver.expect_request(f"/r{i}").respond_with_data(
            "", status=301, headers={"Location": f"/r{i + 1}"})
    httpserver.expect_request(f"/r{hops}").respond_with_data("end")
    return httpserver.url_for("/r0")


def test_too_many_redirects(httpserver: HTTPServer) -> None:
    url = _chain(httpserver, 3)

    result = fetch(url, fast_options(max_redirects=2))

    assert result.error == "more than 2 redirects"
    assert result.body is None
    assert [r.path for r, _ in httpserver.log] == ["/r0", "/r1", "/r2"]


def test_exactly_max_redirects_is_followed(httpserver: HTTPServer) -> None:
    url = _chain(httpserver, 2)

    result = fetch(url, fast_options(max_redirects=2))

    assert result.ok, result.error
    assert result.body == b"end"
    assert result.final_url == httpserver.url_for("/r2")


def test_max_redirects_zero_refuses_any_redirect(httpserver: HTTPServer) -> None:
    url = _chain(httpserver, 1)

    result = fetch(url, fast_options(max_redirects=0))

    assert result.error == "more than 0 redirects"


@pytest.mark.parametrize(("location", "scheme"), [
    ("file:///etc/passwd", "file"),
    ("ftp://127.0.0.1/pub/file.txt", "ftp"),
    ("FILE:///etc/hosts", "file"),
])
def test_redirect_to_a_non_http_url_is_refused(httpserver: HTTPServer, location: str, scheme: str) -> None:
    httpserver.expect_request("/go").respond_with_data("", status=302, headers={"Location": location})

    result = fetch(httpserver.url_for("/go"))

    assert result.error == f"redirected to a {scheme}: URL, which is not followed"
    assert result.status == 302
    assert result.body is None
    assert result.attempts == 1


@pytest.mark.parametrize(("location", "scheme"), [
    ("javascript:alert(1)", "javascript"),
    ("mailto:editor@example.org", "mailto"),
    ("data:text/plain,hello", "data"),
])
def test_redirect_to_an_opaque_url_is_refused_not_raised(httpserver: HTTPServer, location: str,
                                                         scheme: str) -> None:
    httpserver.expect_request("/go").respond_with_data("", status=302, headers={"Location": location})

    result = fetch(httpserver.url_for("/go"))

    assert result.error == f"redirected to a {scheme}: URL, which is not followed"
    assert result.status == 302


def test_redirect_to_an_out_of_range_port_is_an_error_not_a_crash(
        raw_server: Callable[[Handler], RawServer]) -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:99999/x\r\n"
                     b"Content-Length: 0\r\nConnection: close\r\n\r\n")

    server = raw_server(handler)

    result = fetch(server.url("/go"))

    assert result.error is not None
    assert result.body is None


def test_redirect_without_location(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/nowhere").respond_with_data("", status=301)

    result = fetch(httpserver.url_for("/nowhere"))

    assert result.error == "HTTP 301 redirect without a Location"
    assert result.status == 301


# --- schemes and fetch_all ----------------------------------------------------------------


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/file.txt", "gopher://127.0.0.1/"])
def test_unsupported_scheme(url: str) -> None:
    scheme = url.split(":", 1)[0]

    result = fetch(url)

    assert result.error == f"unsupported URL scheme '{scheme}:'"
    assert result.attempts == 0


def test_fetch_all_fetches_each_distinct_url_once(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/one").respond_with_data("1")
    httpserver.expect_request("/two").respond_with_data("2")
    one, two = httpserver.url_for("/one"), httpserver.url_for("/two")

    results = asyncio.run(fetch_all([one, two, one, two, one], fast_options()))

    assert list(results) == [one, two]
    assert results[one].body == b"1"
    assert results[two].body == b"2"
    assert sorted(r.path for r, _ in httpserver.log) == ["/one", "/two"]
