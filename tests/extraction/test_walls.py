"""Walls: pages served with status 200 that are not the cited page.

A soft 404, a bot check, a consent wall, a paywall stub or a login page must give a
reason (the source is then unreachable, never matched); a real article that mentions
"404", a cookie banner or "subscribe" must not. Both sides are checked on the pure
``wall_reason`` and through ``extract`` on whole pages, and ``extract`` runs over real
news pages (tests/data/walls, and the full benchmark corpus when it is present).

The pages in tests/data/walls are from scrapinghub/article-extraction-benchmark (MIT, see
tests/data/walls/aeb-LICENSE).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from factcheck.errors import ExtractionError
from factcheck.extraction import extract
from factcheck.extraction.walls import MAX_WALL_WORDS, PageFacts, wall_reason

WALLS = Path(__file__).resolve().parent.parent / "data" / "walls"
CORPUS = Path("/work/shared/corpus/aeb/html")

SOFT_404 = "a 'page not found' page served with status 200 (soft 404)"
CAPTCHA = "a bot check (captcha), not the article"
CONSENT = "a cookie or consent wall, not the article"
PAYWALL = "a paywall, not the article"
LOGIN = "a login page, not the article"

PARAGRAPHS = [
    "The harbour authority said on Thursday that container volumes rose for the third year in a row, helped by "
    "new cranes at the eastern terminal and longer opening hours at the rail yard.",
    "Officials expect the port to handle more ships next year, although the planned deepening of the channel "
    "has been delayed by a court case brought by fishermen who fear for their catch.",
    "The company that runs the terminal said it would hire dockers over the summer and train them on the new "
    "equipment, which was bought from a Finnish manufacturer last spring.",
    "Local councillors welcomed the figures but warned that traffic on the coast road had become dangerous, "
    "with lorries queuing for hours outside the gates on busy days.",
    "The regional government has promised a bypass, but the project has no budget yet and work is not expected "
    "to start before the end of the decade, according to planning documents.",
]
ARTICLE = "\n\n".join(PARAGRAPHS * 4)
"""An article of about 500 words (more than MAX_WALL_WORDS)."""


def page(title: str, body: str, *, head: str = "") -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>").encode()


def article_page(title: str, extra: str = "", footer: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    return page(title, f"<header><nav><a href='/'>Home</a></nav></header><article><h1>{title}</h1>"
                       f"{paragraphs}{extra}</article><footer>{footer}</footer>")


def extract_reason(body: bytes) -> str | None:
    try:
        extract(body, "text/html")
    except ExtractionError as e:
        return str(e)
    return None


def facts(text: str, title: str | None = None, headings: tuple[str, ...] = (), *,
          noindex: bool = False, main: bool = True) -> PageFacts:
    return PageFacts(title=title, headings=headings, main_text=text if main else None, visible_text=text,
                     noindex=noindex)


def test_the_article_fixture_is_long_enough_to_be_an_article() -> None:
    assert len(ARTICLE.split()) > MAX_WALL_WORDS


# --- soft 404 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "headings", "text"), [
    ("Page not found | The Daily Item", ("Sorry, we could not find that page",), "Try searching our site."),
    ("404", (), "Go back to the home page."),
    ("The Daily Item", ("Error 404",), "The page you were looking for has moved."),
    ("The Daily Item", ("This page doesn't exist",), "Try the search box above."),
    ("Oops!", ("Nothing found",), "Maybe try a search?"),
])
def test_a_soft_404_is_reported(title: str, headings: tuple[str, ...], text: str) -> None:
    assert wall_reason(facts(text, title, headings)) == SOFT_404


def test_a_short_body_saying_not_found_is_a_soft_404() -> None:
    assert wall_reason(facts("Sorry, the page you are looking for could not be found.", "The Daily Item")) \
        == SOFT_404


def test_a_noindex_page_whose_body_says_not_found_is_a_soft_404() -> None:
    body = ("We looked everywhere but the story you are looking for has been removed from our archive. " * 8)
    assert wall_reason(facts(body, "The Daily Item", noindex=True)) == SOFT_404
    assert wall_reason(facts(body, "The Daily Item", noindex=False)) is None


@pytest.mark.parametrize("heading", ["This page no longer exists", "Oops! That page can\u2019t be found.",
                                     "Sorry, we couldn\u2019t find that page"])
def test_common_soft_404_wordings_are_reported(heading: str) -> None:
    assert wall_reason(facts("Go to the homepage.", "The Daily Item", (heading,))) == SOFT_404


def test_a_short_article_without_any_sign_is_left_alone() -> None:
    assert wall_reason(facts(PARAGRAPHS[0], "Port volumes rise", ("Port volumes rise",))) is None
    assert wall_reason(facts("Brief: the ferry resumes service on Monday.", "Ferry back")) is None


@pytest.mark.parametrize("title", ["Page not found", "404 error", "Story no longer available"])
def test_a_long_article_with_a_not_found_title_is_left_alone(title: str) -> None:
    assert wall_reason(facts(ARTICLE, title, (title,))) is None


# --- bot checks, consent walls, paywalls, login pages ------------------------------------------------


@pytest.mark.parametrize(("title", "text", "reason"), [
    ("Just a moment...", "Checking your browser before accessing the site.", CAPTCHA),
    ("Attention Required!", "Please verify you are human by completing the action below.", CAPTCHA),
    ("news.example", "Are you a robot? Press and hold the button to continue.", CAPTCHA),
    ("Access denied", "You don't have permission to access this server.", CAPTCHA),
    ("Before you continue to News", "We and our partners use cookies to deliver our services.", CONSENT),
    ("The Daily Item", "We value your privacy. Accept all cookies or manage privacy settings.", CONSENT),
    ("Port volumes rise", "Port volumes rose again. Subscribe to continue reading. Already a subscriber?",
     PAYWALL),
    ("Port volumes rise", "This article is only available to subscribers.", PAYWALL),
    ("Port volumes rise", "You have reached your limit of free articles this month.", PAYWALL),
    ("Sign in", "Please log in to view this page. Forgot your password?", LOGIN),
    ("The Daily Item", "You must be logged in to read comments and stories.", LOGIN),
])
def test_a_wall_is_reported_with_its_kind(title: str, text: str, reason: str) -> None:
    assert wall_reason(facts(text, title)) == reason


def test_a_wall_phrase_only_in_the_visible_text_of_a_nearly_empty_page_counts() -> None:
    wall = PageFacts(title="The Daily Item", headings=(), main_text="Port volumes rise.",
                     visible_text="Port volumes rise.\nSubscribe to continue reading.")
    assert wall_reason(wall) == PAYWALL


@pytest.mark.parametrize("footer", [
    "Subscribe to continue reading our newsletter. Already a subscriber? Sign in.",
    "We value your privacy. Accept all cookies. Manage cookie preferences.",
    "Error 404? Report a broken link. Forgot your password?",
    "Protected by captcha. Security check by our provider.",
])
def test_a_long_article_with_wall_words_in_its_footer_is_left_alone(footer: str) -> None:
    assert wall_reason(facts(ARTICLE + "\n\n" + footer, "Port volumes rise")) is None


def test_a_long_article_that_discusses_404s_cookies_and_paywalls_is_left_alone() -> None:
    discussion = ("Readers who hit a 404 error page, a cookie consent banner or a 'subscribe to continue reading' "
                  "message are less likely to come back, the study found.")
    assert wall_reason(facts(discussion + "\n\n" + ARTICLE, "Why readers leave news sites")) is None


# --- through extract() on whole pages ---------------------------------------------------------------


@pytest.mark.parametrize(("body", "reason"), [
    (page("Page not found | The Daily Item", "<h1>Sorry, we could not find that page</h1><p>Try searching.</p>"),
     SOFT_404),
    (page("The Daily Item", "<h1>Oops</h1><p>This page does not exist.</p>",
          head="<meta name='robots' content='noindex, nofollow'>"), SOFT_404),
    (page("Just a moment...", "<p>Please verify you are human by completing the action below.</p>"), CAPTCHA),
    (page("Before you continue to News", "<p>We and our partners use cookies. Accept all cookies.</p>"), CONSENT),
    (page("Port volumes rise", "<h1>Port volumes rise</h1><p>Volumes rose.</p>"
                               "<p>Subscribe to continue reading. Already a subscriber? Log in.</p>"), PAYWALL),
    (page("Sign in", "<h1>Sign in</h1><p>Please log in to view this page.</p><p>Forgot your password?</p>"), LOGIN),
])
def test_extract_refuses_a_wall_with_its_reason(body: bytes, reason: str) -> None:
    assert extract_reason(body) == f"the page is {reason}"


@pytest.mark.parametrize(("title", "extra", "footer"), [
    ("Port volumes rise", "<p>The port's website showed a 404 page for most of Tuesday.</p>", ""),
    ("Port volumes rise", "", "<p>We value your privacy. Accept all cookies.</p><p>Subscribe to continue "
                              "reading our newsletter. Already a subscriber? Sign in.</p>"),
    ("Port volumes rise", "", "<p>Forgot your password? Please log in to comment.</p>"),
])
def test_extract_reads_a_long_article_that_mentions_wall_words(title: str, extra: str, footer: str) -> None:
    body = article_page(title, extra, footer)
    assert extract_reason(body) is None
    document = extract(body, "text/html")
    assert "container volumes rose" in document.texts[0].text


@pytest.mark.parametrize(("title", "sentence"), [
    ("Coach praises young players", "It was just a moment of madness, the coach said."),
    ("Airport queues grow", "Passengers waited two hours at the security check on Friday."),
    ("Reporters kept out", "Reporters were access denied at the gate, officials said."),
    ("Missing climber not found after three-day search", "Rescuers will resume the search on Monday."),
    ("Flight 404 diverted to Denver", "The plane landed safely and nobody was hurt."),
])
def test_a_short_article_with_an_ordinary_wall_phrase_is_left_alone(title: str, sentence: str) -> None:
    text = sentence + "\n\n" + "\n\n".join(PARAGRAPHS[:2])
    assert len(text.split()) < MAX_WALL_WORDS
    assert wall_reason(facts(text, title, (title,))) is None


def test_a_news_brief_with_a_consent_banner_in_its_footer_is_read() -> None:
    body = page("Ferry back on Monday", "<article><h1>Ferry back on Monday</h1>"
                f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></article>"
                "<footer><p>We value your privacy. Manage cookie preferences.</p></footer>")
    assert extract_reason(body) is None


# --- real pages -------------------------------------------------------------------------------------


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.html.gz")) if folder.is_dir() else []


@pytest.mark.parametrize("path", _pages(WALLS), ids=lambda p: p.name[:12])
def test_real_articles_are_not_walls(path: Path) -> None:
    body = gzip.decompress(path.read_bytes())
    assert extract_reason(body) is None
    document = extract(body, "text/html")
    assert document.texts and document.texts[0].text.strip()


def test_the_stored_real_pages_cover_short_and_long_articles_with_wall_words() -> None:
    listed = json.loads((WALLS / "pages.json").read_text(encoding="utf-8"))["pages"]
    assert {p.name.removesuffix(".html.gz") for p in _pages(WALLS)} == set(listed)
    words = sorted(entry["words"] for entry in listed.values())
    assert words[0] < 60 and words[-1] > 2 * MAX_WALL_WORDS
    mentions = b" ".join(gzip.decompress(p.read_bytes()).lower() for p in _pages(WALLS))
    assert all(word in mentions for word in (b"cookie", b"subscribe", b"404"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the benchmark corpus is not on this machine")
def test_no_page_of_the_benchmark_corpus_is_taken_for_a_wall() -> None:
    pages = _pages(CORPUS)
    assert len(pages) >= 20
    flagged = {p.name[:12]: extract_reason(gzip.decompress(p.read_bytes())) for p in pages}
    assert {name: reason for name, reason in flagged.items() if reason is not None} == {}
