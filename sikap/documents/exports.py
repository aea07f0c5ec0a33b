"""The completeness page's filters and its list of pegawai lacking mandatory documents as XLSX
(`core/exports.py` decides whether it is written in the request or as a job)."""

from dataclasses import dataclass

from django.utils import timezone

from sikap.core.exports import Tabel
from sikap.documents import completeness
from sikap.documents.forms import KelengkapanFilterForm
from sikap.people.models import Pegawai

CHUNK = 2000


@dataclass
class Lingkup:
    """What the completeness page shows for `user` under its filters."""

    form: KelengkapanFilterForm
    types: list
    scope: object  # the pegawai in view (a queryset)
    lacking: object  # those lacking something (a queryset, ordered)


def lingkup(user, query) -> Lingkup:
    types = completeness.mandatory_types()
    # Who has left the service has no file to complete; tugas belajar or CLTN still do.
    visible = Pegawai.objects.visible_to(user).still_employed()
    form = KelengkapanFilterForm(query, visible=visible, types=types)
    scope = visible.filter(opd=form.value("opd")) if form.value("opd") else visible
    return Lingkup(form, types, scope, completeness.lacking(scope, types, form.value("jenis")))


def kelengkapan_tabel(user, query) -> Tabel:
    found = lingkup(user, query)
    ids = found.lacking.values_list("pk", flat=True)

    def rows():
        for start in range(0, total, CHUNK):
            chunk = list(ids[start : start + CHUNK])
            people = Pegawai.objects.select_related("opd").in_bulk(chunk)
            pages = completeness.missing_names([people[pk] for pk in chunk], found.types)
            for p, missing in pages:
                yield [p.nip, p.nama_lengkap, p.opd.nama, p.get_status_display(), len(missing),
                       ", ".join(missing)]  # fmt: skip

    total = found.lacking.count()
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
        count=total,
        rows=rows(),
    )
