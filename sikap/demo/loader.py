"""Write a generated demo to the database in bulk, remove it again, and find its log-ins.

Callers run these inside one transaction. Every write is a batched `bulk_create`: a few hundred
INSERTs for the whole regency instead of one per row.
"""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from sikap.accounts.models import Peran, User
from sikap.core import audit, kinds
from sikap.core.models import AuditEntry
from sikap.demo.data import DemoData
from sikap.demo.generator import STAFF, admin_opd_username
from sikap.demo.org import demo_opd_kodes
from sikap.org.models import (
    Jabatan,
    JenisJabatan,
    JenisTugasTambahan,
    LokasiKantor,
    Opd,
    TugasTambahan,
    UnitKerja,
)
from sikap.people.models import (
    AnggotaKeluarga,
    Pegawai,
    RiwayatDiklat,
    RiwayatGaji,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatPangkat,
    RiwayatPendidikan,
    RiwayatSkp,
)
from sikap.rules.kgb import add_months
from sikap.rules.pension import KATEGORI_BUP

DEMO_NOTE = "data demo"  # marks the audit entry of every pegawai the demo created
DEMO_PASSWORD = "demo-sikap-2023"  # demo only: printed on screen and documented in docs/demo.md
_BATCH = 2000
_HISTORIES = {
    "riwayat_pangkat": RiwayatPangkat,
    "riwayat_pendidikan": RiwayatPendidikan,
    "riwayat_diklat": RiwayatDiklat,
    "riwayat_skp": RiwayatSkp,
    "riwayat_hukdis": RiwayatHukdis,
    "riwayat_gaji": RiwayatGaji,
    "keluarga": AnggotaKeluarga,
}


class NotDemoData(Exception):
    """The database holds personnel data the demo did not create; it will not be deleted."""


def load(data: DemoData, *, actor) -> int:
    """Write everything; returns the number of rows written."""
    written = 0

    def bulk(model, objs):
        nonlocal written
        written += len(objs)
        return model.objects.bulk_create(objs, batch_size=_BATCH)

    opd_objs = [
        Opd(kode=o.kode, nama=o.nama, singkatan=o.singkatan, alamat=o.alamat) for o in data.opds
    ]
    opds = {o.kode: o for o in bulk(Opd, opd_objs)}
    lokasi = [
        LokasiKantor(
            opd=opds[o.kode],
            nama=f"Kantor {o.nama}",
            latitude=o.latitude,
            longitude=o.longitude,
            radius_m=o.radius_m,
        )
        for o in data.opds
    ]
    bulk(LokasiKantor, lokasi)
    units = _load_units(data, opds, bulk)
    jabatan_objs = [
        Jabatan(
            unit=units[j.unit_key],
            nama=j.nama,
            jenis=j.jenis,
            eselon=j.eselon,
            kelas=j.kelas,
            bup=j.bup,
            kepala=j.kepala,
        )
        for j in data.jabatan
    ]
    # Histories refer to ids (`*_id=`): assigning model instances costs a descriptor call per row.
    jabatan_id = {
        j.key: obj.pk for j, obj in zip(data.jabatan, bulk(Jabatan, jabatan_objs), strict=True)
    }
    unit_id = {key: u.pk for key, u in units.items()}
    pegawai_objs = [
        Pegawai(
            **p.fields,
            opd_id=units[p.unit_key].opd_id,
            unit_id=unit_id[p.unit_key],
            jabatan_id=jabatan_id[p.jabatan_key],
        )
        for p in data.people
    ]
    pegawai = bulk(Pegawai, pegawai_objs)
    ids = [obj.pk for obj in pegawai]
    riwayat_jabatan = [
        RiwayatJabatan(
            pegawai_id=pk,
            jabatan_id=jabatan_id.get(row["jabatan_key"]),
            unit_id=unit_id.get(row["unit_key"]),
            **{k: v for k, v in row.items() if not k.endswith("_key")},
        )
        for p, pk in zip(data.people, ids, strict=True)
        for row in p.riwayat_jabatan
    ]
    bulk(RiwayatJabatan, riwayat_jabatan)
    pegawai_id = {id(p): pk for p, pk in zip(data.people, ids, strict=True)}
    tugas_tambahan = [
        TugasTambahan(
            pegawai_id=pegawai_id[id(t.person)],
            unit_id=unit_id[t.unit_key],
            jenis=t.jenis,
            tmt_mulai=t.tmt_mulai,
            sk_nomor=t.sk_nomor,
            sk_tanggal=t.sk_tanggal,
        )
        for t in data.tugas_tambahan
    ]
    bulk(TugasTambahan, tugas_tambahan)
    for attr, model in _HISTORIES.items():
        rows = [
            model(pegawai_id=pk, **row)
            for p, pk in zip(data.people, ids, strict=True)
            for row in getattr(p, attr)
        ]
        bulk(model, rows)
    _load_accounts(data, pegawai, opds, bulk)
    entries = [
        audit.build_entry(
            obj,
            actor=actor,
            action=AuditEntry.Aksi.CREATE,
            kind=kinds.of(obj, AuditEntry.Aksi.CREATE),
            changes=audit.diff({}, audit.snapshot(obj)),
            note=DEMO_NOTE,
        )
        for obj in pegawai
    ]
    bulk(AuditEntry, entries)
    return written


def _load_units(data: DemoData, opds, bulk) -> dict[int, UnitKerja]:
    """Units level by level, so every parent has its id before its children are built."""
    units: dict[int, UnitKerja] = {}
    level = [u for u in data.units if u.induk_key is None]
    while level:
        objs = [
            UnitKerja(opd=opds[u.opd_kode], induk=units.get(u.induk_key), nama=u.nama)
            for u in level
        ]
        units.update({u.key: obj for u, obj in zip(level, bulk(UnitKerja, objs), strict=True)})
        level = [u for u in data.units if u.induk_key in units and u.key not in units]
    return units


