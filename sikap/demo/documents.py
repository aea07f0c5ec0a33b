"""The demo regency's digital personnel files: most pegawai have every mandatory document, some
lack one to three, a few have one rejected with a reason or waiting for verification, so that
the completeness pages and the verification queue show what a real BKD sees.

Fast at 5,800 pegawai: one sample file per document type (sikap/demo/samples.py) is stored
once under `dokumen/demo/` and every row of that type points to it, and the rows are written
in bulk. The demo's files are never edited in place: a new upload is a new file, as always.
"""

import hashlib
import random
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from sikap.accounts.models import Peran, User
from sikap.core.models import CaseEvent
from sikap.demo.builders import Builder, Options
from sikap.demo.samples import sample_pdf, sample_png
from sikap.documents import ringkasan
from sikap.documents.models import FORMATS, Dokumen, JenisDokumen, Wajib
from sikap.people.models import AnggotaKeluarga, Pegawai, RiwayatPendidikan, StatusKawin

FOLDER = "dokumen/demo/"
Status = Dokumen.Status
COMPLETE = 0.74  # share of pegawai with every mandatory document
REJECTED = 0.01  # share of documents needing verification that were rejected
WAITING = 0.03  # … and that still wait for it
REASONS = (
    "Berkas buram, tulisan tidak terbaca. Pindai ulang dengan resolusi lebih tinggi.",
    "Halaman kedua tidak ada. Unggah dokumen lengkap.",
    "Nama pada dokumen berbeda dengan data kepegawaian.",
    "Dokumen sudah tidak berlaku. Unggah yang terbaru.",
)
# What the sample of each type says (besides its name); the rest get a generic line.
LINES = {
    "ktp": ["Provinsi Jawa Timur", "NIK: contoh", "Berlaku: seumur hidup"],
    "kk": ["Nomor KK: contoh", "Kepala keluarga: contoh"],
    "ijazah": ["Diberikan kepada: contoh", "Lulus dengan predikat: memuaskan"],
    "sk_cpns": ["Keputusan Bupati tentang pengangkatan calon pegawai negeri sipil"],
    "sk_pns": ["Keputusan Bupati tentang pengangkatan pegawai negeri sipil"],
    "sk_pppk": ["Perjanjian kerja pegawai pemerintah dengan perjanjian kerja"],
}


@dataclass(frozen=True)
class _Sample:
    name: str  # stored file name
    format: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _exists() -> bool:
    return Dokumen.objects.filter(file__startswith=FOLDER).exists()


def _samples(types: list[JenisDokumen]) -> dict[int, _Sample]:
    """One stored sample per type: a PDF, or a PNG where the type takes no PDF (pas foto)."""
    samples = {}
    for jenis in types:
        if "pdf" in jenis.formats:
            lines = LINES.get(jenis.kode, ["Salinan sesuai aslinya"])
            sample = _Sample(
                f"{FOLDER}{jenis.kode}.pdf", "pdf", sample_pdf(jenis.nama.upper(), lines)
            )
        else:
            sample = _Sample(f"{FOLDER}{jenis.kode}.png", "png", sample_png())
        if default_storage.exists(sample.name):
            default_storage.delete(sample.name)
        default_storage.save(sample.name, ContentFile(sample.data))
        samples[jenis.pk] = sample
    return samples


def _applies(jenis: JenisDokumen, pegawai, married: bool, child: int | None) -> bool:
    match jenis.wajib_untuk:
        case Wajib.SEMUA:
            return True
        case Wajib.PNS_CPNS:
            return pegawai.status in ("pns", "cpns")
        case Wajib.PNS | Wajib.PPPK:
            return pegawai.status == jenis.wajib_untuk
        case Wajib.KAWIN:
            return married
        case Wajib.PUNYA_ANAK:
            return child is not None
    return False


