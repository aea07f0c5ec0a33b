"""Every write of e-Pangkat: one function per use case, atomic, permission-checked, audited.

A proposal is opened by the admin OPD (from the eligibility list, or by hand for a pilihan type
with a stated reason), its documents taken from the digital file or uploaded through
`documents.services.upload_dokumen` (the one content check), moved through `flows.FLOW`, and
closed by recording the SK: rank and pay history rows, the current fields and the SK document in
one transaction (docs/promotion.md).
"""

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from sikap.accounts import access
from sikap.core import audit, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.core.validators import starts_like_formula
from sikap.documents import services as documents
from sikap.documents.models import Dokumen
from sikap.documents.storage import delete_quietly
from sikap.people import services as people
from sikap.people.models import RIWAYAT_MODELS, Pegawai, RiwayatGaji, RiwayatPangkat
from sikap.promotion import selectors
from sikap.promotion.flows import FLOW
from sikap.promotion.models import BerkasUsulan, JenisKp, PeriodeKp, SyaratDokumen, UsulanKp
from sikap.rules import RuleError
from sikap.rules import promotion as rule
from sikap.rules.education import tingkat_order
from sikap.rules.ranks import golongan_order, ruang_group
from sikap.rules.salary import gaji_pokok, in_force
from sikap.salary import services as salary
from sikap.salary.config import aturan
from sikap.salary.tables import tables_for

S = UsulanKp.Status
B = BerkasUsulan.Status
EDITABLE = (S.DRAF, S.DIKEMBALIKAN)


def _invalid(message: str, field: str | None = None) -> SikapError:
    return SikapError(Kode.DATA_TIDAK_VALID, message, {field: [message]} if field else None)


def _text(value: str, field: str, label: str) -> str:
    value = (value or "").strip()
    if starts_like_formula(value):
        raise _invalid(f"{label} tidak boleh diawali =, +, - atau @.", field)
    return value


# --- opening ---------------------------------------------------------------------------------


def _before_deadline(periode: PeriodeKp, what: str) -> None:
    today = timezone.localdate()
    if today > periode.batas_usul:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            f"Batas pengajuan {periode} sudah lewat ({periode.batas_usul:%d-%m-%Y}); "
            f"usul tidak dapat {what}. Usulkan pada periode berikutnya.",
        )


def _crosses_exam(asal: str, tujuan: str) -> bool:
    return any(ruang_group(asal) <= g < ruang_group(tujuan) for g in (2, 3))


def applicable(syarat: SyaratDokumen, usulan: UsulanKp, *, kp_pertama: bool) -> bool:
    bila = SyaratDokumen.Bila
    if syarat.bila == bila.LINTAS:
        return _crosses_exam(usulan.golongan_asal, usulan.golongan_tujuan)
    if syarat.bila == bila.KP_PERTAMA:
        return kp_pertama
    if syarat.bila == bila.BUKAN_PERTAMA:
        return not kp_pertama
    return True


def riwayat_for(syarat: SyaratDokumen, pegawai: Pegawai, periode: PeriodeKp):
    """The history row a checklist document rests on (the SKP of its year, the last rank, the
    highest diploma, the latest post), or None for a document of no history row."""
    kind = syarat.jenis_dokumen.riwayat_kind
    model = RIWAYAT_MODELS.get(kind)
    if model is None:
        return None
    rows = model.objects.filter(pegawai=pegawai)
    if kind == "skp":
        last = rule.tahun_skp_terakhir(periode.batas_usul)
        return rows.filter(tahun=last - ((syarat.tahun_skp or 1) - 1)).first()
    if kind == "pendidikan":
        return max(rows, key=lambda r: (tingkat_order(r.tingkat), r.tahun_lulus), default=None)
    if hasattr(model, "tmt"):
        return rows.order_by("-tmt", "-pk").first()
    return rows.order_by("-pk").first()


def _from_file(syarat: SyaratDokumen, pegawai: Pegawai, periode: PeriodeKp) -> Dokumen | None:
    """The current version already in the digital file, if one fits (not a rejected one)."""
    docs = Dokumen.objects.current().filter(pegawai=pegawai, jenis=syarat.jenis_dokumen)
    docs = docs.exclude(state=Dokumen.Status.DITOLAK)
    if syarat.jenis_dokumen.riwayat_kind:
        riwayat = riwayat_for(syarat, pegawai, periode)
        return docs.filter(riwayat_id=riwayat.pk).first() if riwayat else None
    return docs.first()


