"""axe-core over the main pages of every role, in Debian's Chromium: no serious or critical
WCAG 2.1 AA violation (contrast, names, labels, landmarks, focusable scroll regions).

One live server and one world serve every page; each persona gets its own browser context
with a session made by Django's test client, so no log-in form is filled per persona. The
desktop walks every page, the phone the pages whose layout changes most on a small screen.
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
    "pegawai": ["/", "/pegawai/{nip}/", "/usulan/", "/usulan/baru/", "/pegawai/{nip}/dokumen/",
                "/notifikasi/", "/akun/perangkat/"],
    "admin_opd": ["/", "/pegawai/", "/dokumen/kelengkapan/", "/ip-asn/", "/usulan/antrian/"],
    "verifikator": ["/usulan/antrian/", "/dokumen/verifikasi/", "/usulan/{usulan}/"],
    "admin_bkd": ["/", "/kelola/", "/impor/siasn/", "/ip-asn/2023/", "/ip-asn/2023/opd/"],
    "perencana": ["/sakip/2023/", "/sakip/2023/dasbor/", "/sakip/2023/periksa/",
                  "/sakip/2023/perjanjian/", "/sakip/indikator/{indikator_renja}/", "/lkj/2023/"],
    "pimpinan": ["/", "/sakip/2023/dasbor/"],
}  # fmt: skip
ON_A_PHONE = {
    "pegawai": ["/", "/pegawai/{nip}/", "/usulan/"],
    "admin_opd": ["/pegawai/", "/dokumen/kelengkapan/"],
    "admin_bkd": ["/kelola/", "/ip-asn/2023/opd/"],
    "perencana": ["/sakip/2023/", "/sakip/2023/dasbor/"],
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
