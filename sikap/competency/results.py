"""What a result page, its PDF and the admin recap read: an attempt's per-competency results
with the standard, strengths and gaps (ordered by `rules.competency`), and the trainings the
catalogue suggests for each gap; whether the taker may see them yet."""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Max, Q

from sikap.competency.models import (
    HasilKompetensi,
    Kompetensi,
    LevelKompetensi,
    Pelatihan,
    Percobaan,
    TampilHasil,
)
from sikap.rules import competency as rule


def persen(skor: Decimal, skor_maks: Decimal) -> int:
    """The mean item score on a 0–100 scale (every item scores 1–5)."""
    n = skor_maks / rule.SKOR_MAKS
    if not n:
        return 0
    return round((skor - n) * 100 / (skor_maks - n)) if skor_maks > n else 100


@dataclass
class Baris:
    kompetensi: Kompetensi
    level: int
    standar: int | None
    selisih: int | None
    persen: int
    jumlah_soal: int
    deskripsi: str = ""  # what the level reached means (the dictionary)
    pelatihan: list[Pelatihan] = field(default_factory=list)

    @property
    def memenuhi(self) -> bool | None:
        return None if self.selisih is None else self.selisih >= 0


@dataclass
class Hasil:
    percobaan: Percobaan
    baris: list[Baris]
    kekuatan: list[Baris]
    kesenjangan: list[Baris]

    @property
    def memenuhi(self) -> int:
        return sum(1 for b in self.baris if b.memenuhi)

    @property
    def dengan_standar(self) -> int:
        return sum(1 for b in self.baris if b.standar is not None)

    def chart(self) -> dict:
        return {
            "labels": [b.kompetensi.nama for b in self.baris],
            "hasil": [b.level for b in self.baris],
            "standar": [b.standar for b in self.baris],
        }


def may_show(user, percobaan: Percobaan, now: datetime) -> bool:
    """Managers and admins who may read the attempt see its result; its taker only when the
    test shows results (at once, or after the window closed)."""
    if percobaan.pegawai_id != user.pegawai_id:
        return True  # the caller fetched it through Percobaan.visible_to
    ujian = percobaan.ujian
    return ujian.tampil_hasil == TampilHasil.SEGERA or (
        ujian.tampil_hasil == TampilHasil.SETELAH_DITUTUP and now >= ujian.ditutup
    )


def suggestions(pairs: list[tuple[int, int]]) -> dict[tuple[int, int], list[Pelatihan]]:
    """Active trainings per (competency, level reached); level 0 reads as level 1."""
    if not pairs:
        return {}
    q = Q()
    for kompetensi_id, level in pairs:
        lv = max(level, 1)
        q |= Q(kompetensi=kompetensi_id, level_dari__lte=lv, level_sampai__gte=lv)
    found: dict[tuple[int, int], list[Pelatihan]] = {pair: [] for pair in pairs}
    rows = Pelatihan.objects.filter(aktif=True).filter(q).distinct()
    for p in rows.prefetch_related("kompetensi").order_by("level_dari", "nama"):
        for k in p.kompetensi.all():
            for kompetensi_id, level in pairs:
                lv = max(level, 1)
                if k.pk == kompetensi_id and p.level_dari <= lv <= p.level_sampai:
                    found[(kompetensi_id, level)].append(p)
    return found


def result_of(percobaan: Percobaan) -> Hasil:
    rows = list(
        HasilKompetensi.objects.filter(percobaan=percobaan)
        .select_related("kompetensi")
        .order_by("kompetensi__kelompok", "kompetensi__urutan")
    )
    meanings = {
        (k, lv): d
        for k, lv, d in LevelKompetensi.objects.filter(
            kompetensi__in=[r.kompetensi_id for r in rows]
        ).values_list("kompetensi_id", "level", "deskripsi")
    }
    baris = [
        Baris(
            kompetensi=r.kompetensi,
            level=r.level_tercapai,
            standar=r.level_standar,
            selisih=r.selisih,
            persen=persen(r.skor, r.skor_maks),
            jumlah_soal=int(r.skor_maks / rule.SKOR_MAKS),
            deskripsi=meanings.get((r.kompetensi_id, r.level_tercapai), ""),
        )
        for r in rows
    ]
    by_id = {b.kompetensi.pk: b for b in baris}
    ordered = [
        rule.HasilKompetensi(str(b.kompetensi.pk), b.level, b.standar, Decimal(0), b.persen,
                             b.jumlah_soal, ())
        for b in baris
    ]  # fmt: skip
    kekuatan = [by_id[int(h.kompetensi)] for h in rule.kekuatan(ordered)]
    kesenjangan = [by_id[int(h.kompetensi)] for h in rule.kesenjangan(ordered)]
    found = suggestions([(b.kompetensi.pk, b.level) for b in kesenjangan])
    for b in kesenjangan:
        b.pelatihan = found.get((b.kompetensi.pk, b.level), [])
    return Hasil(percobaan, baris, kekuatan, kesenjangan)


