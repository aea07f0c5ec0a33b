"""The kept completeness summary (`RingkasanKelengkapan`): one row per pegawai with the numbers
the live rules of `completeness.py` give, so that the dashboard over a province sums narrow rows
in the database instead of scanning every document (bench/completeness.py, docs/documents.md).

Exactness: a row exists only while it is true. Every input of the rules is guarded by a signal
below that deletes the affected rows in the transaction that changes the input (a document of
the pegawai, their status or marital status, a child in their family; a document type's
configuration deletes every row); bulk writers that send no signal call `usang`. A pegawai
without a row is counted live by the dashboard. After the commit the rows are computed again
(`segarkan`, under a lock on the pegawai rows, so a slower refresh never overwrites a newer
one); the nightly job `bangun_ulang` (and `sikap kelengkapan`) rebuilds them all.
"""

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.signals import post_delete, post_save

from sikap.core.jobs import enqueue, job
from sikap.documents import completeness
from sikap.documents.models import Dokumen, JenisDokumen, RingkasanKelengkapan
from sikap.people.models import AnggotaKeluarga, Pegawai

BATCH = 2000
# Above this many pegawai without a row (after a type's configuration changed, before the job
# rebuilt the rows) the dashboard counts its whole scope live, as it did before the summary.
LIVE_ABOVE = 5000
_PEGAWAI_INPUTS = {"status", "status_kawin"}


def _kurang(missing: tuple[int, ...]) -> str:
    return f",{','.join(map(str, missing))}," if missing else ""


def segarkan(ids) -> None:
    """Compute the rows of these pegawai again (those who still exist)."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            part = ids[start : start + BATCH]
            locked = Pegawai.objects.select_for_update().filter(pk__in=part).order_by("pk")
            present = list(locked.values_list("pk", flat=True))
            types = completeness.mandatory_types()
            rows = completeness.flag_rows(Pegawai.objects.filter(pk__in=present), types)
            RingkasanKelengkapan.objects.filter(pegawai_id__in=part).delete()
            RingkasanKelengkapan.objects.bulk_create(
                RingkasanKelengkapan(
                    pegawai_id=r.pk,
                    wajib=len(r.required),
                    ada=len(r.required) - len(r.missing),
                    kurang=_kurang(r.missing),
                )
                for r in rows
            )


@job
def bangun_ulang(*, actor) -> None:
    """Every pegawai's row computed again (nightly, and after a type's configuration changed)."""
    segarkan(Pegawai.objects.values_list("pk", flat=True))


def usang(ids=None) -> None:
    """The rows of these pegawai (all when None) are no longer known: deleted now, in the
    caller's transaction, and computed again after it commits."""
    if ids is None:
        RingkasanKelengkapan.objects.all().delete()
        enqueue(bangun_ulang)
        return
    ids = [pk for pk in set(ids) if pk is not None]
    if ids:
        RingkasanKelengkapan.objects.filter(pegawai_id__in=ids).delete()
        transaction.on_commit(lambda: segarkan(ids))


def usang_bila(ids, fields) -> None:
    """`usang(ids)` when a bulk update of pegawai wrote a field the rules read."""
    if _PEGAWAI_INPUTS & set(fields):
        usang(ids)


def _owner_changed(sender, instance, **kwargs) -> None:
    usang([instance.pegawai_id])


def _pegawai_saved(sender, instance, update_fields=None, **kwargs) -> None:
    if update_fields is None:
        usang([instance.pk])
    else:
        usang_bila([instance.pk], update_fields)


def _type_changed(sender, **kwargs) -> None:
    usang()


def connect() -> None:
    for model in (Dokumen, AnggotaKeluarga):
        uid = f"kelengkapan-{model.__name__}"
        post_save.connect(_owner_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_owner_changed, sender=model, dispatch_uid=uid)
    post_save.connect(_pegawai_saved, sender=Pegawai, dispatch_uid="kelengkapan-pegawai")
    post_save.connect(_type_changed, sender=JenisDokumen, dispatch_uid="kelengkapan-jenis")
    post_delete.connect(_type_changed, sender=JenisDokumen, dispatch_uid="kelengkapan-jenis")


