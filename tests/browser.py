"""Real-browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live
server. `make install` installs the `chromium` package as root; without it the browser tests
are skipped on a developer's machine and fail in CI (CI=true), like the PDF tests without Pango.

    def test_something(live_server, phone):
        phone.goto(live_server.url + "/masuk/")
"""

import os
import shutil

import pytest

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        reason = "the browser tests need Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI requires it (`make install` installs it as root).")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's ORM calls are still
    # synchronous and safe, so Django's guard against ORM use inside a loop is lifted.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable)
        yield browser
        browser.close()


def _page(browser, options):
    context = browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta", **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    """A page in a 390 × 844 touch viewport (a common Android phone)."""
    yield from _page(browser, PHONE)


@pytest.fixture
def desktop(browser):
    """A page in a 1280 × 800 viewport."""
    yield from _page(browser, DESKTOP)


def log_in(page, live_server, username: str, password: str) -> None:
    page.goto(live_server.url + "/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