# --- the admin recap: per competency, for one test, narrowed by OPD and position -------------


@dataclass
class Sebaran:
    kompetensi: Kompetensi
    per_level: list[int]  # how many reached level 0..5
    peserta: int
    dengan_standar: int
    memenuhi: int
    rata_rata: Decimal | None

    @property
    def persen_memenuhi(self) -> int | None:
        if not self.dengan_standar:
            return None
        return round(self.memenuhi * 100 / self.dengan_standar)

    @property
    def kesenjangan(self) -> int:
        return self.dengan_standar - self.memenuhi


def finished_attempts(user, ujian, *, opd_id=None, jenis=None, jabatan_nama=""):
    """The last scored attempt of each taker of `ujian` that `user` may read, narrowed."""
    qs = Percobaan.objects.visible_to(user).filter(ujian=ujian, dinilai__isnull=False)
    if opd_id:
        qs = qs.filter(opd_id=opd_id)
    if jenis:
        qs = qs.filter(jabatan__jenis=jenis)
    if jabatan_nama:
        qs = qs.filter(jabatan__nama=jabatan_nama)
    last = qs.values("pegawai_id").annotate(n=Max("nomor"))
    keys = {(row["pegawai_id"], row["n"]) for row in last}
    ids = [pk for pk, pid, n in qs.values_list("pk", "pegawai_id", "nomor") if (pid, n) in keys]
    return Percobaan.objects.filter(pk__in=ids)


def distribution(attempts) -> list[Sebaran]:
    """Per competency: takers per level reached, and the share meeting their standard."""
    found: dict[int, Sebaran] = {}
    totals: dict[int, int] = {}
    rows = (
        HasilKompetensi.objects.filter(percobaan__in=attempts)
        .select_related("kompetensi")
        .order_by("kompetensi__kelompok", "kompetensi__urutan")
    )
    for r in rows:
        s = found.setdefault(r.kompetensi_id, Sebaran(r.kompetensi, [0] * 6, 0, 0, 0, None))
        s.per_level[r.level_tercapai] += 1
        s.peserta += 1
        totals[r.kompetensi_id] = totals.get(r.kompetensi_id, 0) + r.level_tercapai
        if r.level_standar is not None:
            s.dengan_standar += 1
            s.memenuhi += r.selisih is not None and r.selisih >= 0
    for kompetensi_id, s in found.items():
        s.rata_rata = (Decimal(totals[kompetensi_id]) / s.peserta).quantize(Decimal("0.01"))
    return list(found.values())


def export_rows(attempts, kompetensi: list[Kompetensi]):
    """One row per taker: who, where, then per competency level / standard / gap."""
    results: dict[int, dict[int, HasilKompetensi]] = {}
    for r in HasilKompetensi.objects.filter(percobaan__in=attempts):
        results.setdefault(r.percobaan_id, {})[r.kompetensi_id] = r
    for p in attempts.select_related("pegawai", "opd", "jabatan").order_by(
        "opd__nama", "pegawai__nama"
    ):
        row = [
            p.pegawai.nip,
            p.pegawai.nama_lengkap,
            p.opd.nama,
            p.jabatan.nama if p.jabatan else "",
            p.jabatan.get_jenis_display() if p.jabatan else "",
            p.diserahkan.date() if p.diserahkan else None,
        ]
        gaps = []
        for k in kompetensi:
            r = results.get(p.pk, {}).get(k.pk)
            row += [r.level_tercapai, r.level_standar, r.selisih] if r else [None, None, None]
            if r and r.selisih is not None and r.selisih < 0:
                gaps.append(f"{k.nama} ({r.selisih})")
        row.append("; ".join(gaps))
        yield row


def export_headers(kompetensi: list[Kompetensi]) -> list[str]:
    headers = ["NIP", "Nama", "OPD", "Jabatan", "Jenis jabatan", "Tanggal"]
    for k in kompetensi:
        headers += [f"{k.nama} — level", f"{k.nama} — standar", f"{k.nama} — selisih"]
    return headers + ["Kesenjangan (kebutuhan pengembangan)"]
