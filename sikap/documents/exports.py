"""The completeness page's filters and its list of pegawai lacking mandatory documents as XLSX
(`core/exports.py` decides whether it is written in the request or as a job)."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone

from sikap.core.exports import Tabel
from sikap.documents import completeness, ringkasan
from sikap.documents.forms import KelengkapanFilterForm
from sikap.people.models import Pegawai

CHUNK = 2000


@dataclass
class Lingkup:
    """What the completeness page shows for `user` under its filters."""

    form: KelengkapanFilterForm
    types: list
    summary: list  # `completeness.OpdSummary` per OPD in view
    total: completeness.OpdSummary
    lacking: Sequence[int]  # ids of those lacking something (or the type filtered by), in order


def lingkup(user, query) -> Lingkup:
    types = completeness.mandatory_types()
    # Who has left the service has no file to complete; tugas belajar or CLTN still do.
    visible = Pegawai.objects.visible_to(user).still_employed()
    form = KelengkapanFilterForm(query, visible=visible, types=types)
    scope = visible.filter(opd=form.value("opd")) if form.value("opd") else visible
    return Lingkup(form, types, *ringkasan.tallied(scope, types, form.value("jenis")))


def with_missing(ids: list[int], types: list) -> list[tuple[Pegawai, list[str]]]:
    """(pegawai with their OPD, names of the mandatory types they lack) for these ids, in
    order: two queries."""
    people = Pegawai.objects.select_related("opd").in_bulk(ids)
    return completeness.missing_names([people[pk] for pk in ids], types)


def kelengkapan_tabel(user, query) -> Tabel:
    found = lingkup(user, query)
    ids = list(found.lacking)  # one snapshot, however long the job writing it takes

    def rows():
        for start in range(0, len(ids), CHUNK):
            for p, missing in with_missing(ids[start : start + CHUNK], found.types):
                yield [p.nip, p.nama_lengkap, p.opd.nama, p.get_status_display(), len(missing),
                       ", ".join(missing)]  # fmt: skip

    return Tabel(
        filename=f"kelengkapan-dokumen-{timezone.localdate():%Y%m%d}.xlsx",
        title="Kelengkapan dokumen",
        columns=[
            ("NIP", 22),
            ("Nama", 36),
            ("OPD", 36),
            ("Status", 8),
            ("Jumlah kurang", 14),
            ("Dokumen wajib yang belum ada", 80),
        ],  # fmt: skip
        count=len(ids),
        rows=rows(),
    )
