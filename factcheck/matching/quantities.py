"""Quantities in prose: numbers with their scale, unit, currency and hedge, parsed.

A figure claim says "trade jumped nearly 30% in 2022 to 177 billion euros"; its source
may say "rose 29.3% ... €177bn". Both sides are parsed into ``Quantity`` values: a
number in base units with the interval the words assert (``nearly 30%`` asserts a
value a little under 30; a bare ``177 billion`` asserts 176.5 to 177.5 billion, the
rounding of what is written), its kind (a count, a percentage, percentage points, an
amount of money in one currency, a length, a mass..., a year, a date) and where it is.

Number words ("three", "twenty-five", "two thousand") are converted by text2num, a
maintained library made for that. The rest is written here, because no library reads
news prose the way a fact-checker must: the number formats of several locales
(``1,200`` / ``1 200`` / ``1.200,5``), news abbreviations (``$3.4bn``, ``bcm``,
``kilos``), hedges that widen the asserted interval in one direction, and ranges.
Unit conversion needs only a table of factors per dimension (no unit algebra), and
dates in articles come in a handful of written forms, matched below.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num  # type: ignore[import-untyped]

from factcheck.matching.words import STOPWORDS

# -- vocabularies --------------------------------------------------------------------------

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
"""Scale words and abbreviations; ``m`` and ``b`` count as scales only after money."""
_AMBIGUOUS_SCALES = frozenset({"m", "b"})

CURRENCY_SYMBOLS = {
    "us$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD",
    "nz$": "NZD", "r$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
}
CURRENCY_CODES = frozenset({"usd", "eur", "gbp", "jpy", "cny", "rmb", "rub", "inr", "chf", "aud", "cad",
                            "hkd", "nzd", "brl", "krw", "sek", "nok", "dkk", "pln", "try", "zar", "uah"})
CURRENCY_NAMES = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF",
    "hryvnia": "UAH", "hryvnias": "UAH", "won": "KRW",
}
_CODE_ALIASES = {"rmb": "CNY"}

# dimension, factor to the dimension's base unit
UNITS: dict[str, tuple[str, float]] = {}
for _names, _dimension, _factor in (
    (("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"), "mass", 1.0),
    (("g", "gram", "grams", "gramme", "grammes"), "mass", 1e-3),
    (("mg", "milligram", "milligrams"), "mass", 1e-6),
    (("t", "tonne", "tonnes", "ton", "tons", "metric ton", "metric tons", "metric tonne", "metric tonnes"),
     "mass", 1e3),
    (("lb", "lbs"), "mass", 0.45359237),
    (("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), "length", 1e3),
    (("m", "metre", "metres", "meter", "meters"), "length", 1.0),
    (("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "length", 1e-2),
    (("mm", "millimetre", "millimetres", "millimeter", "millimeters"), "length", 1e-3),
    (("mile", "miles", "mi"), "length", 1609.344),
    (("ft", "foot", "feet"), "length", 0.3048),
    (("in", "inch", "inches"), "length", 0.0254),
    (("yard", "yards", "yd"), "length", 0.9144),
    (("m3", "m³", "cubic metre", "cubic metres", "cubic meter", "cubic meters"), "volume", 1.0),
    (("bcm",), "volume", 1e9),
    (("l", "litre", "litres", "liter", "liters"), "volume", 1e-3),
    (("barrel", "barrels", "bbl"), "volume", 0.158987),
    (("gallon", "gallons"), "volume", 0.00378541),
    (("km2", "km²", "square kilometre", "square kilometres", "square kilometer", "square kilometers", "sq km"),
     "area", 1e6),
    (("hectare", "hectares", "ha"), "area", 1e4),
    (("acre", "acres"), "area", 4046.8564224),
    (("square mile", "square miles", "sq mi"), "area", 2589988.110336),
    (("second", "seconds", "sec", "secs"), "time", 1.0),
    (("minute", "minutes", "min", "mins"), "time", 60.0),
    (("hour", "hours", "hr", "hrs"), "time", 3600.0),
    (("day", "days"), "time", 86400.0),
    (("week", "weeks"), "time", 604800.0),
    (("month", "months"), "time", 2629746.0),
    (("year", "years"), "time", 31556952.0),
    (("km/h", "kph", "kilometres per hour", "kilometers per hour"), "speed", 1 / 3.6),
    (("mph", "miles per hour"), "speed", 0.44704),
    (("kw", "kilowatt", "kilowatts"), "power", 1e3),
    (("mw", "megawatt", "megawatts"), "power", 1e6),
    (("gw", "gigawatt", "gigawatts"), "power", 1e9),
    (("kwh",), "energy", 3.6e6),
    (("mwh",), "energy", 3.6e9),
    (("gwh",), "energy", 3.6e12),
    (("twh",), "energy", 3.6e15),
    (("°c", "degrees celsius", "celsius"), "temperature_c", 1.0),
    (("°f", "degrees fahrenheit", "fahrenheit"), "temperature_f", 1.0),
):
    for _name in _names:
        UNITS[_name] = (_dimension, _factor)
_AMBIGUOUS_UNITS = frozenset({"m", "t", "in", "g", "l", "min", "ha", "mi"})
"""Unit abbreviations that are also common words or scales: only taken right after a digit."""

PERCENT_WORDS = ("%", "percent", "per cent", "pct")
POINTS_WORDS = ("percentage points", "percentage point", "points", "point", "pp", "ppt", "pts")

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

HEDGES = {
    # words before a number -> how they widen what it asserts
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "approx": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx", "~": "approx",
    "nearly": "below_close", "almost": "below_close", "just under": "below_close",
    "just below": "below_close", "close to": "below_close", "approaching": "below_close",
    "not quite": "below_close", "just shy of": "below_close", "nigh on": "below_close",
    "more than": "above", "over": "above", "above": "above", "exceeding": "above", "in excess of": "above",
    "upwards of": "above", "north of": "above", "greater than": "above", "higher than": "above",
    "just over": "above_close", "just above": "above_close", "a little over": "above_close",
    "slightly more than": "above_close", "a little more than": "above_close",
    "at least": "at_least", "no less than": "at_least", "no fewer than": "at_least",
    "less than": "below", "under": "below", "below": "below", "fewer than": "below", "lower than": "below",
    "up to": "at_most", "as many as": "at_most", "as much as": "at_most", "no more than": "at_most",
    "at most": "at_most",
}
UPWARD_HEDGES = frozenset({"above", "above_close", "at_least"})
DOWNWARD_HEDGES = frozenset({"below", "below_close", "at_most"})
DIRECTIONAL_HEDGES = UPWARD_HEDGES | DOWNWARD_HEDGES
OPEN_HEDGES = frozenset({"above", "at_least", "below", "at_most"})
"""Hedges that bound a value on one side only; "nearly" and "just over" stay close to it."""
CLOSE_TOLERANCE = 0.10
"""How far from the stated value "nearly", "just over" and "about" reach, relatively."""
MAX_APPROX_TOLERANCE = 0.25
""""about R" never stretches further than this, however round R is."""

VAGUE = {
    # phrase -> (low, high) counts
    "a dozen": (12.0, 12.0), "dozens": (24.0, 144.0), "scores": (40.0, 200.0),
    "a couple of": (2.0, 2.0), "a few": (2.0, 5.0), "several": (3.0, 9.0),
    "several dozen": (24.0, 120.0), "a few dozen": (24.0, 72.0), "a couple of dozen": (24.0, 24.0),
    "several hundred": (200.0, 999.0), "a few hundred": (200.0, 500.0), "several thousand": (2000.0, 9999.0),
    "a few thousand": (2000.0, 5000.0), "several million": (2e6, 9.99e6), "a few million": (2e6, 5e6),
    "hundreds": (200.0, 999.0), "thousands": (2000.0, 9999.0), "millions": (2e6, 9.99e8),
    "billions": (2e9, 9.99e11), "tens of thousands": (1e4, 99999.0), "hundreds of thousands": (1e5, 999999.0),
    "tens of millions": (1e7, 9.9999e7), "hundreds of millions": (1e8, 9.99999e8),
    "a hundred": (100.0, 100.0), "a thousand": (1000.0, 1000.0), "a million": (1e6, 1e6),
    "a billion": (1e9, 1e9), "half a million": (5e5, 5e5), "half a billion": (5e8, 5e8),
}

_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_NUMBER_WORD_RUN = re.compile(
    rf"\b(?:{_NUMBER_WORDS})(?:(?:[\s-]+|\s+and\s+)(?:{_NUMBER_WORDS}|hundred|thousand|million|billion|trillion))*\b",
    re.IGNORECASE,
)

_DASH = "-‐‑‒–—"
_NUMERAL = re.compile(
    rf"(?<![\w.,:])(?<![^\W\d_][{_DASH}])"
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"          # 1,200  1,200.5
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"             # 1.200  1.200,5
    r"|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d])(?:[.,]\d+)?"   # 1 200  1 200,5
    r"|\d+(?:\.\d+|,\d{1,2}(?!\d))?)"            # 1200  3.4  1,5
    r"(?![\d]|[.,]\d|:\d)"
)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A number as the text asserts it."""

    low: float
    """The smallest value the words assert, in base units."""
    high: float
    """The largest value they assert."""
    value: float
    """The number as written (scale and unit applied)."""
    kind: str
    """``count``, ``percent``, ``points``, ``money``, ``year``, ``date``, ``ordinal`` or a unit dimension."""
    start: int
    end: int
    text: str
    """The words as written, hedge included."""
    currency: str | None = None
    unit: str | None = None
    hedge: str | None = None
    exact: bool = False
    """Compared without rounding tolerance (years, dates, ordinals)."""
    date: tuple[int | None, int | None, int | None] | None = None
    """(year, month, day) for dates, None where the text does not say."""
    alternatives: tuple[float, ...] = ()
    """Other readings of an ambiguous number (``1.200``: 1200 or 1.2)."""
    step: float = 0.0
    """The rounding unit of the written number in base units (``3.4 billion``: 0.1 billion)."""

    @property
    def directional(self) -> bool:
        """Hedged one way only: "more than", "less than", "up to", "nearly"..."""
        return self.hedge in DIRECTIONAL_HEDGES

    @property
    def rounding(self) -> tuple[float, float]:
        """What the number alone asserts, its hedge set aside: the rounding of what is written."""
        return self.value - self.step / 2, self.value + self.step / 2


