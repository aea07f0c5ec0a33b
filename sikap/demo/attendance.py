"""SIPERLU: the last 30 days of attendance for every pegawai in service (most on time, some
late, a few absent or on leave), a night-shift rotation at the RSUD, the day close of each day,
and a few leave requests waiting for their atasan. Written in bulk, then closed set-based.

The BKD requires a selfie with each check-in (`SwafotoOpd`): its check-ins carry one, and so
do today's until the moment of the build (the monitoring page shows today's), except those of
the printed log-ins, who check in themselves. Every tenth activity has an evidence file. One
sample file of each (`demo/samples.py`) is stored under `presensi/demo/`, the rows point to it."""

import random
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone

from sikap.accounts.models import User
from sikap.attendance import konteks
from sikap.attendance.day_close import tutup_hari
from sikap.attendance.kalender import Kalender
from sikap.attendance.leave import hari_kerja
from sikap.attendance.models import (
    Aktivitas,
    JadwalShift,
    JenisKetidakhadiran,
    Ketidakhadiran,
    PengajuanKetidakhadiran,
    PerangkatPresensi,
    Presensi,
    Shift,
    StatusHarian,
    SwafotoOpd,
)
from sikap.core.bulk import insert_values
from sikap.demo.builders import Builder, Options
from sikap.demo.loader import demo_logins
from sikap.demo.samples import sample_pdf, sample_png
from sikap.org.models import LokasiKantor, Opd
from sikap.people.models import Pegawai
from sikap.people.selectors import atasan_map, bawahan_q

DAYS = 30
_BATCH = 2000
FOLDER = "presensi/demo/"
SWAFOTO = f"{FOLDER}swafoto.png"
BUKTI = f"{FOLDER}bukti-aktivitas.pdf"
SELFIE_OPD = "BKD"
_PRESENSI = ("pegawai_id", "jenis", "waktu", "tanggal", "latitude", "longitude", "akurasi_m",
             "mock", "device_id", "kunci", "sidik", "alasan", "pesan", "jarak_m", "lokasi",
             "via", "swafoto", "swafoto_format")  # fmt: skip
SHIFTS = (("Pagi", time(7, 0), time(14, 0)), ("Siang", time(14, 0), time(21, 0)),
          ("Malam", time(21, 0), time(7, 0)))  # fmt: skip


def _exists() -> bool:
    return Presensi.objects.exists()


def _roster(days) -> int:
    """The RSUD's first 24 pegawai rotate Pagi → Siang → Malam → off."""
    rsud = Opd.objects.filter(nama__istartswith="RSUD").first()
    if rsud is None:
        return 0
    shifts = [Shift.objects.create(opd=rsud, nama=n, masuk=m, pulang=p) for n, m, p in SHIFTS]
    staff = list(Pegawai.objects.in_service().filter(opd=rsud).order_by("nip")[:24])
    rows = [
        JadwalShift(pegawai=p, tanggal=day, shift=shifts[(i + n) % 4])
        for i, p in enumerate(staff)
        for n, day in enumerate(days)
        if (i + n) % 4 < 3
    ]
    JadwalShift.objects.bulk_create(rows, batch_size=_BATCH)
    return len(staff)


def _store_samples() -> None:
    for name, data in (
        (SWAFOTO, sample_png()),
        (BUKTI, sample_pdf("NOTULEN RAPAT", ["Bukti aktivitas harian", "Daftar hadir terlampir"])),
    ):
        if default_storage.exists(name):
            default_storage.delete(name)
        default_storage.save(name, ContentFile(data))


