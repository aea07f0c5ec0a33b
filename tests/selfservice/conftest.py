"""Helpers for the self-service tests: proposing as a persona (with the supporting document the
type requires, a real PDF), and moving a request to a state."""

import io
import itertools
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from sikap.people import services as people
from sikap.people.models import RiwayatPangkat, RiwayatPendidikan
from sikap.selfservice import services
from sikap.selfservice.forms import as_form_data, current_values
from sikap.selfservice.models import JenisPerubahan, UsulanPerubahan

_pdf_seq = itertools.count(1)


def pdf(name: str = "dokumen.pdf") -> SimpleUploadedFile:
    """A valid one-page PDF, different each time (the archive refuses an identical re-upload)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": f"Dokumen uji {next(_pdf_seq)}"})
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def jenis(kode: str) -> JenisPerubahan:
    return JenisPerubahan.objects.get(kode=kode)


def values_of(kode: str, obj, **changes) -> dict:
    """What the form shows for `obj` (a history row or the pegawai), with `changes` typed in."""
    return {**as_form_data(current_values(jenis(kode), obj)), **changes}


def put(usulan: UsulanPerubahan, state: str, **fields) -> UsulanPerubahan:
    """Place a request in a state directly, to test the transitions out of it."""
    UsulanPerubahan.objects.filter(pk=usulan.pk).update(state=state, **fields)
    usulan.refresh_from_db()
    return usulan


def approve(world, usulan, *, opd="admin_opd", bkd="verifikator"):
    """Submit and take every approving step of the request's chain."""
    services.submit_usulan(usulan, actor=world.users["pegawai"])
    usulan.refresh_from_db()
    if usulan.state == "menunggu_opd":
        name = "teruskan" if usulan.rantai == "opd_then_bkd" else "setujui"
        services.take_step(usulan, name, actor=world.users[opd])
        usulan.refresh_from_db()
    if usulan.state == "menunggu_bkd":
        services.take_step(usulan, "setujui", actor=world.users[bkd])
        usulan.refresh_from_db()
    return usulan


@pytest.fixture
def propose(world):
    def _propose(kode, values=None, *, target=None, keterangan="", persona="pegawai", **kw):
        actor, type_ = world.users[persona], jenis(kode)
        berkas = kw.pop("berkas", pdf() if type_.dokumen_wajib else None)
        return services.create_usulan(
            actor.pegawai or world.pegawai,
            type_,
            values,
            actor=actor,
            target_id=target.pk if target else None,
            keterangan=keterangan,
            berkas=berkas,
        )

    return _propose


@pytest.fixture
def s1(world):
    """The pegawai's S-1, entered by the admin."""
    row = RiwayatPendidikan(
        pegawai=world.pegawai, tingkat="40", jurusan="Manajemen", tahun_lulus=2002
    )
    return people.save_riwayat(row, actor=world.users["admin_opd"])


@pytest.fixture
def pangkat_iiia(world):
    row = RiwayatPangkat(pegawai=world.pegawai, golongan="III/a", tmt=date(2005, 3, 1))
    return people.save_riwayat(row, actor=world.users["admin_opd"])


S2 = {"tingkat": "45", "jurusan": "Magister Manajemen", "nama_sekolah": "Universitas Jember",
      "tahun_lulus": "2020", "no_ijazah": "MM-2020-17"}  # fmt: skip
