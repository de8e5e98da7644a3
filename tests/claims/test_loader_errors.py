"""Every way a claims file can be wrong gives one ClaimsFileError with the line and a fix.

The contract (spec/interface.md, "Exit status"): a bad claims file gets one clear message
naming the file, the line and what is wrong. Each test here builds the smallest file that
has one problem and checks the line, the message and, where the loader gives one, the hint.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from factcheck.claims import MAX_CLAIMS_FILE_BYTES, load_claims, parse_claims
from factcheck.errors import ClaimsFileError, FactcheckError

DATA = Path(__file__).resolve().parent.parent / "data" / "claims"
NAME = "claims.yaml"

GOOD_CLAIM = """\
  - id: good
    text: A claim.
    sources:
      - https://example.org/page
"""


def problem(text: str | bytes) -> ClaimsFileError:
    """The error parsing ``text`` raises (the test fails if it parses)."""
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(ClaimsFileError) as info:
        parse_claims(data, NAME, base_dir=Path("/tmp"))
    return info.value


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def with_claim(body: str) -> str:
    """A version-1 file whose only claim is ``body`` (indented as a list item)."""
    return "version: 1\nclaims:\n" + body


def with_source(source: str) -> str:
    """A file with one claim citing ``source`` (written as a YAML scalar as given)."""
    return with_claim(f"  - id: a\n    text: A claim.\n    sources:\n      - {source}\n")


# -- the error type itself ---------------------------------------------------------------


def test_error_is_a_factcheck_error_and_prints_file_line_message_and_hint() -> None:
    error = ClaimsFileError("a.yaml", 7, "something is wrong", "fix it like this")
    assert isinstance(error, FactcheckError)
    assert str(error) == "a.yaml:7: something is wrong\n  hint: fix it like this"
    assert str(ClaimsFileError("a.yaml", None, "no such file")) == "a.yaml: no such file"


# -- claims and their keys ---------------------------------------------------------------


def test_missing_id() -> None:
    text = with_claim("  - text: A claim.\n    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.path == NAME
    assert error.line == line_of(text, "- text:")
    assert "no 'id'" in error.message
    assert error.hint is not None and "id:" in error.hint


def test_duplicate_id_names_the_first_line() -> None:
    text = with_claim(GOOD_CLAIM + GOOD_CLAIM)
    error = problem(text)
    assert error.line == line_of(text, "id: good", 2)
    assert "duplicate id 'good'" in error.message
    assert f"line {line_of(text, 'id: good', 1)}" in error.message
    assert error.hint is not None and "unique" in error.hint


@pytest.mark.parametrize(("bad", "suggested"), [
    ("Zhao Tong", "zhao-tong"),
    ("Trade2022", "trade2022"),
    ("'-leading-dash'", "leading-dash"),
    ("'  spaced out  '", "spaced-out"),
])
def test_invalid_id_hint_suggests_a_valid_one(bad: str, suggested: str) -> None:
    text = with_claim(f"  - id: {bad}\n    text: A claim.\n    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.line == line_of(text, "- id:")
    assert "invalid id" in error.message
    assert "lowercase" in error.message
    assert error.hint == f"e.g. id: {suggested}"


@pytest.mark.parametrize(("value", "type_name"), [("12", "a number"), ("[a, b]", "a list"),
                                                  ("2023-03-20", "a date")])
def test_id_that_is_not_text(value: str, type_name: str) -> None:
    text = with_claim(f"  - id: {value}\n    text: A claim.\n    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.line == line_of(text, "- id:")
    assert f"{type_name}, not a string" in error.message
    assert error.hint is not None and ("quote it" in error.hint or "as text" in error.hint)


@pytest.mark.parametrize(("written", "meant"), [("qoute", "quote"), ("figures", "figure"),
                                                ("statment", "statement"), ("QUOTE", "quote")])
def test_unknown_kind_did_you_mean(written: str, meant: str) -> None:
    text = with_claim(f"  - id: a\n    kind: {written}\n    text: A claim.\n"
                      "    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.line == line_of(text, "kind:")
    assert f"unknown kind '{written}'" in error.message
    assert error.hint is not None
    assert f"did you mean '{meant}'?" in error.hint
    assert "quote, figure, statement" in error.hint


def test_unknown_kind_far_from_any_lists_the_kinds_without_a_guess() -> None:
    error = problem(with_claim("  - id: a\n    kind: banana\n    text: A claim.\n"
                               "    sources: [https://example.org/a]\n"))
    assert error.hint is not None
    assert "did you mean" not in error.hint
    assert "quote, figure, statement" in error.hint


@pytest.mark.parametrize("empty", ["''", '"   "', "\"\""])
def test_empty_text(empty: str) -> None:
    text = with_claim(f"  - id: a\n    text: {empty}\n    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.line == line_of(text, "text:")
    assert "'text' of claim 'a' is empty" in error.message
    assert error.hint


def test_missing_text() -> None:
    text = with_claim("  - id: a\n    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.line == line_of(text, "- id:")
    assert "has no 'text'" in error.message


@pytest.mark.parametrize(("value", "type_name"), [("42", "a number"), ("3.5", "a number"),
                                                  ("true", "a true/false value")])
def test_text_that_is_not_text(value: str, type_name: str) -> None:
    text = with_claim(f"  - id: a\n    text: {value}\n    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.line == line_of(text, "text:")
    assert f"'text' of claim 'a' is {type_name}, not text" in error.message
    assert error.hint == f'quote it: text: "{value}"'


def test_no_sources() -> None:
    text = with_claim("  - id: a\n    text: A claim.\n")
    error = problem(text)
    assert error.line == line_of(text, "- id:")
    assert "claim 'a' has no sources" in error.message
    assert error.hint is not None and "sources:" in error.hint


def test_empty_sources_list() -> None:
    text = with_claim("  - id: a\n    text: A claim.\n    sources: []\n")
    error = problem(text)
    assert error.line == line_of(text, "sources:")
    assert "no sources" in error.message and "empty" in error.message


def test_source_mapping_without_url() -> None:
    text = with_claim("  - id: a\n    text: A claim.\n    sources:\n      - note: customs figures\n")
    error = problem(text)
    assert error.line == line_of(text, "- note:")
    assert "has no 'url'" in error.message
    assert error.hint is not None and "url:" in error.hint


def test_source_that_is_a_number() -> None:
    text = with_claim("  - id: a\n    text: A claim.\n    sources:\n      - 42\n")
    error = problem(text)
    assert error.line == line_of(text, "- 42")
    assert "a number, not a URL or path" in error.message


def test_sources_that_is_a_mapping() -> None:
    text = with_claim("  - id: a\n    text: A claim.\n    sources: {url: https://example.org/a}\n")
    error = problem(text)
    assert error.line == line_of(text, "sources:")
    assert "'sources' of claim 'a' is a mapping, not a list" in error.message


# -- malformed source locations ----------------------------------------------------------


@pytest.mark.parametrize(("source", "message", "hint"), [
    ("'https://'", "no host name", "https://example.org/page"),
    ("'http:/example.org/a'", "no host name", "http://example.org/page"),
    ("htp://x.org/a", "unsupported URL scheme 'htp:'", "did you mean 'http'?"),
    ("htps://x.org/a", "unsupported URL scheme 'htps:'", "did you mean 'https'?"),
    ("fiel:///tmp/a.html", "unsupported URL scheme 'fiel:'", "did you mean 'file'?"),
    ("ftp://x.org/a", "unsupported URL scheme 'ftp:'", "a source is an http(s) URL"),
    ("https://exa mple.org", "contains spaces", "%20"),
    ("www.example.org/page", "no scheme", "https://www.example.org/page"),
    ("https://example.org:99999/a", "invalid port", "1 to 65535"),
    ("https://example.org:http/a", "invalid port", "1 to 65535"),
    ("https://-bad-.example.org/a", "invalid host name '-bad-.example.org'", "https://example.org/page"),
    ("https://a..b/page", "invalid host name 'a..b'", "https://example.org/page"),
    ("\"nul\\0in-path.html\"", "invalid path", "NUL"),
    ("'   '", "an empty source", "https://"),
    ("'file://'", "no path", "file:///"),
])
def test_malformed_source_location(source: str, message: str, hint: str) -> None:
    text = with_source(source)
    error = problem(text)
    assert error.line == line_of(text, "      - ")
    assert message in error.message
    assert "in claim 'a'" in error.message
    assert error.hint is not None and hint in error.hint


def test_malformed_url_in_a_source_mapping_is_reported_on_the_url_line() -> None:
    text = with_claim("  - id: a\n    text: A claim.\n    sources:\n      - note: first\n"
                      "        url: htp://x.org/a\n")
    error = problem(text)
    assert error.line == line_of(text, "url: htp")
    assert "did you mean 'http'?" in (error.hint or "")


def test_port_zero_is_reported_as_a_bad_port() -> None:
    error = problem(with_source("https://example.org:0/a"))
    assert "port" in error.message
    assert "invalid host name" not in error.message


# -- misspelt keys -----------------------------------------------------------------------


def test_misspelt_top_level_key() -> None:
    text = "version: 1\nclaimz:\n" + GOOD_CLAIM
    error = problem(text)
    assert error.line == line_of(text, "claimz:")
    assert "unknown key 'claimz' at the top level" in error.message
    assert error.hint is not None
    assert "did you mean 'claims'?" in error.hint
    assert "version, article, claims" in error.hint


@pytest.mark.parametrize(("written", "meant"), [("soruces", "sources"), ("speeker", "speaker"),
                                                ("txt", "text"), ("knid", "kind")])
def test_misspelt_key_in_a_claim(written: str, meant: str) -> None:
    text = with_claim(f"  - id: a\n    kind: quote\n    text: A claim.\n    {written}: x\n"
                      "    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.line == line_of(text, f"{written}:")
    assert f"unknown key '{written}' in claim #1" in error.message
    assert error.hint is not None and f"did you mean '{meant}'?" in error.hint


def test_misspelt_sources_key_is_reported_before_the_missing_sources() -> None:
    text = with_claim("  - id: a\n    text: A claim.\n    soruces:\n      - https://example.org/a\n")
    error = problem(text)
    assert error.line == line_of(text, "soruces:")
    assert "did you mean 'sources'?" in (error.hint or "")
    assert "(1 more problem after this one)" in (error.hint or "")


def test_misspelt_key_in_a_source_mapping() -> None:
    text = with_claim("  - id: a\n    text: A claim.\n    sources:\n      - url: https://example.org/a\n"
                      "        nots: customs figures\n")
    error = problem(text)
    assert error.line == line_of(text, "nots:")
    assert "unknown key 'nots' in a source of claim 'a'" in error.message
    assert error.hint is not None and "did you mean 'note'?" in error.hint


def test_misspelt_key_in_the_article() -> None:
    text = "version: 1\narticle:\n  titel: X\nclaims:\n" + GOOD_CLAIM
    error = problem(text)
    assert error.line == line_of(text, "titel:")
    assert "did you mean 'title'?" in (error.hint or "")


# -- wrong types -------------------------------------------------------------------------


def test_claims_is_a_mapping() -> None:
    text = "version: 1\nclaims:\n  good: A claim.\n"
    error = problem(text)
    assert error.line == line_of(text, "claims:")
    assert "'claims' is a mapping, not a list" in error.message
    assert error.hint is not None and "- id:" in error.hint


def test_claims_is_empty() -> None:
    text = "version: 1\nclaims: []\n"
    error = problem(text)
    assert error.line == 2
    assert "nothing to check" in error.message


def test_a_claim_is_a_string() -> None:
    text = with_claim("  - zhao-tong-defeat\n")
    error = problem(text)
    assert error.line == line_of(text, "- zhao-tong-defeat")
    assert "claim #1 is text, not a mapping" in error.message


def test_article_is_a_list() -> None:
    text = "version: 1\narticle:\n  - a title\n  - https://example.org\nclaims:\n" + GOOD_CLAIM
    error = problem(text)
    assert error.line == line_of(text, "article:")
    assert "'article' is a list, not a mapping" in error.message


def test_top_level_is_a_list() -> None:
    error = problem("- id: a\n  text: A claim.\n")
    assert error.line == 1
    assert "top level is a list, not a mapping" in error.message


def test_speaker_that_is_a_list() -> None:
    text = with_claim("  - id: a\n    text: A claim.\n    speaker: [Putin, Xi]\n"
                      "    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.line == line_of(text, "speaker:")
    assert "'speaker' of claim 'a' is a list, not text" in error.message


def test_published_that_is_not_a_date() -> None:
    text = "version: 1\narticle:\n  published: [2023]\nclaims:\n" + GOOD_CLAIM
    error = problem(text)
    assert error.line == line_of(text, "published:")
    assert "YYYY-MM-DD" in (error.hint or "")


# -- YAML itself -------------------------------------------------------------------------


def test_yaml_syntax_error_names_its_line() -> None:
    text = with_claim(GOOD_CLAIM + "  - id: [broken\n    text: x\n")
    error = problem(text)
    assert error.message.startswith("YAML syntax error:")
    assert error.line is not None and error.line >= line_of(text, "[broken")
    assert "\n" not in error.message
    assert error.hint


def test_unquoted_colon_in_a_value_gets_the_quoting_hint() -> None:
    text = with_claim("  - id: a\n    text: He said: no\n    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.line == line_of(text, "He said")
    assert error.hint is not None and "quoted" in error.hint


def test_duplicate_keys() -> None:
    text = with_claim("  - id: a\n    text: A claim.\n    text: Another.\n"
                      "    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.line == line_of(text, "text: Another")
    assert "duplicate key" in error.message
    assert error.hint is not None and "once" in error.hint


def test_tab_indentation_names_its_line() -> None:
    text = with_claim("  - id: a\n\ttext: A claim.\n    sources: [https://example.org/a]\n")
    error = problem(text)
    assert error.line == line_of(text, "\ttext")
    assert "\\t" in error.message


def test_tab_indentation_says_to_use_spaces() -> None:
    error = problem(with_claim("  - id: a\n\ttext: A claim.\n    sources: [https://example.org/a]\n"))
    assert "tab" in str(error).lower()
    assert "spaces" in (error.hint or "")


@pytest.mark.parametrize(("written", "where"), [
    ("version: 1\narticle:\n  published: 2023-02-30\nclaims:\n" + GOOD_CLAIM, "published:"),
    ("version: 1\narticle:\n  published: 2023-13-01\nclaims:\n" + GOOD_CLAIM, "published:"),
    (with_claim("  - id: a\n    text: 2023-02-30\n    sources: [https://example.org/a]\n"), "text:"),
    (with_claim("  - id: a\n    text: " + "9" * 5000 + "\n    sources: [https://example.org/a]\n"), "text:"),
], ids=["published-feb-30", "published-month-13", "text-feb-30", "text-5000-digits"])
def test_impossible_date_or_huge_number_is_a_claims_file_error(written: str, where: str) -> None:
    error = problem(written)
    assert error.line == line_of(written, where)


# -- bytes and encodings -----------------------------------------------------------------


def test_not_utf8_names_the_line_of_the_bad_byte() -> None:
    data = with_claim("  - id: a\n    text: caf\xe9\n    sources: [https://example.org/a]\n")
    error = problem(data.encode("latin-1"))
    assert error.line == line_of(data, "caf")
    assert "not UTF-8" in error.message
    assert "e9" in error.message
    assert error.hint is not None and "UTF-8" in error.hint


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_named(encoding: str) -> None:
    data = with_claim(GOOD_CLAIM).encode(encoding)
    if encoding != "utf-16":
        data = ("\ufeff" + with_claim(GOOD_CLAIM)).encode(encoding)
    error = problem(data)
    assert error.line == 1
    assert "UTF-16" in error.message
    assert error.hint is not None and "UTF-8" in error.hint


def test_utf8_bom_is_accepted() -> None:
    loaded = parse_claims(b"\xef\xbb\xbf" + with_claim(GOOD_CLAIM).encode(), NAME, base_dir=Path("/tmp"))
    assert [c.id for c in loaded.claims] == ["good"]


# -- the file itself ---------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_bytes(b"")
    with pytest.raises(ClaimsFileError) as info:
        load_claims(path)
    assert info.value.path == str(path)
    assert info.value.line == 1
    assert "empty" in info.value.message
    assert "version: 1" in (info.value.hint or "")


def test_comments_only_is_an_empty_file() -> None:
    assert "empty" in problem("# nothing yet\n").message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(ClaimsFileError) as info:
        load_claims(path)
    assert info.value.path == str(path)
    assert info.value.line is None
    assert "no such file" in info.value.message
    assert str(info.value).startswith(f"{path}: ")


def test_a_folder_is_not_a_claims_file(tmp_path: Path) -> None:
    with pytest.raises(ClaimsFileError) as info:
        load_claims(tmp_path)
    assert "folder" in info.value.message
    assert "claims.yaml" in (info.value.hint or "")


def test_file_over_the_cap_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:          # sparse: no disk used, nothing worth reading
        stream.truncate(64 * 1024 ** 3)
    with pytest.raises(ClaimsFileError) as info:
        load_claims(path)
    assert "larger than the 10.0 MB" in info.value.message
    assert info.value.hint


def test_file_just_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as stream:
        stream.truncate(MAX_CLAIMS_FILE_BYTES + 1)
    with pytest.raises(ClaimsFileError, match="larger than"):
        load_claims(path)


class EndlessStream(io.RawIOBase):
    """A stdin that never ends; counts what was read from it."""

    def __init__(self) -> None:
        self.read_so_far = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = len(buffer)
        buffer[:n] = b"#" * n
        self.read_so_far += n
        return n


def test_endless_stdin_is_cut_at_the_cap() -> None:
    stream = EndlessStream()
    with pytest.raises(ClaimsFileError) as info:
        load_claims("-", stdin=io.BufferedReader(stream))  # type: ignore[arg-type]
    assert info.value.path == "<stdin>"
    assert "larger than" in info.value.message
    assert stream.read_so_far <= MAX_CLAIMS_FILE_BYTES + 1 + io.DEFAULT_BUFFER_SIZE


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_text(with_claim(GOOD_CLAIM))
    path.chmod(0)
    with pytest.raises(ClaimsFileError, match="permission denied"):
        load_claims(path)


def test_stdin_errors_are_named_stdin() -> None:
    with pytest.raises(ClaimsFileError) as info:
        load_claims("-", stdin=io.BytesIO(b"version: 1\nclaims: {}\n"))
    assert info.value.path == "<stdin>"
    assert str(info.value).startswith("<stdin>:2: ")


# -- version ----------------------------------------------------------------------------


def test_version_missing() -> None:
    error = problem("claims:\n" + GOOD_CLAIM)
    assert error.line == 1
    assert "missing 'version'" in error.message
    assert "version: 1" in (error.hint or "")


@pytest.mark.parametrize(("written", "shown"), [("2", "2"), ('"1"', "1"), ("1.0.0", "1.0.0"),
                                                 ("true", "true")])
def test_unsupported_version(written: str, shown: str) -> None:
    text = f"# a comment first\nversion: {written}\nclaims:\n" + GOOD_CLAIM
    error = problem(text)
    assert error.line == line_of(text, "version:")
    assert error.message == f"unsupported version {shown}"
    assert "version 1" in (error.hint or "")


def test_missing_claims() -> None:
    error = problem("version: 1\n")
    assert "missing 'claims'" in error.message


# -- several problems --------------------------------------------------------------------


def test_first_problem_is_raised_with_a_count_of_the_others() -> None:
    text = (DATA / "many-problems.yaml").read_text()
    error = problem(text)
    assert error.line == line_of(text, "id: Bad Id")
    assert "invalid id" in error.message
    assert error.hint is not None
    assert error.hint.endswith("(3 more problems after this one)")
    assert error.hint.startswith("e.g. id: bad-id")


def test_one_more_problem_is_singular() -> None:
    error = problem(with_claim("  - id: A\n    text: A claim.\n    sources: []\n"))
    assert error.hint is not None and error.hint.endswith("(1 more problem after this one)")


def test_problems_are_reported_in_file_order() -> None:
    text = with_claim(GOOD_CLAIM + "  - id: b\n    text: x\n    sources: ['htp://x.org']\n"
                      "  - id: C\n    text: x\n    sources: [https://example.org]\n")
    error = problem(text)
    assert error.line == line_of(text, "htp://")
    assert "(1 more problem after this one)" in (error.hint or "")
