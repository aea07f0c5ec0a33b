"""The pension file against the population registry (Dukcapil): when a file opens (or the BKD
asks again) the pegawai's and family's SIMAK data are looked up by NIK and compared
(`sikap.rules.kependudukan`); the differences are listed for the verifier. When the registry
cannot be reached or answers outside the contract, the file goes on with a manual check of the
KK/KTP scans and says so. A death record for a pegawai still in service opens a janda/duda
file for the BKD (on lookup: docs/pension.md, "Death records")."""

import logging

from django.db import transaction
from django.utils import timezone

from sikap.accounts import access
from sikap.core.errors import Kode, SikapError
from sikap.core.notifications import notify
from sikap.dukcapil.client import registry as default_registry
from sikap.dukcapil.contract import (
    JawabanTidakSah,
    NikTidakDitemukan,
    Penduduk,
    Registry,
    RegistryTidakTersedia,
)
from sikap.pension.models import BerkasPensiun, JenisPensiun, PerbedaanData
from sikap.people.models import AnggotaKeluarga, Pegawai
from sikap.rules.kependudukan import ANAK, PASANGAN, Orang, bandingkan
from sikap.rules.pension import tambah_bulan

log = logging.getLogger(__name__)
Cek = BerkasPensiun.Cek
MANUAL = "Verifikator memeriksa kesesuaian data dengan scan KK dan KTP yang dilampirkan."
# The registry's family relations that SIMAK records (parents and in-laws it does not).
_HUBUNGAN = {"suami": PASANGAN, "istri": PASANGAN, "anak": ANAK}


def _orang_pegawai(p: Pegawai) -> Orang:
    return Orang(p.nik, p.nama, p.tanggal_lahir, p.jenis_kelamin, p.status_kawin)


def _orang_keluarga(a: AnggotaKeluarga) -> Orang:
    hubungan = ANAK if a.hubungan == AnggotaKeluarga.Hubungan.ANAK else PASANGAN
    return Orang(a.nik, a.nama, a.tanggal_lahir, a.jenis_kelamin, hubungan=hubungan)


def _orang_registry(r: Penduduk) -> Orang:
    return Orang(
        r.nik, r.nama, r.tanggal_lahir, r.jenis_kelamin, r.status_kawin,
        tanggal_kematian=r.tanggal_kematian,
    )  # fmt: skip


def _keluarga_registry(r: Penduduk) -> list[Orang]:
    return [
        Orang(a.nik, a.nama, a.tanggal_lahir, a.jenis_kelamin, hubungan=_HUBUNGAN[a.hubungan])
        for a in r.anggota_kk
        if a.hubungan in _HUBUNGAN and a.nik != r.nik
    ]


def _save(berkas: BerkasPensiun, status: str, catatan: str, perbedaan=()) -> None:
    with transaction.atomic():
        PerbedaanData.objects.filter(berkas=berkas).delete()
        PerbedaanData.objects.bulk_create(
            PerbedaanData(
                berkas=berkas, jenis=str(b.jenis), siapa=b.siapa[:255], nik=b.nik[:16],
                simak=b.simak[:255], registry=b.registry[:255], keterangan=b.keterangan[:255],
            )
            for b in perbedaan
        )  # fmt: skip
        BerkasPensiun.objects.filter(pk=berkas.pk).update(
            cek_kependudukan=status, cek_catatan=catatan, cek_pada=timezone.now()
        )
    berkas.cek_kependudukan, berkas.cek_catatan = status, catatan


