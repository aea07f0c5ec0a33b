"""Importing a SIASN "download data pegawai" file: the one write path for it (web and command).

All or nothing: every row is validated, and nothing is written while any row is invalid or
outside the actor's OPDs. Built for files of tens of thousands of rows: what exists is fetched
in a few queries, the changes are worked out in memory and written in batches, and a row that
changes nothing writes nothing. The current fields of each pegawai come out as
`services.derive_current` would compute them from the histories.
"""

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, connection, transaction

from sikap.accounts import access
from sikap.core import audit, kinds
from sikap.core.bulk import insert_rows, without_cycle_collection
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.documents import ringkasan
from sikap.org.models import Jabatan, Opd, UnitKerja
from sikap.people.models import Pegawai, RiwayatJabatan, RiwayatPangkat, RiwayatPendidikan
from sikap.people.siasn import ParsedFile, RowError, SiasnRow, parse_file, parse_records
from sikap.rules.education import tingkat_order
from sikap.rules.pension import bup_jabatan

BATCH_SIZE = 1000
# A history row added now sorts after every stored one with the same TMT, as a new id would.
_NEWEST = float("inf")


@dataclass
class ImportReport:
    filename: str
    dry_run: bool
    total: int = 0  # data rows in the file
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_opd: int = 0
    new_units: int = 0
    new_jabatan: int = 0
    errors: list[RowError] = field(default_factory=list)
    stopped: bool = False  # checking stopped at the error cap: later rows were not read

    @property
    def ok(self) -> bool:
        return not self.errors


def import_siasn(
    rows_or_file, *, actor, dry_run: bool = False, filename: str = "", progress=None
) -> ImportReport:
    """Import a SIASN file (path, bytes or uploaded file) or rows given as {header: value}.

    The system actor (the command line) may import into any OPD. Row problems come back in
    the report; a file that cannot be read at all raises SikapError. `filename` names bytes
    in the report and the audit note; `progress(done, total, message)` hears how far it is.
    """
    scope = _opd_scope(actor)
    progress = progress or _silent
    with without_cycle_collection(), audit.source(audit.Sumber.IMPORT):
        progress(message="Membaca dan memeriksa baris berkas.")
        name, parsed = _parse_source(rows_or_file, progress)
        report = ImportReport(filename=filename or name, dry_run=dry_run, total=parsed.total)
        _plan_and_write(parsed, report, scope, actor, progress)
    return report


def _silent(*args, **kwargs) -> None:
    pass


def _plan_and_write(parsed: ParsedFile, report: ImportReport, scope, actor, progress) -> None:
    if parsed.stopped:  # refused anyway; the rows read so far are not worth resolving
        report.errors, report.stopped = parsed.errors, True
        return
    progress(message="Mencocokkan dengan data pegawai, OPD dan jabatan yang ada.")
    with transaction.atomic():
        plan = _Plan(scope, own_id=actor.pegawai_id)
        valid = len(parsed.rows)
        plan.resolve(parsed.rows)
        errors = sorted(parsed.errors + plan.errors, key=lambda e: e.row or 0)
        cap = settings.SIKAP_IMPORT_MAX_ERRORS
        report.errors, report.stopped = errors[:cap], len(errors) > cap
        if report.errors:
            return
        report.created, report.updated = len(plan.creates), len(plan.updates)
        report.unchanged = valid - report.created - report.updated
        report.new_opd, report.new_jabatan = len(plan.new_opds), len(plan.new_jabatan)
        report.new_units = len(plan.new_roots) + len(plan.new_units)
        if not report.dry_run:
            progress(message=f"Menyimpan {len(plan.creates) + len(plan.updates)} perubahan.")
            try:
                plan.write(actor=actor, note=_note(report.filename))
            except IntegrityError as e:
                raise SikapError(
                    Kode.DUPLIKAT,
                    f"Impor dibatalkan: data bentrok dengan data yang sudah ada ({e}). "
                    "Tidak ada data yang disimpan.",
                ) from e


NOT_IMPORTABLE = (
    "Baris ini tidak dapat diimpor dengan akun Anda. Hubungi admin BKD bila pegawai ini "
    "seharusnya berada di OPD Anda."
)


def _opd_scope(actor) -> set[int] | None:
    """OPD ids the actor may import into; None for all."""
    if access.is_system(actor):
        return None
    if not access.may_edit_personnel(actor):
        raise tidak_berhak("Anda tidak berhak mengimpor data pegawai.")
    if access.is_admin_bkd(actor):
        return None
    return set(actor.opd_scope.values_list("pk", flat=True))