def parse_number(text: str) -> tuple[float, float, tuple[float, ...]] | None:
    """The value of a numeral, the rounding unit of its last digit, and other readings.

    ``1,200`` -> 1200 (unit 1); ``3.4`` -> 3.4 (unit 0.1); ``1.200,5`` -> 1200.5;
    ``1.200`` -> 1200 or 1.2 (grouping in one locale, a decimal in another).
    """
    t = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    alternatives: tuple[float, ...] = ()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        whole, _, frac = t.replace(",", "").partition(".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        whole, _, frac = t.replace(".", "").partition(",")
        if "," not in t and t.count(".") == 1:
            alternatives = (float(t),)
    elif re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", t):
        body = t.replace(" ", "")
        whole, _, frac = body.replace(",", ".").partition(".")
    elif re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        whole, _, frac = t.replace(",", ".").partition(".")
    else:
        return None
    value = float(f"{whole}.{frac}" if frac else whole)
    unit = 10.0 ** -len(frac) if frac else 1.0
    return value, unit, alternatives


@lru_cache(maxsize=4096)
def number_words_value(words: str) -> float | None:
    """``twenty-five`` -> 25 (by text2num); None if the words are not a number."""
    try:
        return float(text2num(" ".join(words.lower().replace("-", " ").split()), "en"))
    except ValueError:
        return None


# -- scanning ---------------------------------------------------------------------------------

_SPACE = r"[\s\u00a0]"
_DATE_DMY = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?" + _SPACE + r"+(?:of" + _SPACE + r"+)?(?P<m>[a-z]{3,9})\.?"
    r"(?:,?" + _SPACE + r"+(?P<y>\d{4}))?\b", re.IGNORECASE)
