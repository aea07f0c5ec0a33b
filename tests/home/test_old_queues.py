"""The inbox replaced the old queues in the menu; their pages remain as the batch view of one
kind, linked from the inbox filtered by that kind."""

import pytest

from tests.home.conftest import submitted, uploaded

OLD = ('href="/usulan/antrian/"', 'href="/dokumen/verifikasi/"')


@pytest.mark.parametrize("persona", ["admin_opd", "verifikator", "admin_bkd"])
def test_the_menu_leads_to_the_inbox_not_to_the_old_queues(world, persona):
    page = world.client(persona).get("/akun/kata-sandi/").content.decode()
    assert 'href="/kotak-masuk/"' in page
    assert not any(old in page for old in OLD)


def test_the_inbox_filtered_by_a_kind_links_to_its_batch_page(world):
    submitted(world)
    client = world.client("admin_opd")
    page = client.get("/kotak-masuk/", {"jenis": "selfservice.usulan"}).content.decode()
    assert 'href="/usulan/antrian/"' in page
    assert client.get("/usulan/antrian/").status_code == 200
    assert 'href="/usulan/antrian/"' not in client.get("/kotak-masuk/").content.decode()


def test_the_document_batch_page_is_linked_when_documents_wait(world):
    uploaded(world)
    client = world.client("verifikator")
    page = client.get("/kotak-masuk/", {"jenis": "documents.dokumen"}).content.decode()
    assert 'href="/dokumen/verifikasi/"' in page
    assert client.get("/dokumen/verifikasi/").status_code == 200
