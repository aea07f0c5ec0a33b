"""e-Pangkat in the demo: the ujian dinas records of the regency's II/d and III/d PNS (most have
passed), the next KP period still open for proposals (and the one after it), and proposals of
that period opened from its eligibility list in several states — draft, submitted, returned
with a BTL document, complete, forwarded to BKN with its pertek, SK recorded — all moved by the
same services and workflow the pages use, as each OPD's admin, the verifier and admin BKD.

Like the KGB part it depends on the build date: the open period is the first after today.
"""

import hashlib
import random
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Max
from django.utils import timezone

from sikap.accounts.models import User
from sikap.core.models import CaseEvent
from sikap.demo.builders import Builder, Options
from sikap.demo.generator import admin_opd_username
from sikap.demo.samples import sample_pdf
from sikap.documents.models import Dokumen
from sikap.people.models import Pegawai, StatusPegawai
from sikap.promotion import selectors, services
from sikap.promotion.models import PeriodeKp, UjianDinas, UsulanKp
from sikap.rules import promotion as rule
from sikap.rules.kgb import mkg_setelah_kp
from sikap.salary.config import aturan

VERIFIKATOR, ADMIN_BKD = "verifikator", "admin.bkd"
# The admin OPD's scans of the missing documents: one stored sample per type, as the documents
# demo does (an upload per document would trip the per-minute upload limit of one account).
FOLDER = "dokumen/demo-kp/"
# How many proposals end in each state (the rest of the eligible stay on the list).
PLAN = (
    ("draf", 3),
    ("diajukan", 3),
    ("dikembalikan", 2),
    ("lengkap", 1),
    ("diteruskan", 2),
    ("sk_terbit", 1),
)
BTL_REASONS = ("Berkas buram, tidak terbaca", "Belum ditandatangani pejabat berwenang")


def _exists() -> bool:
    return PeriodeKp.objects.exists()


def _next_periods(today, count: int):
    found = []
    for year in (today.year, today.year + 1, today.year + 2):
        found += [d for d in rule.periode_tahun(year) if d > today + timedelta(days=10)]
    return found[:count]


def _ujian(rng: random.Random) -> int:
    rows = []
    for pid, golongan, tmt in (
        Pegawai.objects.in_service()
        .filter(
            status=StatusPegawai.PNS, golongan__in=["II/d", "III/d"], tmt_golongan__isnull=False
        )
        .values_list("pk", "golongan", "tmt_golongan")
    ):
        if rng.random() < 0.7:
            tingkat = "I" if golongan == "II/d" else "II"
            tanggal = tmt + timedelta(days=rng.randint(200, 900))
            rows.append(UjianDinas(pegawai_id=pid, tingkat=tingkat, tanggal=tanggal,
                                   nomor=f"STLUD/{tingkat}/{pid:05d}/{tanggal.year}"))  # fmt: skip
    UjianDinas.objects.bulk_create(rows)
    return len(rows)


def _pdf(title: str, pegawai) -> SimpleUploadedFile:
    data = sample_pdf(title, [pegawai.nama_lengkap, f"NIP {pegawai.nip}"])
    return SimpleUploadedFile(f"{title}.pdf", data, content_type="application/pdf")


def _scan(jenis) -> tuple[str, bytes]:
    name = f"{FOLDER}{jenis.kode}.pdf"
    data = sample_pdf(jenis.nama.upper(), ["Salinan sesuai aslinya"])
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(data))
    return name, data


def _into_file(berkas, admin) -> Dokumen:
    """The admin OPD's scan of a missing document, put into the pegawai's digital file as a new
    current version waiting for verification."""
    usulan, jenis = berkas.usulan, berkas.syarat.jenis_dokumen
    riwayat = services.riwayat_for(berkas.syarat, usulan.pegawai, usulan.periode)
    same = Dokumen.objects.filter(
        pegawai=usulan.pegawai, jenis=jenis, riwayat_id=riwayat.pk if riwayat else None
    )
    versi = (same.aggregate(n=Max("versi"))["n"] or 0) + 1
    same.filter(aktif=True).update(aktif=False)
    name, data = _scan(jenis)
    return Dokumen.objects.create(
        pegawai=usulan.pegawai, jenis=jenis, file=name, format="pdf",
        nama_asli=f"{jenis.kode}.pdf", sha256=hashlib.sha256(data).hexdigest(), ukuran=len(data),
        mime="application/pdf", versi=versi, aktif=True,
        riwayat_kind=jenis.riwayat_kind if riwayat else "",
        riwayat_id=riwayat.pk if riwayat else None,
        uploaded_by=admin, state=Dokumen.Status.MENUNGGU,
    )  # fmt: skip