def _note(filename: str) -> str:
    return f"Impor SIASN dari berkas {filename}" if filename else "Impor SIASN"


def _parse_source(source, progress) -> tuple[str, ParsedFile]:
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            check_size(path.stat().st_size)
            return path.name, parse_file(path.read_bytes(), progress)
        except OSError as e:
            raise SikapError(
                Kode.BERKAS_TIDAK_VALID, f"Berkas {path} tidak dapat dibaca ({e.strerror})."
            ) from e
    if isinstance(source, bytes):
        check_size(len(source))
        return "", parse_file(source, progress)
    if hasattr(source, "read"):
        if getattr(source, "size", None) is not None:
            check_size(source.size)
        data = source.read(settings.SIKAP_IMPORT_MAX_BYTES + 1)
        check_size(len(data))
        return Path(getattr(source, "name", "") or "").name, parse_file(data, progress)
    return "", parse_records(source)


def check_size(size: int) -> None:
    limit = settings.SIKAP_IMPORT_MAX_BYTES
    if size > limit:
        raise SikapError(
            Kode.BERKAS_TIDAK_VALID,
            f"Berkas terlalu besar ({size / 2**20:.1f} MB); batasnya {limit / 2**20:.0f} MB.",
        )


def _chunks(items: list, size: int | None = None):
    size = size or connection.features.max_query_params or 10_000
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _pk(ref) -> int | None:
    """A reference is a saved id, an instance (perhaps not saved yet) or None."""
    return ref if ref is None or isinstance(ref, int) else ref.pk


