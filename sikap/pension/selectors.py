"""Who retires when: each pegawai's BUP (their own override, else their position's), the TMT
it gives, the projection list of a window and the yearly projection. A fixed number of queries
for any number of pegawai; the arithmetic is `sikap.rules.pension`."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce

from sikap.org.models import Jabatan
from sikap.pension.models import BupPegawai
from sikap.people.models import Pegawai
from sikap.rules import RuleError
from sikap.rules.pension import dalam_jendela, hitung, tahun_proyeksi, tambah_bulan


@dataclass(frozen=True)
class Proyeksi:
    pegawai: Pegawai
    bup: int | None
    sumber: str  # where the BUP comes from: the position, or the override's legal basis
    tmt: date | None = None
    bulan_tersisa: int | None = None
    masalah: str = ""  # why no TMT can be given (no birth date, no BUP)
    sisa: str = ""  # the time left in words (rules.pension.sisa_masa_dinas)


def window_months() -> int:
    return settings.SIKAP_PENSIUN_PROYEKSI_BULAN


def bup_of(pegawai: Pegawai) -> tuple[int | None, str]:
    """(BUP, its source) for one pegawai."""
    khusus = getattr(pegawai, "bup_khusus", None)
    if khusus is not None:
        return khusus.bup, f"BUP khusus: {khusus.dasar_hukum}"
    if pegawai.jabatan_id:
        return pegawai.jabatan.bup, f"Jabatan {pegawai.jabatan.nama}"
    return None, ""


def project(pegawai: Pegawai, as_of: date) -> Proyeksi:
    bup, sumber = bup_of(pegawai)
    try:
        h = hitung(pegawai.tanggal_lahir, bup, as_of)
    except RuleError as e:
        return Proyeksi(pegawai, bup, sumber, masalah=e.message)
    return Proyeksi(pegawai, h.bup, sumber, h.tmt, h.bulan_tersisa, sisa=h.sisa)


def candidates():
    """Who can still retire: PNS and CPNS in service (PPPK contracts simply end)."""
    from sikap.people.models import StatusPegawai

    return Pegawai.objects.in_service().filter(status__in=[StatusPegawai.PNS, StatusPegawai.CPNS])


def projections(pegawai_qs, as_of: date) -> list[Proyeksi]:
    rows = pegawai_qs.select_related("opd", "jabatan", "bup_khusus").order_by(
        "tanggal_lahir", "nip"
    )
    return [project(p, as_of) for p in rows]


def with_bup(pegawai_qs):
    """`bup_efektif`: the pegawai's own BUP (a law, a BKN letter) or else their position's;
    None where neither is set. Every reader of a pegawai's BUP goes through this."""
    return pegawai_qs.annotate(bup_efektif=Coalesce("bup_khusus__bup", "jabatan__bup"))


def reaching(pegawai_qs, start: date, end: date):
    """Narrow to those whose TMT may fall in [start, end), in SQL: for each BUP in use, a
    birth-date range with a month's margin each side (the rule then decides exactly), so a page
    or card never projects the whole regency."""
    bups = set(Jabatan.objects.values_list("bup", flat=True).distinct())
    bups |= set(BupPegawai.objects.values_list("bup", flat=True).distinct())
    q = Q(pk__in=[])
    for b in bups:
        lower = date(start.year - b, start.month, 1) - timedelta(days=62)
        upper = date(end.year - b, end.month, 1) + timedelta(days=31)
        q |= Q(bup_efektif=b, tanggal_lahir__gte=lower, tanggal_lahir__lt=upper)
    return with_bup(pegawai_qs).filter(q)


def unprojectable(pegawai_qs, as_of: date) -> list[Proyeksi]:
    """Those whose TMT cannot be worked out (no BUP: no position and no override)."""
    return projections(with_bup(pegawai_qs).filter(bup_efektif__isnull=True), as_of)


def due(
    pegawai_qs, as_of: date, months: int | None = None
) -> tuple[list[Proyeksi], list[Proyeksi]]:
    """(those whose TMT falls in the window, those whose TMT cannot be worked out)."""
    months = window_months() if months is None else months
    rows = projections(reaching(pegawai_qs, as_of, tambah_bulan(as_of, months + 1)), as_of)
    inside = [r for r in rows if r.tmt and dalam_jendela(r.tmt, as_of, months)]
    ordered = sorted(inside, key=lambda r: (r.tmt, r.pegawai.nama))
    return ordered, unprojectable(pegawai_qs, as_of)


@dataclass(frozen=True)
class Tahunan:
    tahun: tuple[int, ...]
    per_opd: list[tuple[str, list[int]]]  # (OPD name, count per year)
    per_jabatan: list[tuple[str, list[int]]]  # (position name, count per year), largest first
    per_jenis: list[tuple[str, list[int]]]  # (kind of position, count per year): the chart
    jumlah: list[int]


def yearly(pegawai_qs, as_of: date, years: int | None = None) -> Tahunan:
    """Who leaves in each of the next `years` calendar years (this one from `as_of` on)."""
    tahun = tahun_proyeksi(as_of, years or settings.SIKAP_PENSIUN_PROYEKSI_TAHUN)
    opd, jabatan, jenis = Counter(), Counter(), Counter()
    window = reaching(pegawai_qs, as_of, date(tahun[-1] + 1, 1, 1))
    for r in projections(window, as_of):
        if r.tmt is None or r.tmt < as_of or r.tmt.year not in tahun:
            continue
        p = r.pegawai
        opd[(p.opd.nama, r.tmt.year)] += 1
        jabatan[(p.jabatan.nama if p.jabatan_id else "(tanpa jabatan)", r.tmt.year)] += 1
        jenis[(p.get_jenis_jabatan_display() or "(tanpa jenis)", r.tmt.year)] += 1

    def table(counter: Counter) -> list[tuple[str, list[int]]]:
        names = {name for name, _ in counter}
        rows = [(n, [counter[(n, y)] for y in tahun]) for n in names]
        return sorted(rows, key=lambda row: (-sum(row[1]), row[0]))

    per_opd = table(opd)
    jumlah = [sum(row[1][i] for row in per_opd) for i in range(len(tahun))]
    return Tahunan(tahun, per_opd, table(jabatan), table(jenis), jumlah)