_DATE_MDY = re.compile(
    r"\b(?P<m>[a-z]{3,9})\.?" + _SPACE + r"+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?" + _SPACE
    + r"+(?P<y>\d{4})\b)?", re.IGNORECASE)
_DATE_MY = re.compile(r"\b(?P<m>[a-z]{3,9})\.?" + _SPACE + r"+(?:of" + _SPACE + r"+)?(?P<y>\d{4})\b",
                      re.IGNORECASE)
_DATE_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order, with its original offsets."""
    lowered = text.lower()
    taken: list[tuple[int, int]] = []
    found: list[Quantity] = []
    for quantity in _dates(text, lowered):
        found.append(quantity)
        taken.append((quantity.start, quantity.end))
    for quantity in _vague(text, lowered, taken):
        found.append(quantity)
        taken.append((quantity.start, quantity.end))
    numerals: list[tuple[int, int, str, float | None]] = [
        (m.start(), m.end(), m.group(), None) for m in _NUMERAL.finditer(text)]
    numerals += [(m.start(), m.end(), m.group(), number_words_value(m.group()))
                 for m in _NUMBER_WORD_RUN.finditer(text)]
    numerals.sort()
    for start, end, written, word_value in numerals:
        if _overlaps(start, end, taken):
            continue
        parsed = _quantity_at(text, lowered, start, end, written, word_value)
        if parsed is not None:
            found.append(parsed)
            taken.append((parsed.start, parsed.end))
    found.sort(key=lambda q: q.start)
    return _spread_range_units(text, found)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def _dates(text: str, lowered: str) -> list[Quantity]:
    out: list[Quantity] = []
    spans: list[tuple[int, int]] = []
    for pattern in (_DATE_ISO, _DATE_DMY, _DATE_MDY, _DATE_MY):
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), spans):
                continue
            parts = m.groupdict()
            month_text = parts.get("m") or ""
            month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower().rstrip("."))
            if month is None or not 1 <= month <= 12:
                continue
            day = int(parts["d"]) if parts.get("d") else None
            year = int(parts["y"]) if parts.get("y") else None
            if day is not None and not 1 <= day <= 31:
                continue
            if not month_text.isdigit() and not month_text[:1].isupper():
                continue                    # articles capitalise months; "may 5" is a verb
            end = m.end()
            value = float((year or 0) * 10000 + month * 100 + (day or 0))
            spans.append((m.start(), end))
            out.append(Quantity(value, value, value, "date", m.start(), end, text[m.start():end], exact=True,
                                date=(year, month, day)))
    return out


_VAGUE_PATTERN = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(VAGUE, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _vague(text: str, lowered: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    for m in _VAGUE_PATTERN.finditer(lowered):
        if _overlaps(m.start(), m.end(), taken):
            continue
        phrase = m.group()
        low, high = VAGUE[phrase]
        if phrase in ("several", "a few", "a couple of", "scores") and not _followed_by_noun(lowered, m.end()):
            continue
        if phrase in ("millions", "billions", "thousands", "hundreds") and lowered[m.end():m.end() + 4] != " of ":
            continue
        if low == high:                            # "a million", "a dozen": a number, perhaps hedged
            hedge, h_start = _hedge_before(lowered, m.start())
            h_low, h_high = asserted_interval(low, 1.0, hedge)
            out.append(Quantity(h_low, h_high, low, "count", h_start, m.end(), text[h_start:m.end()], hedge=hedge,
                                step=1.0))
            continue
        out.append(Quantity(low, high, (low + high) / 2, "count", m.start(), m.end(), text[m.start():m.end()],
                            hedge="vague"))
    return out


def _followed_by_noun(lowered: str, end: int) -> bool:
    return bool(re.match(r"\s+[a-z]", lowered[end:end + 3]))


def _quantity_at(text: str, lowered: str, start: int, end: int, written: str,
                 word_value: float | None) -> Quantity | None:
    if word_value is not None:
        if written.lower() == "one" and not _unit_follows(lowered, end):
            return None                         # "one of them", "no one": not a figure
        value, step = word_value, 1.0
        alternatives: tuple[float, ...] = ()
    else:
        parsed = parse_number(written)
        if parsed is None:
            return None
        value, step, alternatives = parsed
    q_start = start
    if word_value is None and start >= 1 and text[start - 1] in "-−–" and (
            start < 2 or text[start - 2] in " \t\n(["):
        value, q_start = -value, start - 1           # "-0.4%", "(−3)": a sign, not a dash
        alternatives = tuple(-a for a in alternatives)
    if word_value is None and _ORDINAL_SUFFIX.match(text, end):
        suffix = _ORDINAL_SUFFIX.match(text, end)
        assert suffix is not None
        return Quantity(value, value, value, "ordinal", start, suffix.end(), text[start:suffix.end()], exact=True)

    # currency before the number: "$", "US$", "€", "EUR "
    currency = None
    before = lowered[max(0, q_start - 4):q_start]
    for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
        if before.rstrip(" \u00a0").endswith(symbol):
            currency = CURRENCY_SYMBOLS[symbol]
            q_start = q_start - (len(before) - len(before.rstrip(" \u00a0"))) - len(symbol)
            break
    if currency is None:
        code = re.search(r"\b([a-z]{3})[\s\u00a0]?$", lowered[max(0, q_start - 4):q_start])
        if code and code.group(1) in CURRENCY_CODES:
            currency = _CODE_ALIASES.get(code.group(1), code.group(1).upper())
            q_start = q_start - len(code.group(0))

    # what follows: scale, percent/points, currency, unit
    rest = lowered[end:end + 40]
    position = end
    scale = 1.0
    m = re.match(r"[\s\u00a0]?(thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn|k|m|b)\b", rest)
    money_follows = m is not None and _currency_follows(lowered, end + m.end())
    if (m and (m.group(1) not in _AMBIGUOUS_SCALES or currency is not None or money_follows)
            and not (m.group(1) == "k" and m.group(0).startswith((" ", "\u00a0")))):
        scale = SCALES[m.group(1)]
        position = end + m.end()
    rest = lowered[position:position + 40]
    kind = "count"
    unit_name = None
    factor = 1.0
    m = re.match(r"[\s\u00a0]?(%|percent\b|per cent\b|pct\b)", rest)
    if m:
        kind = "percent"
        position += m.end()
    else:
        m = re.match(r"[\s\u00a0]?(percentage points?|points?|pp|ppt|pts)\b", rest)
        if m:
            kind = "points"
            position += m.end()
    if kind == "count":
        m = re.match(r"[\s\u00a0]?([a-z]{3})\b", rest)
        if currency is None and m and m.group(1) in CURRENCY_CODES:
            currency = _CODE_ALIASES.get(m.group(1), m.group(1).upper())
            position += m.end()
        else:
            m = re.match(r"[\s\u00a0]?(?:(?:us|u\.s\.|american|hong kong|australian|canadian)[\s\u00a0])?"
                         r"([a-z]+)\b", rest)
            if m and m.group(1) in CURRENCY_NAMES and (currency is None or CURRENCY_NAMES[m.group(1)] == currency):
                currency = currency or CURRENCY_NAMES[m.group(1)]
                position += m.end()
        if currency is None:
            unit = _unit_at(lowered, position)
            if unit is not None:
                unit_name, length = unit
                kind, factor = UNITS[unit_name]
                position += length
    if currency is not None:
        kind = "money"
    if position == end and end < len(text) and text[end].isalpha():
        return None                              # "81uav", "4x4": part of a name, not a figure
    if (kind == "count" and position == end and word_value is None and currency is None
            and not (1500 <= value <= 2199 and step == 1.0) and _names_before(text, q_start)):
        return None                              # "Power of Siberia 2", "Boeing 737", "787-9": part of a name

    exact = False
    if (kind == "count" and scale == 1.0 and word_value is None and step == 1.0 and "," not in written
            and "." not in written and " " not in written and 1500 <= value <= 2199
            and not (_hedge_before(lowered, q_start)[0] is not None and _followed_by_noun(lowered, end))):
        # a year, unless hedged and counting something: "more than 1800 people", not "around 2010"
        kind = "year"
        exact = True
    value *= scale * factor
    step *= scale * factor
    alternatives = tuple(a * scale * factor for a in alternatives)
    hedge, h_start = _hedge_before(lowered, q_start) if kind not in ("year",) else (None, q_start)
    low, high = asserted_interval(value, step, hedge, exact)
    return Quantity(low, high, value, kind, h_start, position, text[h_start:position], currency=currency,
                    unit=unit_name, hedge=hedge, exact=exact, alternatives=alternatives, step=0.0 if exact else step)


_NAME_BEFORE = re.compile(r"(?:^|[\s(])([A-Z][^\W\d_]*)[\s\u00a0]+$")
_NAME_NUMBER_BEFORE = re.compile(r"[A-Z][^\W\d_]*[\s\u00a0]+\d+[-‐‑–]$")
_COMMON_CAPITALS = STOPWORDS | frozenset(HEDGES) | frozenset(MONTHS) | frozenset(
    "just only exactly another nearly almost roughly approximately some about around over under all "
    "both each every no top moreover furthermore meanwhile yesterday today tomorrow overall still also "
    "now then there here even most many more fewer less last next police officials since until after "
    "before during between among".split())


def _names_before(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a name ("Boeing 737", "Power of Siberia 2",
    "Boeing 787-9"), not an ordinary word written with a capital at a sentence start."""
    before = text[max(0, start - 40):start]
    if _NAME_NUMBER_BEFORE.search(before):
        return True
    m = _NAME_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).lower()
    return word not in _COMMON_CAPITALS and not word.endswith("ly")     # "Reportedly 300 people..."