def _chosen(periode: PeriodeKp, wanted: int) -> list:
    """The first eligible pegawai of each OPD in turn, so the proposals spread over OPDs."""
    by_opd: dict[int, list] = {}
    for c in selectors.daftar(periode, Pegawai.objects.all()):
        if c.memenuhi and c.opd_id:
            by_opd.setdefault(c.opd_id, []).append(c)
    chosen, queues = [], list(by_opd.values())
    while queues and len(chosen) < wanted:
        for q in list(queues):
            if q and len(chosen) < wanted:
                chosen.append(q.pop(0))
            if not q:
                queues.remove(q)
    return chosen


def _advance(usulan: UsulanKp, target: str, users: dict, rng: random.Random, today) -> None:
    admin, verif, bkd = users["opd"], users["verif"], users["bkd"]
    pegawai = usulan.pegawai
    missing = list(usulan.berkas.filter(aktif=True, dokumen__isnull=True))
    keep_missing = missing[:1] if target == "draf" else []
    for b in missing:
        if b not in keep_missing:
            services.pilih_dokumen(b, _into_file(b, admin).pk, actor=admin)
    if target == "draf":
        return
    usulan = services.jalankan(usulan, "ajukan", actor=admin)
    if target == "diajukan":
        return
    rows = list(usulan.berkas.filter(aktif=True))
    for i, b in enumerate(rows):
        returned = target == "dikembalikan" and i == len(rows) - 1
        services.periksa_berkas(
            b, diterima=not returned, alasan=rng.choice(BTL_REASONS) if returned else "",
            actor=verif,
        )  # fmt: skip
    if target == "dikembalikan":
        services.jalankan(usulan, "kembalikan", actor=verif)
        return
    usulan = services.jalankan(usulan, "lengkap", actor=verif)
    if target == "lengkap":
        return
    usulan = services.jalankan(usulan, "teruskan", actor=verif)
    nomor = f"PERTEK-KP/{usulan.pk:05d}/{today.year}"
    usulan = services.catat_pertek(usulan, nomor=nomor, tanggal=today, actor=verif)
    if target == "diteruskan":
        return
    dasar = pegawai.riwayat_gaji.order_by("-tmt").first()
    mkg = (dasar.mkg_tahun, dasar.mkg_bulan) if dasar else (0, 0)
    mkg = mkg_setelah_kp(usulan.golongan_asal, usulan.golongan_tujuan, *mkg, aturan())
    services.catat_sk(
        usulan, nomor=f"823.3/{usulan.pk:04d}/427.45/{today.year}", tanggal=today,
        tmt=usulan.periode.tanggal, golongan=usulan.golongan_tujuan, mkg_tahun=mkg[0],
        mkg_bulan=mkg[1], berkas=_pdf("sk-kp", pegawai), actor=bkd,
    )  # fmt: skip


def _build(options: Options) -> str:
    today = timezone.localdate()
    rng = random.Random(options.seed)
    ujian = _ujian(rng)
    dates = _next_periods(today, 2)
    periods = [
        PeriodeKp.objects.create(
            tanggal=d, batas_usul=max(today, d - timedelta(days=10)), keterangan="Demo"
        )
        for d in dates
    ]
    open_period = periods[0]
    verif = User.objects.filter(username=VERIFIKATOR).first()
    bkd = User.objects.filter(username=ADMIN_BKD).first()
    if verif is None or bkd is None:
        return f"KP: {len(periods)} periode, {ujian} ujian dinas; akun BKD demo tidak ada."
    wanted = sum(n for _, n in PLAN)
    chosen = _chosen(open_period, wanted)
    targets = [state for state, n in PLAN for _ in range(n)]
    made = 0
    for calon, target in zip(chosen, targets, strict=False):
        pegawai = Pegawai.objects.select_related("opd").get(pk=calon.pegawai_id)
        admin = User.objects.filter(username=admin_opd_username(pegawai.opd.kode)).first()
        if admin is None:
            continue
        usulan = services.buka_usulan(open_period, pegawai, rule.REGULER, actor=admin)
        _advance(usulan, target, {"opd": admin, "verif": verif, "bkd": bkd}, rng, today)
        made += 1
    return (
        f"KP: periode {open_period.tanggal:%d-%m-%Y} dibuka (batas "
        f"{open_period.batas_usul:%d-%m-%Y}) dan {len(periods) - 1} berikutnya, {ujian} ujian "
        f"dinas, {made} usul dalam berbagai status."
    )


def _delete() -> None:
    sk = list(UsulanKp.objects.exclude(sk_dokumen=None).values_list("sk_dokumen", flat=True))
    ids = [str(pk) for pk in UsulanKp.objects.values_list("pk", flat=True)]
    CaseEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(UsulanKp), object_id__in=ids
    ).delete()
    UsulanKp.objects.all().delete()
    for dokumen in Dokumen.objects.filter(pk__in=sk):
        default_storage.delete(dokumen.file.name)
    Dokumen.objects.filter(pk__in=sk).delete()
    Dokumen.objects.filter(file__startswith=FOLDER).delete()
    PeriodeKp.objects.all().delete()
    UjianDinas.objects.all().delete()


BUILDER = Builder("Kenaikan pangkat", _exists, _build, _delete)
