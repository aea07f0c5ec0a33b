"""The eligibility list: `rules.promotion` over the histories of many pegawai, loaded in a
fixed number of queries whatever their number (pegawai with their counted SKP and highest
diploma, punishments, ujian dinas, structural posts, the superior relation, their superiors'
golongan, open proposals).
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from itertools import pairwise

from django.db.models import Count, Exists, OuterRef, Q, Subquery

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
from sikap.rules.pension import BUP_MAX, BUP_MIN
from sikap.rules.ranks import GOLONGAN

_FIELDS = (
    "pk", "nip", "nama", "gelar_depan", "gelar_belakang", "status", "kedudukan", "golongan",
    "tmt_golongan", "tanggal_lahir", "bup_efektif", "opd_id", "unit_id", "opd__nama",
)  # fmt: skip


BUP_TANPA_JABATAN = 58  # no position and no override: the lowest BUP
# The golongan whose next one crosses II→III or III→IV: only their ujian dinas count.
MELEWATI_UJIAN = tuple(g for g, t in pairwise(GOLONGAN) if rule.ujian_diperlukan(g, t))


@dataclass(frozen=True)
class Calon:
    """A pegawai on the list: eligible (`memenuhi`) or else nearly eligible, any proposal
    already open, and the rule's answer with its reasons (`hasil`), built when first read."""

    pegawai_id: int
    nip: str
    nama: str
    opd_id: int | None
    opd_nama: str
    memenuhi: bool  # else nearly eligible
    data: rule.DataKp = field(repr=False)
    periode: date
    skp_hingga: int
    usulan_id: int | None = None
    usulan_state: str = ""

    @cached_property
    def hasil(self) -> rule.Hasil:
        return rule.periksa(rule.REGULER, self.data, self.periode, skp_hingga=self.skp_hingga)


def candidates(pegawai_qs):
    """Who the automatic list considers: PNS in service with a golongan and its TMT."""
    return pegawai_qs.in_service().filter(status=StatusPegawai.PNS, tmt_golongan__isnull=False)


def considered(pegawai_qs):
    """Whom the reguler list checks: candidates with a golongan."""
    return candidates(pegawai_qs).exclude(golongan="")


def _skp_years(periode: PeriodeKp, jenis: str) -> list[int]:
    """The SKP years the rule counts for a type in this period."""
    last = rule.tahun_skp_terakhir(periode.batas_usul)
    return [last - i for i in range(rule.TAHUN_SKP[jenis])]


def within_horizon(pegawai_qs, periode: PeriodeKp):
    """Those considered whose years in rank are met by the horizon of "nearly eligible"
    (`rules.promotion.tmt_golongan_batas`): a filter on their own row."""
    return considered(pegawai_qs).filter(tmt_golongan__lt=rule.tmt_golongan_batas(periode.tanggal))


def not_retired(periode: date) -> Q:
    """Exactly who has not retired by the period, on a queryset `with_bup`: born on or after
    `rules.promotion.lahir_sejak` of their BUP (a BUP outside the regulation's range is left to
    the rule)."""
    q = Q(bup_efektif__isnull=True, tanggal_lahir__gte=rule.lahir_sejak(periode, BUP_TANPA_JABATAN))
    q |= Q(bup_efektif__lt=BUP_MIN) | Q(bup_efektif__gt=BUP_MAX)
    for bup in range(BUP_MIN, BUP_MAX + 1):
        q |= Q(bup_efektif=bup, tanggal_lahir__gte=rule.lahir_sejak(periode, bup))
    return q


