"""The pension file against the population registry (Dukcapil): when a file opens (or the BKD
asks again) the pegawai's and family's SIMAK data are looked up and compared through
`dukcapil.services.cek_pegawai`; the differences are listed for the verifier. When the registry
cannot be reached, answers outside the contract or does not know the NIK, the file goes on with
a manual check of the KK/KTP scans and says so. A death record for a pegawai still in service
opens a janda/duda file for the BKD (on lookup: docs/pension.md, "Death records")."""

from django.db import transaction
from django.utils import timezone

from sikap.accounts import access
from sikap.accounts.system import system_actor
from sikap.core.errors import Kode, SikapError
from sikap.core.notifications import notify
from sikap.dukcapil.contract import Registry
from sikap.dukcapil.services import HasilCek, cek_pegawai
from sikap.pension.models import BerkasPensiun, JenisPensiun, PerbedaanData
from sikap.people.models import Pegawai
from sikap.rules.pension import tambah_bulan

Cek = BerkasPensiun.Cek
MANUAL = (
    "Berkas tetap berjalan: verifikator memeriksa kesesuaian data dengan scan KK dan KTP yang "
    "dilampirkan."
)


def _lookup(
    pegawai: Pegawai, actor, registry: Registry | None, request=None, *, segar: bool = False
) -> HasilCek:
    """The lookup is the BKD officer's own when they ask; otherwise (an admin OPD opening the
    file, the daily job) the system's, as the pension process does it: logged either way."""
    who = actor if access.may_check_kependudukan(actor, pegawai) else system_actor()
    return cek_pegawai(who, pegawai, request=request, registry=registry, segar=segar)


def _save(berkas: BerkasPensiun, hasil: HasilCek) -> str:
    if hasil.perlu_cek_manual:
        status, catatan = Cek.MANUAL, f"{hasil.pesan} {MANUAL}"
    elif hasil.perbedaan:
        status = Cek.BERBEDA
        catatan = (
            f"{len(hasil.perbedaan)} perbedaan dengan data kependudukan; periksa sebelum "
            "verifikasi."
        )
    else:
        status, catatan = Cek.SESUAI, "Data pegawai dan keluarga sesuai dengan data kependudukan."
    with transaction.atomic():
        PerbedaanData.objects.filter(berkas=berkas).delete()
        PerbedaanData.objects.bulk_create(
            PerbedaanData(
                berkas=berkas, jenis=str(b.jenis), siapa=b.siapa[:255], nik=b.nik[:16],
                simak=b.simak[:255], registry=b.registry[:255], keterangan=b.keterangan[:255],
            )
            for b in hasil.perbedaan
        )  # fmt: skip
        BerkasPensiun.objects.filter(pk=berkas.pk).update(
            cek_kependudukan=status, cek_catatan=catatan, cek_pada=timezone.now()
        )
    berkas.cek_kependudukan, berkas.cek_catatan = status, catatan
    return status


def check(
    berkas: BerkasPensiun, *, actor, registry: Registry | None = None, request=None, segar=False
) -> str:
    """Look the pegawai and family up and record the outcome on the file; never raises for
    the registry's sake. `segar`: not from the client's cache (a check asked for again)."""
    hasil = _lookup(berkas.pegawai, actor, registry, request, segar=segar)
    status = _save(berkas, hasil)
    if hasil.meninggal and berkas.jenis != JenisPensiun.JANDA_DUDA:
        _tell_bkd_of_death(berkas.pegawai, hasil, berkas, other=True)
    return status


def recheck(berkas: BerkasPensiun, *, actor, registry: Registry | None = None, request=None):
    """The BKD asks again (e.g. after the registry came back)."""
    if not access.may_verify_pension_file(actor, berkas) or not berkas.is_open:
        raise SikapError(Kode.TIDAK_BERHAK, "Pemeriksaan ulang dilakukan oleh verifikator BKD.")
    return check(berkas, actor=actor, registry=registry, request=request, segar=True)


def _tell_bkd_of_death(pegawai: Pegawai, hasil: HasilCek, berkas, *, other: bool) -> None:
    """`other`: the file is of another type (BUP, APS…), still open, so no janda/duda file
    could be opened; the BKD decides."""
    where = f" (berkas {berkas.get_jenis_display()} masih terbuka)" if other else ""
    text = (
        f"Data kependudukan mencatat {pegawai.nama} ({pegawai.nip}) meninggal dunia pada "
        f"{hasil.penduduk.tanggal_kematian:%d-%m-%Y}{where}. Periksa dan proses pensiun "
        "janda/duda."
    )
    recipients = [*access.admin_bkd_accounts(), *access.admin_opd_accounts(pegawai.opd_id)]
    transaction.on_commit(lambda: notify(recipients, lambda _u: text, target=berkas))


def death_check(pegawai: Pegawai, *, actor, registry: Registry | None = None):
    """Look one pegawai up; a death record for someone still in service opens a janda/duda
    file (TMT: the first of the month after the death) for the BKD. Returns the file opened,
    or None; a registry failure is raised for the caller to report."""
    from sikap.pension.services import open_file

    if not pegawai.nik or not pegawai.in_service:
        return None
    hasil = _lookup(pegawai, actor, registry)
    if hasil.perlu_cek_manual:
        raise SikapError(Kode.LAYANAN_TIDAK_TERSEDIA, hasil.pesan)
    if not hasil.meninggal:
        return None
    open_berkas = BerkasPensiun.objects.filter(pegawai=pegawai).open().first()
    if open_berkas is not None:
        _tell_bkd_of_death(pegawai, hasil, open_berkas, other=True)
        return None
    died = hasil.penduduk.tanggal_kematian
    berkas = open_file(
        pegawai, JenisPensiun.JANDA_DUDA, actor=system_actor(), tmt=tambah_bulan(died, 1),
        keterangan=f"Dibuka dari catatan kematian Dukcapil ({died:%d-%m-%Y}).",
        check_registry=False,
    )  # fmt: skip
    _save(berkas, hasil)
    _tell_bkd_of_death(pegawai, hasil, berkas, other=False)
    return berkas
