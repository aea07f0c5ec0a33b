"""The shift roster of one month from XLSX/CSV (`core/tabular`): one row per pegawai and date,
`nip, tanggal, shift` (the shift's name in the pegawai's OPD; `nama` is for the people filling
it in and is not read). Admin OPD for the pegawai of their OPDs, admin BKD for everyone; never
one's own roster.

A long operation (`core/operations`): every row is checked first; one problem and nothing is
saved, every problem grouped on the page and all of them in an XLSX. A good file replaces the
month's roster of each pegawai it names (their days not listed become days off, as a roster
says); pegawai it does not name keep theirs. Their check-in contexts change at once and the
month's past days are closed again."""

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction

from sikap.accounts import access
from sikap.attendance import konteks
from sikap.attendance.imports import tanggal_sel
from sikap.attendance.models import JadwalShift, Shift
from sikap.attendance.services import reclose
from sikap.core import kinds, operations, problems
from sikap.core.audit import build_entry
from sikap.core.errors import tidak_berhak
from sikap.core.models import AuditEntry
from sikap.core.tabular import Column, missing_columns, read_table
from sikap.core.validators import FORMULA_MESSAGE, starts_like_formula
from sikap.people.import_service import check_size
from sikap.people.models import Pegawai
from sikap.rules import RuleError, kedudukan
from sikap.rules.formatting import BULAN

KIND = "impor_jadwal_shift"
NOT_ALLOWED = "Jadwal shift diimpor oleh admin OPD (untuk OPD-nya) atau admin BKD."
HEADERS = ("nip", "nama", "tanggal", "shift")
COLUMNS = (
    Column("nip", ("nip baru",), required=True),
    Column("nama", ("nama pegawai",)),
    Column("tanggal", ("tgl", "date"), required=True),
    Column("shift", ("nama shift", "kode shift"), required=True),
)


@dataclass(frozen=True)
class Baris:
    row: int
    pegawai_id: int
    tanggal: date
    shift: Shift


def bulan_dari(text: str) -> date:
    """'2026-04' → 1 April 2026; anything else is refused in Indonesian."""
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        raise RuleError(f"Bulan '{text}' tidak valid; pilih bulan jadwalnya.") from None


def _nama(bulan: date) -> str:
    return f"{BULAN[bulan.month - 1]} {bulan.year}"