@transaction.atomic
def buka_usulan(
    periode: PeriodeKp,
    pegawai: Pegawai,
    jenis_kode: str,
    *,
    actor,
    alasan: str = "",
    angka_kredit: Decimal | None = None,
    angka_kredit_minimum: Decimal | None = None,
) -> UsulanKp:
    """Open a proposal with every checklist document already in the digital file attached."""
    if not access.may_propose_kp(actor, pegawai):
        if access.is_own_record(actor, pegawai.pk):
            raise tidak_berhak("Anda tidak dapat mengusulkan kenaikan pangkat Anda sendiri.")
        raise tidak_berhak("Hanya admin OPD pegawai ini yang dapat membuka usul kenaikan pangkat.")
    jenis = JenisKp.objects.filter(kode=jenis_kode, aktif=True).first()
    if jenis is None:
        raise _invalid(f"Jenis kenaikan pangkat '{jenis_kode}' tidak dikenal.", "jenis")
    _before_deadline(periode, "dibuka")
    alasan = _text(alasan, "alasan", "Alasan")
    Pegawai.objects.select_for_update().filter(pk=pegawai.pk).first()  # one proposal at a time
    if (
        UsulanKp.objects.filter(periode=periode, pegawai=pegawai)
        .exclude(state=S.DIBATALKAN)
        .exists()
    ):
        raise SikapError(
            Kode.DUPLIKAT, f"{pegawai.nama} sudah diusulkan pada {periode}.", {"pegawai": []}
        )
    extra = {}
    if jenis.kode == rule.FUNGSIONAL:
        extra = {"angka_kredit": angka_kredit, "angka_kredit_minimum": angka_kredit_minimum}
    hasil = selectors.hasil_for(pegawai, periode, jenis.kode, **extra)
    if hasil.golongan_tujuan is None:
        raise SikapError(
            Kode.SYARAT_BELUM_LENGKAP,
            "Golongan tujuan tidak dapat ditentukan: "
            + "; ".join(s.keterangan for s in hasil.kurang),
        )
    if not hasil.memenuhi:
        missing = "; ".join(f"{s.nama}: {s.keterangan}" for s in hasil.kurang)
        if hasil.terhalang:
            blocked = "; ".join(f"{s.nama}: {s.keterangan}" for s in hasil.terhalang)
            raise SikapError(
                Kode.SYARAT_BELUM_LENGKAP,
                f"{pegawai.nama} tidak dapat diusulkan kenaikan pangkat jenis apa pun — {blocked}.",
            )
        if not jenis.pilihan:
            raise SikapError(
                Kode.SYARAT_BELUM_LENGKAP,
                f"{pegawai.nama} belum memenuhi syarat kenaikan pangkat reguler — {missing}.",
            )
        if not alasan:
            raise SikapError(
                Kode.SYARAT_BELUM_LENGKAP,
                f"Syarat otomatis belum terpenuhi ({missing}). Untuk KP pilihan tuliskan "
                "alasan dan dasar usulnya.",
                {"alasan": ["Wajib diisi bila syarat otomatis belum terpenuhi."]},
            )
    usulan = UsulanKp(
        periode=periode,
        pegawai=pegawai,
        opd_id=pegawai.opd_id,
        jenis=jenis,
        golongan_asal=hasil.golongan_asal,
        tmt_asal=pegawai.tmt_golongan,
        golongan_tujuan=hasil.golongan_tujuan,
        memenuhi_syarat=hasil.memenuhi,
        alasan=alasan,
        dibuat_oleh=actor,
        state=S.DRAF,
        **extra,
    )
    try:
        with transaction.atomic():
            usulan.save()
    except IntegrityError as e:
        raise SikapError(Kode.DUPLIKAT, f"{pegawai.nama} sudah diusulkan pada {periode}.") from e
    audit.record(usulan, actor=actor, action=AuditEntry.Aksi.CREATE,
                 kind=kinds.of(usulan, AuditEntry.Aksi.CREATE))  # fmt: skip
    kp_pertama = RiwayatPangkat.objects.filter(pegawai=pegawai).count() <= 1
    rows = []
    for syarat in jenis.syarat.select_related("jenis_dokumen"):
        if applicable(syarat, usulan, kp_pertama=kp_pertama):
            dokumen = _from_file(syarat, pegawai, periode)
            rows.append(
                BerkasUsulan(
                    usulan=usulan,
                    syarat=syarat,
                    dokumen=dokumen,
                    status=B.MENUNGGU if dokumen else B.BELUM_ADA,
                )
            )
    BerkasUsulan.objects.bulk_create(rows)
    return usulan