def possibly_eligible(horizon, periode: PeriodeKp):
    """`horizon` (`within_horizon`) narrowed in SQL to who may be eligible or nearly eligible
    for a reguler KP, `with_bup`: leaves out only those whom the rule fails on something
    `Hasil.hampir` does not wait for — retired by the period, an SKP below Baik among the
    counted years, no diploma whose ceiling allows the next golongan (none at the top
    golongan), a punishment that blocks on the period. The rule then decides each one left."""
    tanggal = periode.tanggal
    low_skp = RiwayatSkp.objects.filter(
        pegawai=OuterRef("pk"), tahun__in=_skp_years(periode, rule.REGULER)
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
    return (
        with_bup(horizon)
        .filter(diploma, not_retired(tanggal))
        .exclude(Exists(low_skp))
        .exclude(Exists(blocking))
    )


def _skp_field(tahun: int) -> str:
    return f"skp_{tahun}"


def rows_for(pegawai_qs, periode: PeriodeKp, jenis: str = rule.REGULER):
    """The rows `data_for` reads, from a queryset `with_bup`: `_FIELDS`, the predikat of each
    SKP year the type counts (`skp_<year>`, one per pegawai and year) and the highest diploma
    (`ijazah_tingkat`, `ijazah_tahun`: the highest BKN code, which orders the levels, then the
    latest year — what the rule reads of the education history). A subquery each costs the
    database less than sending every SKP and education row to Python."""
    skp = {
        _skp_field(y): Subquery(
            RiwayatSkp.objects.filter(pegawai=OuterRef("pk"), tahun=y).values("predikat")[:1]
        )
        for y in _skp_years(periode, jenis)
    }
    highest = RiwayatPendidikan.objects.filter(pegawai=OuterRef("pk")).order_by(
        "-tingkat", "-tahun_lulus"
    )
    return pegawai_qs.annotate(
        **skp,
        ijazah_tingkat=Subquery(highest.values("tingkat")[:1]),
        ijazah_tahun=Subquery(highest.values("tahun_lulus")[:1]),
    ).values(*_FIELDS, *skp, "ijazah_tingkat", "ijazah_tahun")


def data_for(
    rows: list[dict], periode_kp: PeriodeKp, *, jenis: str = rule.REGULER, scope=None
) -> dict[int, rule.DataKp]:
    """pegawai pk → the rule's input for a type, for `rows` (`rows_for` of the same period and
    type): 5 queries. `scope`, a queryset of those pegawai, is joined in the database instead
    of sending their ids (a list of 100,000 ids costs more to build and send than the join).
    Only what the type reads: the ujian dinas of whoever crosses II→III or III→IV (any of them
    for penyesuaian ijazah, which asks for UPKP)."""
    periode = periode_kp.tanggal
    ids = scope.values("pk") if scope is not None else [r["pk"] for r in rows]
    years = [(y, _skp_field(y)) for y in _skp_years(periode_kp, jenis)]
    hukuman = defaultdict(list)
    for pid, tingkat, mulai, selesai, jenis_h in RiwayatHukdis.objects.filter(
        Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gte=periode),
        pegawai_id__in=ids,
        tmt__lte=periode,
    ).values_list("pegawai_id", "tingkat", "tmt", "tanggal_selesai", "jenis"):
        hukuman[pid].append(rule.Hukuman(tingkat, mulai, selesai, jenis_h))
    ujian = defaultdict(list)
    ujian_qs = UjianDinas.objects.filter(pegawai_id__in=ids)
    if jenis != rule.IJAZAH:
        ujian_qs = ujian_qs.filter(pegawai__golongan__in=MELEWATI_UJIAN)
    for pid, tingkat, tanggal, bebas in ujian_qs.values_list(
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
            bup=r["bup_efektif"] or BUP_TANPA_JABATAN,
            pendidikan=((r["ijazah_tingkat"], r["ijazah_tahun"]),) if r["ijazah_tingkat"] else (),
            skp={y: r[f] for y, f in years if r[f] is not None},
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
    """Who in `pegawai_qs` is eligible or nearly eligible for a reguler KP in this period, with
    their open proposal if any, by OPD and name: 8 queries. `possibly_eligible` narrows in
    SQL, `rules.promotion.daftar_reguler` sorts each one left; the reasons (`Calon.hasil`) are
    built when shown.
    The histories are read for the wider `within_horizon`: its plain filter costs the
    database less than the narrowing again."""
    with without_cycle_collection():
        horizon = within_horizon(pegawai_qs, periode)
        rows = list(
            rows_for(possibly_eligible(horizon, periode), periode).order_by(
                "opd__nama", "nama", "pk"
            )
        )
        data = data_for(rows, periode, scope=horizon)
        last = rule.tahun_skp_terakhir(periode.batas_usul)
        tanggal = periode.tanggal
        usulan = {
            pid: (pk, state)
            for pid, pk, state in UsulanKp.objects.filter(
                periode=periode, pegawai__in=horizon.values("pk")
            )
            .exclude(state=UsulanKp.Status.DIBATALKAN)
            .values_list("pegawai_id", "pk", "state")
        }
        listed = []
        for r in rows:
            d = data[r["pk"]]
            if where := rule.daftar_reguler(d, tanggal, skp_hingga=last):
                listed.append(
                    Calon(
                        r["pk"],
                        r["nip"],
                        _nama(r),
                        r["opd_id"],
                        r["opd__nama"] or "",
                        where == rule.MEMENUHI,
                        d,
                        tanggal,
                        last,
                        *usulan.get(r["pk"], (None, "")),
                    )
                )
        return listed


def hasil_for(pegawai: Pegawai, periode: PeriodeKp, jenis: str, **extra) -> rule.Hasil:
    """The rule's answer for one pegawai and type (`extra`: the PAK figures of a JF proposal)."""
    row = rows_for(with_bup(Pegawai.objects.filter(pk=pegawai.pk)), periode, jenis).get()
    if not row["golongan"] or row["tmt_golongan"] is None:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            f"{pegawai.nama} belum mempunyai riwayat pangkat; lengkapi data pegawai dahulu.",
        )
    data = replace(data_for([row], periode, jenis=jenis)[pegawai.pk], **extra)
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
