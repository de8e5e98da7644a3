"""Sources that are files: ``file://`` URLs and paths relative to the claims file.

The claims loader has already resolved them to absolute ``file://`` URLs. Reading is
capped like a download so a path to a huge file cannot exhaust memory.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from factcheck.fetch.result import FetchResult


def path_of(target: str) -> Path:
    """The filesystem path of a ``file://`` URL."""
    parts = urlsplit(target)
    return Path(url2pathname(parts.path))


def read_local(target: str, max_bytes: int) -> FetchResult:
    """Read a local source (blocking: call it from a worker thread)."""
    path = path_of(target)
    try:
        if path.is_dir():
            return FetchResult(target, error="is a folder, not a file")
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        return FetchResult(target, error="no such file")
    except PermissionError:
        return FetchResult(target, error="permission denied")
    except OSError as e:
        return FetchResult(target, error=f"cannot be read: {e.strerror or e}")
    truncated = len(data) > max_bytes
    ctype, _ = mimetypes.guess_type(path.name)
    return FetchResult(target, body=data[:max_bytes], final_url=target,
                       content_type=ctype or "application/octet-stream", truncated=truncated)
