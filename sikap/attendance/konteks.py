"""A pegawai's check-in context for a date, computed once and reused: their working time
yesterday and today, the places they may use, their approved absences and their devices, with
the region's configuration. A check-in then costs its pegawai row (with the two marks below),
the day's accepted check-ins and its own INSERT.

Correctness: every input has a mark (`TandaKonteks`): row 0 for the region's configuration,
row <pegawai id> for one pegawai's own inputs. Saving or deleting an input changes its mark in
the same transaction (signals below; bulk writers call `ganti_wilayah`/`ganti_pegawai`). The
marks are read from the database with the pegawai row on every check-in, so a change made in
any process takes effect on the next check-in everywhere; each process only remembers answers
keyed by the marks it read. The pegawai's OPD and unit are part of the key, read fresh.
"""

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_save

from sikap.attendance.kalender import Kalender, Konfigurasi, load_konfigurasi
from sikap.attendance.models import (
    HariJadwal,
    HariLibur,
    JadwalKerja,
    JadwalShift,
    Ketidakhadiran,
    LokasiSementara,
    PengaturanPresensi,
    PerangkatPresensi,
    Shift,
    TandaKonteks,
)
from sikap.org.models import LokasiKantor, UnitKerja
from sikap.people.models import Pegawai
from sikap.rules.geofence import Lingkaran
from sikap.rules.jam_kerja import Giliran

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
    """Forget every remembered context of this process (tests; after a restore)."""
    _ingatan.clear()


def _tanda(pk):
    return Coalesce(
        Subquery(TandaKonteks.objects.filter(pk=pk).values("tanda")[:1]),
        Value(0),
        output_field=IntegerField(),
    )


def pegawai_bertanda(pegawai_id: int, *, kunci: bool = False) -> Pegawai:
    """The pegawai row (pk, OPD, unit) with the two marks, in one query; `kunci` locks the
    row for the rest of the transaction (a check-in serialises one pegawai's attempts)."""
    rows = Pegawai.objects.only("pk", "opd_id", "unit_id").annotate(
        tanda_wilayah=_tanda(WILAYAH), tanda_pegawai=_tanda(OuterRef("pk"))
    )
    if kunci:
        rows = rows.select_for_update(of=("self",))
    return rows.get(pk=pegawai_id)


def konfigurasi(today: date, tanda: int | None = None) -> Konfigurasi:
    """The region's configuration for `today` under its current mark (read when not given)."""
    if tanda is None:
        tanda = TandaKonteks.objects.filter(pk=WILAYAH).values_list("tanda", flat=True).first()
        tanda = tanda or 0
    key = ("wilayah", today, tanda)
    found = _ingatan.get(key)
    if found is None:
        found = load_konfigurasi(today)
        _ingatan.put(key, found)
    return found


def konteks(pegawai, today: date) -> KonteksHari:
    """The context of `pegawai` (from `pegawai_bertanda`) for a moment on `today`."""
    key = (pegawai.pk, pegawai.opd_id, pegawai.unit_id, today)
    key += (pegawai.tanda_wilayah, pegawai.tanda_pegawai)
    found = _ingatan.get(key)
    if found is None:
        found = _load(pegawai, today, konfigurasi(today, pegawai.tanda_wilayah))
        _ingatan.put(key, found)
    return found


def _load(pegawai, today: date, konf: Konfigurasi) -> KonteksHari:
    days = [today - timedelta(days=1), today]
    kalender = Kalender(days, [pegawai.pk], jadwal=konf.jadwal, libur=konf.libur)
    giliran = []
    for day in days:
        jam = kalender.jam(pegawai.pk, pegawai.opd_id, pegawai.unit_id, day)
        if jam is not None:
            giliran.append(Giliran(day, jam))
    absent: dict[date, str] = {}
    rows = Ketidakhadiran.objects.disetujui().filter(
        pegawai_id=pegawai.pk, mulai__lte=today, selesai__gte=days[0]
    )
    for jenis, mulai, selesai in rows.order_by("mulai", "pk").values_list(
        "jenis", "mulai", "selesai"
    ):
        for day in days:
            if mulai <= day <= selesai:
                absent.setdefault(day, jenis)
    temporary: dict[date, list[Lingkaran]] = {}
    places = LokasiSementara.objects.filter(
        pegawai_id=pegawai.pk, mulai__lte=today, selesai__gte=days[0]
    )
    for nama, lat, lon, radius, mulai, selesai in places.order_by("pk").values_list(
        "nama", "latitude", "longitude", "radius_m", "mulai", "selesai"
    ):
        for day in days:
            if mulai <= day <= selesai:
                temporary.setdefault(day, []).append(
                    Lingkaran(nama, float(lat), float(lon), radius)
                )
    devices = dict(
        PerangkatPresensi.objects.filter(pegawai_id=pegawai.pk)
        .order_by()
        .values_list("device_id", "status")
    )
    return KonteksHari(today, konf, giliran, absent, temporary, devices)


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


_REGION_INPUTS = (PengaturanPresensi, JadwalKerja, HariJadwal, HariLibur, Shift, LokasiKantor)
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
        post_save.connect(_region_changed, sender=model, dispatch_uid=f"konteks-{model.__name__}")
        post_delete.connect(_region_changed, sender=model, dispatch_uid=f"konteks-{model.__name__}")
    post_save.connect(_unit_saved, sender=UnitKerja, dispatch_uid="konteks-unit")
    post_delete.connect(_region_changed, sender=UnitKerja, dispatch_uid="konteks-unit")
    for model in _PEGAWAI_INPUTS:
        uid = f"konteks-{model.__name__}"
        pre_save.connect(_remember_owner, sender=model, dispatch_uid=uid)
        post_save.connect(_pegawai_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_pegawai_changed, sender=model, dispatch_uid=uid)
