"""Daily activities: the pegawai records their own (for today or a past day of the last week,
never the future, without overlapping another); the atasan approves or returns them in bulk,
a reason required to return. Each decision leaves an audit row."""

from datetime import date, time, timedelta

from django.db import transaction
from django.utils import timezone

from sikap.attendance.models import Aktivitas
from sikap.core import audit, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.people.models import Pegawai
from sikap.people.selectors import bawahan_of

S = Aktivitas.Status
MUNDUR_HARI = 7  # how many days back an activity may still be recorded


def _invalid(field: str, message: str) -> SikapError:
    return SikapError(Kode.DATA_TIDAK_VALID, message, {field: [message]})


def catat(
    *, tanggal: date, mulai: time, selesai: time, uraian: str, output: str, volume: int, actor
) -> Aktivitas:
    if not (actor.is_authenticated and actor.pegawai_id):
        raise tidak_berhak("Aktivitas harian dicatat oleh pegawai untuk dirinya sendiri.")
    today = timezone.localdate()
    if tanggal > today:
        raise _invalid("tanggal", "Aktivitas belum dapat dicatat untuk hari yang akan datang.")
    if tanggal < today - timedelta(days=MUNDUR_HARI):
        raise _invalid("tanggal", f"Aktivitas hanya dapat dicatat paling lambat {MUNDUR_HARI} "
                                  "hari setelahnya.")  # fmt: skip
    if selesai <= mulai:
        raise _invalid("selesai", "Jam selesai harus setelah jam mulai.")
    if not uraian.strip() or not output.strip():
        raise _invalid("uraian", "Uraian dan output wajib diisi.")
    if volume < 1:
        raise _invalid("volume", "Volume paling sedikit 1.")
    with transaction.atomic():
        Pegawai.objects.select_for_update().only("pk").get(pk=actor.pegawai_id)
        clash = Aktivitas.objects.filter(
            pegawai_id=actor.pegawai_id, tanggal=tanggal, mulai__lt=selesai, selesai__gt=mulai
        ).exclude(status=S.DIKEMBALIKAN)
        if clash.exists():
            raise _invalid("mulai", "Jam ini bertumpang tindih dengan aktivitas lain hari itu.")
        found = Aktivitas.objects.create(
            pegawai_id=actor.pegawai_id, tanggal=tanggal, mulai=mulai, selesai=selesai,
            uraian=uraian.strip()[:500], output=output.strip()[:120], volume=volume,
            menit=(selesai.hour * 60 + selesai.minute) - (mulai.hour * 60 + mulai.minute),
        )  # fmt: skip
        audit.record(found, actor=actor, action=AuditEntry.Aksi.CREATE,
                     kind=kinds.of(Aktivitas, AuditEntry.Aksi.CREATE))  # fmt: skip
    return found


def menunggu_untuk(user):
    """The activities waiting for this atasan: their direct subordinates' (never their own)."""
    if not (user.is_authenticated and user.pegawai_id):
        return Aktivitas.objects.none()
    subordinates = bawahan_of(user.pegawai)
    return (
        Aktivitas.objects.filter(status=S.DIAJUKAN, pegawai__in=subordinates)
        .exclude(pegawai_id=user.pegawai_id)
        .select_related("pegawai")
    )


def putuskan(ids: list[int], *, setujui: bool, catatan: str = "", actor) -> int:
    """Approve or return the chosen activities the actor may decide; returns how many."""
    catatan = catatan.strip()
    if not setujui and not catatan:
        raise _invalid("catatan", "Alasan wajib diisi untuk mengembalikan aktivitas.")
    with transaction.atomic():
        chosen = list(menunggu_untuk(actor).filter(pk__in=ids).select_for_update(of=("self",)))
        if not chosen:
            raise SikapError(Kode.TIDAK_DITEMUKAN, "Tidak ada aktivitas terpilih yang menunggu "
                                                   "keputusan Anda.")  # fmt: skip
        status = S.DISETUJUI if setujui else S.DIKEMBALIKAN
        for found in chosen:
            before = audit.snapshot(found)
            found.status, found.catatan, found.diputuskan_oleh = status, catatan[:255], actor
            found.save(update_fields=["status", "catatan", "diputuskan_oleh"])
            audit.record(found, actor=actor, action=AuditEntry.Aksi.UPDATE, before=before,
                         kind=kinds.of(Aktivitas, AuditEntry.Aksi.UPDATE))  # fmt: skip
    return len(chosen)
