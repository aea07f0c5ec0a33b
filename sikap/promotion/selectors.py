"""The eligibility list: `rules.promotion.periksa` over the histories of many pegawai, loaded in
a fixed number of queries whatever their number (pegawai, education, SKP, punishments, ujian
dinas, structural posts, the superior relation, their superiors' golongan, open proposals).
"""

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from sikap.core.bulk import without_cycle_collection
from sikap.core.errors import Kode, SikapError
from sikap.org.models import STRUKTURAL
from sikap.pension.selectors import with_bup
from sikap.people.models import (
    Pegawai,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatSkp,
    StatusPegawai,
)
from sikap.people.selectors import struktur
from sikap.promotion.models import BerkasUsulan, PeriodeKp, UjianDinas, UsulanKp
from sikap.rules import kedudukan
from sikap.rules import promotion as rule
from sikap.rules.formatting import nama_lengkap
from sikap.rules.ranks import GOLONGAN

_FIELDS = (
    "pk", "nip", "nama", "gelar_depan", "gelar_belakang", "status", "kedudukan", "golongan",
    "tmt_golongan", "tanggal_lahir", "bup_efektif", "opd_id", "unit_id", "opd__nama",
)  # fmt: skip


@dataclass(frozen=True)
class Calon:
    """A pegawai on the list with the rule's answer and any proposal already open."""

    pegawai_id: int
    nip: str
    nama: str
    opd_id: int | None
    opd_nama: str
    hasil: rule.Hasil
    usulan_id: int | None = None
    usulan_state: str = ""


def candidates(pegawai_qs):
    """Who the automatic list considers: PNS in service with a golongan and its TMT."""
    return pegawai_qs.in_service().filter(status=StatusPegawai.PNS, tmt_golongan__isnull=False)


def considered(pegawai_qs):
    """Whom the reguler list checks: candidates with a golongan."""
    return candidates(pegawai_qs).exclude(golongan="")


def _skp_years(periode: date) -> list[int]:
    """The SKP years `data_for` reads."""
    return [periode.year - i for i in (1, 2, 3)]


def within_horizon(pegawai_qs, periode: PeriodeKp):
    """Those considered whose years in rank are met by the horizon of "nearly eligible"
    (`rules.promotion.tmt_golongan_batas`): a filter on their own row."""
    return considered(pegawai_qs).filter(tmt_golongan__lt=rule.tmt_golongan_batas(periode.tanggal))


def possibly_eligible(horizon, periode: PeriodeKp):
    """`horizon` (`within_horizon`) narrowed in SQL to who may be eligible or nearly eligible
    for a reguler KP: leaves out only those whom the rule fails on something `Hasil.hampir`
    does not wait for — an SKP below Baik among the counted years, no diploma whose ceiling
    allows the next golongan (none at the top golongan), a punishment that blocks on the
    period. The rule then decides each one left."""
    tanggal = periode.tanggal
    last = rule.tahun_skp_terakhir(periode.batas_usul)
    counted = [last - i for i in range(rule.TAHUN_SKP[rule.REGULER])]
    low_skp = RiwayatSkp.objects.filter(
        pegawai=OuterRef("pk"), tahun__in=[y for y in counted if y in _skp_years(tanggal)]
    ).exclude(predikat__in=sorted(rule.PREDIKAT_CUKUP))
    blocking = RiwayatHukdis.objects.filter(
        Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gte=tanggal),
        pegawai=OuterRef("pk"),
        tingkat__in=sorted(rule.HUKUMAN_MENGHALANGI),
        tmt__lte=tanggal,
    )
    by_diplomas = defaultdict(list)  # the golongan that need the same diplomas, together
    for golongan in GOLONGAN:
        by_diplomas[rule.ijazah_cukup(golongan)].append(golongan)
    diploma = ~Q(golongan__in=GOLONGAN)  # an unknown golongan: the rule says why
    for codes, golongan in by_diplomas.items():
        if codes:
            has = RiwayatPendidikan.objects.filter(
                pegawai=OuterRef("pk"), tingkat__in=sorted(codes)
            )
            diploma |= Q(golongan__in=golongan) & Exists(has)
    return horizon.filter(diploma).exclude(Exists(low_skp)).exclude(Exists(blocking))


