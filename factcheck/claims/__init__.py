"""Reading and validating claims files (format version 1)."""

from factcheck.claims.reader import MAX_CLAIMS_FILE_BYTES, STDIN, load_claims, parse_claims

__all__ = ["MAX_CLAIMS_FILE_BYTES", "STDIN", "load_claims", "parse_claims"]
