"""factcheck: check, claim by claim, that an article's sources say what the article says.

The package is a library first; the ``factcheck`` command is a thin layer over it::

    from factcheck import load_claims, verify
    report = verify([load_claims("claims.yaml")])
    for result in report.results:
        print(result.claim.id, result.verdict)
"""

from __future__ import annotations

import logging

from factcheck._version import __version__
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

__all__ = [
    "Article",
    "Claim",
    "ClaimResult",
    "ClaimsFile",
    "ClaimsFileError",
    "Evidence",
    "FactcheckError",
    "Kind",
    "Options",
    "Report",
    "SourceRef",
    "SourceStatus",
    "Verdict",
    "__version__",
    "load_claims",
    "verify",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
