"""Taking a test: start (or resume) an attempt, answer, move, log focus changes, submit; and the
closing of attempts whose time ran out. The server's clock decides everything: an attempt past
its `batas_waktu` is closed by the first request that touches it (and by the periodic job), and
nothing is accepted for a closed attempt."""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from sikap.accounts import access
from sikap.competency import draw, saving
from sikap.competency.models import (
    ButirPercobaan,
    JenisPeristiwaFokus,
    LogFokus,
    OpsiJawaban,
    Percobaan,
    Soal,
    Ujian,
)
from sikap.competency.signals import percobaan_ditutup
from sikap.core import audit, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.people.models import Pegawai
from sikap.rules.formatting import tanggal

# A browser that reports focus changes in a loop stops being recorded after this many.
LOG_FOKUS_MAKS = 500
Status = Percobaan.Status


def kapan(moment: datetime) -> str:
    """ "6 Desember 2026 pukul 09.30" in the server's time zone."""
    local = timezone.localtime(moment)
    return f"{tanggal(local.date())} pukul {local:%H.%M}"


def _refuse_not_found() -> SikapError:
    return SikapError(Kode.TIDAK_DITEMUKAN, "Percobaan ujian tidak ditemukan.")


def _closed_message(percobaan: Percobaan) -> SikapError:
    if percobaan.status == Status.DISERAHKAN_OTOMATIS:
        return SikapError(
            Kode.KEDALUWARSA,
            "Waktu ujian sudah habis; jawaban ini tidak disimpan. Jawaban yang tersimpan "
            "sebelumnya sudah diserahkan otomatis.",
        )
    return SikapError(
        Kode.LANGKAH_TIDAK_SAH, "Ujian ini sudah diserahkan; jawaban tidak dapat diubah lagi."
    )


def for_taker(pk: int, actor, *, lock: bool) -> Percobaan:
    """The attempt `pk` for its taker (locked for the rest of the transaction when asked).
    Someone else's attempt: not found, or refused for an admin who may read it."""
    queryset = Percobaan.objects.visible_to(actor)
    if lock:
        queryset = queryset.select_for_update()
    percobaan = queryset.filter(pk=pk).first()
    if percobaan is None:
        raise _refuse_not_found()
    if not access.may_answer_percobaan(actor, percobaan):
        raise tidak_berhak("Hanya peserta ujian yang dapat mengerjakan percobaan ini.")
    return percobaan


def _close(percobaan: Percobaan, status: str, when: datetime) -> None:
    percobaan.status, percobaan.diserahkan = status, when
    percobaan.save(update_fields=["status", "diserahkan"])
    ids = [percobaan.pk]
    transaction.on_commit(lambda: percobaan_ditutup.send(Percobaan, ids=ids), robust=True)


def close_if_expired(percobaan: Percobaan, now: datetime) -> bool:
    """Close a running attempt whose time is up (as submitted at its deadline). Call inside a
    transaction holding the attempt's lock."""
    if percobaan.status == Status.BERJALAN and percobaan.batas_waktu <= now:
        _close(percobaan, Status.DISERAHKAN_OTOMATIS, percobaan.batas_waktu)
        return True
    return False


def _still_open(percobaan: Percobaan, now: datetime) -> bool:
    """False for a closed attempt, or one just closed because its time is up. Callers raise
    `_closed_message` AFTER their transaction, so that the closing is kept."""
    return not close_if_expired(percobaan, now) and percobaan.status == Status.BERJALAN


# --- start ------------------------------------------------------------------------------------


def _window_refusal(ujian: Ujian, now: datetime) -> SikapError | None:
    if not ujian.terbit:
        return SikapError(Kode.LANGKAH_TIDAK_SAH, f"Ujian {ujian.nama} belum diterbitkan.")
    if now < ujian.dibuka:
        return SikapError(
            Kode.LANGKAH_TIDAK_SAH,
            f"Ujian {ujian.nama} baru dibuka {kapan(ujian.dibuka)}.",
        )
    if now >= ujian.ditutup:
        return SikapError(
            Kode.LANGKAH_TIDAK_SAH,
            f"Ujian {ujian.nama} sudah ditutup pada {kapan(ujian.ditutup)}.",
        )
    return None


@dataclass(frozen=True)
class Mulai:
    percobaan: Percobaan
    baru: bool  # False: the running attempt resumed


