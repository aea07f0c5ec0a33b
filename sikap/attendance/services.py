"""Writes of the attendance module: the check-in, device approval, and the configuration edited
at /kelola/ (audited). Check-ins of one pegawai are serialised by locking their row, so two
taps in the same second give one accepted attempt and one "sudah masuk"."""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone

from sikap.accounts import access
from sikap.attendance import bukti, konteks
from sikap.attendance.day_close import close_days
from sikap.attendance.konteks import KonteksHari
from sikap.attendance.models import JenisKetidakhadiran, PerangkatPresensi, Presensi
from sikap.core import audit, audited, kinds, upload_limits
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.jobs import enqueue
from sikap.core.models import AuditEntry
from sikap.documents.storage import delete_quietly
from sikap.people.models import Kedudukan
from sikap.rules import kedudukan as kedudukan_rule
from sikap.rules.jam_kerja import giliran_untuk
from sikap.rules.presensi import Alasan, Keadaan, Perangkat, Percobaan, putuskan


@dataclass(frozen=True)
class Permintaan:
    """A check-in as the phone or the page sends it."""

    jenis: str
    latitude: float
    longitude: float
    akurasi_m: float
    device_id: str
    kunci: str
    mock: bool = False
    waktu_ponsel: datetime | None = None
    swafoto: bytes | None = None  # the photo's bytes, not yet checked

    def sidik(self) -> str:
        body = {
            "jenis": self.jenis,
            "latitude": repr(self.latitude),
            "longitude": repr(self.longitude),
            "akurasi_m": repr(self.akurasi_m),
            "device_id": self.device_id,
            "mock": self.mock,
            "waktu_ponsel": self.waktu_ponsel.isoformat() if self.waktu_ponsel else None,
        }
        if self.swafoto is not None:  # absent from the fingerprints of attempts without one
            body["swafoto"] = hashlib.sha256(self.swafoto).hexdigest()
        return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _pegawai_of(actor) -> int:
    if not (actor.is_authenticated and actor.pegawai_id):
        raise SikapError(
            Kode.TIDAK_DITEMUKAN,
            "Akun ini tidak terhubung dengan data pegawai, jadi tidak dapat melakukan presensi.",
        )
    return actor.pegawai_id


def record_presensi(req: Permintaan, *, actor, via: str) -> tuple[Presensi, bool]:
    """Decide and store one attempt. Returns (attempt, created): a retry with the same key and
    body returns the first attempt and stores nothing; the same key with another body is refused.
    Four queries on the usual path: the pegawai row with the context marks (locked), the
    attempts under this key or accepted on the days it may count for, the INSERT (and the
    token before)."""
    pegawai_id = _pegawai_of(actor)
    sidik = req.sidik()
    now = timezone.now()
    local = timezone.localtime(now).replace(tzinfo=None)
    today = local.date()
    with transaction.atomic():
        pegawai = konteks.pegawai_bertanda(pegawai_id, today, kunci=True)
        # Retired (pension file), deceased, on tugas belajar, …: no check-in.
        if not kedudukan_rule.in_service(pegawai.kedudukan):
            raise tidak_berhak(
                "Presensi hanya untuk pegawai yang sedang aktif berdinas; kedudukan Anda: "
                f"{Kedudukan(pegawai.kedudukan).label}."
            )
        # One query for both: the first answer under this key, and the accepted check-ins of
        # the days this attempt may count for (yesterday's night shift or today).
        seen = list(
            Presensi.objects.raw(_SEEN, [pegawai_id, req.kunci, Alasan.DITERIMA, *_dates(today)])
        )
        first = next((p for p in seen if p.kunci == req.kunci), None)
        if first is not None:
            if first.sidik != sidik:
                raise SikapError(
                    Kode.DUPLIKAT,
                    "Kunci idempotensi ini sudah dipakai untuk presensi lain dengan isi berbeda. "
                    "Buat kunci baru untuk setiap presensi.",
                )
            return first, False
        accepted = [p for p in seen if p.alasan == Alasan.DITERIMA]
        ctx = konteks.konteks(pegawai, today)
        attempt = _decide(pegawai, ctx, req, sidik, accepted, now, actor=actor, via=via)
        return attempt, True


# Hand-written for the same reason as konteks._sql_pegawai: the hot path's ORM compile time.
_SEEN = (
    f"SELECT * FROM {Presensi._meta.db_table} WHERE pegawai_id = %s "
    "AND (kunci = %s OR (alasan = %s AND tanggal IN (%s, %s)))"
)


def _dates(today):
    return [connection.ops.adapt_datefield_value(d) for d in (today - timedelta(days=1), today)]


