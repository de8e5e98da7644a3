"""factcheck: check, claim by claim, that an article's sources say what the article says.

The package is a library first; the ``factcheck`` command is a thin layer over it::

    from factcheck import load_claims, verify
    report = verify([load_claims("claims.yaml")])
    for result in report.results:
        print(result.claim.id, result.verdict)

The names below are imported when first used, so that ``factcheck --help`` does not
pay for the HTML, PDF and HTTP libraries it does not need.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from factcheck._version import __version__

if TYPE_CHECKING:
    from factcheck.claims import load_claims
    from factcheck.errors import ClaimsFileError, FactcheckError
    from factcheck.model import (
        Article,
        Claim,
        ClaimResult,
        ClaimsFile,
        Evidence,
        Kind,
        Report,
        SourceRef,
        SourceStatus,
        Verdict,
    )
    from factcheck.pipeline import Options, verify

_EXPORTS = {
    "load_claims": "factcheck.claims",
    "ClaimsFileError": "factcheck.errors",
    "FactcheckError": "factcheck.errors",
    "Article": "factcheck.model",
    "Claim": "factcheck.model",
    "ClaimResult": "factcheck.model",
    "ClaimsFile": "factcheck.model",
    "Evidence": "factcheck.model",
    "Kind": "factcheck.model",
    "Report": "factcheck.model",
    "SourceRef": "factcheck.model",
    "SourceStatus": "factcheck.model",
    "Verdict": "factcheck.model",
    "Options": "factcheck.pipeline",
    "verify": "factcheck.pipeline",
}

__all__ = [
    "Article", "Claim", "ClaimResult", "ClaimsFile", "ClaimsFileError", "Evidence", "FactcheckError", "Kind",
    "Options", "Report", "SourceRef", "SourceStatus", "Verdict", "__version__", "load_claims", "verify",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")


logging.getLogger(__name__).addHandler(logging.NullHandler())
