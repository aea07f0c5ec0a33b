"""A small, safe arithmetic language for user-defined indicators.

A formula is numbers, names of counts, + - * /, brackets and unary minus, for example
`(jumlah_s2_s3 / jumlah_pns) * 100`. Python's parser reads it (`ast`, never `eval`) and anything
outside that whitelist is refused with an Indonesian message giving the column. Arithmetic is
`Decimal` with 28 significant digits, so no binary float rounding leaks into a report.
"""

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sikap.rules import RuleError
from sikap.rules.indices import number_text

MAX_LENGTH = 500
# Counts are at most a regency's workforce; a literal or an intermediate result beyond these
# is a typing error, and would not fit the 28 digits the result is rounded in.
MAX_LITERAL = Decimal(10) ** 12
MAX_RESULT = Decimal(10) ** 15
_ALLOWED_CHARS = re.compile(r"[A-Za-z0-9_ .+\-*/()]")
_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_HINTS = {
    "×": "gunakan * untuk perkalian",
    "÷": "gunakan / untuk pembagian",
    ",": "gunakan titik untuk desimal",
    "%": "kalikan dengan 100 untuk persen",
}


@dataclass(frozen=True)
class Formula:
    text: str
    tree: ast.expr
    names: tuple[str, ...]  # in order of first appearance


def parse(text: str) -> Formula:
    text = " ".join(text.split())
    if not text:
        raise RuleError("Rumus kosong")
    if len(text) > MAX_LENGTH:
        raise RuleError(f"Rumus terlalu panjang (paling banyak {MAX_LENGTH} karakter)")
    for column, char in enumerate(text, start=1):
        if not _ALLOWED_CHARS.fullmatch(char):
            hint = _HINTS.get(char, "hanya angka, nama hitungan, + - * / dan tanda kurung")
            raise RuleError(f"Karakter '{char}' tidak diizinkan pada kolom {column}: {hint}")
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError as e:
        raise RuleError(
            f"Rumus tidak lengkap atau tidak valid pada kolom {e.offset or len(text)}"
        ) from None
    except (RecursionError, MemoryError):
        raise RuleError("Rumus terlalu rumit") from None
    names: list[str] = []
    _check(tree, text, names)
    return Formula(text, tree, tuple(names))


def _check(node: ast.expr, text: str, names: list[str]) -> None:
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        _check(node.left, text, names)
        _check(node.right, text, names)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        _check(node.operand, text, names)
    elif isinstance(node, ast.Name):
        if node.id not in names:
            names.append(node.id)
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
        number = Decimal(repr(node.value))
        if not number.is_finite() or abs(number) > MAX_LITERAL:
            raise RuleError(
                f"Angka pada kolom {node.col_offset + 1} terlalu besar "
                f"(paling besar {number_text(MAX_LITERAL)})"
            )
    else:
        # Only ASCII passed the character check, so byte offsets are character offsets.
        segment = ast.get_source_segment(text, node) or text
        raise RuleError(
            f"'{segment}' pada kolom {node.col_offset + 1} tidak diizinkan: "
            "rumus hanya boleh memuat angka, nama hitungan, + - * / dan tanda kurung"
        )


def check_names(formula: Formula, known: set[str] | frozenset[str]) -> None:
    for name in formula.names:
        if name not in known:
            raise RuleError(f"Hitungan '{name}' tidak dikenal")


def evaluate(formula: Formula, values: Mapping[str, int | Decimal]) -> Decimal:
    check_names(formula, frozenset(values))
    return _evaluate(formula.tree, formula.text, values)


def _evaluate(node: ast.expr, text: str, values: Mapping[str, int | Decimal]) -> Decimal:
    result = _operate(node, text, values)
    if abs(result) > MAX_RESULT:
        raise RuleError(
            f"Hasil rumus terlalu besar pada kolom {node.col_offset + 1} "
            f"(lebih dari {number_text(MAX_RESULT)}); periksa angka pada rumus"
        )
    return result


def _operate(node: ast.expr, text: str, values: Mapping[str, int | Decimal]) -> Decimal:
    if isinstance(node, ast.Name):
        return Decimal(values[node.id])
    if isinstance(node, ast.Constant):
        return Decimal(repr(node.value))
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, text, values)
        return -operand if isinstance(node.op, ast.USub) else operand
    assert isinstance(node, ast.BinOp), "parse() let only numbers, names and operators through"
    left = _evaluate(node.left, text, values)
    right = _evaluate(node.right, text, values)
    if isinstance(node.op, ast.Add):
        return left + right
    if isinstance(node.op, ast.Sub):
        return left - right
    if isinstance(node.op, ast.Mult):
        return left * right
    if right == 0:
        divisor = ast.get_source_segment(text, node.right)
        raise RuleError(
            f"Pembagian dengan nol pada kolom {node.right.col_offset + 1}: '{divisor}' bernilai 0"
        )
    return left / right


def substitute(formula: Formula, values: Mapping[str, int | Decimal]) -> str:
    """The formula as written, with every name replaced by its value: '(235 / 5.508) * 100'."""
    check_names(formula, frozenset(values))
    spans = sorted(
        (node.col_offset, node.end_col_offset, node.id)
        for node in ast.walk(formula.tree)
        if isinstance(node, ast.Name)
    )
    parts: list[str] = []
    position: int | None = 0  # typeshed allows a node without an end; parsed ones have it
    for start, end, name in spans:
        parts.append(formula.text[position:start])
        parts.append(number_text(values[name]))
        position = end
    parts.append(formula.text[position:])
    return "".join(parts)