# --- documents -------------------------------------------------------------------------------


def _editable_row(berkas: BerkasUsulan, actor) -> UsulanKp:
    usulan = UsulanKp.objects.select_for_update().get(pk=berkas.usulan_id)
    if not access.may_complete_usulan_kp(actor, usulan):
        raise tidak_berhak("Hanya admin OPD pengusul yang dapat melengkapi berkas ini.")
    if usulan.state not in EDITABLE:
        raise SikapError(
            Kode.LANGKAH_TIDAK_SAH,
            f"Berkas berstatus '{usulan.get_state_display()}' tidak dapat diubah.",
        )
    current = BerkasUsulan.objects.get(pk=berkas.pk)
    if not current.aktif:
        raise SikapError(Kode.KEDALUWARSA, "Dokumen ini sudah diganti; muat ulang halaman.")
    if usulan.state == S.DIKEMBALIKAN and current.status not in (B.BTL, B.BELUM_ADA):
        raise SikapError(
            Kode.LANGKAH_TIDAK_SAH,
            "Hanya dokumen yang dikembalikan (BTL) yang diganti pada berkas yang dikembalikan.",
        )
    return usulan


def _replace(berkas: BerkasUsulan, dokumen: Dokumen, actor, note: str) -> BerkasUsulan:
    """Keep the old row (its decision and reason are the history) and attach on a new one."""
    BerkasUsulan.objects.filter(pk=berkas.pk).update(aktif=False)
    new = BerkasUsulan.objects.create(
        usulan_id=berkas.usulan_id, syarat=berkas.syarat, dokumen=dokumen, status=B.MENUNGGU
    )
    audit.record(new, actor=actor, action=AuditEntry.Aksi.CREATE,
                 kind=kinds.of(new, AuditEntry.Aksi.CREATE), note=note)  # fmt: skip
    return new


@transaction.atomic
def pilih_dokumen(berkas: BerkasUsulan, dokumen_id: int, *, actor) -> BerkasUsulan:
    """Attach a document already in the pegawai's digital file."""
    usulan = _editable_row(berkas, actor)
    dokumen = Dokumen.objects.select_related("jenis").filter(pk=dokumen_id).first()
    if dokumen is None or dokumen.pegawai_id != usulan.pegawai_id:
        raise _invalid("Dokumen itu bukan milik pegawai yang diusulkan.", "dokumen")
    if dokumen.jenis_id != berkas.syarat.jenis_dokumen_id:
        raise _invalid(
            f"Jenis dokumen salah: {dokumen.jenis.nama} dipilih untuk "
            f"{berkas.syarat.jenis_dokumen.nama}.",
            "dokumen",
        )
    if not dokumen.aktif or dokumen.state == Dokumen.Status.DITOLAK:
        raise _invalid("Pilih versi dokumen yang berlaku dan tidak ditolak.", "dokumen")
    return _replace(berkas, dokumen, actor, f"Dari arsip digital: {dokumen}")


def unggah_dokumen(berkas: BerkasUsulan, uploaded_file, *, actor) -> BerkasUsulan:
    """Upload a missing or returned document into the digital file (content-checked there)
    and attach it."""
    with transaction.atomic():
        usulan = _editable_row(berkas, actor)
        syarat = berkas.syarat
        riwayat = riwayat_for(syarat, usulan.pegawai, usulan.periode)
        if syarat.jenis_dokumen.riwayat_kind and riwayat is None:
            raise _invalid(
                f"{syarat.nama}: riwayatnya belum tercatat pada data pegawai; lengkapi riwayat "
                "dahulu.",
                "berkas",
            )
        dokumen = documents.upload_dokumen(
            usulan.pegawai, syarat.jenis_dokumen.kode, uploaded_file, actor=actor, riwayat=riwayat
        )
        try:
            return _replace(berkas, dokumen, actor, f"Diunggah: {dokumen.nama_asli}")
        except Exception:
            delete_quietly(dokumen.file.name)
            raise


