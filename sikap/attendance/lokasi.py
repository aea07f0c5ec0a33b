"""A pegawai proposes a temporary place (dinas luar, approved WFH): a named circle and dates;
the workflow in attendance/flows.py (LOKASI_FLOW) takes it to their atasan (admin BKD when they
have none). Bad input is refused with a message per field and nothing stored."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from sikap.accounts import access
from sikap.attendance.models import PengajuanLokasi
from sikap.core import audit, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.core.notifications import notify
from sikap.core.validators import FORMULA_MESSAGE, starts_like_formula
from sikap.people.models import Pegawai

RADIUS = (10, 5000)  # metres, as for LokasiSementara at /kelola/
MAKS_HARI = 366


def _invalid(field: str, message: str) -> SikapError:
    return SikapError(Kode.DATA_TIDAK_VALID, message, {field: [message]})


def _koordinat(value, field: str, limit: int) -> Decimal:
    try:
        number = Decimal(str(value)).quantize(Decimal("0.000001"))
    except (InvalidOperation, ValueError):
        raise _invalid(field, "Isi dengan angka desimal, misalnya -6.200000.") from None
    if not number.is_finite() or abs(number) > limit:
        raise _invalid(field, f"Harus antara -{limit} dan {limit}.")
    return number


def ajukan(*, nama: str, latitude, longitude, radius_m: int, mulai: date, selesai: date,
           alasan: str, actor) -> PengajuanLokasi:  # fmt: skip
    if not (actor.is_authenticated and actor.pegawai_id):
        raise tidak_berhak("Lokasi sementara diajukan oleh pegawai untuk dirinya sendiri.")
    nama, alasan = nama.strip(), alasan.strip()
    for field, text in (("nama", nama), ("alasan", alasan)):
        if not text:
            raise _invalid(field, "Wajib diisi.")
        if starts_like_formula(text):
            raise _invalid(field, FORMULA_MESSAGE)
    lat = _koordinat(latitude, "latitude", 90)
    lon = _koordinat(longitude, "longitude", 180)
    if not RADIUS[0] <= radius_m <= RADIUS[1]:
        raise _invalid("radius_m", f"Radius antara {RADIUS[0]} dan {RADIUS[1]} meter.")
    if selesai < mulai:
        raise _invalid("selesai", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
    if selesai < timezone.localdate():
        raise _invalid("selesai", "Rentang tanggal sudah lewat.")
    if (selesai - mulai).days >= MAKS_HARI:
        raise _invalid("selesai", "Rentang paling lama satu tahun.")
    with transaction.atomic():
        pegawai = Pegawai.objects.get(pk=actor.pegawai_id)
        case = PengajuanLokasi.objects.create(
            pegawai=pegawai, nama=nama[:160], latitude=lat, longitude=lon, radius_m=radius_m,
            mulai=mulai, selesai=selesai, alasan=alasan[:255], dibuat_oleh=actor,
            state=PengajuanLokasi.Status.DIAJUKAN,
        )  # fmt: skip
        audit.record(
            case,
            actor=actor,
            action=AuditEntry.Aksi.CREATE,
            kind=kinds.of(PengajuanLokasi, AuditEntry.Aksi.CREATE),
        )
        users = list(access.atasan_accounts(pegawai))
        message = f"{pegawai.nama} mengajukan lokasi sementara {case}; menunggu keputusan Anda."
        transaction.on_commit(lambda: notify(users, message, target=case))
    return case