class _Plan:
    """What an import will write, worked out from the valid rows and what the database holds."""

    def __init__(self, scope: set[int] | None, own_id: int | None = None):
        self.scope = scope
        self.own_id = own_id  # the actor's own record: changed only through self-service
        self.errors: list[RowError] = []
        self.new_opds: list[Opd] = []
        self.new_roots: list[UnitKerja] = []
        self.new_units: list[UnitKerja] = []
        self.new_jabatan: list[Jabatan] = []
        self.creates: list[_Change] = []
        self.updates: list[_Change] = []

    def fail(self, row: SiasnRow, column: str, value: str, message: str) -> None:
        self.errors.append(RowError(row.row, column, value, message))

    # Resolving references

    def resolve(self, rows: list[SiasnRow]) -> None:
        """Plan every row. `rows` is emptied: each row is let go once planned, so the parsed
        file and the plan are not both held in full (memory of a 100,000-row import)."""
        placed = self._place(rows)
        rows.clear()
        existing = self._existing_pegawai([row for row, _ in placed])
        history = _History(list(existing.values()))
        for i in range(len(placed)):
            row, (opd, unit) = placed[i]
            placed[i] = None
            pegawai = existing.get(row.fields["nip"])
            if pegawai is not None and self.scope is not None and pegawai.opd_id not in self.scope:
                # Not "exists in another OPD": the row must not confirm that a NIP is taken.
                self.fail(row, "NIP BARU", row.fields["nip"], NOT_IMPORTABLE)
                continue
            if pegawai is not None and pegawai.pk == self.own_id:
                self.fail(row, "NIP BARU", row.fields["nip"], access.OWN_RECORD_REFUSAL)
                continue
            jabatan = self._jabatan(row, unit) if row.jabatan else None
            self._plan_pegawai(row, pegawai, opd, unit, jabatan, history)

    def _place(self, rows: list[SiasnRow]) -> list[tuple[SiasnRow, tuple[Opd, UnitKerja]]]:
        """Each row's OPD and unit, found or planned; rows outside the actor's OPDs fail."""
        opds = list(Opd.objects.all())
        self.opd_by_id = {opd.siasn_id: opd for opd in opds if opd.siasn_id}
        for opd in opds:
            self.opd_by_id.setdefault(opd.kode, opd)
        wanted = self._wanted_opds(rows)
        units = UnitKerja.objects.filter(opd__in=wanted)
        opd_by_pk = {opd.pk: opd for opd in opds}
        self.roots, self.unit_by_id = {}, {}
        self.unit_by_pk = {}
        for unit in units.order_by("pk"):
            unit.opd = opd_by_pk[unit.opd_id]
            self.unit_by_pk[unit.pk] = unit
            if unit.induk_id is None:
                self.roots.setdefault(id(unit.opd), unit)
            if unit.siasn_id:
                self.unit_by_id.setdefault((id(unit.opd), unit.siasn_id), unit)
        self._load_jabatan(wanted)
        placed = []
        for row in rows:
            opd = self._opd(row)
            if opd is not None:
                placed.append((row, (opd, self._unit(row, opd))))
        return placed

    def _wanted_opds(self, rows: list[SiasnRow]) -> set[int]:
        ids = {row.satker_id for row in rows}
        return {opd.pk for key, opd in self.opd_by_id.items() if key in ids}

    def _opd(self, row: SiasnRow) -> Opd | None:
        opd = self.opd_by_id.get(row.satker_id)
        if opd is None:
            if self.scope is not None:
                self.fail(
                    row,
                    "SATUAN KERJA KERJA ID",
                    row.satker_id,
                    f"OPD {row.satker_nama} belum terdaftar di SIKAP; hanya Admin BKD "
                    "yang dapat menambah OPD baru.",
                )
                return None
            opd = Opd(kode=row.satker_id, nama=row.satker_nama, siasn_id=row.satker_id)
            self.opd_by_id[row.satker_id] = opd
            self.new_opds.append(opd)
        elif self.scope is not None and opd.pk not in self.scope:
            self.fail(
                row,
                "SATUAN KERJA KERJA ID",
                row.satker_id,
                f"Anda tidak berhak mengimpor pegawai {opd.nama}: OPD ini tidak Anda kelola.",
            )
            return None
        return opd

    def _unit(self, row: SiasnRow, opd: Opd) -> UnitKerja:
        root = self.roots.get(id(opd))
        if root is None:
            root = UnitKerja(opd=opd, nama=opd.nama, siasn_id=opd.siasn_id)
            self.roots[id(opd)] = root
            self.new_roots.append(root)
        if not row.unor_id or row.unor_id == row.satker_id:
            return root
        key = (id(opd), row.unor_id)
        unit = self.unit_by_id.get(key)
        if unit is None:
            unit = UnitKerja(
                opd=opd, induk=root, nama=row.unor_nama or row.unor_id, siasn_id=row.unor_id
            )
            self.unit_by_id[key] = unit
            self.new_units.append(unit)
        return unit

    def _load_jabatan(self, opds: set[int]) -> None:
        self.jabatan_by_key = {}
        for jabatan in Jabatan.objects.filter(unit__opd__in=opds).order_by("pk"):
            unit = self.unit_by_pk[jabatan.unit_id]
            jabatan.unit = unit
            self.jabatan_by_key.setdefault((id(unit), "nama", jabatan.nama.casefold()), jabatan)
            if jabatan.siasn_id:
                self.jabatan_by_key.setdefault((id(unit), "id", jabatan.siasn_id), jabatan)

    def _jabatan(self, row: SiasnRow, unit: UnitKerja) -> Jabatan:
        ref = row.jabatan
        key = (
            (id(unit), "id", ref.siasn_id)
            if ref.siasn_id
            else (id(unit), "nama", ref.nama.casefold())
        )
        jabatan = self.jabatan_by_key.get(key)
        if jabatan is None:
            jabatan = Jabatan(
                unit=unit, nama=ref.nama, jenis=ref.jenis, eselon=ref.eselon,
                siasn_id=ref.siasn_id, bup=bup_jabatan(ref.jenis, ref.nama),
            )  # fmt: skip
            self.jabatan_by_key[key] = jabatan
            self.new_jabatan.append(jabatan)
        return jabatan

    def _existing_pegawai(self, rows: list[SiasnRow]) -> dict[str, Pegawai]:
        nips = [row.fields["nip"] for row in rows]
        found = {}
        for chunk in _chunks(nips):
            found.update((p.nip, p) for p in Pegawai.objects.filter(nip__in=chunk))
        return found

    # Working out the changes of one pegawai

    def _plan_pegawai(self, row, pegawai, opd, unit, jabatan, history) -> None:
        values = row.fields  # the row is let go after this: its fields are the new values
        refs = {"opd": opd, "unit": unit}
        if jabatan is not None:
            refs["jabatan"] = jabatan
        key = pegawai.pk if pegawai is not None else None
        added = []

        pangkat = list(history.pangkat.get(key, ()))
        new = row.pangkat
        if new and not any((g, t) == (new.golongan, new.tmt) for t, _, g in pangkat):
            added.append((RiwayatPangkat, {
                "golongan": new.golongan, "tmt": new.tmt, "mkg_tahun": new.mkg_tahun,
                "mkg_bulan": new.mkg_bulan,
            }))  # fmt: skip
            pangkat.append((new.tmt, _NEWEST, new.golongan))
        if pangkat:
            tmt, _, values["golongan"] = max(pangkat)
            values["tmt_golongan"] = tmt

        posts = list(history.jabatan.get(key, ()))
        new = row.jabatan
        stored = {(j, t) for t, _, j, *_ in posts}
        if new and new.tmt and (jabatan.pk is None or (jabatan.pk, new.tmt) not in stored):
            added.append((RiwayatJabatan, {
                "jabatan_id": jabatan, "unit_id": unit, "nama_jabatan": new.nama,
                "jenis_jabatan": new.jenis, "eselon": new.eselon, "tmt": new.tmt,
            }))  # fmt: skip
            posts.append((new.tmt, _NEWEST, jabatan, new.jenis, unit, opd))
        if posts:
            _, _, refs["jabatan"], values["jenis_jabatan"], post_unit, post_opd = max(
                posts, key=lambda p: p[:2]
            )
            if post_unit is not None:
                refs["unit"], refs["opd"] = post_unit, post_opd

        tingkat = list(history.pendidikan.get(key, ()))
        new = row.pendidikan
        if new and (new.tingkat, new.tahun_lulus) not in tingkat:
            added.append((RiwayatPendidikan, {
                "tingkat": new.tingkat, "jurusan": new.jurusan, "nama_sekolah": new.nama_sekolah,
                "tahun_lulus": new.tahun_lulus,
            }))  # fmt: skip
            tingkat.append((new.tingkat, new.tahun_lulus))
        if tingkat:
            values["tingkat_pendidikan"] = max((t for t, _ in tingkat), key=tingkat_order)

        if pegawai is None:
            # The Pegawai is made when its batch is written (memory: see `write`).
            self.creates.append(_Change(None, refs, {}, set(), added, values))
            return
        changed = {name for name, value in values.items() if getattr(pegawai, name) != value}
        # An OPD-scoped import (admin OPD) leaves identity and status to admin BKD.
        locked = sorted(changed & set(access.BKD_ONLY_FIELDS)) if self.scope is not None else []
        if locked:
            labels = ", ".join(str(Pegawai._meta.get_field(f).verbose_name) for f in locked)
            self.fail(
                row,
                "NIP BARU",
                row.fields["nip"],
                f"Baris ini mengubah {labels}; hanya admin BKD yang dapat mengubahnya.",
            )
            return
        for name, ref in refs.items():
            new_id = _pk(ref)  # None for an OPD, unit or jabatan this import creates
            if getattr(pegawai, f"{name}_id") != new_id or (ref is not None and new_id is None):
                changed.add(name)
        if changed or added:
            before = audit.snapshot(pegawai)
            for name, value in values.items():
                setattr(pegawai, name, value)
            self.updates.append(_Change(pegawai, refs, before, changed, added))

    # Writing

    def write(self, *, actor, note: str) -> None:
        Opd.objects.bulk_create(self.new_opds)
        UnitKerja.objects.bulk_create(self.new_roots)
        UnitKerja.objects.bulk_create(self.new_units, batch_size=BATCH_SIZE)
        Jabatan.objects.bulk_create(self.new_jabatan, batch_size=BATCH_SIZE)
        insert_rows(AuditEntry, self._structure_audit(actor, note))
        # Every OPD, unit and jabatan has its id now: point the pegawai at them.
        for change in self.updates:
            _point(change)
        # One UPDATE shape per set of changed fields, so no field is written that did not change.
        by_fields: dict[tuple, list[Pegawai]] = {}
        for change in self.updates:
            by_fields.setdefault(tuple(sorted(change.fields)), []).append(change.pegawai)
        for names, group in by_fields.items():
            if names:
                Pegawai.objects.bulk_update(group, names, batch_size=BATCH_SIZE)
                ringkasan.usang_bila([p.pk for p in group], names)
        # Then a batch at a time: new pegawai made and inserted, their history rows and the
        # audit rows of the batch, after which the batch is let go. An import of 100,000 never
        # holds 100,000 new Pegawai, 300,000 history rows or 100,000 audit rows at once.
        changes = self.creates + self.updates
        self.creates = self.updates = []
        for start in range(0, len(changes), BATCH_SIZE):
            batch = changes[start : start + BATCH_SIZE]
            for i in range(start, start + len(batch)):
                changes[i] = None
            new = [change for change in batch if change.pegawai is None]
            for change in new:
                change.pegawai, change.values = Pegawai(**change.values), None
                _point(change)
            Pegawai.objects.bulk_create([change.pegawai for change in new])
            for model in (RiwayatPangkat, RiwayatJabatan, RiwayatPendidikan):
                insert_rows(model, _histories(batch, model))
            insert_rows(AuditEntry, _audit(batch, actor, note))

    def _structure_audit(self, actor, note: str):
        action = AuditEntry.Aksi.IMPORT
        for obj in (*self.new_opds, *self.new_roots, *self.new_units, *self.new_jabatan):
            changes = audit.diff({}, audit.snapshot(obj))
            kind = kinds.of(obj, action)
            yield audit.build_entry(
                obj, actor=actor, action=action, kind=kind, changes=changes, note=note
            )