def data_for(
    rows: list[dict], periode: date, *, jenis: str = rule.REGULER, scope=None
) -> dict[int, rule.DataKp]:
    """pegawai pk → the rule's input, for `rows` (values of `_FIELDS`): 7 queries. `scope`, a
    queryset of those pegawai, is joined in the database instead of sending their ids (a list
    of 100,000 ids costs more to build and send than the join)."""
    ids = scope.values("pk") if scope is not None else [r["pk"] for r in rows]
    pendidikan = defaultdict(list)
    for pid, tingkat, tahun in RiwayatPendidikan.objects.filter(pegawai_id__in=ids).values_list(
        "pegawai_id", "tingkat", "tahun_lulus"
    ):
        pendidikan[pid].append((tingkat, tahun))
    years = _skp_years(periode)
    skp: dict[int, dict[int, str]] = defaultdict(dict)
    for pid, tahun, predikat in RiwayatSkp.objects.filter(
        pegawai_id__in=ids, tahun__in=years
    ).values_list("pegawai_id", "tahun", "predikat"):
        skp[pid][tahun] = predikat
    hukuman = defaultdict(list)
    for pid, tingkat, mulai, selesai, jenis_h in RiwayatHukdis.objects.filter(
        Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gte=periode),
        pegawai_id__in=ids,
        tmt__lte=periode,
    ).values_list("pegawai_id", "tingkat", "tmt", "tanggal_selesai", "jenis"):
        hukuman[pid].append(rule.Hukuman(tingkat, mulai, selesai, jenis_h))
    ujian = defaultdict(list)
    for pid, tingkat, tanggal, bebas in UjianDinas.objects.filter(pegawai_id__in=ids).values_list(
        "pegawai_id", "tingkat", "tanggal", "dibebaskan"
    ):
        ujian[pid].append(rule.Ujian(tingkat, tanggal, bebas))
    struktural: dict[int, date] = {}
    if jenis == rule.STRUKTURAL:
        for pid, tmt in (
            RiwayatJabatan.objects.filter(pegawai_id__in=ids, jenis_jabatan__in=STRUKTURAL)
            .order_by("pegawai_id", "tmt")
            .values_list("pegawai_id", "tmt")
        ):
            struktural[pid] = tmt  # the latest structural post
    atasan = _superiors_golongan(rows)
    return {
        r["pk"]: rule.DataKp(
            status=r["status"],
            in_service=kedudukan.in_service(r["kedudukan"]),
            golongan=r["golongan"],
            tmt_golongan=r["tmt_golongan"],
            tanggal_lahir=r["tanggal_lahir"],
            bup=r["bup_efektif"] or 58,  # no position and no override: the lowest BUP
            pendidikan=tuple(pendidikan[r["pk"]]),
            skp=skp[r["pk"]],
            hukuman=tuple(hukuman[r["pk"]]),
            ujian=tuple(ujian[r["pk"]]),
            golongan_atasan=atasan.get(r["pk"]),
            struktural_sejak=struktural.get(r["pk"]),
        )
        for r in rows
    }


def _superiors_golongan(rows: list[dict]) -> dict[int, str | None]:
    """pegawai pk → their direct superior's golongan (PNS superiors only): 4 queries."""
    tree = struktur({r["opd_id"] for r in rows if r["opd_id"]})
    atasan = {r["pk"]: tree.atasan(r["pk"], r["unit_id"]) for r in rows}
    golongan = dict(
        Pegawai.objects.filter(pk__in={a for a in atasan.values() if a}, status=StatusPegawai.PNS)
        .exclude(golongan="")
        .values_list("pk", "golongan")
    )
    return {pk: golongan.get(a) if a else None for pk, a in atasan.items()}


def _nama(r: dict) -> str:
    return nama_lengkap(r["nama"], r["gelar_depan"], r["gelar_belakang"])


def daftar(periode: PeriodeKp, pegawai_qs) -> list[Calon]:
    """Who in `pegawai_qs` may be eligible or nearly eligible in this period
    (`possibly_eligible`), with the rule's answer and their open proposal if any; the caller
    splits it into eligible / nearly / not. 12 queries. The histories are read for the wider
    `within_horizon`: its plain filter costs the database less than the narrowing again."""
    with without_cycle_collection():
        horizon = within_horizon(pegawai_qs, periode)
        rows = list(
            with_bup(possibly_eligible(horizon, periode))
            .order_by("opd__nama", "nama", "pk")
            .values(*_FIELDS)
        )
        data = data_for(rows, periode.tanggal, scope=horizon)
        last = rule.tahun_skp_terakhir(periode.batas_usul)
        usulan = {
            pid: (pk, state)
            for pid, pk, state in UsulanKp.objects.filter(
                periode=periode, pegawai__in=horizon.values("pk")
            )
            .exclude(state=UsulanKp.Status.DIBATALKAN)
            .values_list("pegawai_id", "pk", "state")
        }
        return [
            Calon(
                r["pk"],
                r["nip"],
                _nama(r),
                r["opd_id"],
                r["opd__nama"] or "",
                rule.periksa(rule.REGULER, data[r["pk"]], periode.tanggal, skp_hingga=last),
                *usulan.get(r["pk"], (None, "")),
            )
            for r in rows
        ]


def hasil_for(pegawai: Pegawai, periode: PeriodeKp, jenis: str, **extra) -> rule.Hasil:
    """The rule's answer for one pegawai and type (`extra`: the PAK figures of a JF proposal)."""
    row = with_bup(Pegawai.objects.filter(pk=pegawai.pk)).values(*_FIELDS).get()
    if not row["golongan"] or row["tmt_golongan"] is None:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            f"{pegawai.nama} belum mempunyai riwayat pangkat; lengkapi data pegawai dahulu.",
        )
    data = replace(data_for([row], periode.tanggal, jenis=jenis)[pegawai.pk], **extra)
    skp_hingga = rule.tahun_skp_terakhir(periode.batas_usul)
    return rule.periksa(jenis, data, periode.tanggal, skp_hingga=skp_hingga)


def open_periods():
    return PeriodeKp.objects.order_by("-tanggal")


def berkas_counts(usulan_qs):
    """Per proposal: documents missing, waiting, returned (one query)."""
    B = BerkasUsulan.Status
    return {
        row["usulan"]: row
        for row in BerkasUsulan.objects.filter(usulan__in=usulan_qs, aktif=True)
        .values("usulan")
        .annotate(
            belum=Count("pk", filter=Q(status=B.BELUM_ADA)),
            menunggu=Count("pk", filter=Q(status=B.MENUNGGU)),
            btl=Count("pk", filter=Q(status=B.BTL)),
            diterima=Count("pk", filter=Q(status=B.DITERIMA)),
        )
    }
