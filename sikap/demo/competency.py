"""SIJI KOMANDO in the demo: the PermenPANRB 38/2017 dictionary, the 450-item demo bank
(sikap/competency/data/bank), a training catalogue, one test open for everyone, and finished,
scored attempts of a few hundred pegawai with plausible spreads. The pegawai whose log-ins the
demo prints have no attempt, so whoever tries the demo still finds the test open for them.

The answers follow a simple ability model: each taker has an ability per competency around
the level their position requires; the further an item's level lies above it, the likelier a
weaker option (or a wrong key) is chosen."""

import random
from collections import defaultdict
from datetime import timedelta

from django.utils import timezone

from sikap.competency import scoring
from sikap.competency.bank import sidik
from sikap.competency.content import demo_bank, load_kamus
from sikap.competency.models import (
    ButirPercobaan,
    HasilKompetensi,
    Jawaban,
    JenisSoal,
    Kompetensi,
    OpsiJawaban,
    Pelatihan,
    Percobaan,
    Soal,
    Ujian,
    UjianKompetensi,
    VersiSoal,
)
from sikap.competency.standards import Resolver
from sikap.demo.builders import Builder, Options
from sikap.demo.loader import demo_logins
from sikap.people.models import KategoriDiklat, Pegawai

UJIAN = "Uji Mandiri Kompetensi Manajerial dan Sosial Kultural 2026"
PER_LEVEL = 1  # items per competency and level in the demo test: 9 × 5 = 45 items
TAKERS = 300  # at full scale
# (competency codes, name, level range, category, organiser, JP)
PELATIHAN = (
    (("integritas",), "Pelatihan Penguatan Integritas dan Antikorupsi bagi ASN", 1, 3,
     KategoriDiklat.TEKNIS, "BPSDM Provinsi Jawa Timur", 24),
    (("integritas", "pelayanan_publik"), "Pembangunan Zona Integritas menuju WBK/WBBM", 2, 4,
     KategoriDiklat.TEKNIS, "KemenPANRB (daring)", 20),
    (("kerja_sama", "komunikasi"), "Komunikasi Efektif dan Kerja Sama Tim", 1, 2,
     KategoriDiklat.TEKNIS, "BKD Kabupaten Lumajang", 20),
    (("komunikasi",), "Teknik Presentasi dan Penulisan Laporan Dinas", 1, 3,
     KategoriDiklat.SEMINAR, "ASN Unggul (daring)", 12),
    (("komunikasi",), "Komunikasi Publik dan Penanganan Krisis", 3, 5,
     KategoriDiklat.TEKNIS, "LAN RI", 30),
    (("orientasi_hasil",), "Manajemen Kinerja dan Penyusunan SKP", 1, 3,
     KategoriDiklat.TEKNIS, "BKD Kabupaten Lumajang", 16),
    (("orientasi_hasil", "pengambilan_keputusan"), "Pelatihan Kepemimpinan Pengawas (PKP)",
     2, 3, KategoriDiklat.KEPEMIMPINAN, "BPSDM Provinsi Jawa Timur", 270),
    (("orientasi_hasil", "mengelola_perubahan", "kerja_sama"),
     "Pelatihan Kepemimpinan Administrator (PKA)", 3, 4, KategoriDiklat.KEPEMIMPINAN,
     "BPSDM Provinsi Jawa Timur", 390),
    (("pelayanan_publik",), "Pelayanan Prima", 1, 2, KategoriDiklat.TEKNIS,
     "BKD Kabupaten Lumajang", 20),
    (("pelayanan_publik",), "Penyusunan dan Evaluasi Standar Pelayanan", 2, 4,
     KategoriDiklat.TEKNIS, "Ombudsman RI (daring)", 16),
    (("pengembangan_diri",), "Coaching dan Mentoring bagi Atasan Langsung", 2, 4,
     KategoriDiklat.TEKNIS, "LAN RI (daring)", 20),
    (("pengembangan_diri",), "Belajar Mandiri di ASN Unggul: Rencana Pengembangan Diri", 1, 2,
     KategoriDiklat.SEMINAR, "ASN Unggul (daring)", 10),
    (("mengelola_perubahan",), "Manajemen Perubahan dan Inovasi Pelayanan Publik", 2, 4,
     KategoriDiklat.TEKNIS, "LAN RI", 30),
    (("mengelola_perubahan",), "Literasi Digital dan Transformasi Layanan", 1, 3,
     KategoriDiklat.SEMINAR, "Kementerian Kominfo (daring)", 12),
    (("pengambilan_keputusan",), "Analisis Masalah dan Pengambilan Keputusan", 1, 3,
     KategoriDiklat.TEKNIS, "BPSDM Provinsi Jawa Timur", 24),
    (("pengambilan_keputusan", "integritas"), "Pelatihan Kepemimpinan Nasional Tingkat II",
     4, 5, KategoriDiklat.KEPEMIMPINAN, "LAN RI", 500),
)  # fmt: skip


