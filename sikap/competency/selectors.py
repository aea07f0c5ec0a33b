"""What the taking pages and the API read: the tests open to me, an attempt's state, its items
as the taker sees them. Nothing here ever reads an option's key or score: the queries name
the columns they need (`values_list`), so those fields never leave the database."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q

from sikap.competency.models import (
    ButirPercobaan,
    Jawaban,
    LogFokus,
    OpsiJawaban,
    Percobaan,
    Ujian,
)

Status = Percobaan.Status


@dataclass
class UjianSaya:
    ujian: Ujian
    keadaan: str  # "belum_dibuka", "terbuka", "ditutup"
    dipakai: int  # attempts used
    berjalan: Percobaan | None
    terakhir: Percobaan | None
    alasan: str = ""  # why it cannot be started ("" when it can)

    @property
    def bisa_mulai(self) -> bool:
        return self.berjalan is not None or not self.alasan


def tests_for(user, now: datetime) -> list[UjianSaya]:
    """The published tests meant for `user` that are open, upcoming, or that they took."""
    if not user.pegawai_id:
        return []
    attempts: dict[int, list[Percobaan]] = {}
    for p in Percobaan.objects.filter(pegawai_id=user.pegawai_id).order_by("nomor"):
        attempts.setdefault(p.ujian_id, []).append(p)
    tests = (
        Ujian.objects.visible_to(user)
        .filter(terbit=True)
        .filter(Q(ditutup__gt=now) | Q(pk__in=list(attempts)))
        .order_by("ditutup", "nama")
    )
    found = []
    for ujian in tests:
        mine = attempts.get(ujian.pk, [])
        running = next((p for p in mine if p.status == Status.BERJALAN), None)
        keadaan = (
            "belum_dibuka"
            if now < ujian.dibuka
            else "ditutup"
            if now >= ujian.ditutup
            else "terbuka"
        )
        alasan = ""
        if keadaan == "belum_dibuka":
            alasan = "Belum dibuka."
        elif keadaan == "ditutup":
            alasan = "Sudah ditutup."
        elif len(mine) >= ujian.batas_percobaan:
            alasan = "Kesempatan sudah habis."
        found.append(
            UjianSaya(ujian, keadaan, len(mine), running, mine[-1] if mine else None, alasan)
        )
    return found


@dataclass
class Butir:
    """An item as its taker sees it: the question, the options in the attempt's order (id and
    text only), and the option chosen so far."""

    urutan: int
    teks: str
    ada_gambar: bool
    opsi: list[tuple[int, str]]
    dipilih: int | None


@dataclass
class Keadaan:
    percobaan: Percobaan
    sisa_detik: int
    butir: list[Butir] = field(default_factory=list)

    @property
    def terjawab(self) -> int:
        return sum(1 for b in self.butir if b.dipilih is not None)


def items_of(percobaan: Percobaan, only: int | None = None) -> list[Butir]:
    """The attempt's items in order (or just item `only`), as the taker sees them."""
    rows = ButirPercobaan.objects.filter(percobaan=percobaan)
    if only is not None:
        rows = rows.filter(urutan=only)
    rows = list(
        rows.order_by("urutan").values_list(
            "pk", "urutan", "versi_id", "versi__teks", "versi__gambar", "urutan_opsi"
        )
    )
    texts = dict(
        OpsiJawaban.objects.filter(versi_id__in=[r[2] for r in rows]).values_list("pk", "teks")
    )
    chosen = dict(
        Jawaban.objects.filter(butir_id__in=[r[0] for r in rows]).values_list("butir_id", "opsi_id")
    )
    return [
        Butir(urutan, teks, bool(gambar), [(o, texts[o]) for o in order], chosen.get(pk))
        for pk, urutan, _versi, teks, gambar, order in rows
    ]


def state_of(percobaan: Percobaan, now: datetime, *, items: bool = True) -> Keadaan:
    from sikap.competency.services import sisa_detik

    left = sisa_detik(percobaan, now) if percobaan.status == Status.BERJALAN else 0
    return Keadaan(percobaan, left, items_of(percobaan) if items else [])


def image_of(percobaan: Percobaan, urutan: int):
    """The stored image of an item of the attempt (a FieldFile), or None."""
    butir = (
        ButirPercobaan.objects.filter(percobaan=percobaan, urutan=urutan)
        .select_related("versi")
        .first()
    )
    if butir is None or not butir.versi.gambar:
        return None
    return butir.versi.gambar


def attempts_for_admin(user, ujian: Ujian):
    """A test's attempts with their answer and focus-event counts (the admin's table)."""
    return (
        Percobaan.objects.visible_to(user)
        .filter(ujian=ujian)
        .select_related("pegawai", "opd")
        .annotate(
            n_jawaban=Count("jawaban", distinct=True),
            n_fokus=Count("log_fokus", filter=~Q(log_fokus__jenis="kembali"), distinct=True),
        )
        .order_by("-dimulai")
    )


def focus_log(percobaan: Percobaan):
    return LogFokus.objects.filter(percobaan=percobaan).order_by("waktu")
