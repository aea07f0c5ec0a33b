"""e-Berkala in the demo: the regency's pay histories (a 2023 snapshot) carried forward to the
day the demo is built, as KGB letters would have done, with each year's SKP; the head of BKD
set up as the signer; and the letters due in the coming months drafted by the same service
the daily job runs. So `make run` shows a populated due list and drafted letters.

Unlike the regency, this part depends on the date it is built: the coming months are those
after today.
"""

import io
import random
from collections import defaultdict
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from sikap.accounts.models import User
from sikap.demo.builders import Builder, Options
from sikap.people.models import Pegawai, RiwayatGaji, RiwayatSkp, StatusPegawai
from sikap.rules.kgb import DasarGaji, first_of_month, hitung
from sikap.salary import selectors, services
from sikap.salary.models import Kgb, KgbTertunda, Penandatangan
from sikap.salary.tables import tables_for

SIGNER_USERNAME = "kepala.bkd"  # the demo's head of BKD (regency builder's staff accounts)
_PREDIKAT = (("sangat_baik", 20), ("baik", 79), ("butuh_perbaikan", 1))


def _exists() -> bool:
    return Penandatangan.objects.exists() or Kgb.objects.exists()


def _signature() -> bytes:
    img = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    points = [(20 + x * 8, 70 + (18 if x % 3 else -22) + (x % 5) * 3) for x in range(40)]
    draw.line(points, fill=(20, 40, 120, 255), width=4, joint="curve")
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _signer(actor) -> str:
    user = User.objects.filter(username=SIGNER_USERNAME).select_related("pegawai").first()
    if user is None:
        return "penandatangan tidak diatur (akun kepala.bkd tidak ada)"
    p = user.pegawai
    ttd = Penandatangan(
        user=user,
        nama=p.nama_lengkap if p else user.get_full_name(),
        nip=p.nip if p else "",
        jabatan="Kepala Badan Kepegawaian Daerah",
        pangkat="Pembina Utama Muda (IV/c)",
    )
    ttd.tanda_tangan.save("ttd.png", ContentFile(_signature()), save=False)
    ttd.save()
    return f"penandatangan {ttd.nama}"


def carry_forward(rng: random.Random, today) -> tuple[int, int, set[int]]:
    """KGB rows from each in-service PNS/CPNS's last pay SK up to this month, and each
    missing year's SKP up to last year; (KGB rows, SKP rows, pegawai ids changed)."""
    tables = tables_for("pns")
    month = first_of_month(today)
    latest: dict[int, RiwayatGaji] = {}
    for row in RiwayatGaji.objects.filter(pegawai__in=selectors.candidates().values("pk")).order_by(
        "pegawai_id", "tmt"
    ):
        latest[row.pegawai_id] = row
    seq: dict[int, int] = defaultdict(int)
    rows = []
    for pid, last in latest.items():
        d = DasarGaji(last.dasar, last.golongan, last.tmt, last.mkg_tahun, last.mkg_bulan,
                      last.gaji_pokok)  # fmt: skip
        while (h := hitung(d, tables)) is not None and h.tmt < month and h.gaji_pokok:
            sk_tanggal = h.tmt - timedelta(days=rng.randint(35, 75))
            seq[sk_tanggal.year] += 1
            nomor = f"822.2/{seq[sk_tanggal.year]:04d}/427.45/{sk_tanggal.year}"
            rows.append(
                RiwayatGaji(
                    pegawai_id=pid, golongan=h.golongan, gaji_pokok=h.gaji_pokok, tmt=h.tmt,
                    mkg_tahun=h.mkg_tahun, mkg_bulan=h.mkg_bulan, dasar=RiwayatGaji.Dasar.KGB,
                    sk_nomor=nomor, sk_tanggal=sk_tanggal,
                )
            )  # fmt: skip
            d = DasarGaji("kgb", h.golongan, h.tmt, h.mkg_tahun, h.mkg_bulan, h.gaji_pokok)
    RiwayatGaji.objects.bulk_create(rows, batch_size=2000)
    have = set(RiwayatSkp.objects.values_list("pegawai_id", "tahun"))
    names, weights = zip(*_PREDIKAT, strict=True)
    skp = [
        RiwayatSkp(pegawai_id=pid, tahun=tahun, predikat=rng.choices(names, weights)[0])
        for pid in sorted(latest)
        for tahun in range(2024, today.year)
        if (pid, tahun) not in have
    ]
    RiwayatSkp.objects.bulk_create(skp, batch_size=2000)
    return len(rows), len(skp), {r.pegawai_id for r in rows}


def _refresh_pay(ids: set[int]) -> None:
    """The current pay on the pegawai record follows the newest history row."""
    newest = {}
    for pid, gaji in (
        RiwayatGaji.objects.filter(pegawai_id__in=ids)
        .order_by("tmt")
        .values_list("pegawai_id", "gaji_pokok")
    ):
        newest[pid] = gaji
    changed = []
    for p in Pegawai.objects.filter(pk__in=ids).exclude(status=StatusPegawai.PPPK):
        p.gaji_pokok = newest[p.pk]
        changed.append(p)
    Pegawai.objects.bulk_update(changed, ["gaji_pokok"], batch_size=2000)


def _build(options: Options) -> str:
    today = timezone.localdate()
    rng = random.Random(options.seed)
    kgb_rows, skp_rows, ids = carry_forward(rng, today)
    _refresh_pay(ids)
    signer = _signer(options.actor)
    summary = services.draft_due(today, actor=options.actor)
    return (
        f"KGB: riwayat gaji dilanjutkan sampai {today:%m-%Y} ({kgb_rows} baris KGB, "
        f"{skp_rows} SKP), {signer}; {summary}."
    )


def _delete() -> None:
    Kgb.objects.all().delete()
    KgbTertunda.objects.all().delete()
    Penandatangan.objects.all().delete()


BUILDER = Builder("Gaji dan KGB", _exists, _build, _delete)
