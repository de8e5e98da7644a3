"""Generate the stand-in PDF source of the shipped demo: ``sources/china-customs-2022-trade.pdf``.

The demo's claims file (``claims.yaml``) cites a statistical release of China's General
Administration of Customs (GACC) for the claim that China-Russia trade grew by nearly 30% in
2022, to 177 billion euros.  We do not ship the real release: this script writes a short
stand-in, in our own words, that imitates such a release and states the figures the claims
need.  It exists so that the demo exercises the PDF path of ``factcheck verify``:

* core font Helvetica, text encoded as windows-1252 (curly quotes, dashes and the euro sign are
  all in that code page, so no font file is embedded);
* two pages, with a table-like block of figures drawn with cells;
* paragraphs wrapped by ``multi_cell`` so that the sentence carrying the trade figure runs over
  a line end, as text in real PDFs does.

The output is deterministic: fixed creation date, fixed producer string, and a file ``/ID``
that fpdf2 derives from the content.  Running the script twice gives byte-identical files
(checked with fpdf2 2.8.9; another fpdf2 version may lay the file out differently, while the text
stays the same).

Usage (fpdf2 is a dev dependency; any environment that has it will do)::

    python scripts/make_standin_pdf.py            # writes sources/china-customs-2022-trade.pdf
    python scripts/make_standin_pdf.py OUT.pdf    # writes elsewhere
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

OUTPUT = Path(__file__).resolve().parent.parent / "sources" / "china-customs-2022-trade.pdf"

#: Fixed so that the file does not change from one run to the next.
CREATION_DATE = datetime(2023, 1, 13, 10, 0, 0, tzinfo=UTC)

BANNER = (
    "Stand-in document written for the factcheck demo; it imitates a statistical release of "
    "the General Administration of Customs of the People\u2019s Republic of China (GACC) and is "
    "not its text. Figures are given for the demo and may be rounded."
)

SUMMARY = [
    (
        "China\u2019s foreign trade in goods reached a new high in 2022 despite a difficult "
        "international environment. Exports held up through the first three quarters and eased "
        "in the last months of the year, while imports were lifted by the prices of energy and "
        "raw materials."
    ),
    # The sentence the demo's figure claim looks for; it is long enough to wrap over a line end.
    (
        "Among the main trading partners, the fastest growth was recorded with the Russian "
        "Federation: China\u2019s total trade with Russia grew 29.3% year on year to 190.27 billion "
        "US dollars (about 177 billion euros) in 2022, the highest level ever recorded between the "
        "two countries."
    ),
    (
        "Imports from Russia rose 43.4% to 114.15 billion US dollars. The growth was driven by an "
        "increase in Russian exports of agricultural products and oil, and to a lesser extent of "
        "coal and pipeline gas. Exports to Russia rose 12.8% to 76.12 billion US dollars, led by "
        "machinery, vehicles and electronic goods."
    ),
    (
        "Note for readers in the euro area: at the average exchange rate of 2022, trade with Russia "
        "jumped by nearly 30% in 2022, to 177 billion euros (\u20ac177bn)."
    ),
]

#: Partner, total trade 2022 (USD bn), change on 2021 (%), exports (USD bn), imports (USD bn).
TABLE_HEADER = ("Partner", "Total 2022", "Change", "Exports", "Imports")
TABLE_ROWS = [
    ("ASEAN", "975.34", "+11.2%", "567.29", "408.05"),
    ("European Union", "847.32", "+2.4%", "561.97", "285.35"),
    ("United States", "759.43", "+0.6%", "581.76", "177.67"),
    ("Japan", "357.42", "-3.7%", "172.93", "184.49"),
    ("Republic of Korea", "362.29", "+0.1%", "162.62", "199.67"),
    ("Russian Federation", "190.27", "+29.3%", "76.12", "114.15"),
    ("India", "135.98", "+8.4%", "118.50", "17.48"),
]

NOTES = [
    (
        "1. Trade values are in billions of US dollars at current prices; changes are year on year "
        "and computed on unrounded values. Euro equivalents are approximate and given for "
        "convenience only."
    ),
    (
        "2. Imports are recorded by country of origin and exports by country of final destination. "
        "Preliminary figures may be revised in the yearbook."
    ),
    (
        "3. Energy trade with Russia includes crude oil, refined products, coal, liquefied natural "
        "gas and gas delivered by pipeline; volumes are published in the detailed commodity tables."
    ),
]


class Release(FPDF):
    """An A4 release with a running header and a page-numbered footer."""

    def header(self) -> None:
        self.set_font("Helvetica", "B", 9)
        self.set_text_color(90, 90, 90)
        self.cell(
            0,
            6,
            "General Administration of Customs \u2013 Statistical release 2023/01 (stand-in)",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 10, f"Page {self.page_no()}/{{nb}} \u2013 stand-in for the factcheck demo", align="C")


def paragraph(pdf: FPDF, text: str, size: float = 11) -> None:
    pdf.set_font("Helvetica", "", size)
    pdf.multi_cell(0, 5.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2.5)


def table(pdf: FPDF) -> None:
    widths = (58, 30, 26, 30, 30)
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_fill_color(225, 225, 225)
    for width, title in zip(widths, TABLE_HEADER, strict=True):
        pdf.cell(width, 7, title, border=1, align="C", fill=True)
    pdf.ln()
    pdf.set_font("Helvetica", "", 10)
    for row in TABLE_ROWS:
        for i, (width, value) in enumerate(zip(widths, row, strict=True)):
            pdf.cell(width, 6.5, value, border=1, align="L" if i == 0 else "R")
        pdf.ln()
    pdf.ln(3)


def build() -> FPDF:
    pdf = Release(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_producer("factcheck scripts/make_standin_pdf.py (fpdf2)")
    pdf.set_title("China's trade with major partners, January-December 2022 (stand-in)")
    pdf.set_author("factcheck demo - stand-in, not a GACC publication")
    pdf.set_subject("Stand-in source for the factcheck demo")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=20)

    # Page 1: banner, title, summary.
    pdf.add_page()
    pdf.set_font("Helvetica", "I", 9)
    pdf.set_fill_color(255, 244, 200)
    pdf.multi_cell(0, 5, BANNER, border=1, fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(5)
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(
        0,
        8,
        "China\u2019s trade with major partners, January\u2013December 2022",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(
        0,
        6,
        "Beijing, 13 January 2023  \u2022  Preliminary figures  \u2022  Values in US dollars",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(4)
    for text in SUMMARY:
        paragraph(pdf, text)

    # Page 2: the table of figures and the notes.
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(
        0,
        8,
        "Table 1. Trade with major partners, 2022 (billion US dollars)",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(1)
    table(pdf)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, "Notes", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for text in NOTES:
        paragraph(pdf, text, size=9.5)
    return pdf


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUTPUT
    out.parent.mkdir(parents=True, exist_ok=True)
    build().output(str(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
