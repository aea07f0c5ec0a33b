"""The bank and the tests at /kelola/ (admin BKD): an item written through the form, with its
content checked; a test saved with a warning when its bank is short."""

from sikap.competency.models import Soal, Ujian


def _soal_form(kompetensi, **changes) -> dict:
    data = {
        "kode": "INT-K1", "kompetensi": kompetensi.pk, "level": 2, "jenis": "pg", "aktif": "on",
        "teks": "Rekan meminta Anda mencatat kehadirannya. Apa yang Anda lakukan?",
        "opsi_A": "Menolak dan mengingatkan aturan", "opsi_B": "Mencatatkan", "kunci": "A",
        "versi-TOTAL_FORMS": "0", "versi-INITIAL_FORMS": "0",
    }  # fmt: skip
    data.update(changes)
    return data


def test_admin_bkd_adds_an_item_through_the_form(world, kompetensi):
    client = world.client("admin_bkd")
    response = client.post("/kelola/competency/soal/add/", _soal_form(kompetensi[0]))
    assert response.status_code == 302, response.content.decode()[-2000:]
    soal = Soal.objects.get(kode="INT-K1")
    assert soal.terkini.opsi.get(benar=True).teks == "Menolak dan mengingatkan aturan"


def test_an_item_without_a_key_is_refused_by_the_form(world, kompetensi):
    client = world.client("admin_bkd")
    response = client.post("/kelola/competency/soal/add/", _soal_form(kompetensi[0], kunci=""))
    assert response.status_code == 200
    assert "belum memiliki kunci jawaban" in response.content.decode()
    assert not Soal.objects.exists()


def test_saving_a_test_warns_when_the_bank_is_short(world, kompetensi):
    client = world.client("admin_bkd")
    response = client.post(
        "/kelola/competency/ujian/add/",
        {
            "nama": "Uji Integritas",
            "keterangan": "",
            "terbit": "on",
            "dibuka_0": "01-12-2026",
            "dibuka_1": "08:00",
            "ditutup_0": "31-12-2026",
            "ditutup_1": "16:00",
            "durasi_menit": 20,
            "sasaran": "semua",
            "jenis_jabatan": "",
            "batas_percobaan": 1,
            "acak_soal": "on",
            "acak_opsi": "on",
            "tampil_hasil": "segera",
            "bagian-TOTAL_FORMS": "1",
            "bagian-INITIAL_FORMS": "0",
            "bagian-0-kompetensi": kompetensi[0].pk,
            "bagian-0-jumlah_soal": 5,
            "bagian-0-level_dari": 1,
            "bagian-0-level_sampai": 5,
        },  # fmt: skip
        follow=True,
    )
    assert Ujian.objects.filter(nama="Uji Integritas").exists(), response.content.decode()[-3000:]
    assert "Bank soal belum cukup" in response.content.decode()


def test_editing_a_drawn_item_in_the_form_makes_a_new_version(world, ujian, rng, clock):
    from sikap.competency import services
    from sikap.competency.models import ButirPercobaan

    attempt = services.start(ujian.pk, actor=world.users["pegawai"], rng=rng).percobaan
    butir = ButirPercobaan.objects.filter(percobaan=attempt, versi__soal__jenis="pg").first()
    soal, old = butir.versi.soal, butir.versi
    data = _soal_form(soal.kompetensi, kode=soal.kode, level=soal.level, teks="Teks baru")
    data.update({"versi-TOTAL_FORMS": "1", "versi-INITIAL_FORMS": "1", "versi-0-id": old.pk,
                 "versi-0-soal": soal.pk})  # fmt: skip
    response = world.client("admin_bkd").post(f"/kelola/competency/soal/{soal.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    soal.refresh_from_db()
    assert soal.terkini.nomor == old.nomor + 1 and soal.terkini.teks == "Teks baru"
    old.refresh_from_db()
    assert old.teks != "Teks baru"
