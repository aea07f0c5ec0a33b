"""axe-core over the main pages of every role, in Debian's Chromium: no serious or critical
WCAG 2.1 AA violation (contrast, names, labels, landmarks, focusable scroll regions).

One live server and one world serve every page; each persona gets its own browser context
with a session made by Django's test client, so no log-in form is filled per persona. The
desktop walks the main page of each kind per role, the phone those whose layout changes most on
a small screen (the long SAKIP overview, whose check alone takes seconds, once, on the desktop).
"""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from sikap.accounts.models import Peran
from tests import axe
from tests.browser import DESKTOP, PHONE
from tests.factories import make_user
from tests.security.test_url_matrix import world_values

PAGES = {
    "pegawai": ["/", "/pegawai/{nip}/", "/usulan/baru/", "/pegawai/{nip}/dokumen/"],
    "admin_opd": ["/pegawai/", "/dokumen/kelengkapan/"],
    "verifikator": ["/dokumen/verifikasi/", "/usulan/{usulan}/"],
    "admin_bkd": ["/kelola/", "/ip-asn/2023/"],
    "perencana": ["/sakip/2023/", "/sakip/2023/dasbor/", "/sakip/indikator/{indikator_renja}/"],
    "pimpinan": ["/ip-asn/2023/opd/"],
}
ON_A_PHONE = {
    "pegawai": ["/pegawai/{nip}/"],
    "admin_opd": ["/dokumen/kelengkapan/"],
    "perencana": ["/sakip/2023/dasbor/"],
    # /kelola/ (Django's admin in SIKAP's colours): the index, a change list with its filters,
    # and a form, where the admin's own layout differs most from SIKAP's pages on a phone.
    "admin_bkd": ["/kelola/", "/kelola/org/unitkerja/", "/kelola/org/opd/add/"],
}


@pytest.fixture
def walk(world, live_server, browser, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    world.users["perencana"] = make_user("perencana.bkd", Peran.PERENCANA)
    values = world_values(world)

    def run(pages: dict, viewport: dict) -> list[str]:
        problems = []
        for persona, urls in pages.items():
            client = Client()
            client.force_login(world.users[persona])
            context = browser.new_context(locale="id-ID", **viewport)
            cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
            context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie,
                                  "url": live_server.url}])  # fmt: skip
            page = context.new_page()
            for url in urls:
                url = url.format(**values)
                response = page.goto(live_server.url + url)
                assert response.status == 200, f"{url} as {persona}: {response.status}"
                problems += axe.describe(axe.violations(page), f"{persona} {url}")
            context.close()
        return problems

    return run


@pytest.mark.django_db(transaction=True)
def test_main_pages_of_every_role_have_no_serious_accessibility_violation(walk):
    problems = walk(PAGES, DESKTOP) + walk(ON_A_PHONE, PHONE)
    assert not problems, "\n".join(problems)
