"""What the KGB rule needs about many pegawai, in a fixed number of queries, and the rule run
over them: `assess(pegawai_qs, as_of)` gives one `Penilaian` per pegawai."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings

from sikap.people.models import Pegawai, RiwayatGaji, RiwayatHukdis, RiwayatSkp, StatusPegawai
from sikap.rules import RuleError
from sikap.rules.kgb import (
    DasarGaji,
    DataPegawai,
    HasilKgb,
    Hukuman,
    check_dasar,
    hitung,
    next_due,
)
from sikap.salary.config import aturan
from sikap.salary.models import Kgb
from sikap.salary.tables import tables_for

_RIWAYAT_FIELDS = ("pk", "pegawai_id", "dasar", "golongan", "tmt", "mkg_tahun", "mkg_bulan",
                   "gaji_pokok", "sk_nomor", "sk_tanggal")  # fmt: skip


@dataclass(frozen=True)
class Penilaian:
    pegawai: Pegawai
    hasil: HasilKgb | None = None  # None with no `alasan`: at the top of the table
    alasan: str = ""  # why no letter can be drafted (bad history, missing SKP, …)
    riwayat_dasar_id: int | None = None
    sk_tanggal: date | None = None


def candidates():
    """PNS and CPNS in service (PPPK have their own table and contract: not yet here)."""
    return Pegawai.objects.in_service().filter(status__in=[StatusPegawai.PNS, StatusPegawai.CPNS])


UNREADABLE = date.min  # `next_dues` for a pegawai whose newest pay row the rule cannot read


def next_dues(pegawai_qs):
    """(pk, when the next step falls due) for every pegawai of `pegawai_qs`, from the newest
    pay row alone: None at the top of the table, `UNREADABLE` with no row or a row the rule
    refuses (it says why when run in full). Two queries and arithmetic."""
    from django.db.models import OuterRef, Subquery

    newest = RiwayatGaji.objects.filter(pegawai_id=OuterRef("pk")).order_by("-tmt", "-pk")
    rows = pegawai_qs.annotate(
        g_gol=Subquery(newest.values("golongan")[:1]),
        g_tmt=Subquery(newest.values("tmt")[:1]),
        g_th=Subquery(newest.values("mkg_tahun")[:1]),
        g_bl=Subquery(newest.values("mkg_bulan")[:1]),
    ).values_list("pk", "g_gol", "g_tmt", "g_th", "g_bl")
    tables = tables_for("pns")
    for pk, gol, tmt, th, bl in rows:
        if tmt is None:
            yield pk, UNREADABLE
            continue
        try:
            yield pk, next_due(DasarGaji("", gol, tmt, th, bl, Decimal(0)), tables)
        except RuleError:
            yield pk, UNREADABLE


def due_candidates(pegawai_qs, limit: date, also=(), skip=frozenset()):
    """Narrow `pegawai_qs` to those the rule must look at by `limit`: whose next step falls by
    then, plus everyone whose newest row cannot be read, so the daily job does not assess every
    pegawai of the regency every day. `also`: ids to assess anyway (those waiting on the due
    list, returned letters); `skip`: ids not to (a letter already in progress)."""
    keep = list(also)
    for pk, jatuh in next_dues(pegawai_qs):
        if pk not in skip and jatuh is not None and jatuh <= limit:
            keep.append(pk)
    return pegawai_qs.filter(pk__in=keep)


def upcoming(pegawai_qs, start: date, end: date) -> list[tuple[int, date]]:
    """(pk, TMT) of the pegawai whose next KGB falls due in [start, end) and has no letter
    yet, by TMT and name: the due list of a month the daily job has not reached. Ids only, so
    that a page loads just the pegawai it shows (`page_of`); three queries."""
    due = {pk: d for pk, d in next_dues(pegawai_qs) if d and d != UNREADABLE and start <= d < end}
    drafted = set(
        Kgb.objects.filter(pegawai_id__in=due, tmt_jatuh__gte=start, tmt_jatuh__lt=end).values_list(
            "pegawai_id", flat=True
        )
    )
    names = dict(Pegawai.objects.filter(pk__in=set(due) - drafted).values_list("pk", "nama"))
    return sorted(((pk, due[pk]) for pk in names), key=lambda x: (x[1], names[x[0]], x[0]))


def page_of(rows: list[tuple[int, date]]) -> list[tuple[Pegawai, date]]:
    """(pegawai with their OPD, TMT) for one page of `upcoming`: one query."""
    people = Pegawai.objects.select_related("opd").in_bulk([pk for pk, _tmt in rows])
    return [(people[pk], tmt) for pk, tmt in rows]


def assess(pegawai_qs) -> list[Penilaian]:
    """The next KGB of every pegawai in `pegawai_qs` (five queries, whatever the number)."""
    pegawai = list(pegawai_qs.select_related("opd", "unit", "jabatan"))
    ids = [p.pk for p in pegawai]
    gaji = defaultdict(list)
    for row in RiwayatGaji.objects.filter(pegawai_id__in=ids).values_list(*_RIWAYAT_FIELDS):
        gaji[row[1]].append(row)
    skp = defaultdict(dict)
    for pid, tahun, predikat in RiwayatSkp.objects.filter(pegawai_id__in=ids).values_list(
        "pegawai_id", "tahun", "predikat"
    ):
        skp[pid][tahun] = predikat
    hukuman = defaultdict(list)
    for pid, mulai, selesai, jenis in RiwayatHukdis.objects.filter(
        pegawai_id__in=ids, tingkat__in=settings.SIKAP_KGB_HUKDIS_MENUNDA
    ).values_list("pegawai_id", "tmt", "tanggal_selesai", "jenis"):
        hukuman[pid].append(Hukuman(mulai, selesai, jenis))
    tables, rule = tables_for("pns"), aturan()
    return [_assess_one(p, gaji[p.pk], skp[p.pk], hukuman[p.pk], tables, rule) for p in pegawai]


def _assess_one(p, rows, skp, hukuman, tables, rule) -> Penilaian:
    dasar_rows = {
        DasarGaji(
            jenis=r[2], golongan=r[3], tmt=r[4], mkg_tahun=r[5], mkg_bulan=r[6],
            gaji_pokok=r[7], sk_nomor=r[8],
        ): r
        for r in rows
    }  # fmt: skip
    try:
        dasar = check_dasar(list(dasar_rows), p.tanggal_lahir)
        data = DataPegawai(
            tanggal_lahir=p.tanggal_lahir,
            in_service=p.in_service,
            cpns=p.status == StatusPegawai.CPNS,
            skp=skp,
            hukuman=tuple(hukuman),
            riwayat_gaji=tuple(dasar_rows),
        )
        hasil = hitung(dasar, tables, data, rule)
    except RuleError as e:
        return Penilaian(p, alasan=e.message)
    row = dasar_rows[dasar]
    return Penilaian(p, hasil=hasil, riwayat_dasar_id=row[0], sk_tanggal=row[9])
