"""A pegawai's check-in context for a date, computed once and reused: their working time
yesterday and today, their temporary places, approved absences and devices, beside the region's
configuration. A check-in then costs its pegawai row (which brings the marks and the stored
context along), the day's accepted check-ins and its own INSERT.

Correctness: every input has a mark (`TandaKonteks`): row 0 for the region's configuration,
row <pegawai id> for one pegawai's own inputs. Saving or deleting an input changes its mark in
the same transaction (signals below; bulk writers call `ganti_wilayah`/`ganti_pegawai`). Marks
are read before the data they guard, so a context is stored or remembered only under marks at
least as old as its data, and the marks are read with the pegawai row on every check-in: a
change made in any process takes effect on the next check-in everywhere. The pegawai's OPD and
unit are read fresh with them.

Where a context lives: each process remembers the ones it used (bounded, keyed by the marks);
`KonteksPresensi` stores one per pegawai and date for every process, written by the first
check-in of the day or, for everyone at once, by the daily job `siapkan_konteks_harian`.
"""

import json
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, time, timedelta

from django.conf import settings
from django.db import connection
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from sikap.attendance.kalender import Kalender, Konfigurasi, load_konfigurasi
from sikap.attendance.models import (
    HariJadwal,
    HariLibur,
    JadwalKerja,
    JadwalShift,
    Ketidakhadiran,
    KonteksPresensi,
    LokasiSementara,
    PengaturanPresensi,
    PerangkatPresensi,
    Shift,
    SwafotoOpd,
    TandaKonteks,
)
from sikap.core.jobs import job
from sikap.org.models import LokasiKantor, UnitKerja
from sikap.people.models import Pegawai
from sikap.rules.geofence import Lingkaran
from sikap.rules.jam_kerja import Giliran, JamKerja

WILAYAH = 0


@dataclass(frozen=True)
class KonteksHari:
    """What a check-in of one pegawai at any moment of `hari` needs besides the attempt and
    the accepted check-ins: yesterday is included for a night shift ending today."""

    hari: date
    konf: Konfigurasi
    giliran: list[Giliran]
    tidak_hadir: dict[date, str]  # day → jenis of the approved absence
    sementara: dict[date, list[Lingkaran]]  # day → temporary places
    perangkat: dict[str, str]  # device id → status

    def lokasi(self, pegawai, day: date) -> list[Lingkaran]:
        """The OPD's offices, those of the pegawai's unit and the units above it, and the
        pegawai's temporary places that day."""
        units: set[int] = set()
        current: int | None = pegawai.unit_id
        while current is not None and current not in units:
            units.add(current)
            current = self.konf.induk.get(current)
        offices = [
            place
            for unit_id, place in self.konf.kantor.get(pegawai.opd_id, [])
            if unit_id is None or unit_id in units
        ]
        return offices + self.sementara.get(day, [])


class _Ingatan:
    """A bounded least-recently-used map, one per process, safe across threads."""

    def __init__(self) -> None:
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > settings.SIKAP_PRESENSI_KONTEKS_MAKS:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_ingatan = _Ingatan()


def lupakan() -> None:
    """Forget every context this process remembers (tests, whose rolled-back ids come back)."""
    _ingatan.clear()


@dataclass(frozen=True)
class PegawaiHari:
    """The pegawai row a check-in needs, with the two marks and the stored context."""

    pk: int
    opd_id: int
    unit_id: int | None
    kedudukan: str
    tanda_wilayah: int
    tanda_pegawai: int
    tersimpan: dict | None  # the stored context of the day under these marks


def _sql_pegawai(lock: bool) -> str:
    # Hand-written: the same query through the ORM (three correlated subqueries) took longer
    # to compile than the rest of a check-in.
    sql = (
        "SELECT p.id, p.opd_id, p.unit_id, p.kedudukan, "
        "COALESCE(w.tanda, 0), COALESCE(t.tanda, 0), k.data "
        f"FROM {Pegawai._meta.db_table} p "
        f"LEFT JOIN {TandaKonteks._meta.db_table} w ON w.id = {WILAYAH} "
        f"LEFT JOIN {TandaKonteks._meta.db_table} t ON t.id = p.id "
        f"LEFT JOIN {KonteksPresensi._meta.db_table} k ON k.pegawai_id = p.id "
        "AND k.tanggal = %s AND k.tanda_wilayah = COALESCE(w.tanda, 0) "
        "AND k.tanda_pegawai = COALESCE(t.tanda, 0) "
        "WHERE p.id = %s"
    )
    return sql + " FOR UPDATE OF p" if lock else sql