@transaction.atomic
def start(ujian_id: int, *, actor, now: datetime | None = None, rng=None) -> Mulai:
    """Start an attempt at a test, or resume the one running. One running attempt per pegawai
    (the pegawai row is locked while deciding; a constraint backs it up)."""
    now = now or timezone.now()
    if not access.may_take_competency_test(actor):
        raise tidak_berhak("Akun ini tidak terhubung dengan data pegawai, jadi tanpa ujian.")
    ujian = Ujian.objects.visible_to(actor).filter(pk=ujian_id).first()
    if ujian is None:
        raise SikapError(Kode.TIDAK_DITEMUKAN, "Ujian tidak ditemukan atau bukan untuk Anda.")
    pegawai = Pegawai.objects.select_for_update().get(pk=actor.pegawai_id)
    running = (
        Percobaan.objects.select_for_update()
        .filter(pegawai=pegawai, status=Status.BERJALAN)
        .first()
    )
    if running is not None and not close_if_expired(running, now):
        if running.ujian_id == ujian.pk:
            return Mulai(running, baru=False)
        raise SikapError(
            Kode.LANGKAH_TIDAK_SAH,
            f"Anda masih mengerjakan ujian {running.ujian}. Selesaikan atau serahkan dulu.",
        )
    refusal = _window_refusal(ujian, now)
    if refusal:
        raise refusal
    used = Percobaan.objects.filter(ujian=ujian, pegawai=pegawai).count()
    if used >= ujian.batas_percobaan:
        raise SikapError(
            Kode.LANGKAH_TIDAK_SAH,
            f"Kesempatan mengerjakan ujian {ujian.nama} sudah habis "
            f"({used} dari {ujian.batas_percobaan} percobaan).",
        )
    percobaan = Percobaan.objects.create(
        ujian=ujian,
        pegawai=pegawai,
        nomor=used + 1,
        opd_id=pegawai.opd_id,
        jabatan_id=pegawai.jabatan_id,
        dimulai=now,
        batas_waktu=min(now + timedelta(minutes=ujian.durasi_menit), ujian.ditutup),
    )
    butir = _draw(ujian, percobaan, rng or random.SystemRandom())
    ButirPercobaan.objects.bulk_create(butir)
    percobaan.jumlah_soal = len(butir)
    percobaan.save(update_fields=["jumlah_soal"])
    audit.record(
        percobaan, actor=actor, action=AuditEntry.Aksi.CREATE, kind=kinds.of(Percobaan, "create"),
        note=f"{len(butir)} soal, batas waktu {kapan(percobaan.batas_waktu)}",
    )  # fmt: skip
    return Mulai(percobaan, baru=True)


def _draw(ujian: Ujian, percobaan: Percobaan, rng) -> list[ButirPercobaan]:
    drawn: list[tuple[int, int, int]] = []  # (kompetensi, level, versi)
    for bagian in ujian.bagian.select_related("kompetensi").order_by("kompetensi__urutan", "pk"):
        levels = list(range(bagian.level_dari, bagian.level_sampai + 1))
        pools: dict[int, list[int]] = {}
        for level, versi_id in Soal.objects.filter(
            kompetensi=bagian.kompetensi_id, level__in=levels, aktif=True, terkini__isnull=False
        ).values_list("level", "terkini_id"):
            pools.setdefault(level, []).append(versi_id)
        available = {level: len(ids) for level, ids in pools.items()}
        try:
            take = draw.quota(bagian.jumlah_soal, levels, available)
        except ValueError:
            raise SikapError(
                Kode.SYARAT_BELUM_LENGKAP,
                f"Bank soal {bagian.kompetensi} level {levels[0]}–{levels[-1]} baru berisi "
                f"{sum(available.values())} soal aktif, kurang dari {bagian.jumlah_soal} yang "
                "diminta ujian ini. Hubungi admin BKD.",
            ) from None
        by_versi = {v: lvl for lvl, ids in pools.items() for v in ids}
        for versi_id in draw.pick(pools, take, rng):
            drawn.append((bagian.kompetensi_id, by_versi[versi_id], versi_id))
    if ujian.acak_soal:
        rng.shuffle(drawn)
    options: dict[int, list[int]] = {}
    for versi_id, opsi_id in (
        OpsiJawaban.objects.filter(versi_id__in=[v for _, _, v in drawn])
        .order_by("urutan")
        .values_list("versi_id", "id")
    ):
        options.setdefault(versi_id, []).append(opsi_id)
    butir = []
    for urutan, (kompetensi_id, level, versi_id) in enumerate(drawn):
        order = options[versi_id]
        if ujian.acak_opsi:
            rng.shuffle(order)
        butir.append(
            ButirPercobaan(
                percobaan=percobaan, urutan=urutan, versi_id=versi_id,
                kompetensi_id=kompetensi_id, level=level, urutan_opsi=order,
            )
        )  # fmt: skip
    return butir


# --- answering --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tersimpan:
    sisa_detik: int
    berlaku: bool  # False: a newer choice for the item was already saved (a late retry)


def sisa_detik(percobaan: Percobaan, now: datetime) -> int:
    return _seconds_left(percobaan.batas_waktu, now)


def _seconds_left(batas_waktu: datetime, now: datetime) -> int:
    return max(0, int((batas_waktu - now).total_seconds()))


def _butir(percobaan: Percobaan, urutan: int) -> ButirPercobaan:
    butir = ButirPercobaan.objects.filter(percobaan=percobaan, urutan=urutan).first()
    if butir is None:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            f"Soal nomor {urutan + 1} tidak ada dalam ujian ini.",
            {"urutan": ["Tidak ada dalam percobaan ini."]},
        )
    return butir