def check(berkas: BerkasPensiun, *, actor, registry: Registry | None = None) -> str:
    """Look the pegawai and family up and record the outcome on the file; never raises for
    the registry's sake: the file goes on with a manual check."""
    pegawai = berkas.pegawai
    if not pegawai.nik:
        _save(berkas, Cek.MANUAL, f"NIK pegawai belum tercatat di SIMAK. {MANUAL}")
        return Cek.MANUAL
    registry = registry or default_registry()
    try:
        penduduk = registry.cari_nik(pegawai.nik)
    except NikTidakDitemukan as e:
        _save(berkas, Cek.MANUAL, f"{e.message} Periksa NIK di SIMAK. {MANUAL}")
        return Cek.MANUAL
    except (RegistryTidakTersedia, JawabanTidakSah) as e:
        log.warning("pension file %s: registry check failed: %s", berkas.pk, e.code)
        _save(berkas, Cek.MANUAL, f"{e.message} {MANUAL}")
        return Cek.MANUAL
    keluarga = list(pegawai.keluarga.all())
    perbedaan = bandingkan(
        _orang_pegawai(pegawai),
        [_orang_keluarga(a) for a in keluarga],
        _orang_registry(penduduk),
        _keluarga_registry(penduduk),
    )
    status = Cek.BERBEDA if perbedaan else Cek.SESUAI
    catatan = (
        f"{len(perbedaan)} perbedaan dengan data kependudukan; periksa sebelum verifikasi."
        if perbedaan
        else "Data pegawai dan keluarga sesuai dengan data kependudukan."
    )
    _save(berkas, status, catatan, perbedaan)
    if penduduk.meninggal and berkas.jenis != JenisPensiun.JANDA_DUDA:
        _tell_bkd_of_death(pegawai, penduduk, berkas, other=True)
    return status


def recheck(berkas: BerkasPensiun, *, actor, registry: Registry | None = None) -> str:
    """The BKD asks again (e.g. after the registry came back)."""
    if not access.may_verify_pension_file(actor, berkas) or not berkas.is_open:
        raise SikapError(Kode.TIDAK_BERHAK, "Pemeriksaan ulang dilakukan oleh verifikator BKD.")
    return check(berkas, actor=actor, registry=registry)


def _tell_bkd_of_death(pegawai: Pegawai, penduduk: Penduduk, berkas, *, other: bool) -> None:
    """`other`: the file is of another type (BUP, APS…), still open, so no janda/duda file
    could be opened; the BKD decides."""
    where = f" (berkas {berkas.get_jenis_display()} masih terbuka)" if other else ""
    text = (
        f"Data kependudukan mencatat {pegawai.nama} ({pegawai.nip}) meninggal dunia pada "
        f"{penduduk.tanggal_kematian:%d-%m-%Y}{where}. Periksa dan proses pensiun janda/duda."
    )
    recipients = [*access.admin_bkd_accounts(), *access.admin_opd_accounts(pegawai.opd_id)]
    transaction.on_commit(lambda: notify(recipients, lambda _u: text, target=berkas))


def death_check(pegawai: Pegawai, *, actor, registry: Registry | None = None):
    """Look one pegawai up; a death record for someone still in service opens a janda/duda
    file (TMT: the first of the month after the death) for the BKD. Returns the file opened,
    or None. Registry failures propagate: the caller (a command, the BKD) says so."""
    from sikap.pension.services import open_file

    if not pegawai.nik or not pegawai.in_service:
        return None
    penduduk = (registry or default_registry()).cari_nik(pegawai.nik)
    if not penduduk.meninggal:
        return None
    if BerkasPensiun.objects.filter(pegawai=pegawai).open().exists():
        _tell_bkd_of_death(pegawai, penduduk, pegawai.berkas_pensiun.open().first(), other=True)
        return None
    berkas = open_file(
        pegawai, JenisPensiun.JANDA_DUDA, actor=actor,
        tmt=tambah_bulan(penduduk.tanggal_kematian, 1),
        keterangan=f"Dibuka dari catatan kematian Dukcapil ({penduduk.tanggal_kematian:%d-%m-%Y}).",
        check_registry=False,
    )  # fmt: skip
    check(berkas, actor=actor, registry=registry)
    _tell_bkd_of_death(pegawai, penduduk, berkas, other=False)
    return berkas
