"""Nobody changes their own personnel record directly, whatever their role (issue 8, finding 1);
identity fields are admin BKD's (finding 7); a taken NIP elsewhere is not confirmed (finding 12)."""

from datetime import date

import pytest
from django.urls import reverse

from sikap.accounts import access
from sikap.accounts.models import Peran, User
from sikap.core import kinds
from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry
from sikap.people import services
from sikap.people.import_service import import_siasn
from sikap.people.models import Pegawai, RiwayatPangkat
from tests.factories import make_pegawai, make_user, nip_for
from tests.people.test_import_siasn import opd_a_row


@pytest.fixture
def admin_of_self(world):
    """An admin OPD of OPD A whose account is linked to their own record there (the usual)."""
    own = make_pegawai(world.opd_a, nama="Admin Diri", tanggal_lahir=date(1983, 7, 9))
    return make_user("admin.diri", Peran.ADMIN_OPD, pegawai=own, opds=[world.opd_a])


@pytest.fixture
def bkd_of_self(world):
    """Admin BKD and a superuser, each linked to their own pegawai record."""
    admin = make_user("bkd.diri", Peran.ADMIN_BKD, pegawai=world.pegawai_lain)
    root = make_user("root.diri", Peran.PEGAWAI, pegawai=world.pegawai_b)
    root.is_superuser = True
    root.save()
    return admin, root


def _client(client, user):
    client.force_login(user)
    return client


def test_admin_opd_cannot_add_rank_history_to_own_record(client, world, admin_of_self):
    own = admin_of_self.pegawai
    url = reverse("people:riwayat_create", args=[own.nip, "pangkat"])
    response = _client(client, admin_of_self).post(
        url, {"golongan": "IV/e", "tmt": "2024-04-01", "sk_nomor": "SK/1"}
    )
    assert response.status_code == 403
    assert "Layanan Mandiri" in response.content.decode()
    assert not RiwayatPangkat.objects.filter(pegawai=own).exists()
    assert not AuditEntry.objects.exists()


def test_admin_opd_cannot_edit_or_delete_own_record(client, world, admin_of_self):
    own = admin_of_self.pegawai
    row = services.save_riwayat(
        RiwayatPangkat(pegawai=own, golongan="III/a", tmt=date(2005, 3, 1)),
        actor=world.users["admin_opd"],
    )
    client = _client(client, admin_of_self)
    nip = own.nip
    assert client.get(reverse("people:pegawai_edit", args=[nip])).status_code == 403
    delete = reverse("people:riwayat_delete", args=[nip, "pangkat", row.pk])
    assert client.post(delete).status_code == 403
    assert RiwayatPangkat.objects.filter(pk=row.pk).exists()
    # The profile offers no editing buttons on one's own record; others' stay editable.
    assert client.get(reverse("people:pegawai_detail", args=[nip])).context["may_edit"] is False
    other = reverse("people:pegawai_detail", args=[world.pegawai_lain.nip])
    assert client.get(other).context["may_edit"] is True


def test_services_refuse_own_record_for_admin_bkd_and_superuser(world, bkd_of_self):
    for actor in bkd_of_self:
        own = Pegawai.objects.get(pk=actor.pegawai_id)
        with pytest.raises(SikapError) as exc:
            services.save_riwayat(
                RiwayatPangkat(pegawai=own, golongan="IV/e", tmt=date(2024, 4, 1)), actor=actor
            )
        assert exc.value.code == Kode.TIDAK_BERHAK
        with pytest.raises(SikapError):
            services.update_pegawai(own, {"nama": "Diganti"}, actor=actor)
    assert not RiwayatPangkat.objects.exists()
    assert not Pegawai.objects.filter(nama="Diganti").exists()
    # Someone else's record stays theirs to edit.
    services.update_pegawai(world.pegawai, {"no_hp": "0812"}, actor=bkd_of_self[0])


def test_an_import_refuses_the_row_of_the_importers_own_record(world, admin_of_self):
    p = admin_of_self.pegawai
    row = opd_a_row(
        world,
        1,
        **{
            "NIP BARU": p.nip,
            "TANGGAL LAHIR": f"{p.tanggal_lahir:%d-%m-%Y}",
            "NIK": "",
            "TMT CPNS": f"{p.tmt_cpns:%d-%m-%Y}",
            "GOL AKHIR ID": "45",
        },
    )
    report = import_siasn([row], actor=admin_of_self)
    assert [e.message for e in report.errors] == [access.OWN_RECORD_REFUSAL]
    p.refresh_from_db()
    assert p.golongan == "III/a"


# --- identity fields (finding 7) ---------------------------------------------------------------


def test_admin_opd_sees_identity_fields_disabled(world):
    url = reverse("people:pegawai_edit", args=[world.pegawai.nip])
    form = world.client("admin_opd").get(url).context["form"]
    assert all(form.fields[name].disabled for name in access.BKD_ONLY_FIELDS)
    form = world.client("admin_bkd").get(url).context["form"]
    assert not any(form.fields[name].disabled for name in access.BKD_ONLY_FIELDS)


