"""Every format renders a Report built in memory; each keeps its own promises."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import pytest

from factcheck.formats import FORMATTERS, OutputFormat, RenderOptions, render, report_to_dict
from factcheck.formats.json import SCHEMA
from factcheck.formats.style import VERDICT_STYLES
from factcheck.model import Article, ClaimResult, Report, SourceRef, Verdict

from .conftest import make_report

ANSI = re.compile(r"\x1b\[[0-9;]*m")


# -- the registry ------------------------------------------------------------------------


def test_every_format_has_a_formatter() -> None:
    assert set(FORMATTERS) == set(OutputFormat)


@pytest.mark.parametrize("output_format", list(OutputFormat))
def test_every_format_renders_text_ending_in_a_newline(output_format: OutputFormat, report: Report) -> None:
    text = render(output_format, report)
    assert isinstance(text, str)
    assert text.endswith("\n")
    for result in report.results:
        assert result.claim.id in text


@pytest.mark.parametrize("output_format", list(OutputFormat))
def test_every_format_renders_an_empty_report(output_format: OutputFormat, empty_report: Report) -> None:
    assert isinstance(render(output_format, empty_report), str)


def test_format_names_are_the_contracts() -> None:
    assert {f.value for f in OutputFormat} >= {"table", "json", "jsonl", "markdown", "csv"}


def test_every_verdict_has_a_distinct_symbol() -> None:
    assert set(VERDICT_STYLES) == set(Verdict)
    assert len({s.symbol for s in VERDICT_STYLES.values()}) == len(Verdict)


# -- json --------------------------------------------------------------------------------


def test_json_is_the_contracts_document(report: Report) -> None:
    document = json.loads(render(OutputFormat.JSON, report))
    assert document == report_to_dict(report)
    assert document["schema"] == SCHEMA == "factcheck.verify/1"
    assert document["article"]["title"].startswith("Xi Jinping in Russia")
    assert document["article"]["url"] == "https://example.org/xi-in-russia"
    assert document["summary"] == {"supported": 1, "partial": 1, "contradicted": 1, "not_found": 1,
                                   "unreachable": 1}


@pytest.mark.parametrize("which", ["report", "empty_report"])
def test_json_written_claim_by_claim_is_json_dump_text(which: str, request: pytest.FixtureRequest) -> None:
    """The streamed document is byte for byte what json.dump of the whole dict writes."""
    report = request.getfixturevalue(which)
    expected = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
    assert render(OutputFormat.JSON, report) == expected


def test_json_summary_counts_every_verdict_zeros_included(results: tuple[ClaimResult, ...]) -> None:
    again = replace(results[0], claim=replace(results[0].claim, id="again"))
    only_supported = make_report((results[0], again))
    summary = json.loads(render(OutputFormat.JSON, only_supported))["summary"]
    assert summary == {"supported": 2, "partial": 0, "contradicted": 0, "not_found": 0, "unreachable": 0}
    assert list(summary) == [v.value for v in Verdict]


def test_json_claims_have_the_fixed_fields(report: Report) -> None:
    claims = json.loads(render(OutputFormat.JSON, report))["claims"]
    assert [c["id"] for c in claims] == [r.claim.id for r in report.results]
    for claim, result in zip(claims, report.results, strict=True):
        assert claim["kind"] == result.claim.kind.value
        assert claim["verdict"] == result.verdict.value
        assert isinstance(claim["evidence"], list)
        for item in claim["evidence"]:
            assert isinstance(item["url"], str) and item["url"]
            assert isinstance(item["snippet"], str) and item["snippet"]
        assert len(claim["sources"]) == len(result.sources)
        for source in claim["sources"]:
            assert {"url", "status", "error"} <= set(source)
            assert source["status"] is None or isinstance(source["status"], int)
            assert source["error"] is None or isinstance(source["error"], str)


def test_json_keeps_errors_notes_warnings_differences_and_highlights(report: Report) -> None:
    claims = {c["id"]: c for c in json.loads(render(OutputFormat.JSON, report))["claims"]}
    unreachable = claims["wsj-dual-use"]["sources"]
    assert [(s["status"], s["error"]) for s in unreachable] == [(403, "HTTP 403 Forbidden"),
                                                               (None, "no such file")]
    assert claims["zhao-tong-defeat"]["sources"][0]["note"] == "Carnegie interview"
    assert "size cap" in claims["bondaz-convergence"]["sources"][0]["warning"]
    contradicted = claims["trade-2022"]
    assert contradicted["evidence"][0]["differences"] == [{"claimed": "177 billion euros",
                                                           "source": "$190.3 billion"}]
    snippet = contradicted["evidence"][0]["snippet"]
    (start, end), = contradicted["evidence"][0]["highlights"]
    assert snippet[start:end] == "to $190.3 billion in 2022"
    assert claims["xi-personality-2013"]["evidence"] == []
    assert claims["wsj-dual-use"]["score"] is None


def test_json_is_unicode_not_escaped(report: Report) -> None:
    result = report.results[0]
    text_report = make_report((replace(result, claim=replace(result.claim, text="“Путин” — Duchâtel")),))
    text = render(OutputFormat.JSON, text_report)
    assert "“Путин” — Duchâtel" in text


def test_json_without_article(empty_report: Report) -> None:
    document = json.loads(render(OutputFormat.JSON, empty_report))
    assert document["article"] is None
    assert document["claims"] == []
    assert set(document["summary"].values()) == {0}


# -- jsonl -------------------------------------------------------------------------------


def test_jsonl_is_one_object_per_line_equal_to_the_json_claims(report: Report) -> None:
    text = render(OutputFormat.JSONL, report)
    lines = text.splitlines()
    assert len(lines) == len(report.results)
    objects = [json.loads(line) for line in lines]
    assert all(isinstance(o, dict) for o in objects)
    assert objects == json.loads(render(OutputFormat.JSON, report))["claims"]


def test_jsonl_keeps_newlines_of_snippets_inside_their_line(report: Report) -> None:
    text = render(OutputFormat.JSONL, report)
    assert text.count("\n") == len(report.results)


def test_jsonl_of_an_empty_report_is_empty(empty_report: Report) -> None:
    assert render(OutputFormat.JSONL, empty_report) == ""


# -- csv ---------------------------------------------------------------------------------


def csv_rows(report: Report) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(OutputFormat.CSV, report), newline="")))


def test_csv_header_and_one_row_per_claim(report: Report) -> None:
    text = render(OutputFormat.CSV, report)
    header = next(csv.reader(io.StringIO(text, newline="")))
    assert {"id", "kind", "verdict", "score", "snippet", "evidence_url"} <= set(header)
    rows = csv_rows(report)
    assert [r["id"] for r in rows] == [r.claim.id for r in report.results]
    assert [r["verdict"] for r in rows] == [r.verdict.value for r in report.results]
    assert all(len(row) == len(header) and None not in row for row in rows)


def test_csv_round_trips_commas_quotes_pipes_and_newlines(results: tuple[ClaimResult, ...]) -> None:
    result = results[2]          # contradicted: text and snippet with commas and quotes
    text = 'He said, "no",\nand then: "yes" | maybe'
    tricky = make_report((replace(result, claim=replace(result.claim, text=text)),))
    (row,) = csv_rows(tricky)
    assert row["text"] == text
    assert row["snippet"] == " ".join(result.evidence[0].snippet.split())
    assert '"a record",' in row["snippet"]
    assert row["differences"] == "177 billion euros -> $190.3 billion"


def test_csv_snippet_newlines_become_spaces(report: Report) -> None:
    rows = {r["id"]: r for r in csv_rows(report)}
    assert "\n" in report.results[2].evidence[0].snippet
    assert "\n" not in rows["trade-2022"]["snippet"]


def test_csv_lists_source_errors_and_leaves_missing_values_empty(report: Report) -> None:
    rows = {r["id"]: r for r in csv_rows(report)}
    assert rows["wsj-dual-use"]["source_errors"] == (
        "https://www.wsj.com/articles/china-russia-dual-use: HTTP 403 Forbidden; "
        "sources/wsj-missing.html: no such file")
    assert rows["wsj-dual-use"]["score"] == ""
    assert rows["xi-personality-2013"]["snippet"] == ""
    assert rows["zhao-tong-defeat"]["score"] == "1.000"


# -- markdown ----------------------------------------------------------------------------


def table_rows(markdown: str) -> list[list[str]]:
    """Cells of each body row of the Markdown table, split on unescaped pipes."""
    rows = [line for line in markdown.splitlines() if line.startswith("| ")][2:]
    return [[c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def test_markdown_has_a_row_per_claim_with_verdict_and_id(report: Report) -> None:
    text = render(OutputFormat.MARKDOWN, report)
    rows = table_rows(text)
    assert len(rows) == len(report.results)
    header = next(line for line in text.splitlines() if line.startswith("| "))
    columns = len([c for c in header.split("|") if c.strip()])
    for row, result in zip(rows, report.results, strict=True):
        assert len(row) == columns
        assert row[0] == f"{VERDICT_STYLES[result.verdict].symbol} {result.verdict.value}"
        assert f"`{result.claim.id}`" in row
    assert "5 claims: 1 supported" in text


def test_markdown_escapes_pipes_in_text(report: Report) -> None:
    rows = {row[1]: row for row in table_rows(render(OutputFormat.MARKDOWN, report))}
    assert '"a record" \\| says Beijing.' in rows["`trade-2022`"][2]


def test_markdown_emphasises_the_matched_words(report: Report) -> None:
    rows = {row[1]: row for row in table_rows(render(OutputFormat.MARKDOWN, report))}
    assert "**to $190.3 billion in 2022**" in rows["`trade-2022`"][3]
    assert "[example.org](https://example.org/customs/2022-trade)" in rows["`trade-2022`"][4]


def test_markdown_keeps_the_spaces_around_emphasis(report: Report) -> None:
    rows = {row[1]: row for row in table_rows(render(OutputFormat.MARKDOWN, report))}
    assert "Zhao Tong says: **China fears" in rows["`zhao-tong-defeat`"][3]


HOSTILE = '<script>alert("x")</script>'


def hostile_report(results: tuple[ClaimResult, ...], *, article: Article | None = None,
                   source_url: str | None = None) -> Report:
    result = results[2]
    claim = replace(result.claim, text=f"Trade | {HOSTILE}", speaker=HOSTILE)
    evidence = replace(result.evidence[0], snippet=f"to $190.3 billion in 2022 {HOSTILE}")
    sources = result.sources
    if source_url is not None:
        claim = replace(claim, sources=(SourceRef(ref=source_url, target=source_url),))
        evidence = replace(evidence, url=source_url)
        sources = (replace(sources[0], url=source_url),)
    hostile = replace(result, claim=claim, evidence=(evidence,), sources=sources,
                      reason=f"because {HOSTILE}")
    return make_report((hostile,), article)


def test_markdown_escapes_hostile_claim_snippet_and_reason(results: tuple[ClaimResult, ...]) -> None:
    text = render(OutputFormat.MARKDOWN, hostile_report(results, article=Article(title=HOSTILE)))
    assert "<script" not in text
    assert "&lt;script&gt;" in text
    assert len(table_rows(text)) == 1


def test_markdown_escapes_hostile_article_url_and_date(results: tuple[ClaimResult, ...]) -> None:
    article = Article(title="t", url=f"https://example.org/> {HOSTILE}", published=HOSTILE)
    text = render(OutputFormat.MARKDOWN, hostile_report(results, article=article))
    assert "<script" not in text


def test_markdown_escapes_hostile_source_urls(results: tuple[ClaimResult, ...]) -> None:
    url = f"https://example.org/a|b?q={HOSTILE}"
    text = render(OutputFormat.MARKDOWN, hostile_report(results, source_url=url))
    assert "<script" not in text
    assert all(len(row) == 5 for row in table_rows(text))


def test_markdown_local_sources_are_plain_text(results: tuple[ClaimResult, ...]) -> None:
    text = render(OutputFormat.MARKDOWN, hostile_report(results, source_url="sources/a|b.html"))
    assert "sources/a\\|b.html" in text
    assert "](sources" not in text


# -- table -------------------------------------------------------------------------------


def plain_table(report: Report, width: int = 120) -> str:
    return render(OutputFormat.TABLE, report, RenderOptions(color=False, width=width))


def test_table_shows_each_id_verdict_word_and_symbol(report: Report) -> None:
    text = plain_table(report)
    for result in report.results:
        assert result.claim.id in text
        assert f"{VERDICT_STYLES[result.verdict].symbol} {result.verdict.value}" in text
    assert "Xi Jinping in Russia" in text


def test_table_without_color_has_no_ansi_codes(report: Report) -> None:
    assert not ANSI.search(plain_table(report))


def test_table_with_color_has_ansi_codes(report: Report) -> None:
    text = render(OutputFormat.TABLE, report, RenderOptions(color=True, width=120))
    assert ANSI.search(text)
    plain = ANSI.sub("", text)
    for result in report.results:
        assert result.claim.id in plain


@pytest.mark.parametrize("width", [80, 120, 200])
def test_table_fits_the_width_it_is_given(report: Report, width: int) -> None:
    lines = plain_table(report, width).splitlines()
    assert max(len(line) for line in lines) <= width


def test_table_does_not_interpret_markup_in_claims(results: tuple[ClaimResult, ...]) -> None:
    result = results[3]
    marked = make_report((replace(result, claim=replace(result.claim, text="[bold red]x[/] [link=y]z"),
                                  reason="[/] unbalanced [i]"),))
    text = plain_table(marked)
    assert "[bold red]x[/]" in text
    assert "[/] unbalanced [i]" in text