def _exists() -> bool:
    return Ujian.objects.filter(nama=UJIAN).exists()


def _load_bank(kompetensi: dict[str, Kompetensi], actor) -> int:
    items = demo_bank()
    soal = Soal.objects.bulk_create(
        Soal(kode=i.kode, kompetensi=kompetensi[i.kompetensi], level=i.level, jenis=i.jenis)
        for i in items
    )
    versi = VersiSoal.objects.bulk_create(
        VersiSoal(soal=s, nomor=1, teks=i.isi.teks, sidik=sidik(i.isi.teks), dibuat_oleh=actor)
        for s, i in zip(soal, items, strict=True)
    )
    OpsiJawaban.objects.bulk_create(
        (
            OpsiJawaban(versi=v, urutan=n, teks=o.teks, benar=o.benar, skor=o.skor)
            for v, i in zip(versi, items, strict=True)
            for n, o in enumerate(i.isi.opsi, 1)
        ),
        batch_size=2000,
    )
    for s, v in zip(soal, versi, strict=True):
        s.terkini = v
    Soal.objects.bulk_update(soal, ["terkini"], batch_size=1000)
    return len(items)


def _catalogue(kompetensi: dict[str, Kompetensi]) -> None:
    for kodes, nama, dari, sampai, kategori, penyelenggara, jp in PELATIHAN:
        p = Pelatihan.objects.create(
            nama=nama, level_dari=dari, level_sampai=sampai, kategori=kategori,
            penyelenggara=penyelenggara, jp=jp,
        )  # fmt: skip
        p.kompetensi.set([kompetensi[k] for k in kodes])


def _test(kompetensi: dict[str, Kompetensi], now, actor) -> Ujian:
    ujian = Ujian.objects.create(
        nama=UJIAN,
        keterangan=(
            "Uji mandiri kompetensi manajerial dan sosial kultural (PermenPANRB 38/2017): 45 "
            "soal, satu soal per layar. Hasilnya dibandingkan dengan standar kompetensi jabatan "
            "Anda dan tidak memengaruhi penilaian resmi."
        ),
        durasi_menit=50,
        dibuka=now - timedelta(days=21),
        ditutup=now + timedelta(days=21),
        terbit=True,
        dibuat_oleh=actor,
    )
    UjianKompetensi.objects.bulk_create(
        UjianKompetensi(ujian=ujian, kompetensi=k, jumlah_soal=5 * PER_LEVEL)
        for k in kompetensi.values()
        if k.kelompok != "teknis"
    )
    return ujian


def _choose(rng: random.Random, jenis: str, opsi: list[tuple[int, bool, int | None]], gap: float):
    """An option for an item `gap` levels above the taker's ability (negative: below)."""
    if jenis == JenisSoal.PILIHAN_GANDA:
        p_right = min(0.95, max(0.15, 0.8 - 0.25 * gap))
        keys = [o for o in opsi if o[1]]
        others = [o for o in opsi if not o[1]]
        return (keys if rng.random() < p_right else others)[0 if rng.random() < 0.5 else -1][0]
    wanted = 5 - max(0.0, gap) * 1.4 + rng.gauss(0, 0.9)
    return min(opsi, key=lambda o: (abs((o[2] or 0) - wanted), o[0]))[0]