@transaction.atomic
def periksa_berkas(berkas: BerkasUsulan, *, diterima: bool, alasan: str = "", actor):
    """BKD's decision on one document: accepted, or BTL with the reason."""
    usulan = UsulanKp.objects.select_for_update().get(pk=berkas.usulan_id)
    if not access.may_verify_usulan_kp(actor, usulan):
        raise tidak_berhak(
            "Berkas ini diverifikasi petugas BKD, tidak oleh pengusul atau pemiliknya."
        )
    if usulan.state != S.DIAJUKAN:
        raise SikapError(
            Kode.LANGKAH_TIDAK_SAH, "Dokumen diperiksa saat berkas berstatus diajukan."
        )
    current = BerkasUsulan.objects.select_for_update().get(pk=berkas.pk)
    if not current.aktif or current.dokumen_id is None:
        raise SikapError(Kode.KEDALUWARSA, "Dokumen ini sudah diganti atau belum ada.")
    alasan = _text(alasan, "alasan", "Alasan")
    if not diterima and not alasan:
        raise _invalid("Tuliskan alasan dokumen dikembalikan (BTL).", "alasan")
    before = audit.snapshot(current)
    current.status = B.DITERIMA if diterima else B.BTL
    current.alasan = "" if diterima else alasan[:255]
    current.diperiksa_oleh = actor
    current.diperiksa = timezone.now()
    current.save()
    audit.record(current, actor=actor, action=AuditEntry.Aksi.UPDATE,
                 kind=kinds.of(current, AuditEntry.Aksi.UPDATE), before=before)  # fmt: skip
    return current


# --- the case --------------------------------------------------------------------------------


def _reasons(usulan: UsulanKp) -> str:
    rows = BerkasUsulan.objects.filter(usulan=usulan, aktif=True, status=B.BTL)
    return "; ".join(
        f"{b.syarat.nama}: {b.alasan}" for b in rows.select_related("syarat__jenis_dokumen")
    )


def jalankan(usulan: UsulanKp, name: str, *, actor, reason: str = "", version: int | None = None):
    """Run a step that needs no data of its own (ajukan, kembalikan, lengkap, teruskan,
    serahkan, batalkan)."""
    with transaction.atomic():
        if name == "ajukan":
            _before_deadline(usulan.periode, "diajukan")
        if name == "ajukan_ulang" and timezone.localdate() >= usulan.periode.tanggal:
            raise SikapError(
                Kode.DATA_TIDAK_VALID,
                f"{usulan.periode} sudah berjalan; berkas tidak dapat diajukan ulang.",
            )
        if name == "kembalikan":
            reason = "; ".join(p for p in (_reasons(usulan), reason.strip()) if p)
        result = FLOW.run(usulan, name, actor=actor, reason=reason, expected_version=version)
        if name in ("ajukan", "ajukan_ulang"):
            UsulanKp.objects.filter(pk=usulan.pk).update(diajukan=timezone.now())
        return result


@transaction.atomic
def catat_pertek(usulan: UsulanKp, *, nomor: str, tanggal: date, actor, version=None):
    nomor = _text(nomor, "pertek_nomor", "Nomor pertek")
    errors = {}
    if not nomor:
        errors["pertek_nomor"] = ["Nomor pertek wajib diisi."]
    if tanggal is None or tanggal > timezone.localdate():
        errors["pertek_tanggal"] = ["Tanggal pertek wajib diisi dan tidak boleh di masa depan."]
    if errors:
        raise SikapError(Kode.DATA_TIDAK_VALID, "Data pertek BKN belum benar.", errors)
    if not access.may_verify_usulan_kp(actor, usulan):
        raise tidak_berhak("Pertek BKN dicatat oleh petugas BKD.")
    UsulanKp.objects.filter(pk=usulan.pk).update(pertek_nomor=nomor, pertek_tanggal=tanggal)
    return FLOW.run(
        usulan, "pertek", actor=actor, reason=f"Pertek {nomor}", expected_version=version
    )


