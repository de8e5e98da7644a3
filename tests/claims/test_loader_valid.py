"""Valid claims files load into the model the rest of factcheck relies on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from factcheck.claims import load_claims, parse_claims
from factcheck.model import Article, ClaimsFile, Kind

DATA = Path(__file__).resolve().parent.parent / "data" / "claims"


@pytest.fixture
def valid() -> ClaimsFile:
    return load_claims(DATA / "valid.yaml")


def test_article(valid: ClaimsFile) -> None:
    assert valid.article == Article(
        title="Xi Jinping in Russia: the underside of an interested friendship",
        url="https://example.org/xi-in-russia",
        published="2023-03-20",
    )


def test_claims_in_file_order_with_kinds_and_lines(valid: ClaimsFile) -> None:
    text = (DATA / "valid.yaml").read_text().splitlines()
    assert [c.id for c in valid.claims] == ["zhao-tong-defeat", "trade-2022", "local.paths_1", "file-url"]
    assert [c.kind for c in valid.claims] == [Kind.QUOTE, Kind.FIGURE, Kind.STATEMENT, Kind.STATEMENT]
    for claim in valid.claims:
        assert claim.line is not None
        assert text[claim.line - 1].strip() == f"- id: {claim.id}"
        assert claim.file == str(DATA / "valid.yaml")
    assert valid.path == str(DATA / "valid.yaml")


def test_folded_text_is_one_line_and_speaker_kept(valid: ClaimsFile) -> None:
    quote = valid.claims[0]
    assert quote.text == ("China fears that a defeat of Russia will lead to the replacement of "
                          "Putin by pro-Western leaders")
    assert quote.speaker == "Zhao Tong"
    assert valid.claims[1].speaker is None


def test_source_as_a_string(valid: ClaimsFile) -> None:
    (source,) = valid.claims[0].sources
    assert source.ref == "https://example.org/carnegie/zhao-tong-interview"
    assert source.target == source.ref
    assert source.note is None


def test_source_as_a_mapping_with_a_note(valid: ClaimsFile) -> None:
    (source,) = valid.claims[1].sources
    assert source.ref == "https://example.org/customs/2022-trade"
    assert source.note == "China customs annual figures"
    text = (DATA / "valid.yaml").read_text().splitlines()
    assert source.line is not None and "url: https://example.org/customs/2022-trade" in text[source.line - 1]


def test_single_source_without_a_list_dash(valid: ClaimsFile) -> None:
    (source,) = valid.claims[2].sources
    assert source.ref == "sub/page.html"


def test_relative_path_resolved_against_the_claims_files_folder(valid: ClaimsFile) -> None:
    (source,) = valid.claims[2].sources
    assert source.target == (DATA / "sub" / "page.html").resolve().as_uri()
    assert source.target.startswith("file://")
    assert source.target.startswith(DATA.resolve().as_uri() + "/")


def test_relative_path_does_not_depend_on_the_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    loaded = load_claims(DATA / "valid.yaml")
    assert loaded.claims[2].sources[0].target == (DATA / "sub" / "page.html").resolve().as_uri()


def test_file_url_and_same_page_by_path(valid: ClaimsFile) -> None:
    file_url, by_path = valid.claims[3].sources
    assert file_url.ref == "file:///srv/pages/page.html"
    assert file_url.target == "file:///srv/pages/page.html"
    assert by_path.target == valid.claims[2].sources[0].target   # fetched once per run
    assert by_path.note == "the same page as local.paths_1"


@pytest.mark.parametrize(("written", "path"), [
    ("file:///srv/a%20b.html", "/srv/a b.html"),
    ("file://localhost/srv/a.html", "/srv/a.html"),
    ("file:page.html", "{base}/page.html"),
    ("./page.html", "{base}/page.html"),
    ("../up.html", "{parent}/up.html"),
    ("/abs/page.html", "/abs/page.html"),
    ("with space.html", "{base}/with space.html"),
])
def test_local_locations(tmp_path: Path, written: str, path: str) -> None:
    base = tmp_path / "articles"
    base.mkdir()
    text = f"version: 1\nclaims:\n  - id: a\n    text: x\n    sources: ['{written}']\n"
    loaded = parse_claims(text.encode(), "c.yaml", base_dir=base)
    expected = Path(path.format(base=base, parent=tmp_path)).resolve().as_uri()
    assert loaded.claims[0].sources[0].target == expected
    assert loaded.claims[0].sources[0].ref == written


def test_stdin_resolves_relative_paths_against_the_cwd(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = b"version: 1\nclaims:\n  - id: a\n    text: x\n    sources: [pages/p.html]\n"
    loaded = load_claims("-", stdin=io.BytesIO(text))
    assert loaded.path == "<stdin>"
    assert loaded.claims[0].file == "<stdin>"
    assert loaded.claims[0].sources[0].target == (tmp_path / "pages" / "p.html").resolve().as_uri()


def test_load_accepts_str_and_path(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("version: 1\nclaims:\n  - id: a\n    text: x\n    sources: [p.html]\n")
    assert load_claims(str(path)) == load_claims(path)


@pytest.mark.parametrize(("written", "stored"), [
    ("2023-03-20", "2023-03-20"),
    ("'2023-03-20'", "2023-03-20"),
    ("' March 2023 '", "March 2023"),
])
def test_published(written: str, stored: str) -> None:
    text = (f"version: 1\narticle:\n  published: {written}\n"
            "claims:\n  - id: a\n    text: x\n    sources: [p]\n")
    loaded = parse_claims(text.encode(), "c.yaml", base_dir=Path("/tmp"))
    assert loaded.article is not None and loaded.article.published == stored


def test_article_is_optional_and_may_be_empty() -> None:
    body = "claims:\n  - id: a\n    text: x\n    sources: [p]\n"
    assert parse_claims(b"version: 1\n" + body.encode(), "c", base_dir=Path("/tmp")).article is None
    loaded = parse_claims(b"version: 1\narticle:\n" + body.encode(), "c", base_dir=Path("/tmp"))
    assert loaded.article is None


def test_kind_defaults_to_statement_and_text_is_stripped() -> None:
    text = "version: 1\nclaims:\n  - id: a\n    text: '  spaced  '\n    kind:\n    sources: [p]\n"
    (claim,) = parse_claims(text.encode(), "c", base_dir=Path("/tmp")).claims
    assert claim.kind is Kind.STATEMENT
    assert claim.text == "spaced"


def test_numbers_are_accepted_as_speaker_and_title() -> None:
    text = ("version: 1\narticle:\n  title: 1984\nclaims:\n"
            "  - id: a\n    text: x\n    speaker: 42\n    sources: [p]\n")
    loaded = parse_claims(text.encode(), "c", base_dir=Path("/tmp"))
    assert loaded.article is not None and loaded.article.title == "1984"
    assert loaded.claims[0].speaker == "42"


def test_unicode_and_curly_quotes_are_kept() -> None:
    text = "version: 1\nclaims:\n  - id: a\n    kind: quote\n    text: “limitless friendship” — Путин\n" \
           "    speaker: Mathieu Duchâtel\n    sources: ['https://bücher.example/a']\n"
    (claim,) = parse_claims(text.encode(), "c", base_dir=Path("/tmp")).claims
    assert claim.text == "“limitless friendship” — Путин"
    assert claim.speaker == "Mathieu Duchâtel"
    assert claim.sources[0].target == "https://bücher.example/a"


def test_anchors_and_merge_keys_work() -> None:
    text = ("version: 1\nclaims:\n"
            "  - &base {id: a, text: x, sources: [https://example.org/a]}\n"
            "  - <<: *base\n    id: b\n")
    loaded = parse_claims(text.encode(), "c", base_dir=Path("/tmp"))
    assert [c.id for c in loaded.claims] == ["a", "b"]
    assert loaded.claims[1].sources[0].target == "https://example.org/a"


def test_shipped_claims_file_loads(repo: Path) -> None:
    loaded = load_claims(repo / "claims.yaml")
    assert len(loaded.claims) >= 10
    assert {c.kind for c in loaded.claims} == set(Kind)
    assert len({c.id for c in loaded.claims}) == len(loaded.claims)


def test_article_author_is_kept() -> None:
    text = ("version: 1\narticle:\n  title: T\n  author: Jane Doe\n"
            "claims:\n  - id: a\n    text: x\n    sources: [p]\n")
    loaded = parse_claims(text.encode(), "c.yaml", base_dir=Path("/tmp"))
    assert loaded.article == Article(title="T", author="Jane Doe")
