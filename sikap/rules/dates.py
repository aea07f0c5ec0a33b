"""Dates as SIASN and the SKs write them (dd-mm-yyyy), ages and service periods."""

import re
from datetime import date
from typing import NamedTuple

from sikap.rules import RuleError

_DMY = re.compile(r"(\d{1,2})([-/])(\d{1,2})\2(\d{4})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)


class MasaKerja(NamedTuple):
    tahun: int
    bulan: int


def parse_tanggal(text: str) -> date:
    """Parse `dd-mm-yyyy`, `dd/mm/yyyy` (SIASN, SKs) or ISO `yyyy-mm-dd`."""
    cleaned = text.strip()
    try:
        if m := _DMY.fullmatch(cleaned):
            return date(int(m[4]), int(m[3]), int(m[1]))
        if m := _ISO.fullmatch(cleaned):
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    raise RuleError(f"Tanggal '{text}' tidak valid; gunakan format hh-bb-tttt")


def _full_months(start: date, as_of: date) -> int:
    if as_of < start:
        raise RuleError(f"Tanggal acuan {as_of:%d-%m-%Y} sebelum tanggal mulai {start:%d-%m-%Y}")
    return (as_of.year - start.year) * 12 + as_of.month - start.month - (as_of.day < start.day)


def usia(tanggal_lahir: date, as_of: date) -> int:
    """Age in whole years; someone born 29 Feb turns a year older on 1 Mar in common years."""
    return _full_months(tanggal_lahir, as_of) // 12


def masa_kerja(start: date, as_of: date) -> MasaKerja:
    """Completed years and months of service from `start` up to `as_of`."""
    return MasaKerja(*divmod(_full_months(start, as_of), 12))


def lahir_paling_lambat(as_of: date, umur: int) -> date:
    """The latest birth date of someone at least `umur` years old on `as_of` (so that a query
    can count ages in the database): usia(d, as_of) >= umur ⇔ d <= lahir_paling_lambat(…)."""
    try:
        return as_of.replace(year=as_of.year - umur)
    except ValueError:  # as_of is 29 February: someone born on 28 February turns `umur` today
        return as_of.replace(year=as_of.year - umur, day=28)