def _unit_follows(lowered: str, end: int) -> bool:
    rest = lowered[end:end + 30]
    return bool(re.match(r"[\s-]?(hundred|thousand|million|billion|trillion|%|percent|per cent)", rest)) or (
        _unit_at(lowered, end) is not None)


def _currency_follows(lowered: str, end: int) -> bool:
    m = re.match(r"[\s\u00a0]?([a-z]+)\b", lowered[end:end + 20])
    return bool(m and (m.group(1) in CURRENCY_NAMES or m.group(1) in CURRENCY_CODES))


_UNIT_PATTERN = re.compile(
    r"([\s\u00a0-]?)(" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + r")(?![\w²³])")


def _unit_at(lowered: str, position: int) -> tuple[str, int] | None:
    m = _UNIT_PATTERN.match(lowered, position)
    if not m:
        return None
    name = m.group(2)
    if name in _AMBIGUOUS_UNITS and m.group(1) not in ("", "\u00a0"):
        return None                           # "5 m" is too often "5 million" or a word: only "5m"
    if name in ("m", "b") and m.group(1) == "":
        return (name, len(m.group(0))) if name == "m" else None
    return name, len(m.group(0))


_HEDGE_PATTERN = re.compile(
    r"(?:^|(?<=[\s(\u00a0]))(" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True))
    + r")[\s\u00a0]*$")