def _point(change) -> None:
    for name, ref in change.refs.items():
        setattr(change.pegawai, f"{name}_id", _pk(ref))


def _histories(batch, model):
    for change in batch:
        for added_model, values in change.added:
            if added_model is model:
                for name in ("jabatan_id", "unit_id"):
                    if name in values:
                        values[name] = _pk(values[name])
                yield model(pegawai_id=change.pegawai.pk, **values)


def _audit(batch, actor, note: str):
    action = AuditEntry.Aksi.IMPORT
    for change in batch:
        after = audit.snapshot(change.pegawai)
        if change.before:
            changes = audit.diff(change.before, after)
        else:  # a new record's blank fields say nothing; leaving them out keeps rows small
            changes = {k: [None, v] for k, v in after.items() if v is not None and v != ""}
        for model, values in change.added:
            changes[_AUDIT_LABEL[model]] = [None, {k: _json(v) for k, v in values.items()}]
        yield audit.build_entry(
            change.pegawai,
            actor=actor,
            action=action,
            kind=kinds.of(change.pegawai, action),
            changes=changes,
            note=note,
        )


@dataclass(slots=True)
class _Change:
    """One pegawai to create or update, and the history rows it gains."""

    pegawai: Pegawai | None  # None for a new pegawai until its batch is written
    refs: dict  # opd / unit / jabatan: an id or an instance saved before the pegawai
    before: dict  # audit snapshot before the change; empty for a new pegawai
    fields: set[str]  # fields an update changes
    added: list[tuple[type, dict]]  # (history model, its field values)
    values: dict | None = None  # a new pegawai's fields, until it is made


