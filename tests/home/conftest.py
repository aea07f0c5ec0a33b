"""Waiting work for the home and inbox tests: documents uploaded, requests submitted."""

import itertools

import pytest

from sikap.documents.services import upload_dokumen
from sikap.selfservice import services as selfservice
from sikap.selfservice.models import JenisPerubahan
from tests.documents.conftest import pdf_bytes, upload

_hp = itertools.count(1)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def no_cached_figures(settings):
    """The home page's cached figures (IP ASN, SAKIP) start afresh in every test."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def uploaded(world, persona="pegawai", kode="ktp", pegawai=None, pages=1):
    return upload_dokumen(
        pegawai or world.users[persona].pegawai or world.pegawai,
        kode,
        upload(f"{kode}.pdf", pdf_bytes(pages, padding=next(_hp) * 7)),
        actor=world.users[persona],
    )


def submitted(world, pegawai=None, actor=None):
    """A contact change (verified by the OPD only), submitted: it waits for the admin OPD."""
    actor = actor or world.users["pegawai"]
    usulan = selfservice.create_usulan(
        pegawai or world.pegawai,
        JenisPerubahan.objects.get(kode="kontak"),
        {"no_hp": f"0812{next(_hp):07d}"},
        actor=actor,
    )
    selfservice.submit_usulan(usulan, actor=actor)
    usulan.refresh_from_db()
    return usulan
