"""The problems an import found, for people: grouped by kind with counts and the first
examples (what the page shows), and the full list as an XLSX (what they download).

A problem is a `Problem(row, column, value, message)`. Problems are of one kind when they
concern the same column and their messages differ only in the values they quote (numbers,
text in quotes), so "NIP 1985… ganda: sudah ada di baris 2" and "… baris 7" group together.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

EXAMPLES = 5
_VARIABLE = re.compile(r"'[^']*'|“[^”]*”|\"[^\"]*\"|\d[\d.,:/-]*")


@dataclass(frozen=True, slots=True)
class Problem:
    row: int | None
    column: str
    value: str
    message: str


def _kind(problem: Problem) -> tuple[str, str]:
    return problem.column, _VARIABLE.sub("…", problem.message)


def grouped(problems: Iterable[Problem], examples: int = EXAMPLES) -> list[dict]:
    """[{kolom, pesan, jumlah, contoh: [{baris, nilai, pesan}]}], the largest group first."""
    groups: dict[tuple[str, str], dict] = {}
    for problem in problems:
        group = groups.get(_kind(problem))
        if group is None:
            group = groups[_kind(problem)] = {
                "kolom": problem.column,
                "pesan": problem.message,
                "jumlah": 0,
                "contoh": [],
            }
        group["jumlah"] += 1
        if len(group["contoh"]) < examples:
            group["contoh"].append(
                {"baris": problem.row, "nilai": problem.value, "pesan": problem.message}
            )
    return sorted(groups.values(), key=lambda g: -g["jumlah"])


def as_xlsx(problems: Iterable[Problem]):
    """Every problem as a workbook (a file object at its start), in the order given."""
    from sikap.reports.xlsx import write_xlsx

    rows = ((p.row or "", p.column, p.value, p.message) for p in problems)
    return write_xlsx(
        ["Baris", "Kolom", "Nilai", "Masalah"], rows, title="Kesalahan", widths=[8, 28, 40, 90]
    )