def _decide(
    pegawai, ctx: KonteksHari, req: Permintaan, sidik: str, accepted, now, *, actor, via: str
) -> Presensi:
    local = timezone.localtime(now).replace(tzinfo=None)
    setting = ctx.konf.pengaturan
    foto = None
    if req.swafoto is not None:
        upload_limits.check_rate(actor)
        foto = bukti.periksa_swafoto(req.swafoto, maks_kb=setting.swafoto_maks_kb)
    chosen = giliran_untuk(req.jenis, local, ctx.giliran, setting.jendela)
    day = chosen.tanggal if chosen else local.date()
    absent = ctx.tidak_hadir.get(day, "")
    done = {p.jenis: p for p in accepted if p.tanggal == day}
    percobaan = Percobaan(
        req.jenis,
        req.latitude,
        req.longitude,
        req.akurasi_m,
        req.mock,
        timezone.localtime(req.waktu_ponsel).replace(tzinfo=None) if req.waktu_ponsel else None,
        swafoto=foto is not None,
    )
    keadaan = Keadaan(
        sekarang=local,
        perangkat=_device(pegawai, ctx, req.device_id, actor=actor),
        hari_kerja=chosen is not None or any(g.tanggal == local.date() for g in ctx.giliran),
        dalam_jam_kerja=chosen is not None,
        tidak_hadir=JenisKetidakhadiran(absent).label.lower() if absent else "",
        sudah_masuk=_local(done.get("masuk")),
        sudah_pulang=_local(done.get("pulang")),
        lokasi=ctx.lokasi(pegawai, day),
        akurasi_maks_m=setting.akurasi_maks_m,
        selisih_jam_maks_detik=setting.selisih_jam_maks_detik,
        swafoto_wajib=pegawai.opd_id in ctx.konf.swafoto_wajib,
    )
    decision = putuskan(percobaan, keadaan)
    finite = decision.alasan != Alasan.KOORDINAT_TIDAK_SAH
    attempt = Presensi(
        pegawai_id=pegawai.pk,
        jenis=req.jenis,
        waktu=now,
        tanggal=day if (chosen or decision.diterima) else None,
        latitude=req.latitude if finite else None,
        longitude=req.longitude if finite else None,
        akurasi_m=req.akurasi_m,
        mock=req.mock,
        device_id=req.device_id,
        waktu_ponsel=req.waktu_ponsel,
        kunci=req.kunci,
        sidik=sidik,
        alasan=decision.alasan,
        pesan=decision.pesan[:255],
        jarak_m=decision.nearest.jarak_m if decision.nearest else None,
        lokasi=decision.nearest.lokasi.nama if decision.nearest else "",
        via=via,
    )
    if foto is None:
        attempt.save(force_insert=True)
        return attempt
    attempt.swafoto_format = foto.format
    attempt.swafoto.save("swafoto", ContentFile(req.swafoto), save=False)
    try:
        attempt.save(force_insert=True)
    except Exception:
        delete_quietly(attempt.swafoto.name)
        raise
    return attempt


def _local(presensi: Presensi | None) -> datetime | None:
    return timezone.localtime(presensi.waktu).replace(tzinfo=None) if presensi else None


def _device(pegawai, ctx: KonteksHari, device_id: str, *, actor) -> Perangkat:
    """The first device a pegawai uses is bound to them; any other waits for admin BKD.
    Binding one changes the pegawai's context mark (a signal), so the next check-in sees it."""
    devices = ctx.perangkat
    known = devices.get(device_id)
    if known is not None:
        return Perangkat.TERIKAT if known == PerangkatPresensi.Status.DISETUJUI else Perangkat.BARU
    first = PerangkatPresensi.Status.DISETUJUI not in devices.values()
    status = PerangkatPresensi.Status.DISETUJUI if first else PerangkatPresensi.Status.MENUNGGU
    device = PerangkatPresensi.objects.create(
        pegawai_id=pegawai.pk, device_id=device_id, status=status
    )
    audit.record(
        device,
        actor=actor,
        action=AuditEntry.Aksi.CREATE,
        kind=kinds.of(PerangkatPresensi, AuditEntry.Aksi.CREATE),
        note="Perangkat pertama, langsung terikat" if first else "Menunggu persetujuan admin",
    )
    return Perangkat.TERIKAT if first else Perangkat.BARU


def decide_device(device: PerangkatPresensi, *, approve: bool, actor) -> PerangkatPresensi:
    """Admin BKD approves or refuses a pegawai's new device; approving keeps their other
    devices (a second phone) — refuse those separately when the old one is lost."""
    if not access.may_approve_attendance_device(actor, device.pegawai_id):
        raise tidak_berhak("Perangkat presensi disetujui oleh admin BKD, tidak oleh pemiliknya.")
    status = PerangkatPresensi.Status.DISETUJUI if approve else PerangkatPresensi.Status.DITOLAK
    with audited.change(PerangkatPresensi, device.pk, actor=actor) as found:
        found.status = status
        found.diputuskan_oleh = actor
    device.refresh_from_db()
    return device


def ensure_may_configure(actor) -> None:
    if not access.may_configure_attendance(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah pengaturan presensi.")


def save_config(obj, *, actor):
    ensure_may_configure(actor)
    access.refuse_own_row(actor, obj)
    return audited.save(obj, actor=actor)


def delete_config(obj, *, actor) -> None:
    ensure_may_configure(actor)
    access.refuse_own_row(actor, obj)
    audited.delete(obj, actor=actor)


def save_ketidakhadiran(obj, *, actor):
    """Record an approved absence (from an SK, or the leave workflow's approval) and re-close
    the past days it covers, so their status changes too."""
    ensure_may_configure(actor)
    access.refuse_own_row(actor, obj)
    saved = audited.save(obj, actor=actor)
    reclose(obj.mulai, obj.selesai)
    return saved


def reclose(mulai, selesai) -> None:
    """Queue the day close again for the days of [mulai, selesai] already past."""
    today = timezone.localdate()
    last = min(selesai, today - timedelta(days=1))
    days = [mulai + timedelta(days=n) for n in range((last - mulai).days + 1)]
    if days:
        enqueue(close_days, [d.isoformat() for d in days])
