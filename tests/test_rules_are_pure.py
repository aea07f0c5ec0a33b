"""sikap/rules must stay pure: standard library (and num2words for terbilang) only."""

import ast
import sys
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parent.parent / "sikap" / "rules"
ALLOWED_THIRD_PARTY = {"num2words"}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            roots.add(node.module)
    return roots


@pytest.mark.parametrize("path", sorted(RULES.glob("*.py")), ids=lambda p: p.name)
def test_rule_module_imports_only_stdlib_and_sibling_rules(path):
    bad = {
        name
        for name in imported_roots(path)
        if name.split(".")[0] not in sys.stdlib_module_names
        and name.split(".")[0] not in ALLOWED_THIRD_PARTY
        and not name.startswith("sikap.rules")
    }
    assert not bad, f"{path.name} imports {sorted(bad)}; rules must not depend on Django or apps"


def test_the_import_check_catches_django(tmp_path):
    module = tmp_path / "impure.py"
    module.write_text("from django.db import models\nimport datetime\n")
    assert "django.db" in imported_roots(module)