def _build(options: Options) -> str:
    rng = random.Random(options.seed)
    types = list(JenisDokumen.objects.filter(aktif=True).exclude(wajib_untuk=Wajib.TIDAK))
    samples = _samples(types)
    people = list(
        Pegawai.objects.still_employed().order_by("pk").only("pk", "status", "status_kawin")
    )
    # The history rows documents attach to: the latest education, a spouse, a child.
    ijazah = dict(
        RiwayatPendidikan.objects.order_by("pegawai_id", "tahun_lulus").values_list(
            "pegawai_id", "pk"
        )
    )
    family = AnggotaKeluarga.objects.order_by("pk").values_list("pegawai_id", "hubungan", "pk")
    spouse, child = {}, {}
    for pegawai_id, hubungan, pk in family:
        target = child if hubungan == AnggotaKeluarga.Hubungan.ANAK else spouse
        target.setdefault(pegawai_id, pk)
    docs, reasons = [], []
    for p in people:
        married = p.status_kawin == StatusKawin.KAWIN and p.pk in spouse
        wanted = [j for j in types if _applies(j, p, married, child.get(p.pk))]
        if rng.random() >= COMPLETE:
            for jenis in rng.sample(wanted, min(len(wanted), rng.randint(1, 3))):
                wanted.remove(jenis)
        for jenis in wanted:
            riwayat_id = None
            if jenis.riwayat_kind == "pendidikan":
                riwayat_id = ijazah.get(p.pk)
            elif jenis.riwayat_kind == "keluarga":
                riwayat_id = (spouse if jenis.wajib_untuk == Wajib.KAWIN else child).get(p.pk)
            if jenis.riwayat_kind and riwayat_id is None:
                continue  # nothing to attach it to: the pegawai lacks it, as in life
            state = Status.TANPA_VERIFIKASI
            if jenis.perlu_verifikasi:
                draw = rng.random()
                state = (
                    Status.DITOLAK
                    if draw < REJECTED
                    else Status.MENUNGGU
                    if draw < REJECTED + WAITING
                    else Status.TERVERIFIKASI
                )
            sample = samples[jenis.pk]
            docs.append(
                Dokumen(
                    pegawai_id=p.pk,
                    jenis=jenis,
                    file=sample.name,
                    format=sample.format,
                    nama_asli=f"{jenis.kode}{FORMATS[sample.format].extension}",
                    sha256=sample.sha256,
                    ukuran=len(sample.data),
                    mime=FORMATS[sample.format].mime,
                    versi=1,
                    aktif=True,
                    riwayat_kind=jenis.riwayat_kind if riwayat_id else "",
                    riwayat_id=riwayat_id,
                    uploaded_by=None,
                    state=state,
                )
            )
            if state == Status.DITOLAK:
                reasons.append(rng.choice(REASONS))
    with transaction.atomic():
        Dokumen.objects.bulk_create(docs, batch_size=2000)
        ringkasan.usang({d.pegawai_id for d in docs})
        verifier = User.objects.filter(peran=Peran.VERIFIKATOR).order_by("pk").first()
        kind = ContentType.objects.get_for_model(Dokumen)
        rejected = [d for d in docs if d.state == Status.DITOLAK]
        CaseEvent.objects.bulk_create(
            CaseEvent(
                content_type=kind,
                object_id=str(d.pk),
                transition="tolak",
                label="Tolak",
                from_state=Status.MENUNGGU,
                to_state=Status.DITOLAK,
                actor=verifier or options.actor,
                reason=reason,
            )
            for d, reason in zip(rejected, reasons, strict=True)
        )
    waiting = sum(d.state == Status.MENUNGGU for d in docs)
    return (
        f"Arsip digital demo: {len(docs)} dokumen untuk {len(people)} pegawai "
        f"({len(rejected)} ditolak, {waiting} menunggu verifikasi)."
    )


def _delete() -> None:
    ids = [
        str(pk)
        for pk in Dokumen.objects.filter(file__startswith=FOLDER).values_list("pk", flat=True)
    ]
    kind = ContentType.objects.get_for_model(Dokumen)
    for start in range(0, len(ids), 5000):
        CaseEvent.objects.filter(
            content_type=kind, object_id__in=ids[start : start + 5000]
        ).delete()
    Dokumen.objects.filter(file__startswith=FOLDER).delete()
    for name in default_storage.listdir(FOLDER.rstrip("/"))[1]:
        default_storage.delete(FOLDER + name)


BUILDER = Builder("Arsip digital", _exists, _build, _delete)