def _hedge_before(lowered: str, start: int) -> tuple[str | None, int]:
    window = lowered[max(0, start - 24):start]
    m = _HEDGE_PATTERN.search(window)
    if not m:
        return None, start
    return HEDGES[m.group(1)], start - (len(window) - m.start(1))


def asserted_interval(value: float, unit: float, hedge: str | None, exact: bool = False) -> tuple[float, float]:
    """The interval of true values under which the words are right.

    Unhedged: the rounding of what is written (``3.4 billion`` covers 3.35 to 3.45
    billion; ``177`` covers 176.5 to 177.5). ``nearly R``: a little under R. ``about R``:
    either side of R, by the larger of 10% and the rounding of R's last non-zero digit,
    at most 25%. ``more than``/``less than``/``at least``/``up to``: one side of R.
    """
    if exact:
        return value, value
    half = unit / 2
    if hedge is None:
        return value - half, value + half
    close = abs(value) * CLOSE_TOLERANCE
    if hedge == "approx":
        reach = min(max(close, _roundness(value) / 2), abs(value) * MAX_APPROX_TOLERANCE)
        return value - max(reach, half), value + max(reach, half)
    if hedge == "below_close":
        return value - max(close, half), value
    if hedge == "above_close":
        return value, value + max(close, half)
    if hedge == "above":
        return value, math.inf
    if hedge == "at_least":
        return value, math.inf
    if hedge == "below":
        return -math.inf, value
    if hedge == "at_most":
        return -math.inf, value
    return value - half, value + half


