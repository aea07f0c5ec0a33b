"""Reads of the digital personnel file that need more than `visible_to`: one pegawai's arsip as
the page shows it — every type with its current and older versions, what is mandatory, what
is missing, and why a version was rejected. Callers have already checked visibility."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from sikap.core.models import CaseEvent
from sikap.documents import completeness
from sikap.documents.models import Dokumen, JenisDokumen, Wajib
from sikap.people.models import RIWAYAT_MODELS, Pegawai
from sikap.rules.formatting import tanggal

Status = Dokumen.Status

# How one history row is named in a select list and next to its document.
RIWAYAT_LABELS = {
    "pangkat": lambda r: f"{r.golongan}, TMT {tanggal(r.tmt)}",
    "jabatan": lambda r: f"{r.nama_jabatan}, TMT {tanggal(r.tmt)}",
    "pendidikan": lambda r: f"{r.get_tingkat_display()} {r.nama_sekolah} ({r.tahun_lulus})",
    "diklat": lambda r: f"{r.nama} ({r.tanggal_mulai.year})",
    "skp": lambda r: f"SKP tahun {r.tahun}",
    "hukdis": lambda r: f"{r.jenis}, TMT {tanggal(r.tmt)}",
    "gaji": lambda r: f"{r.golongan}, TMT {tanggal(r.tmt)}",
    "keluarga": lambda r: f"{r.get_hubungan_display()}: {r.nama}",
}


def riwayat_rows(pegawai: Pegawai, kind: str) -> list:
    return list(RIWAYAT_MODELS[kind].objects.filter(pegawai=pegawai))


@dataclass
class Versi:
    dokumen: Dokumen
    riwayat: str  # the history row it belongs to, as a label ("" when none)
    alasan: str  # why it was rejected ("" unless rejected)


@dataclass
class Section:
    jenis: JenisDokumen
    current: list[Versi]
    old: list[Versi]
    wajib: bool
    form: object = None  # the upload form, set by the view for those who may upload
    error: str = ""  # why the last upload into this section failed (set by the view)

    @property
    def present(self) -> bool:
        return any(v.dokumen.state != Status.DITOLAK for v in self.current)


@dataclass
class Arsip:
    sections: list[Section]
    riwayat_rows: dict[str, list] = field(default_factory=dict)

    @property
    def required(self) -> list[Section]:
        return [s for s in self.sections if s.wajib]

    @property
    def missing(self) -> list[Section]:
        return [s for s in self.required if not s.present]


def arsip(pegawai: Pegawai, *, with_choices: bool) -> Arsip:
    """Active types, and inactive ones the pegawai still has documents of. `with_choices` also
    loads the history rows every active type can attach to (for upload forms). A fixed number
    of queries, whatever the number of documents."""
    types = list(
        JenisDokumen.objects.filter(Q(aktif=True) | Q(dokumen__pegawai=pegawai)).distinct()
    )
    docs = list(
        Dokumen.objects.filter(pegawai=pegawai)
        .select_related("uploaded_by")
        .order_by("-aktif", "-versi", "-id")
    )
    mandatory = [t for t in types if t.aktif and t.wajib_untuk != Wajib.TIDAK]
    wajib = {t.pk for t in completeness.applicable_types(pegawai, mandatory)}
    kinds = {d.riwayat_kind for d in docs if d.riwayat_kind}
    if with_choices:
        kinds |= {t.riwayat_kind for t in types if t.aktif and t.riwayat_kind}
    rows = {kind: riwayat_rows(pegawai, kind) for kind in kinds}
    labels = {(k, r.pk): RIWAYAT_LABELS[k](r) for k, items in rows.items() for r in items}
    reasons = rejection_reasons(docs)

    def versi(d: Dokumen) -> Versi:
        label = labels.get((d.riwayat_kind, d.riwayat_id), "riwayat telah dihapus")
        return Versi(d, label if d.riwayat_id else "", reasons.get(d.pk, ""))

    sections = []
    for jenis in types:
        mine = [d for d in docs if d.jenis_id == jenis.pk]
        sections.append(
            Section(
                jenis=jenis,
                current=[versi(d) for d in mine if d.aktif],
                old=[versi(d) for d in mine if not d.aktif],
                wajib=jenis.pk in wajib,
            )
        )
    return Arsip(sections, rows)


def rejection_reasons(docs: list[Dokumen]) -> dict[int, str]:
    """pk → the reason each rejected document in `docs` was rejected with (one query)."""
    rejected = [str(d.pk) for d in docs if d.state == Status.DITOLAK]
    if not rejected:
        return {}
    events = CaseEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(Dokumen),
        object_id__in=rejected,
        transition="tolak",
    )
    return {int(e.object_id): e.reason for e in events}


def verification_queue(user):
    """Current versions awaiting verification that `user` may decide, oldest upload first:
    BKD staff only, never their own record nor what they uploaded (`may_verify_dokumen`)."""
    from sikap.accounts import access

    if not access.is_bkd_staff(user):
        return Dokumen.objects.none()
    pending = Dokumen.objects.visible_to(user).current().filter(state=Status.MENUNGGU)
    if user.pegawai_id:
        pending = pending.exclude(pegawai_id=user.pegawai_id)
    return pending.exclude(uploaded_by=user).order_by("uploaded_at", "id")
