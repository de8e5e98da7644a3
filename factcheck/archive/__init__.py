"""The evidence archive: every response read during a run, kept as a standard WARC file
(``verify --archive``), and verification from such a file without the network (``--replay``).

Online, ``ArchivingTransport`` wraps the fetcher's transport and hands each exchange to
an ``ArchiveWriter``; offline, ``ReplayTransport`` answers from a ``WarcArchive``. Both
work below the fetcher, which runs unchanged. Local files are archived as resource
records (``ArchiveWriter.write_resource``) and read back with ``WarcArchive.resource``.
"""

from factcheck.archive.reader import ArchivedResource, ArchivedResponse, WarcArchive
from factcheck.archive.records import WARC_VERSION, ArchiveError, Truncation
from factcheck.archive.transport import (
    RECORD_ID,
    TRUNCATED,
    ArchivingTransport,
    NotArchivedError,
    ReplayTransport,
)
from factcheck.archive.writer import ArchiveWriter

__all__ = [
    "RECORD_ID",
    "TRUNCATED",
    "WARC_VERSION",
    "ArchiveError",
    "ArchiveWriter",
    "ArchivedResource",
    "ArchivedResponse",
    "ArchivingTransport",
    "NotArchivedError",
    "ReplayTransport",
    "Truncation",
    "WarcArchive",
]
