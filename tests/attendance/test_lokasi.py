"""A temporary place proposed by the pegawai and approved by their atasan through the workflow;
the check-in then accepts it. Bad input refused per field with nothing stored."""

from datetime import date

import pytest

from sikap.attendance import lokasi
from sikap.attendance.flows import LOKASI_FLOW
from sikap.attendance.models import LokasiSementara, PengajuanLokasi
from sikap.core.errors import SikapError
from sikap.core.models import Notifikasi
from tests.attendance.conftest import body

pytestmark = pytest.mark.usefixtures("kantor", "clock")
HOTEL = {"nama": "Hotel tempat rapat, Surabaya", "latitude": "-7.250000",
         "longitude": "112.750000", "radius_m": 200, "mulai": date(2026, 4, 7),
         "selesai": date(2026, 4, 8), "alasan": "Surat tugas 800/12/2026"}  # fmt: skip


def propose(world, **changes):
    return lokasi.ajukan(**{**HOTEL, **changes}, actor=world.users["pegawai"])


def test_the_atasan_approves_and_the_check_in_there_is_accepted(
    world, hp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = propose(world)
    assert Notifikasi.objects.filter(user=world.users["atasan"]).exists()
    refused = hp.post("presensi", body(latitude=-7.2501, longitude=112.75))
    assert refused.status_code == 409 and refused.json()["code"] == "luar_radius"
    assert [s.name for s in LOKASI_FLOW.available(case, world.users["pegawai"])] == ["batalkan"]
    LOKASI_FLOW.run(case, "setujui", actor=world.users["atasan"])
    place = LokasiSementara.objects.get()
    assert PengajuanLokasi.objects.get().lokasi == place and place.radius_m == 200
    accepted = hp.post("presensi", body(latitude=-7.2501, longitude=112.75))
    assert accepted.status_code == 201 and accepted.json()["lokasi"] == HOTEL["nama"]


@pytest.mark.parametrize("persona", ["pegawai", "admin_bkd", "admin_opd", "kabid"])
def test_only_the_atasan_approves(world, persona):
    case = propose(world)
    with pytest.raises(SikapError):
        LOKASI_FLOW.run(case, "setujui", actor=world.users[persona])
    assert not LokasiSementara.objects.exists()


def test_refusing_needs_a_reason(world):
    case = propose(world)
    with pytest.raises(SikapError, match="Alasan wajib"):
        LOKASI_FLOW.run(case, "tolak", actor=world.users["atasan"])
    LOKASI_FLOW.run(case, "tolak", actor=world.users["atasan"], reason="Tidak ada surat tugas")
    assert PengajuanLokasi.objects.get().state == "ditolak" and not LokasiSementara.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"nama": "  "}, "nama", "Wajib diisi"),
        ({"nama": "=HYPERLINK(1)"}, "nama", "rumus"),
        ({"alasan": ""}, "alasan", "Wajib diisi"),
        ({"latitude": "91"}, "latitude", "antara -90 dan 90"),
        ({"longitude": "abc"}, "longitude", "angka desimal"),
        ({"longitude": "NaN"}, "longitude", "antara -180 dan 180"),
        ({"radius_m": 5}, "radius_m", "Radius antara 10 dan 5000"),
        ({"selesai": date(2026, 4, 6)}, "selesai", "sebelum tanggal mulai"),
        ({"mulai": date(2026, 3, 1), "selesai": date(2026, 3, 2)}, "selesai", "sudah lewat"),
        ({"selesai": date(2027, 5, 1)}, "selesai", "paling lama satu tahun"),
    ],
)
def test_bad_input_is_refused_per_field_and_nothing_is_stored(world, changes, field, message):
    with pytest.raises(SikapError) as refused:
        propose(world, **changes)
    assert field in refused.value.errors and message in refused.value.errors[field][0]
    assert not PengajuanLokasi.objects.exists()


def test_a_staff_account_cannot_propose(world):
    with pytest.raises(SikapError):
        lokasi.ajukan(**HOTEL, actor=world.users["admin_bkd"])


def test_the_page_proposes_and_shows_form_errors(world):
    client = world.client("pegawai")
    bad = client.post("/presensi/lokasi/", {**HOTEL, "radius_m": 1})
    assert bad.status_code == 200 and not PengajuanLokasi.objects.exists()
    good = client.post("/presensi/lokasi/", HOTEL)
    case = PengajuanLokasi.objects.get()
    assert good.status_code == 302 and good["Location"] == case.get_absolute_url()
    page = world.client("atasan").get(case.get_absolute_url()).content.decode()
    assert "Setujui" in page and "Hotel tempat rapat" in page
