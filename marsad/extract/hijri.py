"""Hijri ↔ Gregorian by the tabular (arithmetic) Islamic calendar.

Official calendars (Umm al-Qura, sightings) may differ by a day or two; the tabular
calendar is the reproducible, offline choice.
"""
from __future__ import annotations

from datetime import date

_EPOCH = 1948439  # Julian day number of 1 Muharram 1 AH (civil epoch)
_ORD_OFFSET = 1721425  # JDN - ordinal


def to_gregorian(year: int, month: int, day: int) -> date:
    """Gregorian date of a Hijri date (tabular calendar)."""
    jdn = day + -(-(295 * (month - 1)) // 10) + (year - 1) * 354 + (3 + 11 * year) // 30 + _EPOCH
    return date.fromordinal(jdn - _ORD_OFFSET)


def year_span(year: int) -> tuple[date, date]:
    """First and last Gregorian days of a Hijri year."""
    start = to_gregorian(year, 1, 1)
    end = date.fromordinal(to_gregorian(year + 1, 1, 1).toordinal() - 1)
    return start, end


def month_span(year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian days of a Hijri month."""
    start = to_gregorian(year, month, 1)
    nxt = to_gregorian(year + (month == 12), month % 12 + 1, 1)
    return start, date.fromordinal(nxt.toordinal() - 1)