def _attempts(ujian: Ujian, rng: random.Random, scale: float, now) -> tuple[int, int]:
    pool = list(
        Pegawai.objects.in_service()
        .filter(jabatan__isnull=False)
        .exclude(akun__username__in=[login.username for login in demo_logins()])
        .select_related("jabatan")
        .order_by("pk")
    )
    takers = rng.sample(pool, min(len(pool), max(20, round(TAKERS * scale))))
    bagian = list(ujian.bagian.values_list("kompetensi_id", flat=True))
    bank: dict[tuple[int, int], list[int]] = defaultdict(list)
    jenis_of: dict[int, str] = {}
    for kompetensi_id, level, versi_id, jenis in Soal.objects.filter(
        kompetensi_id__in=bagian
    ).values_list("kompetensi_id", "level", "terkini_id", "jenis"):
        bank[(kompetensi_id, level)].append(versi_id)
        jenis_of[versi_id] = jenis
    options: dict[int, list[tuple[int, bool, int | None]]] = defaultdict(list)
    for versi_id, pk, benar, skor in OpsiJawaban.objects.filter(
        versi_id__in=list(jenis_of)
    ).values_list("versi_id", "pk", "benar", "skor"):
        options[versi_id].append((pk, benar, skor))
    resolver = Resolver()
    resolver.prefetch(p.jabatan_id for p in takers)
    attempts = []
    for p in takers:
        start = ujian.dibuka + timedelta(
            minutes=rng.randint(60, int((now - ujian.dibuka).total_seconds() // 60) - 60)
        )
        attempts.append(
            Percobaan(
                ujian=ujian, pegawai=p, opd_id=p.opd_id, jabatan=p.jabatan,
                status=Percobaan.Status.DISERAHKAN, dimulai=start,
                batas_waktu=start + timedelta(minutes=ujian.durasi_menit),
                diserahkan=start + timedelta(minutes=rng.randint(14, 44)),
                jumlah_soal=5 * PER_LEVEL * len(bagian), posisi=5 * PER_LEVEL * len(bagian) - 1,
            )
        )  # fmt: skip
    attempts = Percobaan.objects.bulk_create(attempts)
    butir, chosen = [], []
    for p in attempts:
        drawn = []
        for kompetensi_id in bagian:
            standar = resolver.for_jabatan(p.jabatan, kompetensi_id).level or 2
            ability = standar + rng.gauss(-0.2, 0.9)
            for level in range(1, 6):
                for versi_id in rng.sample(bank[(kompetensi_id, level)], PER_LEVEL):
                    drawn.append((kompetensi_id, level, versi_id, level - ability))
        rng.shuffle(drawn)
        for urutan, (kompetensi_id, level, versi_id, gap) in enumerate(drawn):
            order = [o[0] for o in options[versi_id]]
            rng.shuffle(order)
            b = ButirPercobaan(
                percobaan=p, urutan=urutan, versi_id=versi_id, kompetensi_id=kompetensi_id,
                level=level, urutan_opsi=order,
            )  # fmt: skip
            butir.append(b)
            if rng.random() < 0.97:  # now and then an item is left unanswered
                chosen.append((b, _choose(rng, jenis_of[versi_id], options[versi_id], gap)))
    ButirPercobaan.objects.bulk_create(butir, batch_size=2000)
    Jawaban.objects.bulk_create(
        (
            Jawaban(percobaan_id=b.percobaan_id, butir=b, opsi_id=opsi, dijawab=b.percobaan.dimulai)
            for b, opsi in chosen
        ),
        batch_size=2000,
    )
    scoring.score([p.pk for p in attempts], resolver)
    return len(attempts), len(butir)


def _build(options: Options) -> str:
    rng = random.Random(options.seed + 14)
    now = timezone.now()
    n_kompetensi = load_kamus()
    kompetensi = {k.kode: k for k in Kompetensi.objects.all()}
    n_soal = _load_bank(kompetensi, options.actor)
    _catalogue(kompetensi)
    ujian = _test(kompetensi, now, options.actor)
    n_attempts, n_butir = _attempts(ujian, rng, options.scale, now)
    return (
        f"Uji kompetensi: kamus {n_kompetensi} kompetensi, bank {n_soal} soal, "
        f"{Pelatihan.objects.count()} pelatihan di katalog, ujian terbuka '{ujian.nama}', "
        f"{n_attempts} percobaan selesai ({n_butir} butir) dinilai."
    )


def _delete() -> None:
    HasilKompetensi.objects.all().delete()
    Percobaan.objects.all().delete()
    Ujian.objects.all().delete()
    Pelatihan.objects.all().delete()
    Soal.objects.update(terkini=None)
    Soal.objects.all().delete()


BUILDER = Builder("Uji kompetensi", _exists, _build, _delete)
