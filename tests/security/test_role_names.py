"""Role decisions live in `sikap/accounts/access.py` only: elsewhere no code or template names a
role, whether as its stored value ("admin_opd"), as `Peran.ADMIN_OPD` or by comparing `.peran`."""

import ast
import re
from pathlib import Path

import sikap
from sikap.accounts.models import Peran

PACKAGE = Path(sikap.__file__).parent
ROLE_VALUES = {p.value for p in Peran}
# The definition, the decisions, and the code that creates accounts with a role (demo data).
ALLOWED = {"accounts/models.py", "accounts/access.py"}
ALLOWED_DIRS = ("migrations", "demo")


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _checked(suffix: str):
    for path in sorted(PACKAGE.rglob(f"*{suffix}")):
        rel = _relative(path)
        if rel in ALLOWED or any(part in ALLOWED_DIRS for part in path.parts):
            continue
        yield rel, path.read_text(encoding="utf-8")


def _python_offences(source: str) -> list[str]:
    """The lines that name a role, each once."""
    lines = source.splitlines()
    numbers = {
        node.lineno
        for node in ast.walk(ast.parse(source))
        # "pegawai" is also a field and model name: only the role-only values count.
        if isinstance(node, ast.Constant) and node.value in ROLE_VALUES - {Peran.PEGAWAI}
    }
    numbers |= {
        n
        for n, line in enumerate(lines, 1)
        if re.search(r"\bPeran\.[A-Z]|\.peran\s*(==|!=|in\b)", line)
    }
    return [f"line {n}: {lines[n - 1].strip()}" for n in sorted(numbers)]


def test_no_role_name_outside_the_access_module_in_python():
    offences = {}
    for rel, source in _checked(".py"):
        found = _python_offences(source)
        if found:
            offences[rel] = found
    assert not offences, (
        "Role decisions belong in sikap/accounts/access.py; call a predicate there instead: "
        f"{offences}"
    )


def test_no_role_name_in_templates():
    roles = "|".join(ROLE_VALUES - {Peran.PEGAWAI})
    pattern = re.compile(rf"\.peran\b|[\"']({roles})[\"']")
    offences = {
        rel: [m.group(0) for m in pattern.finditer(source)]
        for rel, source in _checked(".html")
        if pattern.search(source)
    }
    assert not offences, f"Templates ask `akses.<predicate>` instead of naming roles: {offences}"


def test_the_check_finds_a_role_name():
    assert _python_offences('x = 1\nok = user.peran == "admin_opd"\n') == [
        'line 2: ok = user.peran == "admin_opd"'
    ]
    assert _python_offences('SCOPE = ("verifikator",)\n')
    assert _python_offences("roles = (Peran.PERENCANA,)\n")
    assert not _python_offences('kind = "pegawai"\n')