def pegawai_bertanda(pegawai_id: int, today: date, *, kunci: bool = False) -> PegawaiHari:
    """The pegawai row (pk, OPD, unit, kedudukan) with the two marks and the stored context of
    `today` valid under them (or None), in one query; `kunci` locks the row for the rest of the
    transaction (a check-in serialises one pegawai's attempts)."""
    lock = kunci and connection.features.has_select_for_update
    with connection.cursor() as cursor:
        cursor.execute(
            _sql_pegawai(lock), [connection.ops.adapt_datefield_value(today), pegawai_id]
        )
        row = cursor.fetchone()
    if row is None:
        raise Pegawai.DoesNotExist(f"Pegawai {pegawai_id} tidak ada.")
    pk, opd_id, unit_id, kedudukan, region, own, data = row
    if isinstance(data, str):
        data = json.loads(data)
    return PegawaiHari(pk, opd_id, unit_id, kedudukan, region, own, data)


def tanda_wilayah() -> int:
    return TandaKonteks.objects.filter(pk=WILAYAH).values_list("tanda", flat=True).first() or 0


def konfigurasi(today: date, tanda: int) -> Konfigurasi:
    """The region's configuration for `today` under its mark `tanda`."""
    key = ("wilayah", today, tanda)
    found = _ingatan.get(key)
    if found is None:
        found = load_konfigurasi(today)
        _ingatan.put(key, found)
    return found


def konteks(pegawai, today: date) -> KonteksHari:
    """The context of `pegawai` (from `pegawai_bertanda`) for a moment on `today`: remembered,
    else stored, else computed (4 queries) and stored for the other processes."""
    marks = (pegawai.tanda_wilayah, pegawai.tanda_pegawai)
    key = (pegawai.pk, pegawai.opd_id, pegawai.unit_id, today, *marks)
    found = _ingatan.get(key)
    if found is not None:
        return found
    konf = konfigurasi(today, pegawai.tanda_wilayah)
    data = pegawai.tersimpan
    # A move to another OPD or unit writes no mark (it is the pegawai row itself): a context
    # stored for the old place is computed again.
    if data is None or data.get("u") != [pegawai.opd_id, pegawai.unit_id]:
        data = _hitung([(pegawai.pk, pegawai.opd_id, pegawai.unit_id)], today, konf)[pegawai.pk]
        KonteksPresensi.objects.bulk_create(
            [_row(pegawai.pk, today, marks, data)],
            update_conflicts=True,
            update_fields=["tanda_wilayah", "tanda_pegawai", "data"],
            unique_fields=["pegawai", "tanggal"],
        )
    found = _dari_data(data, today, konf)
    _ingatan.put(key, found)
    return found


def _row(pegawai_id: int, today: date, marks: tuple[int, int], data: dict) -> KonteksPresensi:
    return KonteksPresensi(
        pegawai_id=pegawai_id, tanggal=today, tanda_wilayah=marks[0], tanda_pegawai=marks[1],
        data=data,
    )  # fmt: skip


def _hitung(pegawai: list[tuple[int, int, int | None]], today: date, konf: Konfigurasi):
    """The stored form of the contexts of `pegawai` (pk, OPD, unit) for `today`: 4 queries
    whatever their number (the roster, absences, temporary places, devices)."""
    days = [today - timedelta(days=1), today]
    ids = [pk for pk, _, _ in pegawai]
    one = len(ids) == 1
    kalender = Kalender(days, ids if one else None, jadwal=konf.jadwal, libur=konf.libur)
    data: dict[int, dict] = {pk: {"g": [], "a": {}, "s": {}, "d": {}} for pk in ids}
    for pk, opd_id, unit_id in pegawai:
        data[pk]["u"] = [opd_id, unit_id]
        for day in days:
            jam = kalender.jam(pk, opd_id, unit_id, day)
            if jam is not None:
                data[pk]["g"].append(
                    [day.isoformat(), jam.masuk.isoformat(), jam.pulang.isoformat(),
                     jam.istirahat_menit]
                )  # fmt: skip

    def mine(rows):
        return rows.filter(pegawai_id=ids[0]) if one else rows

    overlapping = {"mulai__lte": today, "selesai__gte": days[0]}
    absences = mine(Ketidakhadiran.objects.disetujui().filter(**overlapping))
    for pk, jenis, mulai, selesai in absences.order_by("mulai", "pk").values_list(
        "pegawai_id", "jenis", "mulai", "selesai"
    ):
        for day in days:
            if pk in data and mulai <= day <= selesai:
                data[pk]["a"].setdefault(day.isoformat(), jenis)
    places = mine(LokasiSementara.objects.filter(**overlapping)).order_by("pk")
    for pk, nama, lat, lon, radius, mulai, selesai in places.values_list(
        "pegawai_id", "nama", "latitude", "longitude", "radius_m", "mulai", "selesai"
    ):
        for day in days:
            if pk in data and mulai <= day <= selesai:
                data[pk]["s"].setdefault(day.isoformat(), []).append(
                    [nama, float(lat), float(lon), radius]
                )
    devices = mine(PerangkatPresensi.objects.order_by())
    for pk, device_id, status in devices.values_list("pegawai_id", "device_id", "status"):
        if pk in data:
            data[pk]["d"][device_id] = status
    return data


