"""Writes of e-Berkala: drafting letters from the rule (the daily job), verifying, returning,
signing (one or a batch), publishing into the issued-document registry, and on the TMT the
salary history row the letter grants. Each step is audited; the case steps run through
`salary/flows.py`."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from sikap.accounts import access
from sikap.core import audit, audited, kinds
from sikap.core.errors import SikapError, tidak_berhak
from sikap.core.jobs import enqueue
from sikap.core.models import AuditEntry
from sikap.people.models import RiwayatGaji
from sikap.people.services import refresh_current
from sikap.rules.kgb import add_months
from sikap.salary import selectors
from sikap.salary.config import window_months
from sikap.salary.flows import FLOW
from sikap.salary.models import Kgb, KgbTertunda, TabelGaji
from sikap.salary.signing import signer

S = Kgb.Status
OPEN = (S.DRAF, S.DIVERIFIKASI, S.DITANDATANGANI)
JENIS_KGB = "kgb"  # the PenomoranSurat seeded by documents migration 0002


@dataclass
class Ringkasan:
    disusun: int = 0
    disusun_ulang: int = 0
    menunggu: int = 0
    ditunda: int = 0

    def __str__(self) -> str:
        return (
            f"{self.disusun} draf baru, {self.disusun_ulang} disusun ulang, "
            f"{self.ditunda} ditunda, {self.menunggu} menunggu perbaikan data"
        )


def _penundaan_text(hasil) -> str:
    return "\n".join(
        f"Ditunda dari {p.mulai:%d-%m-%Y}, berlaku {p.berlaku:%d-%m-%Y}: {p.alasan}"
        for p in hasil.penundaan
    )


def _fill(kgb: Kgb, penilaian, tabel_ids: dict[str, int]) -> None:
    h = penilaian.hasil
    d = h.dasar
    kgb.tmt_jatuh, kgb.riwayat_dasar_id = h.tmt_jatuh, penilaian.riwayat_dasar_id
    kgb.dasar_jenis, kgb.dasar_sk_nomor, kgb.dasar_sk_tanggal = (
        d.jenis,
        d.sk_nomor,
        penilaian.sk_tanggal,
    )
    kgb.dasar_tmt, kgb.dasar_golongan, kgb.dasar_gaji_pokok = d.tmt, d.golongan, d.gaji_pokok
    kgb.dasar_mkg_tahun, kgb.dasar_mkg_bulan = d.mkg_tahun, d.mkg_bulan
    kgb.tmt, kgb.golongan, kgb.gaji_pokok = h.tmt, h.golongan, h.gaji_pokok
    kgb.mkg_tahun, kgb.mkg_bulan = h.mkg_tahun, h.mkg_bulan
    kgb.tabel_id, kgb.tmt_berikutnya = tabel_ids[h.tabel.kode], h.berikutnya
    kgb.penundaan, kgb.perhatian = _penundaan_text(h), "\n".join(h.perhatian)


def _wait(pegawai, tmt, alasan: str, *, ditunda: bool, summary: Ringkasan) -> None:
    KgbTertunda.objects.update_or_create(
        pegawai=pegawai, defaults={"tmt": tmt, "alasan": alasan, "ditunda": ditunda}
    )
    if ditunda:
        summary.ditunda += 1
    else:
        summary.menunggu += 1


def _clear(pegawai, waiting: set[int]) -> None:
    if pegawai.pk in waiting:
        KgbTertunda.objects.filter(pegawai=pegawai).delete()


def draft_due(as_of: date, *, actor, pegawai_qs=None) -> Ringkasan:
    """Draft a letter for every pegawai whose next KGB takes effect by `as_of` + the window
    (overdue ones included), once: a KGB already drafted is never drafted again, a returned
    one is recomputed from the corrected history. Those that cannot be drafted wait on the due
    list with the reason."""
    if not access.may_issue_documents(actor):
        raise tidak_berhak("Hanya sistem atau staf BKD yang dapat menyusun draf KGB.")
    limit = add_months(as_of, window_months())
    qs = pegawai_qs if pegawai_qs is not None else selectors.candidates()
    recheck = set(KgbTertunda.objects.values_list("pegawai_id", flat=True))
    recheck |= set(Kgb.objects.filter(state=S.DIKEMBALIKAN).values_list("pegawai_id", flat=True))
    in_progress = set(Kgb.objects.filter(state__in=OPEN).values_list("pegawai_id", flat=True))
    qs = selectors.due_candidates(qs, limit, also=recheck, skip=in_progress - recheck)
    tabel_ids = dict(TabelGaji.objects.values_list("kode", "pk"))
    cases: dict[int, list[Kgb]] = {}
    for k in Kgb.objects.filter(pegawai__in=qs.values("pk")).exclude(state=S.TERBIT):
        cases.setdefault(k.pegawai_id, []).append(k)
    published = set(
        Kgb.objects.filter(pegawai__in=qs.values("pk"), state=S.TERBIT).values_list(
            "pegawai_id", "tmt_jatuh"
        )
    )
    summary = Ringkasan()
    for p in selectors.assess(qs):
        h, own = p.hasil, cases.get(p.pegawai.pk, [])
        with transaction.atomic():
            if p.alasan:
                _wait(p.pegawai, None, p.alasan, ditunda=False, summary=summary)
                continue
            if h is None or h.tmt_jatuh > limit or (p.pegawai.pk, h.tmt_jatuh) in published:
                _clear(p.pegawai, recheck)
                continue
            if h.hambatan:
                _wait(p.pegawai, h.tmt, h.hambatan, ditunda=False, summary=summary)
                continue
            if h.tmt > limit:  # deferred beyond the window: drafted when it comes near
                _wait(p.pegawai, h.tmt, _penundaan_text(h), ditunda=True, summary=summary)
                continue
            _clear(p.pegawai, recheck)
            if any(k.state in OPEN for k in own):
                continue
            returned = next((k for k in own if k.state == S.DIKEMBALIKAN), None)
            if returned is not None:
                with audited.change(Kgb, returned.pk, actor=actor, kind=kinds.KGB_REDRAFTED) as k:
                    _fill(k, p, tabel_ids)
                FLOW.run(k, "susun_ulang", actor=actor)
                summary.disusun_ulang += 1
                continue
            kgb = Kgb(pegawai=p.pegawai, state=S.DRAF)
            _fill(kgb, p, tabel_ids)
            kgb.save()
            audit.record(kgb, actor=actor, action=AuditEntry.Aksi.CREATE, kind=kinds.KGB_DRAFTED)
            summary.disusun += 1
    return summary


def after_pay_change(pegawai, since: date, *, actor, note: str) -> Kgb | None:
    """A pay-setting SK from `since` (a KP) replaces the basis of the pegawai's KGB draft whose
    TMT is on or after it: the draft is computed again from the history as it now stands and
    stays a draft (audited as redrafted), or, when the rule now has no KGB to draft within the
    window (the next one falls later, or waits on the due list), it is removed (audited) and
    the daily job drafts the next one when due. A letter already verified or signed is left
    to its verifier or signer to return; a published one is history. Runs in the caller's
    transaction; returns the redrafted letter, if any."""
    if not access.may_issue_documents(actor):
        raise tidak_berhak("Hanya sistem atau staf BKD yang dapat menyusun draf KGB.")
    draft = Kgb.objects.filter(pegawai=pegawai, state=S.DRAF, tmt__gte=since).first()
    if draft is None:
        return None
    (p,) = selectors.assess(type(pegawai).objects.filter(pk=pegawai.pk))
    h = p.hasil
    limit = add_months(timezone.localdate(), window_months())
    if p.alasan or h is None or h.hambatan or h.tmt_jatuh > limit or h.tmt > limit:
        audit.record(
            draft, actor=actor, action=AuditEntry.Aksi.DELETE, kind=kinds.KGB_SUPERSEDED, note=note
        )
        draft.delete()
        return None
    tabel_ids = dict(TabelGaji.objects.values_list("kode", "pk"))
    with audited.change(Kgb, draft.pk, actor=actor, kind=kinds.KGB_REDRAFTED, note=note) as k:
        _fill(k, p, tabel_ids)
    return k


def _batch(ids, actor, step) -> tuple[list[Kgb], list[str]]:
    """Run `step(kgb)` on each letter in its own transaction; one refusal stops no other."""
    done, errors = [], []
    for kgb in Kgb.objects.visible_to(actor).filter(pk__in=ids).select_related("pegawai"):
        try:
            done.append(step(kgb))
        except SikapError as e:
            errors.append(f"{kgb.pegawai.nama}: {e.message}")
    return done, errors


def verify(ids, *, actor) -> tuple[list[Kgb], list[str]]:
    def step(kgb):
        kgb = FLOW.run(kgb, "verifikasi", actor=actor)
        Kgb.objects.filter(pk=kgb.pk).update(diverifikasi_oleh=actor)
        kgb.diverifikasi_oleh = actor
        return kgb

    return _batch(ids, actor, step)


def send_back(kgb: Kgb, *, actor, reason: str, expected_version: int | None = None) -> Kgb:
    with transaction.atomic():
        kgb = FLOW.run(
            kgb, "kembalikan", actor=actor, reason=reason, expected_version=expected_version
        )
        Kgb.objects.filter(pk=kgb.pk).update(alasan_kembali=reason.strip())
    return kgb


def sign(ids, *, actor) -> tuple[list[Kgb], list[str]]:
    """Sign verified letters with the actor's stored signature (or TTE); each is then
    published by a job."""
    penandatangan = getattr(actor, "penandatangan_kgb", None)
    if penandatangan is None or not penandatangan.aktif:
        raise tidak_berhak("Anda tidak terdaftar sebagai penandatangan surat KGB.")
    signer().check(penandatangan)

    def step(kgb):
        with transaction.atomic():
            kgb = FLOW.run(kgb, "tandatangani", actor=actor)
            Kgb.objects.filter(pk=kgb.pk).update(
                penandatangan=penandatangan, ditandatangani_pada=timezone.now()
            )
            enqueue(publish_job(), kgb.pk)
        return kgb

    return _batch(ids, actor, step)


def publish_job():
    from sikap.salary.jobs import publish_kgb

    return publish_kgb


def publish(kgb_id: int, *, actor) -> Kgb | None:
    """Number, render, hash and register the signed letter, then mark it published. Does
    nothing to a letter that is not (or no longer) waiting to be published."""
    from sikap.documents.services import register_issued
    from sikap.salary.letter import letter_pdf

    kgb = Kgb.objects.select_related("pegawai", "penandatangan").filter(pk=kgb_id).first()
    if kgb is None or kgb.state != S.DITANDATANGANI:
        return None
    seal = signer()
    with transaction.atomic():
        terbit = register_issued(
            lambda t: seal.seal(letter_pdf(kgb, terbit=t), kgb.penandatangan),
            jenis=JENIS_KGB,
            holder=kgb.pegawai,
            actor=actor,
            filename=f"KGB-{kgb.pegawai.nip}-{kgb.tmt:%Y%m%d}.pdf",
            kind=kinds.KGB_PUBLISHED,
        )
        Kgb.objects.filter(pk=kgb.pk).update(dokumen=terbit)
        return FLOW.run(kgb, "terbitkan", actor=actor)


def apply_due(today: date, *, actor) -> tuple[int, list[str]]:
    """On (or after) its TMT a published letter becomes a salary history row, once. A letter
    whose TMT the history already holds is left for a person (reported, not overwritten)."""
    count, problems = 0, []
    due = Kgb.objects.filter(state=S.TERBIT, riwayat_gaji__isnull=True, tmt__lte=today)
    for kgb in due.select_related("pegawai", "dokumen", "penandatangan"):
        with transaction.atomic():
            locked = Kgb.objects.select_for_update().get(pk=kgb.pk)
            if locked.riwayat_gaji_id:
                continue
            if RiwayatGaji.objects.filter(pegawai_id=kgb.pegawai_id, tmt=kgb.tmt).exists():
                problems.append(
                    f"{kgb.pegawai.nama} sudah memiliki riwayat gaji TMT {kgb.tmt:%d-%m-%Y}; "
                    f"surat KGB {kgb.dokumen.nomor} belum dicatat ke riwayat gaji."
                )
                continue
            row = RiwayatGaji.objects.create(
                pegawai_id=kgb.pegawai_id,
                golongan=kgb.golongan,
                gaji_pokok=kgb.gaji_pokok,
                tmt=kgb.tmt,
                mkg_tahun=kgb.mkg_tahun,
                mkg_bulan=kgb.mkg_bulan,
                dasar=RiwayatGaji.Dasar.KGB,
                sk_nomor=kgb.dokumen.nomor,
                sk_tanggal=timezone.localtime(kgb.dokumen.issued_at).date(),
            )
            audit.record(
                row, actor=actor, action=AuditEntry.Aksi.CREATE, kind=kinds.KGB_APPLIED,
                note=f"Dari surat KGB {kgb.dokumen.nomor}",
            )  # fmt: skip
            Kgb.objects.filter(pk=kgb.pk).update(riwayat_gaji=row)
            refresh_current(kgb.pegawai, actor=actor, note=f"KGB {kgb.dokumen.nomor}")
            count += 1
    return count, problems