def answer(
    pk: int,
    *,
    urutan: int,
    opsi_id: int,
    nomor_kirim: int | None,
    actor,
    now: datetime | None = None,
) -> Tersimpan:
    """Save the option chosen for item `urutan`. The last choice made on the device wins:
    a retry of an older choice (lower `nomor_kirim`) arriving late changes nothing. A plain
    form (no device sequence, `None`) is never a retry: it always replaces.

    One guarded write (`saving.save`) on the way that matters; only when it refuses is the
    attempt read, under its lock, to say why (and closed if its time is up)."""
    now = now or timezone.now()
    if access.may_take_competency_test(actor):
        saved = saving.save(
            pk, pegawai_id=actor.pegawai_id, urutan=urutan, opsi_id=opsi_id,
            nomor_kirim=nomor_kirim, now=now,
        )  # fmt: skip
        if saved is not None:
            return Tersimpan(_seconds_left(saved.batas_waktu, now), berlaku=saved.berlaku)
    with transaction.atomic():
        percobaan = for_taker(pk, actor, lock=True)
        if _still_open(percobaan, now):
            butir = _butir(percobaan, urutan)
            if opsi_id not in butir.urutan_opsi:
                raise SikapError(
                    Kode.DATA_TIDAK_VALID,
                    f"Pilihan jawaban itu bukan milik soal nomor {urutan + 1}.",
                    {"opsi": ["Bukan opsi soal ini."]},
                )
            # Every guard holds now (under the lock): the same write, which cannot refuse.
            saved = saving.save(
                pk, pegawai_id=percobaan.pegawai_id, urutan=urutan, opsi_id=opsi_id,
                nomor_kirim=nomor_kirim, now=now,
            )  # fmt: skip
            if saved is not None:
                return Tersimpan(sisa_detik(percobaan, now), berlaku=saved.berlaku)
    raise _closed_message(percobaan)


def move(pk: int, *, urutan: int, actor, now: datetime | None = None) -> int:
    """Remember the item on screen, so reopening the test resumes there; the seconds left."""
    now = now or timezone.now()
    with transaction.atomic():
        percobaan = for_taker(pk, actor, lock=True)
        if _still_open(percobaan, now):
            _butir(percobaan, urutan)
            if percobaan.posisi != urutan:
                percobaan.posisi = urutan
                percobaan.save(update_fields=["posisi"])
            return sisa_detik(percobaan, now)
    raise _closed_message(percobaan)


def log_focus(
    pk: int,
    *,
    jenis: str,
    actor,
    urutan: int | None = None,
    waktu_klien: datetime | None = None,
    now: datetime | None = None,
) -> bool:
    """Record a tab switch or focus loss while the attempt runs; False once the cap is
    reached (the admin sees the count stop at the cap)."""
    now = now or timezone.now()
    if jenis not in JenisPeristiwaFokus.values:
        raise SikapError(Kode.DATA_TIDAK_VALID, "Jenis peristiwa tidak dikenal.")
    with transaction.atomic():
        percobaan = for_taker(pk, actor, lock=True)
        if _still_open(percobaan, now):
            if LogFokus.objects.filter(percobaan=percobaan).count() >= LOG_FOKUS_MAKS:
                return False
            if urutan is not None and not 0 <= urutan < percobaan.jumlah_soal:
                urutan = None
            LogFokus.objects.create(
                percobaan=percobaan, jenis=jenis, waktu=now, waktu_klien=waktu_klien,
                urutan_butir=urutan,
            )  # fmt: skip
            return True
    raise _closed_message(percobaan)


@transaction.atomic
def submit(pk: int, *, actor, now: datetime | None = None) -> Percobaan:
    """The taker hands the attempt in. After the deadline it was already closed: the answers
    saved in time stand, and the taker is told so (no error: the attempt is finished)."""
    now = now or timezone.now()
    percobaan = for_taker(pk, actor, lock=True)
    if close_if_expired(percobaan, now) or percobaan.status != Status.BERJALAN:
        return percobaan
    _close(percobaan, Status.DISERAHKAN, now)
    audit.record(
        percobaan, actor=actor, action=AuditEntry.Aksi.UPDATE, kind=kinds.of(Percobaan, "update"),
        note="diserahkan oleh peserta",
    )  # fmt: skip
    return percobaan


def close_expired(*, actor, now: datetime | None = None) -> int:
    """Close every running attempt whose time is up (the periodic job): how many."""
    now = now or timezone.now()
    with transaction.atomic():
        ids = list(
            Percobaan.objects.select_for_update(skip_locked=True)
            .filter(status=Status.BERJALAN, batas_waktu__lte=now)
            .values_list("pk", flat=True)
        )
        if not ids:
            return 0
        Percobaan.objects.filter(pk__in=ids, status=Status.BERJALAN).update(
            status=Status.DISERAHKAN_OTOMATIS, diserahkan=F("batas_waktu")
        )
        transaction.on_commit(lambda: percobaan_ditutup.send(Percobaan, ids=ids), robust=True)
    return len(ids)
