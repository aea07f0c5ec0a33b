"""Importing standards per position from XLSX/CSV (admin BKD), one requirement per row, as a
long operation: every row is checked first and the whole file is refused with every problem
(grouped on the page, all of them in an XLSX), or saved as a whole.

A row names either a position by its name (`jabatan`: every position with that exact name,
whatever its unit — the standard belongs to the position, not to where it sits) or a default
(`jenis_jabatan`, optionally with `eselon`), the competency (code or name) and the level."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from sikap.accounts import access
from sikap.competency.models import Kompetensi, StandarKompetensi
from sikap.core import audit, kinds, operations, problems
from sikap.core.errors import tidak_berhak
from sikap.core.models import AuditEntry
from sikap.core.tabular import Column, missing_columns, read_table
from sikap.org.models import Jabatan, JenisJabatan
from sikap.people.import_service import check_size

KIND = "impor_standar_kompetensi"
NOT_A_MANAGER = "Hanya admin BKD yang dapat mengatur standar kompetensi jabatan."
COLUMNS = (
    Column("jabatan", ("nama jabatan",)),
    Column("jenis_jabatan", ("jenis jabatan", "jenis")),
    Column("eselon", ()),
    Column("kompetensi", ("kode kompetensi",), required=True),
    Column("level", ("level standar", "standar"), required=True),
)
_JENIS = {
    **{v: v for v in JenisJabatan.values},
    **{label.casefold(): v for v, label in JenisJabatan.choices},
    **{"administrator": "ja", "pengawas": "jp", "fungsional": "jf", "pimpinan tinggi": "jpt"},
}
ESELON = {f"{r}.{h}" for r in ("I", "II", "III", "IV") for h in ("a", "b")}


@dataclass(frozen=True)
class Baris:
    row: int
    jabatan_ids: tuple[int, ...]  # empty: a default row
    jenis: str
    eselon: str
    kompetensi: Kompetensi
    level: int


def _level(text: str) -> int | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(value) if value.is_integer() and 1 <= value <= 5 else None


def parse(data: bytes) -> tuple[list[Baris], list[problems.Problem], bool]:
    table = read_table(data, COLUMNS)
    if table.missing:
        raise missing_columns(table.missing, table.unknown, "Lihat docs/competency.md.")
    kompetensi = {k.kode.casefold(): k for k in Kompetensi.objects.all()}
    kompetensi.update({k.nama.casefold(): k for k in kompetensi.values()})
    jabatan: dict[str, list[int]] = {}
    for pk, nama in Jabatan.objects.values_list("pk", "nama"):
        jabatan.setdefault(" ".join(nama.split()).casefold(), []).append(pk)
    found: list[problems.Problem] = []
    rows: list[Baris] = []
    seen: dict[tuple, int] = {}

    def problem(row: int, column: str, value: str, message: str) -> None:
        found.append(problems.Problem(row, column, value[:200], message))

    for row in table.rows(found):
        n = row.number
        if row.too_wide:
            problem(n, "", "", row.too_wide)
            continue
        before = len(found)
        nama = " ".join(row.text("jabatan").split())
        jenis_text = row.text("jenis_jabatan").strip()
        eselon = row.text("eselon").strip()
        jenis = _JENIS.get(jenis_text.casefold(), "") if jenis_text else ""
        ids: tuple[int, ...] = ()
        if nama and (jenis_text or eselon):
            problem(n, "jabatan", nama, "Isi nama jabatan ATAU jenis jabatan (dan eselon), "
                    "bukan keduanya.")  # fmt: skip
        elif nama:
            ids = tuple(jabatan.get(nama.casefold(), ()))
            if not ids:
                problem(n, "jabatan", nama, f"Jabatan '{nama}' tidak ada di data jabatan.")
        elif not jenis_text:
            problem(n, "jabatan", "", "Isi nama jabatan, atau jenis jabatan untuk standar bawaan.")
        elif not jenis:
            problem(n, "jenis_jabatan", jenis_text, f"Jenis jabatan '{jenis_text}' tidak dikenal; "
                    "isi jpt, ja, jp, jf atau pelaksana.")  # fmt: skip
        if eselon and eselon not in ESELON:
            problem(n, "eselon", eselon, f"Eselon '{eselon}' tidak sah; contoh: II.b, III.a, IV.a.")
        k_text = row.text("kompetensi").strip()
        k = kompetensi.get(k_text.casefold())
        if k is None:
            problem(n, "kompetensi", k_text, f"Kompetensi '{k_text}' tidak dikenal (isi kode atau "
                    "nama kompetensi).")  # fmt: skip
        level_text = row.text("level").strip()
        level = _level(level_text)
        if level is None:
            problem(n, "level", level_text, f"Level '{level_text}' tidak sah; isi 1 sampai 5.")
        if len(found) == before:
            key = (nama.casefold(), jenis, eselon, k.pk)
            if key in seen:
                problem(n, "kompetensi", k_text, f"Standar ganda: sama dengan baris {seen[key]}.")
                continue
            seen[key] = n
            rows.append(Baris(n, ids, jenis, eselon if not ids else "", k, level))
    return rows, found, table.stopped


@transaction.atomic
def save_rows(rows: list[Baris], *, actor) -> tuple[int, int]:
    """Create or change each standard (created, changed); a failure rolls all back."""
    created = changed = 0
    for b in rows:
        targets = [{"jabatan_id": j} for j in b.jabatan_ids] or [
            {"jabatan": None, "jenis_jabatan": b.jenis, "eselon": b.eselon}
        ]
        for target in targets:
            row = StandarKompetensi.objects.filter(kompetensi=b.kompetensi, **target).first()
            if row is None:
                row = StandarKompetensi.objects.create(kompetensi=b.kompetensi, level=b.level,
                                                       **target)  # fmt: skip
                audit.record(row, actor=actor, action=AuditEntry.Aksi.CREATE,
                             kind=kinds.of(StandarKompetensi, "create"), note="impor")  # fmt: skip
                created += 1
            elif row.level != b.level:
                before = audit.snapshot(row)
                row.level = b.level
                row.save(update_fields=["level"])
                audit.record(row, actor=actor, action=AuditEntry.Aksi.UPDATE,
                             kind=kinds.of(StandarKompetensi, "update"), before=before,
                             note="impor")  # fmt: skip
                changed += 1
    return created, changed


def start(uploaded_file, *, user):
    if not access.may_manage_competency_tests(user):
        raise tidak_berhak(NOT_A_MANAGER)
    check_size(uploaded_file.size)
    data = uploaded_file.read(settings.SIKAP_IMPORT_MAX_BYTES + 1)
    check_size(len(data))
    name = Path(uploaded_file.name or "").name
    return operations.start(
        user=user, kind=KIND, judul=f"Impor standar kompetensi: {name}", runner=run,
        files={"standar": (name, data)},
    )  # fmt: skip


def run(operasi, progress) -> operations.Hasil:
    ((name, data),) = operations.input_files(operasi).values()
    progress(message="Membaca dan memeriksa setiap baris.")
    rows, found, stopped = parse(data)
    if found:
        return operations.refused_import(
            found, stopped=stopped, template="competency/_impor_standar.html", noun="standar",
            name=name, file_name="kesalahan-impor-standar-kompetensi.xlsx",
        )  # fmt: skip
    created, changed = save_rows(rows, actor=operasi.user)
    message = f"Impor selesai dari {len(rows)} baris: {created} standar baru, {changed} diubah."
    return operations.Hasil(message, {"template": "competency/_impor_standar.html"})
