"""SIMANTUN TANDUK in the demo: positions whose BUP the regulation sets above 58 get it (JPT
and ahli madya 60, ahli utama 65, guru 60), then the BUP files the daily job would have opened
for the coming months, taken through the workflow by the demo's own accounts to several steps
(dokumen dilengkapi … SK terbit), so the projection, the files list, the inbox and a pegawai's
tracker all show something. The pension-only documents a file needs (statements, daftar
keluarga) are stored once per type, as the documents builder does.

Like the KGB builder this depends on the day it is built: the coming months are those after
today. The population registry is not asked while building (the stand-in may not be running);
"Periksa ulang" on a file asks it.
"""

import hashlib
import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Q
from django.utils import timezone

from sikap.accounts import access
from sikap.accounts.models import User
from sikap.demo.builders import Builder, Options
from sikap.demo.samples import sample_pdf, sample_png
from sikap.documents.models import FORMATS, Dokumen
from sikap.org.models import Jabatan
from sikap.pension import selectors, services
from sikap.pension.models import BerkasPensiun, LampiranBerkas
from sikap.people.models import Kedudukan, Pegawai
from sikap.rules.pension import bup_jabatan

FOLDER = "dokumen/demo-pensiun/"
L = LampiranBerkas.Status
# How far each opened file is taken, in order of TMT (the nearest furthest along).
STAGES = ("sk_terbit", "pertek", "dikirim_bkn", "diverifikasi", "diajukan", "dikembalikan",
          "dpcp_dikonfirmasi")  # fmt: skip
PER_STAGE = 3  # files taken to each stage; the rest stay just opened, as most are


def _exists() -> bool:
    return BerkasPensiun.objects.exists()


def _set_bup_by_position() -> int:
    """The regulation's BUP (`rules.pension.bup_jabatan`) on the regency's positions, which the
    regency builder creates at the model's default."""
    changed = []
    for jabatan in Jabatan.objects.only("pk", "jenis", "nama", "bup"):
        bup = bup_jabatan(jabatan.jenis, jabatan.nama)
        if jabatan.bup != bup:
            jabatan.bup = bup
            changed.append(jabatan)
    Jabatan.objects.bulk_update(changed, ["bup"], batch_size=500)
    return len(changed)


def _sample(jenis) -> tuple[str, str, bytes]:
    if "pdf" in jenis.formats:
        name, fmt = f"{FOLDER}{jenis.kode}.pdf", "pdf"
        data = sample_pdf(jenis.nama.upper(), ["Salinan sesuai aslinya"])
    else:
        name, fmt, data = f"{FOLDER}{jenis.kode}.png", "png", sample_png()
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(data))
    return name, fmt, data


def _fill(berkas: BerkasPensiun, uploader) -> None:
    """What the admin OPD would upload: the required items still empty, attached."""
    samples = {}
    for item in berkas.lampiran.filter(wajib=True, status=L.KOSONG).select_related("jenis_dokumen"):
        jenis = item.jenis_dokumen
        if jenis.pk not in samples:
            samples[jenis.pk] = _sample(jenis)
        name, fmt, data = samples[jenis.pk]
        versi = Dokumen.objects.filter(pegawai=berkas.pegawai, jenis=jenis).count() + 1
        Dokumen.objects.filter(pegawai=berkas.pegawai, jenis=jenis, aktif=True).update(aktif=False)
        dokumen = Dokumen.objects.create(
            pegawai=berkas.pegawai, jenis=jenis, file=name, format=fmt,
            nama_asli=f"{jenis.kode}{FORMATS[fmt].extension}",
            sha256=hashlib.sha256(data).hexdigest(), ukuran=len(data), mime=FORMATS[fmt].mime,
            versi=versi, aktif=True, uploaded_by=uploader,
            state=Dokumen.Status.TANPA_VERIFIKASI,
        )  # fmt: skip
        LampiranBerkas.objects.filter(pk=item.pk).update(dokumen=dokumen, status=L.MENUNGGU)


