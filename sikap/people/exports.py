"""The pegawai list as XLSX: every row the list shows under the same filters, every page of
it (`core/exports.py` decides whether it is written in the request or as a job)."""

from django.utils import timezone

from sikap.core.exports import Tabel
from sikap.people.filters import PegawaiFilterForm
from sikap.people.models import Pegawai

COLUMNS = (
    ("NIP", 22, lambda p: p.nip),
    ("Nama", 36, lambda p: p.nama_lengkap),
    ("Jenis kelamin", 12, lambda p: p.get_jenis_kelamin_display()),
    ("Tempat lahir", 18, lambda p: p.tempat_lahir),
    ("Tanggal lahir", 13, lambda p: p.tanggal_lahir),
    ("Status", 8, lambda p: p.get_status_display()),
    ("Kedudukan", 14, lambda p: p.get_kedudukan_display()),
    ("TMT CPNS", 13, lambda p: p.tmt_cpns),
    ("Golongan", 9, lambda p: p.golongan),
    ("TMT golongan", 13, lambda p: p.tmt_golongan),
    ("Jabatan", 36, lambda p: p.jabatan.nama if p.jabatan else ""),
    ("Jenis jabatan", 22, lambda p: p.get_jenis_jabatan_display()),
    ("Unit kerja", 32, lambda p: p.unit.nama),
    ("OPD", 36, lambda p: p.opd.nama),
    ("Pendidikan terakhir", 14, lambda p: p.get_tingkat_pendidikan_display()),
)


def filtered(user, query):
    """(the filter form, the pegawai it selects among those `user` may see)."""
    form = PegawaiFilterForm(query, user=user)
    return form, form.filter(Pegawai.objects.visible_to(user))


def pegawai_tabel(user, query) -> Tabel:
    _form, queryset = filtered(user, query)
    rows = (
        [value(p) for _label, _width, value in COLUMNS]
        for p in queryset.select_related("opd", "unit", "jabatan").iterator(chunk_size=2000)
    )
    return Tabel(
        filename=f"pegawai-{timezone.localdate():%Y%m%d}.xlsx",
        title="Daftar pegawai",
        columns=[(label, width) for label, width, _value in COLUMNS],
        count=queryset.count(),
        rows=rows,
    )