@pytest.mark.parametrize(
    "field, value",
    [
        ("nip", "198005172005031999"),
        ("status", "pppk"),
        ("tanggal_lahir", date(1980, 5, 18)),
        ("tmt_cpns", date(2005, 4, 1)),
        ("kedudukan", "pensiun"),
    ],
)
def test_the_service_refuses_identity_changes_by_admin_opd(world, field, value):
    with pytest.raises(SikapError) as exc:
        services.update_pegawai(world.pegawai, {field: value}, actor=world.users["admin_opd"])
    assert exc.value.code == Kode.TIDAK_BERHAK
    assert "Hanya admin BKD" in exc.value.message
    assert not AuditEntry.objects.exists()


def test_a_posted_nip_change_by_admin_opd_is_ignored(world):
    p = world.pegawai
    data = {
        "nip": "198005172005031999",
        "nama": "Budi S.",
        "tanggal_lahir": p.tanggal_lahir.isoformat(),
        "jenis_kelamin": p.jenis_kelamin,
        "status": "pppk",
        "kedudukan": "pensiun",
        "tmt_cpns": p.tmt_cpns.isoformat(),
        "opd": p.opd_id,
        "unit": p.unit_id,
    }
    world.client("admin_opd").post(reverse("people:pegawai_edit", args=[p.nip]), data)
    p.refresh_from_db()
    assert (p.nama, p.status, p.kedudukan) == ("Budi S.", "pns", "aktif")
    assert Pegawai.objects.filter(nip=world.pegawai.nip).exists()


def test_a_new_nip_by_admin_bkd_renames_the_log_in_with_an_audit_row(world):
    p, account = world.pegawai, world.users["pegawai"]
    old_nip = p.nip
    new_nip = nip_for(p.tanggal_lahir, p.tmt_cpns, "L", urut=7)
    services.update_pegawai(p, {"nip": new_nip}, actor=world.users["admin_bkd"])
    account.refresh_from_db()
    assert account.username == new_nip
    entry = AuditEntry.objects.get(kind=kinds.USERNAME_FOLLOWS_NIP)
    assert entry.changes["username"] == [old_nip, new_nip]
    assert entry.actor == world.users["admin_bkd"] and entry.pegawai_id == p.pk


def test_a_new_nip_taken_as_another_log_in_changes_nothing(world):
    p = world.pegawai
    new_nip = nip_for(p.tanggal_lahir, p.tmt_cpns, "L", urut=7)
    User.objects.create_user(username=new_nip, password="x-y-z-123456")
    with pytest.raises(SikapError) as exc:
        services.update_pegawai(p, {"nip": new_nip}, actor=world.users["admin_bkd"])
    assert exc.value.code == Kode.DUPLIKAT
    assert Pegawai.objects.get(pk=p.pk).nip != new_nip


# --- a NIP taken elsewhere (finding 12) --------------------------------------------------------


def _create_form(world, nip):
    p = world.pegawai_b
    return {
        "nip": nip,
        "nama": "Rina Kartika",
        "tanggal_lahir": p.tanggal_lahir.isoformat(),
        "jenis_kelamin": p.jenis_kelamin,
        "status": "pns",
        "kedudukan": "aktif",
        "tmt_cpns": p.tmt_cpns.isoformat(),
        "opd": world.opd_a.pk,
        "unit": world.opd_a.units.get(induk=None).pk,
    }


def test_adding_a_nip_of_another_opd_does_not_confirm_it_exists(world):
    url = reverse("people:pegawai_create")
    response = world.client("admin_opd").post(url, _create_form(world, world.pegawai_b.nip))
    page = response.content.decode()
    assert response.status_code == 200
    assert services.NIP_NOT_AVAILABLE in page
    assert "sudah terdaftar" not in page and "sudah ada" not in page
    assert not Pegawai.objects.filter(nama="Rina Kartika").exists()


def test_adding_a_nip_the_user_can_see_says_it_is_registered(world):
    url = reverse("people:pegawai_create")
    response = world.client("admin_bkd").post(url, _create_form(world, world.pegawai_b.nip))
    assert response.context["form"].errors["nip"] == [
        f"NIP {world.pegawai_b.nip} sudah dipakai pegawai lain."
    ]


def test_an_opd_import_may_not_change_identity_fields(world):
    p = world.pegawai
    base = {
        "NIP BARU": p.nip, "TANGGAL LAHIR": f"{p.tanggal_lahir:%d-%m-%Y}", "NIK": "",
        "TMT CPNS": f"{p.tmt_cpns:%d-%m-%Y}",
    }  # fmt: skip
    on_leave = {"KEDUDUKAN HUKUM ID": "3", "KEDUDUKAN HUKUM NAMA": "Tugas Belajar"}
    retired = opd_a_row(world, 1, **base, **on_leave)
    report = import_siasn([retired], actor=world.users["admin_opd"])
    assert report.errors and "hanya admin BKD" in report.errors[0].message
    p.refresh_from_db()
    assert p.kedudukan == "aktif"
    assert import_siasn([retired], actor=world.users["admin_bkd"]).ok
    p.refresh_from_db()
    assert p.kedudukan == "tugas_belajar"