def _advance(berkas: BerkasPensiun, stage: str, rng: random.Random) -> None:
    opd_admin = access.admin_opd_accounts(berkas.pegawai.opd_id).order_by("pk").first()
    pegawai = User.objects.filter(pegawai=berkas.pegawai, is_active=True).first()
    verifier = access.verifikator_accounts().order_by("pk").first()
    bkd = access.admin_bkd_accounts().order_by("pk").first()
    order = ["dibuka", *reversed(STAGES)]
    reach = order.index(stage)
    if reach < order.index("dpcp_dikonfirmasi") or not (opd_admin and pegawai and verifier):
        return
    berkas = services.confirm_dpcp(berkas, actor=pegawai)
    if reach < order.index("dikembalikan"):
        return
    _fill(berkas, opd_admin)
    berkas = services.submit(berkas, actor=opd_admin)
    items = list(berkas.lampiran.exclude(status=L.KOSONG).select_related("jenis_dokumen"))
    if stage == "dikembalikan":
        returned = rng.choice(items)
        reason = "Pindaian buram; unggah ulang dengan resolusi lebih tinggi."
        services.review(returned, actor=verifier, accept=False, reason=reason)
        services.send_back(berkas, actor=verifier, reason=f"{returned.jenis_dokumen.nama} buram.")
        return
    if stage == "diajukan":
        return
    for item in items:
        services.review(item, actor=verifier, accept=True)
    berkas = services.step(berkas, "verifikasi", actor=verifier)
    if reach < order.index("dikirim_bkn"):
        return
    berkas = services.step(berkas, "kirim_bkn", actor=verifier)
    if reach < order.index("pertek"):
        return
    today = timezone.localdate()
    berkas = services.record_pertek(
        berkas, actor=verifier, nomor=f"AR-13.03/{rng.randint(100, 999):05d}/KEP/{today.year}",
        tanggal=today - timedelta(days=rng.randint(3, 20)),
    )  # fmt: skip
    if reach < order.index("sk_terbit") or bkd is None:
        return
    data = sample_pdf("KEPUTUSAN BUPATI TENTANG PEMBERHENTIAN DENGAN HAK PENSIUN", ["Contoh"])
    services.record_sk(
        berkas, actor=bkd, nomor=f"800.1.6.3/{berkas.pk:04d}/427.45/{today.year}",
        tanggal=today - timedelta(days=1), tmt=berkas.tmt_pensiun,
        uploaded_file=ContentFile(data, name="sk-pensiun.pdf"),
    )  # fmt: skip


def _retire_past(today) -> int:
    """The regency is a 2023 snapshot: those whose TMT pensiun has come since have retired, as
    the pension process would have recorded (like the KGB builder carrying pay forward)."""
    past = [r.pegawai.pk for r in selectors.projections(selectors.candidates(), today)
            if r.tmt is not None and r.tmt <= today]  # fmt: skip
    return Pegawai.objects.filter(pk__in=past).update(kedudukan=Kedudukan.PENSIUN)


def _build(options: Options) -> str:
    rng = random.Random(options.seed + 13)
    bup_changed = _set_bup_by_position()
    today = timezone.localdate()
    retired = _retire_past(today)
    summary = services.open_due(today, actor=options.actor, check_registry=False)
    files = list(BerkasPensiun.objects.select_related("pegawai__opd").order_by("tmt_pensiun", "pk"))
    # At most two files in three move on, each to the next stage in turn: every stage shows
    # up even in a small demo, and most files stay just opened, as most are.
    moving = min(PER_STAGE * len(STAGES), len(files) * 2 // 3)
    for i, berkas in enumerate(files[:moving]):
        _advance(berkas, STAGES[i % len(STAGES)], rng)
    due, _ = selectors.due(selectors.candidates(), today)
    states = {}
    for b in BerkasPensiun.objects.all():
        states[b.get_status_display()] = states.get(b.get_status_display(), 0) + 1
    example = BerkasPensiun.objects.exclude(state="dibuka").order_by("tmt_pensiun").first()
    shown = ", ".join(f"{n} {label.lower()}" for label, n in sorted(states.items()))
    return (
        f"Pensiun: BUP {bup_changed} jabatan disesuaikan, {retired} pegawai yang TMT-nya sudah "
        f"lewat berkedudukan pensiun; {len(due)} pegawai mencapai BUP dalam "
        f"{selectors.window_months()} bulan; {summary.dibuka} berkas dibuka ({shown})"
        + (f"; contoh pegawai: NIP {example.pegawai.nip}" if example else "")
        + "."
    )


def _delete() -> None:
    from sikap.core.models import CaseEvent

    ids = [str(pk) for pk in BerkasPensiun.objects.values_list("pk", flat=True)]
    CaseEvent.objects.filter(content_type__app_label="pension", object_id__in=ids).delete()
    sk = list(BerkasPensiun.objects.exclude(sk_dokumen=None).values_list("sk_dokumen", flat=True))
    BerkasPensiun.objects.all().delete()
    Dokumen.objects.filter(Q(file__startswith=FOLDER) | Q(pk__in=sk)).delete()


BUILDER = Builder("Pensiun", _exists, _build, _delete)
