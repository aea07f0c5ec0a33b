"""One refusal page, one way to show a service error on a form, one pagination template:
other modules call them instead of copying them."""

from pathlib import Path

import sikap

PACKAGE = Path(sikap.__file__).parent


def _files_containing(text: str, suffix: str) -> set[str]:
    return {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob(f"*{suffix}")
        if text in path.read_text(encoding="utf-8")
    }


def test_only_core_views_renders_the_refusal_page():
    assert _files_containing('"refused.html"', ".py") == {"core/views.py"}


def test_only_core_forms_spreads_a_service_error_over_a_form():
    assert _files_containing("in error.errors.items()", ".py") == {"core/forms.py"}


def test_only_one_template_draws_pagination():
    assert _files_containing("page.has_next", ".html") == {"templates/_pagination.html"}