def _gaji(pegawai: Pegawai, golongan: str, tmt: date, mkg_tahun: int) -> Decimal:
    try:
        tabel = in_force(tables_for("pns"), tmt)
        return gaji_pokok(tabel.table, golongan, mkg_tahun, di_bawah=aturan().di_bawah)
    except RuleError as e:
        raise SikapError(
            Kode.DATA_TIDAK_VALID, f"Gaji pokok baru tidak dapat ditentukan: {e}."
        ) from e


def catat_sk(
    usulan: UsulanKp,
    *,
    nomor: str,
    tanggal: date,
    tmt: date,
    golongan: str,
    mkg_tahun: int,
    mkg_bulan: int,
    berkas,
    actor,
    version: int | None = None,
) -> UsulanKp:
    """Record the SK: the rank history row (with the SK document linked), the pay history row
    the KGB module reads its next due date from, the current fields, a pending KGB draft
    redrafted from the new pay row (`salary.services.after_pay_change`) — one audited
    transaction."""
    if not access.may_record_kp_sk(actor, usulan):
        raise tidak_berhak("SK kenaikan pangkat dicatat oleh admin BKD, tidak untuk data sendiri.")
    if usulan.state != S.DITERUSKAN or not usulan.pertek_nomor:
        raise SikapError(
            Kode.LANGKAH_TIDAK_SAH,
            "SK dicatat setelah berkas diteruskan ke BKN dan pertek BKN dicatat.",
        )
    nomor = _text(nomor, "sk_nomor", "Nomor SK")
    errors = rule.cek_sk(usulan.golongan_tujuan, usulan.periode.tanggal, golongan, tmt)
    if golongan_order_safe(golongan) is None:
        errors["sk_golongan"] = [f"Golongan '{golongan}' tidak dikenal."]
    if not nomor:
        errors["sk_nomor"] = ["Nomor SK wajib diisi."]
    if tanggal is None or tanggal > timezone.localdate():
        errors["sk_tanggal"] = ["Tanggal SK wajib diisi dan tidak boleh di masa depan."]
    if mkg_tahun is None or mkg_bulan is None or not (0 <= mkg_bulan <= 11) or mkg_tahun < 0:
        errors["sk_mkg_bulan"] = ["MKG: tahun 0 atau lebih, bulan 0–11."]
    if berkas is None:
        errors["berkas"] = ["Unggah berkas SK."]
    if errors:
        raise SikapError(
            Kode.DATA_TIDAK_VALID, "Data SK belum benar; tidak ada yang dicatat.", errors
        )
    pegawai = usulan.pegawai
    gaji = _gaji(pegawai, golongan, tmt, mkg_tahun)
    dokumen = None
    try:
        with transaction.atomic():
            sk = {"sk_nomor": nomor, "sk_tanggal": tanggal}
            pangkat = people.save_riwayat(
                RiwayatPangkat(pegawai=pegawai, golongan=golongan, tmt=tmt, mkg_tahun=mkg_tahun,
                               mkg_bulan=mkg_bulan, jenis=f"KP {usulan.jenis.nama}", **sk),
                actor=actor,
            )  # fmt: skip
            people.save_riwayat(
                RiwayatGaji(pegawai=pegawai, golongan=golongan, gaji_pokok=gaji, tmt=tmt,
                            mkg_tahun=mkg_tahun, mkg_bulan=mkg_bulan,
                            dasar=RiwayatGaji.Dasar.KP, **sk),
                actor=actor,
            )  # fmt: skip
            dokumen = documents.upload_dokumen(
                pegawai, "sk_pangkat", berkas, actor=actor, riwayat=pangkat
            )
            UsulanKp.objects.filter(pk=usulan.pk).update(
                sk_nomor=nomor, sk_tanggal=tanggal, sk_tmt=tmt, sk_golongan=golongan,
                sk_mkg_tahun=mkg_tahun, sk_mkg_bulan=mkg_bulan, sk_dokumen=dokumen,
                riwayat_pangkat=pangkat,
            )  # fmt: skip
            salary.after_pay_change(pegawai, tmt, actor=actor, note=f"SK KP {nomor}")
            return FLOW.run(
                usulan, "terbitkan_sk", actor=actor, reason=f"SK {nomor}", expected_version=version
            )
    except Exception:
        if dokumen is not None:
            delete_quietly(dokumen.file.name)
        raise


def golongan_order_safe(golongan: str) -> int | None:
    try:
        return golongan_order(golongan)
    except RuleError:
        return None