def _load_accounts(data: DemoData, pegawai, opds, bulk) -> None:
    # One Argon2 hash for every demo account: hashing thousands of passwords one by one would
    # take minutes, and they are all the same documented demo password anyway.
    password = make_password(DEMO_PASSWORD)
    users = [
        User(
            username=p.nip,
            password=password,
            peran=Peran.PEGAWAI,
            pegawai=p,
            first_name=p.nama[:150],
        )
        for p in pegawai
    ]
    users += [
        User(username=s.username, password=password, peran=s.peran, first_name=s.nama)
        for s in data.staff
    ]
    created = bulk(User, users)
    scope = User.opd_scope.through
    bulk(
        scope,
        [
            scope(user=u, opd=opds[s.opd_kode])
            for u, s in zip(created[len(pegawai) :], data.staff, strict=True)
            if s.opd_kode
        ],
    )


def taken_usernames(data: DemoData) -> list[str]:
    """Demo user names that already belong to an account."""
    names = [s.username for s in data.staff] + [p.fields["nip"] for p in data.people]
    return sorted(User.objects.filter(username__in=names).values_list("username", flat=True))


def has_data() -> bool:
    """Any pegawai, or an OPD the demo would create: building now would mix or collide."""
    return Pegawai.objects.exists() or Opd.objects.filter(kode__in=demo_opd_kodes()).exists()


def delete_demo() -> None:
    """Remove what `load` wrote. Refuses when any pegawai was not created by the demo."""
    demo_ids = AuditEntry.objects.filter(
        note=DEMO_NOTE, action=AuditEntry.Aksi.CREATE, pegawai_id__isnull=False
    ).values("pegawai_id")
    if Pegawai.objects.exclude(pk__in=demo_ids).exists():
        raise NotDemoData(
            "Basis data berisi pegawai yang bukan data demo; data tidak dihapus. "
            "Gunakan basis data kosong untuk demo."
        )
    kodes = demo_opd_kodes()
    staff = [u for u, _, _ in STAFF] + [admin_opd_username(k) for k in kodes]
    # Every pegawai is a demo pegawai here, so so is every entry about one.
    AuditEntry.objects.filter(Q(note=DEMO_NOTE) | Q(pegawai_id__isnull=False)).delete()
    User.objects.filter(Q(pegawai__isnull=False) | Q(username__in=staff)).delete()
    Pegawai.objects.all().delete()
    Jabatan.objects.filter(unit__opd__kode__in=kodes).delete()
    units = UnitKerja.objects.filter(opd__kode__in=kodes)
    units.update(induk=None)  # the tree PROTECTs parents; flatten it first
    units.delete()
    Opd.objects.filter(kode__in=kodes).delete()


@dataclass
class Login:
    peran: str
    username: str
    keterangan: str


def demo_logins() -> list[Login]:
    """One log-in per role, read from the database (so `--if-empty` can print them too)."""
    users = User.objects.select_related("pegawai__jabatan", "pegawai__opd")
    logins = []
    for username, peran, _ in STAFF:
        user = users.filter(username=username, peran=peran).first()
        if user:
            logins.append(Login(Peran(peran).label, username, user.first_name))
    admin_opd = (
        users.filter(peran=Peran.ADMIN_OPD)
        .order_by(_first_if(Q(username=admin_opd_username("BKD"))), "username")
        .first()
    )
    if admin_opd:
        logins.append(Login(Peran.ADMIN_OPD.label, admin_opd.username, admin_opd.first_name))
    # Prefer BKD's own people, and a head of bidang (who has a unit of staff) as the atasan.
    # Only people younger than the lowest BUP: ordered by NIP (by birth date) the oldest came
    # first, and the pension builder, later in the build, had retired all three.
    lowest_bup = min(bup for _, bup in KATEGORI_BUP.values())
    born_after = add_months(timezone.localdate(), -12 * lowest_bup)
    pegawai = users.filter(peran=Peran.PEGAWAI, pegawai__tanggal_lahir__gt=born_after)
    bkd = _first_if(Q(pegawai__opd__kode="BKD"))
    atasan = (
        pegawai.filter(pegawai__jabatan__kepala=True)
        .order_by(bkd, _first_if(Q(pegawai__jabatan__jenis=JenisJabatan.JA)), "username")
        .first()
    )
    biasa = (
        pegawai.filter(pegawai__jabatan__jenis=JenisJabatan.PELAKSANA)
        .order_by(bkd, "username")
        .first()
    )
    for label, user in (("Pegawai (atasan)", atasan), ("Pegawai", biasa)):
        if user:
            p = user.pegawai
            logins.append(
                Login(label, user.username, f"{p.nama_lengkap}, {p.jabatan.nama} — {p.opd.nama}")
            )
    # A teacher who leads a school by tugas tambahan (the head most teachers answer to).
    kepala_sekolah = (
        TugasTambahan.objects.filter(
            jenis=JenisTugasTambahan.KEPALA_SEKOLAH,
            pegawai__akun__isnull=False,
            pegawai__tanggal_lahir__gt=born_after,
        )
        .select_related("pegawai__akun", "unit")
        .order_by("unit__nama", "pk")
        .first()
    )
    if kepala_sekolah:
        p = kepala_sekolah.pegawai
        keterangan = f"{p.nama_lengkap}, {kepala_sekolah}"
        logins.append(Login("Pegawai (kepala sekolah)", p.akun.username, keterangan))
    return logins


def _first_if(q: Q) -> Case:
    """An ordering key that puts rows matching `q` first (BKD's own staff, the demo's host)."""
    return Case(When(q, then=Value(0)), default=Value(1))