def _akhir(bulan: date) -> date:
    return (bulan.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _scope(user) -> set[int] | None:
    """The OPDs whose pegawai `user` may roster; None: every OPD."""
    if access.is_admin_bkd(user):
        return None
    return {o.pk for o in user.opd_scope.all()}


def _table(data: bytes):
    table = read_table(data, COLUMNS)
    if table.missing:
        raise missing_columns(
            table.missing, table.unknown, "Unduh templat di halaman impor jadwal shift."
        )
    return table


def parse(data: bytes, bulan: date, user) -> tuple[list[Baris], list[problems.Problem], bool]:
    table = _table(data)
    found: list[problems.Problem] = []

    def problem(row: int, column: str, value: str, message: str) -> None:
        found.append(problems.Problem(row, column, value[:200], message))

    cells = []
    for row in table.rows(found):
        if row.too_wide:
            problem(row.number, "", "", row.too_wide)
            continue
        nip, shift = "".join(row.text("nip").split()), " ".join(row.text("shift").split())
        tanggal = row.value("tanggal")
        texts = {"nip": nip, "tanggal": tanggal if isinstance(tanggal, str) else "", "shift": shift}
        formula = [c for c, text in texts.items() if starts_like_formula(text)]
        for column in formula:
            problem(row.number, column, texts[column], FORMULA_MESSAGE)
        if not formula:
            cells.append((row.number, nip, tanggal, shift))
    pegawai = {
        p.nip: p
        for p in Pegawai.objects.filter(nip__in={c[1] for c in cells}).select_related("opd")
    }
    shifts = {
        (s.opd_id, s.nama.casefold()): s
        for s in Shift.objects.filter(opd_id__in={p.opd_id for p in pegawai.values()})
    }
    scope, last = _scope(user), _akhir(bulan)
    rows: list[Baris] = []
    seen: dict[tuple[int, date], int] = {}
    for n, nip, cell, shift_text in cells:
        before = len(found)
        p = pegawai.get(nip)
        if not nip:
            problem(n, "nip", "", "NIP kosong.")
        elif p is None:
            problem(n, "nip", nip, f"NIP '{nip}' tidak ada di data pegawai.")
        elif scope is not None and p.opd_id not in scope:
            problem(n, "nip", nip, f"Pegawai NIP '{nip}' bukan pegawai OPD yang Anda kelola.")
        elif access.is_own_record(user, p.pk):
            problem(n, "nip", nip, "Jadwal shift Anda sendiri diatur oleh admin lain.")
        elif not kedudukan.in_service(p.kedudukan):
            problem(n, "nip", nip, f"Pegawai NIP '{nip}' tidak aktif; tidak dapat dijadwalkan.")
        try:
            tanggal = tanggal_sel(cell)
        except RuleError as e:
            problem(n, "tanggal", str(cell), str(e))
            tanggal = None
        if tanggal is not None and not bulan <= tanggal <= last:
            problem(n, "tanggal", f"{tanggal:%d-%m-%Y}", f"Tanggal {tanggal:%d-%m-%Y} di luar "
                    f"bulan {_nama(bulan)}.")  # fmt: skip
        shift = None
        if not shift_text:
            problem(n, "shift", "", "Nama shift kosong.")
        elif p is not None:
            shift = shifts.get((p.opd_id, shift_text.casefold()))
            if shift is None:
                problem(n, "shift", shift_text, f"Shift '{shift_text}' tidak ada di {p.opd.nama}; "
                        "lihat daftar shift di halaman impor.")  # fmt: skip
        if len(found) > before or p is None or shift is None or tanggal is None:
            continue
        if (p.pk, tanggal) in seen:
            problem(n, "tanggal", f"{tanggal:%d-%m-%Y}", f"NIP '{nip}' sudah dijadwalkan pada "
                    f"{tanggal:%d-%m-%Y} di baris {seen[p.pk, tanggal]}.")  # fmt: skip
            continue
        seen[p.pk, tanggal] = n
        rows.append(Baris(n, p.pk, tanggal, shift))
    return rows, found, table.stopped


@transaction.atomic
def save_rows(rows: list[Baris], bulan: date, *, actor) -> tuple[int, int]:
    """Replace the month's roster of the pegawai in `rows` (added, removed)."""
    ids = {b.pegawai_id for b in rows}
    old = list(
        JadwalShift.objects.select_related("shift").filter(
            pegawai_id__in=ids, tanggal__range=(bulan, _akhir(bulan))
        )
    )
    JadwalShift.objects.filter(pk__in=[j.pk for j in old]).delete()
    made = JadwalShift.objects.bulk_create(
        [JadwalShift(pegawai_id=b.pegawai_id, tanggal=b.tanggal, shift=b.shift) for b in rows]
    )
    note = f"Impor jadwal shift {_nama(bulan)}"
    entries = [
        build_entry(j, actor=actor, action=AuditEntry.Aksi.DELETE, changes={}, note=note,
                    kind=kinds.of(JadwalShift, AuditEntry.Aksi.DELETE))
        for j in old
    ] + [
        build_entry(j, actor=actor, action=AuditEntry.Aksi.IMPORT, note=note,
                    kind=kinds.of(JadwalShift, AuditEntry.Aksi.IMPORT),
                    changes={"tanggal": j.tanggal.isoformat(), "shift": str(j.shift)})
        for j in made
    ]  # fmt: skip
    AuditEntry.objects.bulk_create(entries)
    konteks.ganti_pegawai(ids)
    reclose(bulan, _akhir(bulan))
    return len(made), len(old)


def start(uploaded_file, bulan: date, *, user):
    if not access.may_import_jadwal_shift(user):
        raise tidak_berhak(NOT_ALLOWED)
    check_size(uploaded_file.size)
    data = uploaded_file.read(settings.SIKAP_IMPORT_MAX_BYTES + 1)
    check_size(len(data))
    _table(data)  # an unreadable file or missing columns: said on the form, nothing queued
    name = Path(uploaded_file.name or "").name
    return operations.start(
        user=user, kind=KIND, judul=f"Impor jadwal shift {_nama(bulan)}: {name}", runner=run,
        params={"bulan": bulan.isoformat()}, files={"jadwal": (name, data)},
    )  # fmt: skip


def run(operasi, progress) -> operations.Hasil:
    ((name, data),) = operations.input_files(operasi).values()
    bulan = date.fromisoformat(operasi.params["bulan"])
    if not access.may_import_jadwal_shift(operasi.user):
        raise tidak_berhak(NOT_ALLOWED)
    progress(message="Membaca dan memeriksa setiap baris.")
    rows, found, stopped = parse(data, bulan, operasi.user)
    template = {"template": "attendance/_impor_jadwal_shift.html"}
    if found:
        return operations.refused_import(
            found, stopped=stopped, template=template["template"], noun="jadwal", name=name,
            file_name="kesalahan-impor-jadwal-shift.xlsx",
        )  # fmt: skip
    added, removed = save_rows(rows, bulan, actor=operasi.user)
    people = len({b.pegawai_id for b in rows})
    message = (
        f"Jadwal shift {_nama(bulan)} disimpan: {added} hari untuk "
        f"{people} pegawai (menggantikan {removed} hari jadwal sebelumnya)."
    )
    return operations.Hasil(message, template)