_AUDIT_LABEL = {
    RiwayatPangkat: "riwayat_pangkat",
    RiwayatJabatan: "riwayat_jabatan",
    RiwayatPendidikan: "riwayat_pendidikan",
}


def _json(value):
    return value.isoformat() if isinstance(value, date) else value


class _History:
    """The stored rank, position and education rows of the pegawai an import touches."""

    def __init__(self, pegawai: list[Pegawai]):
        ids = [p.pk for p in pegawai]
        self.pangkat: dict[int, list] = {}
        self.jabatan: dict[int, list] = {}
        self.pendidikan: dict[int, list] = {}
        for chunk in _chunks(ids):
            for pid, pk, golongan, tmt in RiwayatPangkat.objects.filter(
                pegawai__in=chunk
            ).values_list("pegawai_id", "pk", "golongan", "tmt"):
                self.pangkat.setdefault(pid, []).append((tmt, pk, golongan))
            for pid, pk, jabatan, jenis, tmt, unit, opd in RiwayatJabatan.objects.filter(
                pegawai__in=chunk
            ).values_list(
                "pegawai_id", "pk", "jabatan_id", "jenis_jabatan", "tmt", "unit_id", "unit__opd_id"
            ):
                self.jabatan.setdefault(pid, []).append((tmt, pk, jabatan, jenis, unit, opd))
            for pid, tingkat, tahun in RiwayatPendidikan.objects.filter(
                pegawai__in=chunk
            ).values_list("pegawai_id", "tingkat", "tahun_lulus"):
                self.pendidikan.setdefault(pid, []).append((tingkat, tahun))
