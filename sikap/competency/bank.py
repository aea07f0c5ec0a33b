"""The question bank: an item's content is checked the same way from the form and the import,
and an edit of an item some attempt has drawn makes a new version instead of changing the one
that attempt shows (models.VersiSoal)."""

import hashlib
from dataclasses import dataclass

from django.db import transaction

from sikap.accounts import access
from sikap.competency.models import (
    ButirPercobaan,
    JenisSoal,
    Kompetensi,
    OpsiJawaban,
    Soal,
    VersiSoal,
)
from sikap.core import audit, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.core.validators import starts_like_formula

OPSI_MIN, OPSI_MAKS = 2, 6
TEKS_MAKS = 4000
NOT_A_MANAGER = "Hanya admin BKD yang dapat mengelola bank soal uji kompetensi."


@dataclass(frozen=True)
class Opsi:
    teks: str
    benar: bool = False
    skor: int | None = None


@dataclass(frozen=True)
class Isi:
    """What a version holds: the question and its options in their original order."""

    teks: str
    opsi: tuple[Opsi, ...]


def sidik(teks: str) -> str:
    """The same question typed with other spacing or capitals has the same fingerprint."""
    return hashlib.sha256(" ".join(teks.split()).casefold().encode()).hexdigest()


def masalah_isi(jenis: str, isi: Isi) -> dict[str, list[str]]:
    """What is wrong with an item's content ({field: [messages]}; empty when it is sound).
    Multiple choice: exactly one key, no scores. Situational: a score 1–5 on every option."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not isi.teks.strip():
        add("teks", "Pertanyaan wajib diisi.")
    elif len(isi.teks) > TEKS_MAKS:
        add("teks", f"Pertanyaan paling panjang {TEKS_MAKS} karakter.")
    elif starts_like_formula(isi.teks):
        add("teks", "Pertanyaan tidak boleh diawali =, +, - atau @ (dibaca sebagai rumus).")
    if not OPSI_MIN <= len(isi.opsi) <= OPSI_MAKS:
        add("opsi", f"Soal harus memiliki {OPSI_MIN} sampai {OPSI_MAKS} opsi jawaban.")
    for number, opsi in enumerate(isi.opsi, 1):
        if not opsi.teks.strip():
            add("opsi", f"Opsi {huruf(number)} kosong.")
        elif starts_like_formula(opsi.teks):
            add("opsi", f"Opsi {huruf(number)} diawali =, +, - atau @ (dibaca sebagai rumus).")
    texts = [" ".join(o.teks.split()).casefold() for o in isi.opsi if o.teks.strip()]
    if len(set(texts)) < len(texts):
        add("opsi", "Ada dua opsi dengan teks yang sama.")
    if jenis == JenisSoal.PILIHAN_GANDA:
        keys = sum(1 for o in isi.opsi if o.benar)
        if keys == 0:
            add("kunci", "Soal pilihan ganda belum memiliki kunci jawaban.")
        elif keys > 1:
            add("kunci", "Soal pilihan ganda hanya boleh memiliki satu kunci jawaban.")
        if any(o.skor is not None for o in isi.opsi):
            add("skor", "Soal pilihan ganda tidak memakai skor opsi; isi kuncinya saja.")
    elif jenis == JenisSoal.SITUASIONAL:
        for number, opsi in enumerate(isi.opsi, 1):
            if opsi.skor is None:
                add("skor", f"Opsi {huruf(number)} belum diberi skor (1–5).")
            elif not 1 <= opsi.skor <= 5:
                add("skor", f"Skor opsi {huruf(number)} harus 1 sampai 5, bukan {opsi.skor}.")
        if any(o.benar for o in isi.opsi):
            add("kunci", "Soal situasional tidak memakai kunci; beri skor tiap opsi.")
    else:
        add("jenis", "Jenis soal harus pg (pilihan ganda) atau sjt (situasional).")
    return errors


def huruf(number: int) -> str:
    return chr(ord("A") + number - 1)


def _ensure(actor) -> None:
    if not access.may_manage_competency_tests(actor):
        raise tidak_berhak(NOT_A_MANAGER)


def _check(jenis: str, isi: Isi) -> None:
    errors = masalah_isi(jenis, isi)
    if errors:
        raise SikapError(Kode.DATA_TIDAK_VALID, next(iter(errors.values()))[0], errors)


def _write_version(soal: Soal, isi: Isi, *, nomor: int, gambar, actor) -> VersiSoal:
    versi = VersiSoal.objects.create(
        soal=soal, nomor=nomor, teks=isi.teks.strip(), sidik=sidik(isi.teks), dibuat_oleh=actor
    )
    if gambar:
        versi.gambar.save(gambar.name, gambar, save=True)
    _write_options(versi, isi)
    return versi


def _write_options(versi: VersiSoal, isi: Isi) -> None:
    OpsiJawaban.objects.bulk_create(
        OpsiJawaban(versi=versi, urutan=n, teks=o.teks.strip(), benar=o.benar, skor=o.skor)
        for n, o in enumerate(isi.opsi, 1)
    )


@transaction.atomic
def create_item(
    *, kode: str, kompetensi: Kompetensi, level: int, jenis: str, isi: Isi, gambar=None, actor
) -> Soal:
    _ensure(actor)
    _check(jenis, isi)
    if Soal.objects.filter(kode=kode).exists():
        raise SikapError(
            Kode.DUPLIKAT, f"Kode soal '{kode}' sudah dipakai.", {"kode": ["Sudah dipakai."]}
        )
    soal = Soal.objects.create(kode=kode, kompetensi=kompetensi, level=level, jenis=jenis)
    soal.terkini = _write_version(soal, isi, nomor=1, gambar=gambar, actor=actor)
    soal.save(update_fields=["terkini"])
    audit.record(soal, actor=actor, action=AuditEntry.Aksi.CREATE, kind=kinds.of(Soal, "create"))
    return soal


def is_drawn(versi: VersiSoal) -> bool:
    return ButirPercobaan.objects.filter(versi=versi).exists()


@transaction.atomic
def edit_item(
    soal: Soal, *, isi: Isi, gambar=None, hapus_gambar: bool = False, actor, **identity
) -> VersiSoal:
    """Change an item's content (and its level, kind or activity in `identity`). A version no
    attempt has drawn is changed in place; otherwise a new version becomes current and the old
    one stays, unchanged, for the attempts that drew it."""
    _ensure(actor)
    soal = Soal.objects.select_for_update(of=("self",)).select_related("terkini").get(pk=soal.pk)
    before = audit.snapshot(soal)
    for field, value in identity.items():
        setattr(soal, field, value)
    _check(soal.jenis, isi)
    current = soal.terkini
    if current is None or is_drawn(current):
        nomor = (current.nomor + 1) if current else 1
        image = gambar or (None if hapus_gambar or current is None else current.gambar)
        versi = _write_version(soal, isi, nomor=nomor, gambar=None, actor=actor)
        if gambar:
            versi.gambar.save(gambar.name, gambar, save=True)
        elif image:
            versi.gambar = image.name  # the same stored file: versions never delete it
            versi.save(update_fields=["gambar"])
        soal.terkini = versi
        note = (
            f"versi {nomor} dibuat; versi {current.nomor} tetap untuk percobaan yang memakainya"
            if current
            else ""
        )
    else:
        versi = current
        replaced = versi.gambar.name if (gambar or hapus_gambar) and versi.gambar else None
        versi.teks, versi.sidik = isi.teks.strip(), sidik(isi.teks)
        if gambar:
            versi.gambar.save(gambar.name, gambar, save=False)
        elif hapus_gambar:
            versi.gambar = ""
        versi.save()
        if replaced:
            _remove_unused_image(replaced)
        versi.opsi.all().delete()
        _write_options(versi, isi)
        note = f"versi {versi.nomor} diubah (belum pernah dipakai)"
    soal.save()
    audit.record(
        soal, actor=actor, action=AuditEntry.Aksi.UPDATE, kind=kinds.of(Soal, "update"),
        before=before, note=note,
    )  # fmt: skip
    return versi


def _remove_unused_image(name: str) -> None:
    """An image replaced or removed in place is deleted once the edit commits, unless an older
    version still shows it (new versions share the stored file instead of copying it)."""
    if not VersiSoal.objects.filter(gambar=name).exists():
        storage = VersiSoal._meta.get_field("gambar").storage
        transaction.on_commit(lambda: storage.delete(name))


def isi_of(versi: VersiSoal) -> Isi:
    return Isi(
        versi.teks, tuple(Opsi(o.teks, o.benar, o.skor) for o in versi.opsi.order_by("urutan"))
    )