def _dari_data(data: dict, today: date, konf: Konfigurasi) -> KonteksHari:
    return KonteksHari(
        hari=today,
        konf=konf,
        giliran=[
            Giliran(
                date.fromisoformat(d), JamKerja(time.fromisoformat(m), time.fromisoformat(p), r)
            )
            for d, m, p, r in data["g"]
        ],
        tidak_hadir={date.fromisoformat(d): j for d, j in data["a"].items()},
        sementara={
            date.fromisoformat(d): [Lingkaran(*place) for place in places]
            for d, places in data["s"].items()
        },
        perangkat=dict(data["d"]),
    )


def siapkan_konteks(today: date) -> int:
    """Store `today`'s context of every pegawai in service, so that the morning's first
    check-ins find it (6 + rows/1000 queries). Re-runnable: a row under old marks is replaced."""
    # Marks first: data changed after this read is stored under a mark already stale.
    region = tanda_wilayah()
    own = dict(TandaKonteks.objects.exclude(pk=WILAYAH).values_list("pk", "tanda"))
    pegawai = list(Pegawai.objects.in_service().values_list("pk", "opd_id", "unit_id"))
    data = _hitung(pegawai, today, load_konfigurasi(today))
    KonteksPresensi.objects.bulk_create(
        [_row(pk, today, (region, own.get(pk, 0)), data[pk]) for pk, _, _ in pegawai],
        batch_size=1000,
        update_conflicts=True,
        update_fields=["tanda_wilayah", "tanda_pegawai", "data"],
        unique_fields=["pegawai", "tanggal"],
    )
    return len(pegawai)


@job
def siapkan_konteks_harian(*, actor) -> int:
    """The daily schedule: today's and tomorrow's contexts (whatever hour it runs at, the next
    morning is ready), and earlier days' dropped."""
    today = timezone.localdate()
    KonteksPresensi.objects.filter(tanggal__lt=today).delete()
    return siapkan_konteks(today) + siapkan_konteks(today + timedelta(days=1))


def _ganti(ids: list[int]) -> None:
    mark = secrets.randbits(62) + 1
    TandaKonteks.objects.bulk_create(
        [TandaKonteks(pk=i, tanda=mark) for i in ids],
        update_conflicts=True,
        update_fields=["tanda"],
        unique_fields=["id"],
    )


def ganti_wilayah() -> None:
    """The region's configuration changed: every context is recomputed on its next use."""
    _ganti([WILAYAH])


def ganti_pegawai(pegawai_ids) -> None:
    """These pegawai's own inputs changed."""
    ids = sorted({i for i in pegawai_ids if i})
    if ids:
        _ganti(ids)


_REGION_INPUTS = (
    PengaturanPresensi, JadwalKerja, HariJadwal, HariLibur, Shift, LokasiKantor, SwafotoOpd,
)  # fmt: skip
_PEGAWAI_INPUTS = (JadwalShift, LokasiSementara, Ketidakhadiran, PerangkatPresensi)


def _region_changed(sender, **kwargs) -> None:
    ganti_wilayah()


def _unit_saved(sender, instance, created, update_fields=None, **kwargs) -> None:
    # Only the unit tree (which offices a unit's pegawai may use) is an input.
    if created or update_fields is None or "induk" in update_fields:
        ganti_wilayah()


def _remember_owner(sender, instance, **kwargs) -> None:
    # An edit may move the row to another pegawai: both contexts change.
    if instance.pk is not None:
        instance._pemilik_lama = (
            sender.objects.filter(pk=instance.pk).values_list("pegawai_id", flat=True).first()
        )


def _pegawai_changed(sender, instance, **kwargs) -> None:
    ganti_pegawai([instance.pegawai_id, getattr(instance, "_pemilik_lama", None)])


def connect() -> None:
    for model in _REGION_INPUTS:
        uid = f"konteks-{model.__name__}"
        post_save.connect(_region_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_region_changed, sender=model, dispatch_uid=uid)
    post_save.connect(_unit_saved, sender=UnitKerja, dispatch_uid="konteks-unit")
    post_delete.connect(_region_changed, sender=UnitKerja, dispatch_uid="konteks-unit")
    for model in _PEGAWAI_INPUTS:
        uid = f"konteks-{model.__name__}"
        pre_save.connect(_remember_owner, sender=model, dispatch_uid=uid)
        post_save.connect(_pegawai_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_pegawai_changed, sender=model, dispatch_uid=uid)