def _build(options: Options) -> str:
    rng = random.Random(options.seed)
    now = timezone.now()
    today = timezone.localdate()
    past = [today - timedelta(days=n) for n in range(DAYS, 0, -1)]
    upcoming = [today + timedelta(days=n) for n in range(0, 15)]
    with transaction.atomic():
        _store_samples()
        selfie_opd = Opd.objects.filter(kode=SELFIE_OPD).first()
        if selfie_opd is not None:
            SwafotoOpd.objects.create(opd=selfie_opd)
        personas = set(
            Pegawai.objects.filter(akun__username__in=_persona_usernames()).values_list(
                "pk", flat=True
            )
        )
        shift_staff = _roster(past + upcoming)
        people = list(Pegawai.objects.in_service().values_list("pk", "opd_id", "unit_id"))
        office = {}
        for o in LokasiKantor.objects.filter(unit__isnull=True).order_by("pk"):
            office.setdefault(o.opd_id, (float(o.latitude), float(o.longitude), o.nama))
        kalender = Kalender([*past, today])
        # Tuples in database form, not model instances: 233,000 rows for the regency.
        at, tz = connection.ops.adapt_datetimefield_value, timezone.get_current_timezone()
        attempts, away = [], []
        for day in [*past, today]:
            tanggal = connection.ops.adapt_datefield_value(day)
            for pk, opd_id, unit_id in people:
                jam = kalender.jam(pk, opd_id, unit_id, day)
                if jam is None or opd_id not in office:
                    continue
                selfie = selfie_opd is not None and opd_id == selfie_opd.pk
                if day == today and not (selfie and pk not in personas):
                    continue
                luck = rng.random()
                if luck < 0.03:
                    jenis = rng.choice([JenisKetidakhadiran.IZIN, JenisKetidakhadiran.SAKIT,
                                        JenisKetidakhadiran.CUTI_TAHUNAN])  # fmt: skip
                    away.append(Ketidakhadiran(pegawai_id=pk, jenis=jenis, mulai=day,
                                               selesai=day, keterangan="Demo"))  # fmt: skip
                    continue
                if luck < 0.05:
                    continue  # tanpa keterangan
                lat, lon, nama = office[opd_id]
                late = rng.randint(1, 95) if rng.random() < 0.12 else -rng.randint(0, 40)
                early = rng.randint(5, 70) if rng.random() < 0.05 else -rng.randint(0, 45)
                for jenis, moment in (
                    ("masuk", datetime.combine(day, jam.masuk, tz) + timedelta(minutes=late)),
                    ("pulang", jam.selesai(day).replace(tzinfo=tz) - timedelta(minutes=early)),
                ):
                    if moment > now:
                        continue
                    attempts.append(
                        (pk, jenis, at(moment), tanggal, lat + rng.uniform(-3e-4, 3e-4),
                         lon + rng.uniform(-3e-4, 3e-4), round(rng.uniform(4, 35), 1), False,
                         f"demo-{pk}", f"demo-{pk}-{day:%Y%m%d}-{jenis}", "demo", "diterima",
                         f"Presensi {jenis} diterima.", round(rng.uniform(2, 40), 1), nama, "api",
                         SWAFOTO if selfie else "", "png" if selfie else "")
                    )  # fmt: skip
        insert_values(Presensi, _PRESENSI, attempts)
        with connection.cursor() as cursor:
            # Statistics for the day close's plans: PostgreSQL's autovacuum has not seen these
            # rows yet, and without them it plans a scan of them per pegawai.
            cursor.execute(f"ANALYZE {connection.ops.quote_name(Presensi._meta.db_table)}")
        Ketidakhadiran.objects.bulk_create(away, batch_size=_BATCH)
        # The pegawai the demo prints log-ins for get no bound phone: the first browser a
        # tester checks in with is bound, as a new user's phone is (else every check-in of the
        # walk waits for admin BKD to approve the browser).
        PerangkatPresensi.objects.bulk_create(
            [PerangkatPresensi(pegawai_id=pk, device_id=f"demo-{pk}", status="disetujui")
             for pk, _, _ in people if pk not in personas],
            batch_size=_BATCH,
        )  # fmt: skip
        waiting = _waiting_requests(today, rng)
        activities = _activities(past, rng)
        konteks.ganti_wilayah()  # bulk rows send no signals: every check-in context is stale
    closed = sum(tutup_hari(day) for day in past)
    konteks.siapkan_konteks(today)
    selfies = sum(1 for a in attempts if a[-1])
    return (
        f"Presensi demo: {len(attempts)} presensi diterima dalam {DAYS} hari dan hari ini, "
        f"{selfies} dengan swafoto ({SELFIE_OPD}), {len(away)} "
        f"cuti/izin, {shift_staff} pegawai RSUD bergiliran shift, {closed} status harian, "
        f"{waiting} pengajuan cuti menunggu atasan, {activities} aktivitas harian."
    )


