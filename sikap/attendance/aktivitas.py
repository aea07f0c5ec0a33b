"""Daily activities: the pegawai records their own (for today or a past day of the last week,
never the future, without overlapping another), optionally with an evidence file (PDF, JPEG or
PNG, checked by content: `attendance/bukti.py`); the atasan approves or returns them in bulk,
a reason required to return, and opens the evidence while deciding. A returned activity keeps
its evidence. Each decision leaves an audit row."""

from datetime import date, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from sikap.attendance.bukti import baca_bukti_aktivitas
from sikap.attendance.models import Aktivitas, PengaturanPresensi
from sikap.core import audit, kinds, upload_limits
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.documents.storage import delete_quietly
from sikap.documents.validation import clean_original_name
from sikap.people.models import Pegawai
from sikap.people.selectors import bawahan_of

S = Aktivitas.Status
MUNDUR_HARI = 7  # how many days back an activity may still be recorded


def _invalid(field: str, message: str) -> SikapError:
    return SikapError(Kode.DATA_TIDAK_VALID, message, {field: [message]})


def catat(
    *,
    tanggal: date,
    mulai: time,
    selesai: time,
    uraian: str,
    output: str,
    volume: int,
    actor,
    bukti=None,
) -> Aktivitas:
    """Record an activity of the actor's own; `bukti` an uploaded evidence file or None."""
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
    data = found = None
    if bukti is not None:
        upload_limits.check_rate(actor)
        maks_kb = PengaturanPresensi.current().bukti_aktivitas_maks_kb
        data, found = baca_bukti_aktivitas(bukti, maks_kb=maks_kb)
    made = Aktivitas(
        pegawai_id=actor.pegawai_id, tanggal=tanggal, mulai=mulai, selesai=selesai,
        uraian=uraian.strip()[:500], output=output.strip()[:120], volume=volume,
        menit=(selesai.hour * 60 + selesai.minute) - (mulai.hour * 60 + mulai.minute),
    )  # fmt: skip
    if found is not None:
        made.bukti_format = found.format
        made.bukti_nama_asli = clean_original_name(getattr(bukti, "name", ""))
        made.bukti.save("bukti", ContentFile(data), save=False)
    try:
        _simpan(made, actor)
    except Exception:
        if made.bukti:
            delete_quietly(made.bukti.name)
        raise
    return made


@transaction.atomic
def _simpan(made: Aktivitas, actor) -> None:
    Pegawai.objects.select_for_update().only("pk").get(pk=made.pegawai_id)
    clash = Aktivitas.objects.filter(
        pegawai_id=made.pegawai_id, tanggal=made.tanggal, mulai__lt=made.selesai,
        selesai__gt=made.mulai,
    ).exclude(status=S.DIKEMBALIKAN)  # fmt: skip
    if clash.exists():
        raise _invalid("mulai", "Jam ini bertumpang tindih dengan aktivitas lain hari itu.")
    made.save(force_insert=True)
    note = f"Bukti: {made.bukti_nama_asli}" if made.bukti else ""
    audit.record(made, actor=actor, action=AuditEntry.Aksi.CREATE,
                 kind=kinds.of(Aktivitas, AuditEntry.Aksi.CREATE), note=note)  # fmt: skip


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
