"""Retirement (pensiun): when a PNS reaches the batas usia pensiun (BUP) and retires.

PP 11/2017 Pasal 239(2) sets the BUP by position (58, 60, 65) and Pasal 240 defers to a law where
one sets it (guru 60, dosen 65, guru besar 70); the TMT pensiun is the first day of the month after
the month of the birthday on which the BUP is reached (RULES.md §5).
"""

from datetime import date

from sikap.rules import RuleError


def ulang_tahun(tanggal_lahir: date, umur: int) -> date:
    """The birthday on which someone turns `umur`; someone born 29 February has it on 28
    February in a common year (so the month, which is all a TMT needs, stays February)."""
    if umur < 0:
        raise RuleError("Umur tidak boleh negatif")
    try:
        return tanggal_lahir.replace(year=tanggal_lahir.year + umur)
    except ValueError:
        return tanggal_lahir.replace(year=tanggal_lahir.year + umur, day=28)


def tmt_pensiun(tanggal_lahir: date, bup: int) -> date:
    """The first day of the month after the month in which the BUP is reached."""
    if bup <= 0:
        raise RuleError("Batas usia pensiun (BUP) belum ditetapkan untuk jabatan ini")
    reached = ulang_tahun(tanggal_lahir, bup)
    if reached.month == 12:
        return date(reached.year + 1, 1, 1)
    return date(reached.year, reached.month + 1, 1)