def _persona_usernames() -> list[str]:
    return [login.username for login in demo_logins()]


def _waiting_requests(today, rng) -> int:
    """Five pegawai with an account and an atasan ask for leave next week: first those whose
    atasan is a demo log-in, so the atasan of the printed log-ins has requests to decide."""
    users = list(User.objects.filter(pegawai__isnull=False).select_related("pegawai")[:40])
    personas = list(Pegawai.objects.filter(akun__username__in=_persona_usernames()))
    for atasan in personas:
        mine = User.objects.filter(pegawai__in=Pegawai.objects.filter(bawahan_q(atasan)))
        users[:0] = mine.exclude(pegawai=atasan).select_related("pegawai")[:3]
    heads = atasan_map([u.pegawai for u in users])
    start = today + timedelta(days=7 - today.weekday())  # next Monday
    made = 0
    for user in users:
        if made == 5 or heads.get(user.pegawai_id) is None:
            continue
        end = start + timedelta(days=rng.randint(0, 2))
        PengajuanKetidakhadiran.objects.create(
            pegawai=user.pegawai, jenis=JenisKetidakhadiran.CUTI_TAHUNAN, mulai=start,
            selesai=end, alasan="Keperluan keluarga",
            hari_kerja=hari_kerja(user.pegawai, start, end), dibuat_oleh=user,
            state=PengajuanKetidakhadiran.Status.DIAJUKAN,
        )  # fmt: skip
        made += 1
    return made


KEGIATAN = (
    ("Verifikasi berkas usulan kenaikan pangkat", "berkas"),
    ("Memutakhirkan data pegawai di SIMAK", "data"),
    ("Menyusun konsep surat dinas", "konsep surat"),
    ("Rapat koordinasi bidang", "notulen"),
    ("Melayani konsultasi kepegawaian", "orang"),
)


def _activities(past, rng) -> int:
    """The last five working days of the pegawai who have an account: the older days approved,
    the last two waiting for their atasan."""
    people = list(User.objects.filter(pegawai__isnull=False).values_list("pegawai_id", flat=True))
    days = [d for d in past if d.weekday() < 5][-5:]
    ops = connection.ops
    slots = [(ops.adapt_timefield_value(start), ops.adapt_timefield_value(end),
              (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute))
             for start, end in ((time(8, 0), time(10, 0)), (time(10, 15), time(12, 0)),
                                (time(13, 0), time(15, 30)))]  # fmt: skip
    rows = []
    for pk in people:
        for n, day in enumerate(days):
            tanggal = ops.adapt_datefield_value(day)
            status = Aktivitas.Status.DISETUJUI if n < 3 else Aktivitas.Status.DIAJUKAN
            for start, end, menit in slots:
                uraian, output = rng.choice(KEGIATAN)
                evidence = len(rows) % 10 == 0
                rows.append((pk, tanggal, start, end, uraian, output, rng.randint(1, 15), menit,
                             status.value, "", BUKTI if evidence else "",
                             "pdf" if evidence else "",
                             "notulen-rapat.pdf" if evidence else ""))  # fmt: skip
    fields = ("pegawai_id", "tanggal", "mulai", "selesai", "uraian", "output", "volume",
              "menit", "status", "catatan", "bukti", "bukti_format",
              "bukti_nama_asli")  # fmt: skip
    return insert_values(Aktivitas, fields, rows)


def _delete() -> None:
    for name in (SWAFOTO, BUKTI):
        default_storage.delete(name)
    SwafotoOpd.objects.all().delete()
    Aktivitas.objects.all().delete()
    StatusHarian.objects.all().delete()
    PengajuanKetidakhadiran.objects.all().delete()
    Ketidakhadiran.objects.all().delete()
    Presensi.objects.all().delete()
    PerangkatPresensi.objects.all().delete()
    JadwalShift.objects.all().delete()
    Shift.objects.all().delete()


BUILDER = Builder("Presensi 30 hari", _exists, _build, _delete)
