"""The question-bank import (XLSX or CSV, one item per row) as a long operation: every row is
checked first and the whole file is refused with every problem (grouped on the page, all of them
in an XLSX) or saved as a whole. A row whose `kode` is already in the bank changes that item
(a new version when an attempt has drawn it, bank.edit_item)."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from sikap.accounts import access
from sikap.competency import bank
from sikap.competency.models import JenisSoal, Kompetensi, Soal, VersiSoal
from sikap.core import operations, problems
from sikap.core.errors import tidak_berhak
from sikap.core.tabular import Column, missing_columns, read_table
from sikap.people.import_service import check_size

KIND = "impor_bank_soal"
HURUF = "ABCDEF"
COLUMNS = (
    Column("kode", ("kode soal",), required=True),
    Column("kompetensi", ("kode kompetensi",), required=True),
    Column("level", ("level kompetensi",), required=True),
    Column("jenis", ("jenis soal",), required=True),
    Column("pertanyaan", ("soal", "teks"), required=True),
    *(Column(f"opsi_{h.lower()}", (f"opsi {h}", f"pilihan {h}")) for h in HURUF),
    Column("kunci", ("kunci jawaban",)),
    *(Column(f"skor_{h.lower()}", (f"skor {h}",)) for h in HURUF),
)
_JENIS = {
    "pg": JenisSoal.PILIHAN_GANDA,
    "pilihan ganda": JenisSoal.PILIHAN_GANDA,
    "sjt": JenisSoal.SITUASIONAL,
    "situasional": JenisSoal.SITUASIONAL,
}


@dataclass(frozen=True)
class Baris:
    row: int
    kode: str
    kompetensi: Kompetensi
    level: int
    jenis: str
    isi: bank.Isi


@dataclass
class Laporan:
    rows: list[Baris]
    found: list[problems.Problem]
    stopped: bool = False


def _level(text: str) -> int | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(value) if value.is_integer() and 1 <= value <= 5 else None


def _skor(text: str) -> int | None | str:
    """None when blank, the score 1–5, or the text itself when it is not one."""
    if not text:
        return None
    level = _level(text)
    return level if level is not None else text


def parse(data: bytes) -> Laporan:
    """Every row as a checked item, and every problem found (nothing is written here)."""
    table = read_table(data, COLUMNS)
    if table.missing:
        raise missing_columns(table.missing, table.unknown, "Lihat docs/competency.md.")
    kompetensi = {k.kode.casefold(): k for k in Kompetensi.objects.all()}
    kompetensi.update({k.nama.casefold(): k for k in kompetensi.values()})
    found: list[problems.Problem] = []
    rows: list[Baris] = []
    seen_kode: dict[str, int] = {}
    seen_text: dict[tuple[int, str], int] = {}

    def problem(row: int, column: str, value: str, message: str) -> None:
        found.append(problems.Problem(row, column, value[:200], message))

    for row in table.rows(found):
        n = row.number
        if row.too_wide:
            problem(n, "", "", row.too_wide)
            continue
        kode = row.text("kode").strip()
        before = len(found)
        if not kode:
            problem(n, "kode", "", "Kode soal wajib diisi.")
        elif kode.casefold() in seen_kode:
            problem(
                n,
                "kode",
                kode,
                f"Kode soal '{kode}' ganda: sudah ada di baris {seen_kode[kode.casefold()]}.",
            )
        elif len(kode) > 40:
            problem(n, "kode", kode, "Kode soal paling panjang 40 karakter.")
        else:
            seen_kode[kode.casefold()] = n
        k_text = row.text("kompetensi").strip()
        k = kompetensi.get(k_text.casefold())
        if k is None:
            problem(
                n,
                "kompetensi",
                k_text,
                f"Kompetensi '{k_text}' tidak dikenal (isi kode atau nama kompetensi).",
            )
        level_text = row.text("level").strip()
        level = _level(level_text)
        if level is None:
            problem(n, "level", level_text, f"Level '{level_text}' tidak sah; isi 1 sampai 5.")
        jenis_text = row.text("jenis").strip()
        jenis = _JENIS.get(jenis_text.casefold())
        if jenis is None:
            problem(
                n, "jenis", jenis_text, f"Jenis soal '{jenis_text}' tidak dikenal; isi pg atau sjt."
            )
        options = []
        bad_scores = set()
        for h in HURUF:
            teks = row.text(f"opsi_{h.lower()}").strip()
            skor = _skor(row.text(f"skor_{h.lower()}").strip())
            if isinstance(skor, str):
                problem(
                    n,
                    f"skor_{h.lower()}",
                    skor,
                    f"Skor opsi {h} '{skor}' tidak sah; isi 1 sampai 5.",
                )
                skor = None
                bad_scores.add(f"Opsi {h} belum diberi skor (1–5).")
            if teks:
                options.append((h, teks, skor))
            elif skor is not None:
                problem(
                    n, f"skor_{h.lower()}", str(skor), f"Skor diisi untuk opsi {h} yang kosong."
                )
        kunci = row.text("kunci").strip().upper()
        if kunci and kunci not in {h for h, _, _ in options}:
            problem(n, "kunci", kunci, f"Kunci '{kunci}' tidak menunjuk opsi yang terisi.")
        isi = bank.Isi(
            row.text("pertanyaan"),
            tuple(bank.Opsi(teks, benar=h == kunci, skor=skor) for h, teks, skor in options),
        )
        if jenis is not None:
            for field, messages in bank.masalah_isi(jenis, isi).items():
                if field == "kunci" and kunci and kunci not in {h for h, _, _ in options}:
                    continue  # already said: the key points at an empty option
                column = {"teks": "pertanyaan", "opsi": "opsi", "kunci": "kunci", "skor": "skor"}[
                    field
                ]
                for message in messages:
                    if message not in bad_scores:  # the cell's own problem is already said
                        problem(n, column, "", message)
        if k is not None and isi.teks.strip():
            key = (k.pk, bank.sidik(isi.teks))
            if key in seen_text:
                problem(
                    n,
                    "pertanyaan",
                    isi.teks,
                    f"Pertanyaan ganda: sama dengan baris {seen_text[key]} (kompetensi yang sama).",
                )
            else:
                seen_text[key] = n
        if len(found) == before:
            rows.append(Baris(n, kode, k, level, jenis, isi))
    _check_against_bank(rows, problem)
    return Laporan(rows, found, table.stopped)


def _check_against_bank(rows: list[Baris], problem) -> None:
    """A question already in the bank under another code is a duplicate too."""
    existing = {
        (kompetensi_id, sidik): kode
        for kompetensi_id, sidik, kode in VersiSoal.objects.filter(
            pk__in=Soal.objects.values("terkini")
        ).values_list("soal__kompetensi_id", "sidik", "soal__kode")
    }
    for b in rows:
        kode = existing.get((b.kompetensi.pk, bank.sidik(b.isi.teks)))
        if kode is not None and kode.casefold() != b.kode.casefold():
            problem(
                b.row,
                "pertanyaan",
                b.isi.teks,
                f"Pertanyaan ganda: sudah ada di bank soal dengan kode '{kode}'.",
            )


@transaction.atomic
def save_rows(rows: list[Baris], *, actor, progress=None) -> tuple[int, int]:
    """Write every checked row (created, changed); a failure rolls all of them back."""
    existing = {s.kode.casefold(): s for s in Soal.objects.filter(kode__in=[b.kode for b in rows])}
    created = changed = 0
    for index, b in enumerate(rows, 1):
        soal = existing.get(b.kode.casefold())
        if soal is None:
            bank.create_item(
                kode=b.kode,
                kompetensi=b.kompetensi,
                level=b.level,
                jenis=b.jenis,
                isi=b.isi,
                actor=actor,
            )
            created += 1
        else:
            identity = {"kompetensi": b.kompetensi, "level": b.level, "jenis": b.jenis}
            if (
                soal.terkini_id is None
                or bank.isi_of(soal.terkini) != b.isi
                or any(getattr(soal, f) != v for f, v in identity.items())
            ):
                bank.edit_item(soal, isi=b.isi, actor=actor, **identity)
                changed += 1
        if progress and index % 25 == 0:
            progress(index, len(rows))
    return created, changed


def start(uploaded_file, *, user):
    if not access.may_manage_competency_tests(user):
        raise tidak_berhak(bank.NOT_A_MANAGER)
    check_size(uploaded_file.size)
    data = uploaded_file.read(settings.SIKAP_IMPORT_MAX_BYTES + 1)
    check_size(len(data))
    name = Path(uploaded_file.name or "").name
    return operations.start(
        user=user,
        kind=KIND,
        judul=f"Impor bank soal: {name}",
        runner=run,
        files={"bank": (name, data)},
    )


def run(operasi, progress) -> operations.Hasil:
    ((name, data),) = operations.input_files(operasi).values()
    progress(message="Membaca dan memeriksa setiap baris.")
    report = parse(data)
    if report.found:
        return operations.refused_import(
            report.found, stopped=report.stopped, template="competency/_impor_hasil.html",
            noun="soal", name=name, file_name="kesalahan-impor-bank-soal.xlsx",
        )  # fmt: skip
    progress(0, len(report.rows), "Menyimpan soal.")
    created, changed = save_rows(report.rows, actor=operasi.user, progress=progress)
    unchanged = len(report.rows) - created - changed
    message = (
        f"Impor selesai: {created} soal baru, {changed} soal diubah, {unchanged} tidak berubah."
    )
    return operations.Hasil(message, {"template": "competency/_impor_hasil.html"})