class Urutan(Sequence[int]):
    """The ids lacking something, by OPD name, name and NIP, with their number per OPD already
    known: the paginator asks no COUNT, and a page reads only the OPDs it falls in (each from
    the pegawai index on OPD), never sorting the whole province."""

    def __init__(self, query, per_opd: list[tuple[int, int]]) -> None:
        self.query, self.per_opd = query, per_opd
        self.jumlah = sum(n for _opd, n in per_opd)

    def count(self) -> int:  # type: ignore[override]  (Paginator's question)
        return self.jumlah

    def __len__(self) -> int:
        return self.jumlah

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop, _step = key.indices(self.jumlah)
        found: list[int] = []
        offset = 0
        for opd, n in self.per_opd:
            if start < offset + n and stop > offset:
                part = self.query.filter(opd_id=opd)
                found += part[max(start - offset, 0) : min(stop - offset, n)]
            offset += n
        return found

    def __iter__(self):
        for opd, _n in self.per_opd:
            yield from self.query.filter(opd_id=opd)


def tallied(scope, types, jenis=None):
    """(per-OPD summaries, the total, the ids lacking something or `jenis`, in order) over
    `scope`: one grouped query sums the kept rows per OPD and counts those lacking and those
    without a row; the latter (none, usually) are counted live; the ids are a query the page
    reads one page of."""
    if jenis is None:
        lacking_kept = Q(kelengkapan__ada__lt=F("kelengkapan__wajib"))
    else:
        lacking_kept = Q(kelengkapan__kurang__contains=f",{jenis.pk},")
    kept = (
        scope.order_by()
        .values("opd_id", "opd__nama")
        .annotate(
            n=Count("pk", filter=Q(kelengkapan__isnull=False)),
            lengkap=Count("pk", filter=Q(kelengkapan__ada=F("kelengkapan__wajib"))),
            wajib=Sum("kelengkapan__wajib", default=0),
            ada=Sum("kelengkapan__ada", default=0),
            kurang=Count("pk", filter=lacking_kept),
            usang=Count("pk", filter=Q(kelengkapan__isnull=True)),
        )
    )
    kept = list(kept)
    if sum(k["usang"] for k in kept) > LIVE_ABOVE:
        rows = completeness.counted(scope, types, jenis)
        return (*completeness.per_opd(rows), completeness.lacking(rows, jenis))
    stale = scope.filter(kelengkapan__isnull=True)
    live = completeness.counted(stale, types, jenis) if any(k["usang"] for k in kept) else []
    by_opd: dict[int, completeness.OpdSummary] = {}
    total = completeness.OpdSummary(opd_id=0, nama="Semua OPD")
    for k in kept:
        s = by_opd.setdefault(k["opd_id"], completeness.OpdSummary(k["opd_id"], k["opd__nama"]))
        for target in (s, total):
            target.pegawai += k["n"]
            target.lengkap += k["lengkap"]
            target.wajib += k["wajib"]
            target.terpenuhi += k["ada"]
    for row in live:
        by_opd[row.opd_id].add(row)
        total.add(row)
    summary = sorted(by_opd.values(), key=lambda s: (s.nama, s.opd_id))
    lacking_live = completeness.lacking(live, jenis)
    kurang = {k["opd_id"]: k["kurang"] for k in kept}
    lacking_set = set(lacking_live)
    for row in live:
        kurang[row.opd_id] += row.pk in lacking_set
    ids = (
        scope.filter(lacking_kept | Q(pk__in=lacking_live))
        .order_by("nama", "nip")
        .values_list("pk", flat=True)
    )
    return summary, total, Urutan(ids, [(s.opd_id, kurang[s.opd_id]) for s in summary])