def _roundness(value: float) -> float:
    """The place value of the last non-zero digit of an integer-looking value (30 -> 10)."""
    if value == 0 or value != int(value):
        return 0.0
    place = 1.0
    v = int(abs(value))
    while v and v % 10 == 0:
        v //= 10
        place *= 10
    return place


_RANGE_JOIN = re.compile(r"^[\s\u00a0]*(?:to|-|–|—|and|or)[\s\u00a0]*$", re.IGNORECASE)


def _spread_range_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """In "three to 200 kilos" or "$3-5bn", the first number takes the unit of the second."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if not _RANGE_JOIN.match(text[a.end:b.start]) or a.hedge is not None:
            continue
        if a.kind == "money" and b.kind == "count" and _scale_of(b) > 1.0 and _scale_of(a) == 1.0:
            # "$3-5bn": the currency of the first, the scale of the second, for both
            scale = _scale_of(b)
            a_value, a_step = a.value * scale, (a.step or 1.0) * scale
            low, high = asserted_interval(a_value, a_step, None)
            out[i] = Quantity(low, high, a_value, "money", a.start, a.end, a.text, currency=a.currency, step=a_step)
            out[i + 1] = Quantity(b.low, b.high, b.value, "money", b.start, b.end, b.text, currency=a.currency,
                                  hedge=b.hedge, step=b.step, alternatives=b.alternatives)
            continue
        if a.kind != "count" or b.kind in ("count", "year", "date", "ordinal"):
            continue
        factor = 1.0
        if b.unit is not None:
            factor = UNITS[b.unit][1]
        elif b.kind == "money":
            factor = _scale_of(b)
        elif b.kind in ("percent", "points"):
            factor = 1.0
        value = a.value * factor
        low, high = asserted_interval(value, factor, None)
        out[i] = Quantity(low, high, value, b.kind, a.start, a.end, a.text, currency=b.currency, unit=b.unit,
                          step=factor * (a.step or 1.0))
    return out


def _scale_of(q: Quantity) -> float:
    for word, factor in sorted(SCALES.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\d[\s\u00a0]?{re.escape(word)}\b", q.text.lower()):
            return factor
    return 1.0
