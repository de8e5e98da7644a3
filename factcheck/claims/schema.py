"""The rules of claims-file version 1, applied to the parsed YAML.

Every problem names the line it is on and, where it can, how to fix it: a misspelt key
gets the key that was probably meant, a bad id a valid one. Problems are gathered in
file order and the first is raised, with a count of the others, so the message stays
one message and the user fixes the file top to bottom.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from factcheck.errors import ClaimsFileError
from factcheck.model import Article, Claim, ClaimsFile, Kind, SourceRef

SUPPORTED_VERSION = 1
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]*")
TOP_KEYS = ("version", "article", "claims")
ARTICLE_KEYS = ("title", "url", "published", "author")
CLAIM_KEYS = ("id", "kind", "text", "speaker", "sources")
SOURCE_KEYS = ("url", "note")
WEB_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def validate(document: Any, path: str, base_dir: Path) -> ClaimsFile:
    """Check a parsed claims document and build the ``ClaimsFile``; raise the first problem."""
    checker = _Checker(path, base_dir)
    result = checker.document(document)
    if checker.problems:
        first = checker.problems[0]
        more = len(checker.problems) - 1
        if more:
            first.hint = (first.hint + "\n  " if first.hint else "") + (
                f"({more} more problem{'s' if more > 1 else ''} after this one)")
        raise first
    assert result is not None
    return result


def resolve_source(ref: str, base_dir: Path) -> str:
    """The absolute URL a validated source reference is fetched from.

    Web URLs are kept as written; local paths and ``file:`` URLs become absolute
    ``file://`` URLs, relative ones resolved against ``base_dir`` (the claims file's folder).
    """
    match = _SCHEME.match(ref)
    scheme = match.group(1).lower() if match and len(match.group(1)) > 1 else None
    if scheme in WEB_SCHEMES:
        return ref
    if scheme == "file":
        parts = urlsplit(ref)
        host = parts.netloc if parts.netloc not in ("", "localhost") else ""
        local = unquote(host + parts.path)
    else:
        local = ref
    file = Path(local).expanduser()
    if not file.is_absolute():
        file = base_dir / file
    return file.resolve().as_uri()


@dataclass
class _Checker:
    path: str
    base_dir: Path
    problems: list[ClaimsFileError] = field(default_factory=list)

    def problem(self, line: int | None, message: str, hint: str | None = None) -> None:
        self.problems.append(ClaimsFileError(self.path, line, message, hint))

    # -- the document -------------------------------------------------------------------

    def document(self, doc: Any) -> ClaimsFile | None:
        if doc is None:
            self.problem(1, "the file is empty", "start it with 'version: 1' and a 'claims:' list "
                         "(see the README for an example)")
            return None
        if not isinstance(doc, Mapping):
            self.problem(_line(doc) or 1, f"the top level is {_type_name(doc)}, not a mapping",
                         "a claims file is a mapping with the keys version, article and claims")
            return None
        self.unknown_keys(doc, TOP_KEYS, "at the top level")
        if "version" not in doc:
            self.problem(1, "missing 'version'", "add 'version: 1' as the file's first line")
        else:
            version = doc["version"]
            if isinstance(version, bool) or version != SUPPORTED_VERSION:
                self.problem(_key_line(doc, "version"), f"unsupported version {_plain(version)}".rstrip(),
                             f"this factcheck reads claims files of version {SUPPORTED_VERSION}")
        article = self.article(doc["article"], _key_line(doc, "article")) if "article" in doc else None
        claims: list[Claim] = []
        if "claims" not in doc:
            self.problem(_line(doc) or 1, "missing 'claims'", "add a 'claims:' list of the claims to check")
        else:
            claims = self.claims(doc["claims"], _key_line(doc, "claims"))
        return ClaimsFile(path=self.path, claims=tuple(claims), article=article)

    def article(self, node: Any, line: int | None) -> Article | None:
        if node is None:
            return None
        if not isinstance(node, Mapping):
            self.problem(line, f"'article' is {_type_name(node)}, not a mapping",
                         "give it title, url, published and author keys")
            return None
        self.unknown_keys(node, ARTICLE_KEYS, "in 'article'")
        title = self.optional_string(node, "title", "article")
        url = self.optional_string(node, "url", "article")
        published: str | None = None
        if node.get("published") is not None:
            value = node["published"]
            if isinstance(value, dt.date):
                published = value.isoformat()
            elif isinstance(value, str) and value.strip():
                published = value.strip()
            else:
                self.problem(_key_line(node, "published"), f"'published' is {_type_name(value)}",
                             "write the date as YYYY-MM-DD, e.g. published: 2023-03-20")
        author = self.optional_string(node, "author", "article")
        return Article(title=title, url=url, published=published, author=author)

    # -- claims -------------------------------------------------------------------------

    def claims(self, node: Any, line: int | None) -> list[Claim]:
        if not isinstance(node, Sequence) or isinstance(node, str):
            self.problem(line, f"'claims' is {_type_name(node)}, not a list",
                         "write each claim as a list item starting with '- id: ...'")
            return []
        if not node:
            self.problem(line, "'claims' is empty: there is nothing to check",
                         "add at least one claim with id, text and sources")
            return []
        seen: dict[str, int | None] = {}
        out = []
        for index, item in enumerate(node):
            claim = self.claim(item, _item_line(node, index) or line, index)
            if claim is None:
                continue
            if claim.id in seen:
                first = seen[claim.id]
                self.problem(claim.line, f"duplicate id '{claim.id}'"
                             + (f" (first used on line {first})" if first else ""),
                             "ids must be unique in a file: rename one, e.g. "
                             f"'{claim.id}-2'")
                continue
            seen[claim.id] = claim.line
            out.append(claim)
        return out

    def claim(self, node: Any, line: int | None, index: int) -> Claim | None:
        if not isinstance(node, Mapping):
            self.problem(line, f"claim #{index + 1} is {_type_name(node)}, not a mapping",
                         "each claim needs at least 'id', 'text' and 'sources' keys")
            return None
        line = _line(node) or line
        before = len(self.problems)
        self.unknown_keys(node, CLAIM_KEYS, f"in claim #{index + 1}")
        claim_id = self.claim_id(node, line, index)
        label = f"claim '{claim_id}'" if claim_id else f"claim #{index + 1}"
        kind = self.kind(node, label)
        text = self.required_string(node, "text", label, line,
                                    "give the claim's words as the article states them")
        speaker = self.optional_string(node, "speaker", label)
        sources = self.sources(node, label, line)
        if len(self.problems) > before or claim_id is None or kind is None or text is None:
            return None
        return Claim(id=claim_id, kind=kind, text=text, sources=tuple(sources), speaker=speaker,
                     line=line, file=self.path)

    def claim_id(self, node: Mapping[str, Any], line: int | None, index: int) -> str | None:
        if "id" not in node or node["id"] is None:
            self.problem(line, f"claim #{index + 1} has no 'id'",
                         "add a unique id such as 'id: claim-" + str(index + 1) + "'")
            return None
        value = node["id"]
        where = _key_line(node, "id")
        if not isinstance(value, str):
            self.problem(where, f"the id{_preview(value)} is {_type_name(value)}, not a string",
                         f"quote it: id: \"{_plain(value)}\"" if _plain(value) else "give the id as text")
            return None
        if not ID_PATTERN.fullmatch(value):
            suggestion = _slug(value)
            self.problem(where, f"invalid id '{_plain(value)}': ids use lowercase letters, digits, '.', '_' "
                         "and '-', and start with a letter or digit",
                         f"e.g. id: {suggestion}" if suggestion else None)
            return None
        return value

    def kind(self, node: Mapping[str, Any], label: str) -> Kind | None:
        if node.get("kind") is None:
            return Kind.STATEMENT
        value = node["kind"]
        names = [k.value for k in Kind]
        if isinstance(value, str) and value in names:
            return Kind(value)
        guess = _closest(_plain(value), names)
        self.problem(_key_line(node, "kind"), f"unknown kind{_preview(value)} in {label}",
                     (f"did you mean '{guess}'? " if guess else "") + "kind is one of: " + ", ".join(names))
        return None

    # -- sources ------------------------------------------------------------------------

    def sources(self, node: Mapping[str, Any], label: str, line: int | None) -> list[SourceRef]:
        if node.get("sources") is None:
            self.problem(line, f"{label} has no sources",
                         "add 'sources:' with at least one URL or file path where the claim can be "
                         "checked")
            return []
        value = node["sources"]
        where = _key_line(node, "sources")
        if isinstance(value, str):
            value = [value]            # a single source written without the list dash
        if not isinstance(value, Sequence):
            self.problem(where, f"'sources' of {label} is {_type_name(value)}, not a list",
                         "write each source on its own line starting with '- '")
            return []
        if not value:
            self.problem(where, f"{label} has no sources ('sources' is empty)",
                         "add at least one URL or file path where the claim can be checked")
            return []
        out = []
        for index, item in enumerate(value):
            item_line = _item_line(value, index) or where
            source = self.source(item, item_line, label)
            if source is not None:
                out.append(source)
        return out

    def source(self, item: Any, line: int | None, label: str) -> SourceRef | None:
        note = None
        if isinstance(item, Mapping):
            self.unknown_keys(item, SOURCE_KEYS, f"in a source of {label}")
            note = self.optional_string(item, "note", f"a source of {label}")
            if item.get("url") is None:
                self.problem(line, f"a source of {label} has no 'url'",
                             "write it as '- url: https://...' (and optionally 'note: ...')")
                return None
            line = _key_line(item, "url") or line
            item = item["url"]
        if not isinstance(item, str):
            self.problem(line, f"a source of {label} is {_type_name(item)}, not a URL or path",
                         "write the URL or path as text, e.g. - https://example.org/page")
            return None
        ref = item.strip()
        error = check_location(ref)
        if error is not None:
            message, hint = error
            self.problem(line, f"{message} in {label}", hint)
            return None
        return SourceRef(ref=ref, target=resolve_source(ref, self.base_dir), note=note, line=line)

    # -- shared helpers -----------------------------------------------------------------

    def unknown_keys(self, node: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
        for key in node:
            if key in allowed:
                continue
            guess = _closest(_plain(key), allowed)
            self.problem(_key_line(node, key), f"unknown key{_preview(key)} {where}",
                         (f"did you mean '{guess}'? " if guess else "")
                         + "allowed keys: " + ", ".join(allowed))

    def required_string(self, node: Mapping[str, Any], key: str, label: str, line: int | None,
                        hint: str) -> str | None:
        value = node.get(key)
        if value is None:
            self.problem(line, f"{label} has no '{key}'", hint)
            return None
        if not isinstance(value, str):
            self.problem(_key_line(node, key), f"'{key}' of {label} is {_type_name(value)}, not text",
                         f"quote it: {key}: \"{_plain(value)}\"" if _plain(value) else f"give {key} as text")
            return None
        if not value.strip():
            self.problem(_key_line(node, key), f"'{key}' of {label} is empty", hint)
            return None
        return value.strip()

    def optional_string(self, node: Mapping[str, Any], key: str, label: str) -> str | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(_key_line(node, key), f"'{key}' of {label} is {_type_name(value)}, not text",
                         f"write it as text, e.g. {key}: \"...\"")
            return None
        text = str(value).strip()
        return text or None


def check_location(ref: str) -> tuple[str, str] | None:
    """Why ``ref`` is not a usable source location, as (message, hint); None if it is."""
    if not ref:
        return "an empty source", "give a URL (https://...) or a path to a local file"
    if any(ch.isspace() for ch in ref) and _SCHEME.match(ref):
        return (f"malformed URL '{_plain(ref)}': it contains spaces",
                "encode spaces in a URL as %20")
    match = _SCHEME.match(ref)
    scheme = match.group(1).lower() if match and len(match.group(1)) > 1 else None
    if scheme is None:
        if ref.lower().startswith("www."):
            return (f"malformed URL '{_plain(ref)}': no scheme",
                    f"write it in full: https://{ref}")
        if "\0" in ref:
            return f"invalid path '{_plain(ref)}'", "a path cannot contain a NUL character"
        return None
    if scheme in WEB_SCHEMES:
        try:
            parts = urlsplit(ref)
            port_ok = parts.port is None or parts.port > 0
        except ValueError:
            return (f"malformed URL '{_plain(ref)}': invalid port", "a port is a number from 1 to 65535")
        if not ref[len(scheme) + 1:].startswith("//") or not parts.hostname:
            return (f"malformed URL '{_plain(ref)}': no host name",
                    f"a web address looks like {scheme}://example.org/page")
        if not port_ok:
            return (f"malformed URL '{_plain(ref)}': invalid port {parts.port}", "a port is a number from 1 to 65535")
        if not _valid_host(parts.hostname):
            return (f"malformed URL '{_plain(ref)}': invalid host name {parts.hostname!r}",
                    f"a web address looks like {scheme}://example.org/page")
        return None
    if scheme == "file":
        parts = urlsplit(ref)
        if not (parts.netloc + parts.path).strip("/"):
            return f"malformed URL '{_plain(ref)}': no path", "write file:///absolute/path or a relative path"
        return None
    guess = _closest(scheme, [*WEB_SCHEMES, "file"])
    return (f"unsupported URL scheme '{scheme}:' in '{_plain(ref)}'",
            (f"did you mean '{guess}'? " if guess else "")
            + "a source is an http(s) URL, a file:// URL or a path relative to the claims file")


_HOST = re.compile(r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?\.?)+|\[?[0-9A-Fa-f:.]+\]?")


def _valid_host(host: str) -> bool:
    try:
        host.encode("idna")
    except UnicodeError:
        return False
    return bool(_HOST.fullmatch(host)) or not host.isascii()


def _plain(value: Any) -> str:
    """A scalar as short text for a message; '' for anything else (a list, a mapping, an
    alias tree), which is never turned into text: an aliased structure can be enormous."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float | dt.date):
        text = str(value)
        return text if len(text) <= 60 else text[:57] + "..."
    return ""


def _preview(value: Any) -> str:
    """`` 'value'`` for a short scalar, else ''."""
    text = _plain(value)
    return f" '{text}'" if text else ""


def _closest(word: str, choices: Sequence[str]) -> str | None:
    found = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", value.strip().lower()).strip("-._")


def _type_name(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Sequence):
        return "a list"
    return type(value).__name__


def _line(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    return lc.line + 1 if lc is not None and lc.line is not None else None


def _key_line(node: Any, key: Any) -> int | None:
    lc = getattr(node, "lc", None)
    try:
        return int(lc.key(key)[0]) + 1 if lc is not None else None
    except (KeyError, TypeError, AttributeError):
        return _line(node)


def _item_line(node: Any, index: int) -> int | None:
    lc = getattr(node, "lc", None)
    try:
        return int(lc.item(index)[0]) + 1 if lc is not None else None
    except (KeyError, TypeError, AttributeError, IndexError):
        return _line(node)


__all__ = ["check_location", "resolve_source", "validate"]
