"""The month's shift roster by XLSX: admin OPD for their OPD's pegawai, admin BKD for all; the
whole file checked first, every problem reported by row and nothing saved; a good file replaces
the month's roster of the pegawai it names."""

import io
from datetime import date, time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from sikap.attendance import jadwal_shift_import
from sikap.attendance.models import JadwalShift, Shift, TandaKonteks
from sikap.core import operations
from sikap.core.models import AuditEntry, Operasi

APRIL = date(2026, 4, 1)


def xlsx(*rows, headers=jadwal_shift_import.HEADERS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def shifts(world):
    return {
        "pagi": Shift.objects.create(opd=world.opd_a, nama="Pagi", masuk=time(7), pulang=time(14)),
        "malam": Shift.objects.create(
            opd=world.opd_a, nama="Malam", masuk=time(21), pulang=time(7)
        ),
        "b": Shift.objects.create(opd=world.opd_b, nama="Pagi", masuk=time(7), pulang=time(14)),
    }


def imports(world, persona: str, data: bytes, bulan=APRIL) -> Operasi:
    upload = SimpleUploadedFile("jadwal.xlsx", data)
    operasi = jadwal_shift_import.start(upload, bulan, user=world.users[persona])
    operations.run(operasi.pk)
    return Operasi.objects.get(pk=operasi.pk)


def messages_of(operasi: Operasi) -> list[str]:
    return [c["pesan"] for g in operasi.result["kelompok"] for c in g["contoh"]]


def test_admin_opd_replaces_the_month_of_the_pegawai_in_the_file(world, shifts):
    nip, lain = world.pegawai.nip, world.pegawai_lain.nip
    kept_march = JadwalShift.objects.create(
        pegawai=world.pegawai, tanggal=date(2026, 3, 31), shift=shifts["malam"]
    )
    JadwalShift.objects.create(
        pegawai=world.pegawai, tanggal=date(2026, 4, 20), shift=shifts["pagi"]
    )
    operasi = imports(
        world,
        "admin_opd",
        xlsx(
            (nip, "Budi", "01-04-2026", "pagi"),
            (nip, "Budi", date(2026, 4, 2), "Malam"),
            (lain, "", "2026-04-30", "Pagi"),
        ),
    )
    assert operasi.state == Operasi.State.SELESAI, operasi.message
    assert operasi.message == (
        "Jadwal shift April 2026 disimpan: 3 hari untuk 2 pegawai (menggantikan 1 hari jadwal "
        "sebelumnya)."
    )
    roster = JadwalShift.objects.filter(pegawai=world.pegawai).order_by("tanggal")
    assert [(j.tanggal.day, j.shift.nama) for j in roster] == [(31, "Malam"), (1, "Pagi"),
                                                                (2, "Malam")]  # fmt: skip
    assert roster[0] == kept_march
    assert AuditEntry.objects.filter(kind="jadwal_shift.imported").count() == 3
    assert AuditEntry.objects.filter(kind="jadwal_shift.deleted").count() == 1
    assert TandaKonteks.objects.filter(pk=world.pegawai.pk).exists()


def test_admin_bkd_rosters_any_opd(world, shifts):
    operasi = imports(world, "admin_bkd", xlsx((world.pegawai_b.nip, "", "03-04-2026", "Pagi")))
    assert operasi.state == Operasi.State.SELESAI
    assert JadwalShift.objects.get().shift == shifts["b"]


GOOD = ("", "", "01-04-2026", "Pagi")  # with the pegawai's NIP


@pytest.mark.parametrize(
    ("rows", "column", "message"),
    [
        ([("199001012020121001", "", "01-04-2026", "Pagi")], "nip",
         "NIP '199001012020121001' tidak ada di data pegawai."),
        ([("{b}", "", "01-04-2026", "Pagi")], "nip",
         "bukan pegawai OPD yang Anda kelola."),
        ([("{p}", "", "01-04-2026", "Sore")], "shift",
         "Shift 'Sore' tidak ada di Dinas Pendidikan"),
        ([("{p}", "", "01-05-2026", "Pagi")], "tanggal",
         "Tanggal 01-05-2026 di luar bulan April 2026."),
        ([("{p}", "", "31-04-2026", "Pagi")], "tanggal", "Tanggal '31-04-2026' tidak valid"),
        ([("{p}", "", "01-04-2026", "Pagi"), ("{p}", "Budi", date(2026, 4, 1), "Malam")],
         "tanggal", "sudah dijadwalkan pada 01-04-2026 di baris 3."),
        ([("+HYPERLINK(\"http://x\",\"{p}\")", "", "01-04-2026", "Pagi")], "nip",
         "dibaca sebagai rumus"),
        ([("{p}", "", "01-04-2026", "@SUM(1)")], "shift", "dibaca sebagai rumus"),
        ([("{p}", "", "01-04-2026", "")], "shift", "Nama shift kosong."),
    ],
    ids=["nip-tidak-dikenal", "opd-lain", "shift-tidak-dikenal", "di-luar-bulan",
         "tanggal-salah", "baris-ganda", "rumus-nip", "rumus-shift", "shift-kosong"],
)  # fmt: skip
def test_each_bad_row_refuses_the_whole_file(world, shifts, rows, column, message):
    before = JadwalShift.objects.create(
        pegawai=world.pegawai, tanggal=date(2026, 4, 9), shift=shifts["pagi"]
    )
    nips = {"p": world.pegawai.nip, "b": world.pegawai_b.nip}
    cells = [[c.format(**nips) if isinstance(c, str) else c for c in r] for r in rows]
    good = (world.pegawai_lain.nip, *GOOD[1:])
    operasi = imports(world, "admin_opd", xlsx(good, *cells))
    assert operasi.state == Operasi.State.GAGAL
    assert operasi.message.startswith("Tidak ada jadwal yang disimpan: 1 kesalahan")
    [group] = operasi.result["kelompok"]
    assert group["kolom"] == column
    assert any(message in m for m in messages_of(operasi)), messages_of(operasi)
    assert [c["baris"] for c in group["contoh"]] == [len(cells) + 2]
    assert list(JadwalShift.objects.all()) == [before]
    problems = load_workbook(operasi.result_file.open("rb")).active
    assert [c.value for c in next(problems.iter_rows(max_row=1))] == ["Baris", "Kolom", "Nilai",
                                                                      "Masalah"]  # fmt: skip


def test_nobody_rosters_themself(world, shifts):
    world.users["atasan"].peran = "admin_opd"
    world.users["atasan"].save(update_fields=["peran"])
    world.users["atasan"].opd_scope.set([world.opd_a])
    operasi = imports(world, "atasan", xlsx((world.atasan.nip, "", "01-04-2026", "Pagi")))
    assert operasi.state == Operasi.State.GAGAL
    assert messages_of(operasi) == ["Jadwal shift Anda sendiri diatur oleh admin lain."]


def test_a_file_without_the_columns_is_refused_on_the_page(world, shifts):
    page = world.client("admin_opd").post(
        reverse("attendance:jadwal_shift_impor"),
        {"bulan": "2026-04", "berkas": SimpleUploadedFile("x.xlsx", xlsx(headers=("nip", "x")))},
    )
    assert page.status_code == 200 and not Operasi.objects.exists()
    assert "Kolom wajib tidak ditemukan pada baris judul: tanggal, shift." in page.content.decode()


def test_the_page_starts_the_operation_and_lists_only_ones_own_shifts(world, shifts):
    client = world.client("admin_opd")
    page = client.get(reverse("attendance:jadwal_shift_impor")).content.decode()
    assert "Malam" in page and "Dinas Kesehatan" not in page
    data = xlsx((world.pegawai.nip, "", "01-04-2026", "Pagi"))
    response = client.post(
        reverse("attendance:jadwal_shift_impor"),
        {"bulan": "2026-04", "berkas": SimpleUploadedFile("jadwal.xlsx", data)},
    )
    operasi = Operasi.objects.get(kind=jadwal_shift_import.KIND)
    assert response.status_code == 302 and response["Location"] == f"/proses/{operasi.pk}/"
    assert operasi.params["bulan"] == "2026-04-01"
    bad = client.post(
        reverse("attendance:jadwal_shift_impor"),
        {"bulan": "2026-13", "berkas": SimpleUploadedFile("jadwal.xlsx", data)},
    )
    assert "Bulan &#x27;2026-13&#x27; tidak valid" in bad.content.decode()


def test_the_template_holds_the_recorded_roster_of_ones_own_opd(world, shifts):
    JadwalShift.objects.create(
        pegawai=world.pegawai, tanggal=date(2026, 4, 3), shift=shifts["pagi"]
    )
    JadwalShift.objects.create(pegawai=world.pegawai_b, tanggal=date(2026, 4, 3), shift=shifts["b"])
    response = world.client("admin_opd").get(
        reverse("attendance:jadwal_shift_templat"), {"bulan": "2026-04"}
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0] == list(jadwal_shift_import.HEADERS)
    assert [r[0] for r in rows[1:]] == [world.pegawai.nip]


@pytest.mark.parametrize("persona", ["pegawai", "atasan", "verifikator", "pimpinan"])
def test_only_admins_import_rosters(world, persona):
    client = world.client(persona)
    assert client.get(reverse("attendance:jadwal_shift_impor")).status_code == 403
    assert client.get(reverse("attendance:jadwal_shift_templat")).status_code == 403


def test_a_csv_cell_starting_with_equals_is_refused_as_a_formula(world, shifts):
    data = f"nip;tanggal;shift\n{world.pegawai.nip};01-04-2026;=1+1\n".encode()
    operasi = imports(world, "admin_opd", data)
    assert operasi.state == Operasi.State.GAGAL and not JadwalShift.objects.exists()
    assert [c["baris"] for g in operasi.result["kelompok"] for c in g["contoh"]] == [2]
    assert "dibaca sebagai rumus" in messages_of(operasi)[0]


@pytest.mark.parametrize(
    ("persona", "name", "button", "sends_a_file"),
    [
        ("admin_opd", "attendance:jadwal_shift_impor", "Periksa dan impor", True),
        ("pegawai", "attendance:cuti_list", "Ajukan ke atasan", True),
        ("pegawai", "attendance:lokasi_list", "Ajukan ke atasan", False),
        ("pegawai", "attendance:aktivitas", "Catat", True),
    ],
)
def test_the_attendance_forms_share_one_card_and_send_files_only_when_they_hold_one(
    world, persona, name, button, sends_a_file
):
    html = world.client(persona).get(reverse(name)).content.decode()
    assert f'<button class="btn btn-sikap mt-2" type="submit">{button}</button>' in html
    assert ('enctype="multipart/form-data"' in html) is sends_a_file
