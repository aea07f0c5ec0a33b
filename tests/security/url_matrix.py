"""What each persona gets from every URL of SIKAP: the table `test_url_matrix` checks and
docs/access.md shows (regenerate it with `python -m tests.security.url_matrix > docs/access.md`).

A row names a URL pattern (`namespace:name`, or the route of an unnamed one), the objects its
path converters are filled with (keys of the matrix world, see `test_url_matrix.world_values`),
and one code per persona, in the order of PERSONAS, for GET and for a POST with an empty body:

    200  shown (any 2xx)          L    sent to the log-in page
    302  redirected elsewhere     403  refused (the refusal page)
    404  not found: may not see   405  method not allowed
    400  invalid input               401  the API's "log in first" (JSON; it never redirects)

Adding a URL: add its row here (the test fails, naming the URL, until you do), run the test,
and regenerate docs/access.md. A POST that a persona may not make must change nothing: the
test checks the audit trail, the case timelines and the notifications stay as they were.

/kelola/ (Django's admin) is covered by rule rather than row by row: its index and the change
list of every registered model, GET only, as each persona; the models perencana manage are
KELOLA_PLAN_MODELS, every other model is admin BKD's. /static/ is served before any view.
"""

from dataclasses import dataclass, field

PERSONAS = (
    "anonymous",
    "pegawai",
    "atasan",
    "admin_opd",
    "admin_opd_lain",
    "verifikator",
    "perencana",
    "pimpinan",
    "admin_bkd",
)

PERSONA_NOTES = {
    "anonymous": "not logged in",
    "pegawai": "an ASN; the URLs' pegawai (OPD A) is this persona's own record",
    "atasan": "head of OPD A's root unit, the pegawai's superior",
    "admin_opd": "admin of OPD A",
    "admin_opd_lain": "admin of OPD B",
    "verifikator": "BKD verifier",
    "perencana": "BKD planner (SAKIP)",
    "pimpinan": "head of BKD (reads)",
    "admin_bkd": "BKD administrator",
}

CODES = ("200", "302", "L", "400", "401", "403", "404", "405")


@dataclass(frozen=True)
class Row:
    url: str
    get: str
    post: str
    args: dict = field(default_factory=dict)
    note: str = ""

    def codes(self, method: str) -> dict[str, str]:
        values = (self.get if method == "GET" else self.post).split()
        assert len(values) == len(PERSONAS), f"{self.url}: one code per persona ({method})"
        assert set(values) <= set(CODES), f"{self.url}: unknown code in {values}"
        return dict(zip(PERSONAS, values, strict=True))


NIP = {"nip": "nip"}

# fmt: off
ROWS = [
    # accounts
    Row("accounts:login", note="public",
        get="200 302 302 302 302 302 302 302 302", post="200 302 302 302 302 302 302 302 302"),
    Row("accounts:logout",
        get="L 405 405 405 405 405 405 405 405", post="L L L L L L L L L"),
    Row("set_language", note="public",
        get="302 302 302 302 302 302 302 302 302", post="302 302 302 302 302 302 302 302 302"),
    Row("favicon.ico", note="public",
        get="302 302 302 302 302 302 302 302 302", post="302 302 302 302 302 302 302 302 302"),
    Row("accounts:perangkat",
        get="L 200 200 200 200 200 200 200 200", post="L 200 200 200 200 200 200 200 200"),
    Row("accounts:perangkat_cabut", args={"pk": "api_token"}, note="the token is the pegawai's",
        get="L 405 405 405 405 405 405 405 405", post="L 302 404 404 404 404 404 404 404"),
    Row("accounts:kata_sandi", note="everyone changes their own password",
        get="L 200 200 200 200 200 200 200 200", post="L 200 200 200 200 200 200 200 200"),
    Row("accounts:kode_masuk", note="admin OPD: one-time code for a pegawai of their OPD",
        get="L 403 403 200 200 403 403 403 403", post="L 403 403 200 200 403 403 403 403"),
    Row("accounts:lupa_sandi", note="public: reset link by e-mail",
        get="200 200 200 200 200 200 200 200 200", post="200 200 200 200 200 200 200 200 200"),
    Row("accounts:lupa_sandi_terkirim", note="public",
        get="200 200 200 200 200 200 200 200 200", post="405 405 405 405 405 405 405 405 405"),
    Row("accounts:atur_ulang", args={"uidb64": "reset_uid", "token": "reset_token"},
        note="public; a wrong link says so",
        get="200 200 200 200 200 200 200 200 200", post="200 200 200 200 200 200 200 200 200"),
    Row("accounts:atur_ulang_selesai", note="public",
        get="200 200 200 200 200 200 200 200 200", post="405 405 405 405 405 405 405 405 405"),
    Row("accounts:dua_langkah", note="admin roles enrol a TOTP app",
        get="L 403 403 200 200 403 403 403 200", post="L 403 403 200 200 403 403 403 200"),
    Row("accounts:dua_langkah_verifikasi", note="only with a device not yet verified",
        get="L 302 302 302 302 302 302 302 302", post="L 302 302 302 302 302 302 302 302"),
    # api (the web personas call it with their session; phones use tokens: tests/api)
    Row("api-v1:api-root", note="no view at the root",
        get="404 404 404 404 404 404 404 404 404", post="404 404 404 404 404 404 404 404 404"),
    Row("api-v1:openapi-json", note="public schema",
        get="200 200 200 200 200 200 200 200 200", post="200 200 200 200 200 200 200 200 200"),
    Row("api-v1:openapi-view", note="public docs",
        get="200 200 200 200 200 200 200 200 200", post="200 200 200 200 200 200 200 200 200"),
    Row("api-v1:minta_token", note="public; an empty body is invalid",
        get="405 405 405 405 405 405 405 405 405", post="400 400 400 400 400 400 400 400 400"),
    Row("api-v1:daftar_token",
        get="401 200 200 200 200 200 200 200 200", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:cabut_token", args={"token_id": "api_token"}, note="DELETE: tests/api",
        get="405 405 405 405 405 405 405 405 405", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:profil", note="staff without a pegawai record: 404",
        get="401 200 200 404 404 404 404 404 404", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:dokumen",
        get="401 200 200 404 404 404 404 404 404", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:dokumen_berkas", args={"dokumen_id": "dokumen"}, note="only one's own",
        get="401 200 404 404 404 404 404 404 404", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:surat",
        get="401 200 200 404 404 404 404 404 404", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:surat_berkas", args={"surat_id": "terbit"}, note="only one's own",
        get="401 200 404 404 404 404 404 404 404", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:notifikasi",
        get="401 200 200 200 200 200 200 200 200", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:baca_notifikasi", args={"notifikasi_id": "notifikasi"},
        get="405 405 405 405 405 405 405 405 405", post="401 200 404 404 404 404 404 404 404"),
    Row("api-v1:baca_semua",
        get="405 405 405 405 405 405 405 405 405", post="401 200 200 200 200 200 200 200 200"),
    Row("api-v1:presensi", note="an empty body is invalid; check-ins: tests/attendance",
        get="405 405 405 405 405 405 405 405 405", post="401 400 400 400 400 400 400 400 400"),
    Row("api-v1:presensi_hari_ini", note="staff without a pegawai record: 404",
        get="401 200 200 404 404 404 404 404 404", post="405 405 405 405 405 405 405 405 405"),
    # people
    Row("people:dashboard",
        get="L 200 200 200 200 200 200 200 200", post="L 200 200 200 200 200 200 200 200"),
    Row("people:statistik", note="the workforce charts; the home page shows the headcount",
        get="L 403 403 200 200 200 200 200 200", post="L 403 403 200 200 200 200 200 200"),
    Row("people:pegawai_list",
        get="L 200 200 200 200 200 200 200 200", post="L 200 200 200 200 200 200 200 200"),
    Row("people:pegawai_export",
        get="L 200 200 200 200 200 200 200 200", post="L 200 200 200 200 200 200 200 200"),
    Row("people:pegawai_create",
        get="L 403 403 200 200 403 403 403 200", post="L 403 403 200 200 403 403 403 200"),
    Row("people:pegawai_detail", args=NIP,
        get="L 200 200 200 404 200 200 200 200", post="L 200 200 200 404 200 200 200 200"),
    Row("people:pegawai_edit", args=NIP,
        get="L 403 403 200 404 403 403 403 200", post="L 403 403 200 404 403 403 403 200"),
    Row("people:pegawai_pdf", args=NIP, note="personal file: no superior, pimpinan, perencana",
        get="L 200 403 200 404 200 403 403 200", post="L 200 403 200 404 200 403 403 200"),
    Row("people:pegawai_history", args=NIP,
        get="L 200 403 200 404 200 403 200 200", post="L 200 403 200 404 200 403 200 200"),
    Row("people:riwayat_create", args={"nip": "nip", "kind": "riwayat_kind"},
        get="L 403 403 200 404 403 403 403 200", post="L 403 403 200 404 403 403 403 200"),
    Row("people:riwayat_edit", args={"nip": "nip", "kind": "riwayat_kind", "pk": "riwayat"},
        get="L 403 403 200 404 403 403 403 200", post="L 403 403 200 404 403 403 403 200"),
    Row("people:riwayat_delete", args={"nip": "nip", "kind": "riwayat_kind", "pk": "riwayat"},
        get="L 403 403 200 404 403 403 403 200", post="L 403 403 302 404 403 403 403 302"),
    Row("people:import_siasn",
        get="L 403 403 200 200 403 403 403 200", post="L 403 403 200 200 403 403 403 200"),
    # long operations (core/operations.py): their owner (admin_opd here) and admin BKD
    Row("core:operasi", args={"pk": "operasi"},
        get="L 404 404 200 404 404 404 404 200", post="L 405 405 405 405 405 405 405 405"),
    Row("core:operasi_status", args={"pk": "operasi"},
        get="L 404 404 200 404 404 404 404 200", post="L 405 405 405 405 405 405 405 405"),
    Row("core:operasi_berkas", args={"pk": "operasi"},
        get="L 404 404 200 404 404 404 404 200", post="L 405 405 405 405 405 405 405 405"),
    # documents
    Row("documents:arsip_pegawai", args=NIP,
        get="L 200 200 200 404 200 200 200 200", post="L 200 200 200 404 200 200 200 200"),
    Row("documents:dokumen_unggah", args={"nip": "nip", "kode": "jenis_dokumen"},
        get="L 405 405 405 405 405 405 405 405", post="L 302 403 302 404 403 403 403 302"),
    Row("documents:dokumen_detail", args={"pk": "dokumen"}, note="decided by BKD staff here",
        get="L 200 200 200 404 200 200 200 200", post="L 200 200 200 404 200 200 200 200"),
    Row("documents:dokumen_lihat", args={"pk": "dokumen"}, note="inline, CSP sandbox",
        get="L 200 200 200 404 200 200 200 200", post="L 200 200 200 404 200 200 200 200"),
    Row("documents:dokumen_unduh", args={"pk": "dokumen"},
        note="personal file: no superior, pimpinan, perencana",
        get="L 200 403 200 404 200 403 403 200", post="L 200 403 200 404 200 403 403 200"),
    Row("documents:dokumen_verifikasi", args={"pk": "dokumen"},
        get="L 405 405 405 405 405 405 405 405", post="L 403 403 403 404 302 403 403 302"),
    Row("documents:antrian_verifikasi",
        get="L 403 403 403 403 200 403 403 200", post="L 403 403 403 403 200 403 403 200"),
    Row("documents:kelengkapan_dokumen",
        get="L 200 200 200 200 200 200 200 200", post="L 200 200 200 200 200 200 200 200"),
    Row("documents:kelengkapan_ekspor",
        get="L 200 200 200 200 200 200 200 200", post="L 200 200 200 200 200 200 200 200"),
    Row("documents:terbit_unduh", args={"pk": "terbit"},
        get="L 200 200 200 404 200 200 200 200", post="L 200 200 200 404 200 200 200 200"),
    Row("documents:akses_log", note="who opened which personal file",
        get="L 403 403 403 403 403 403 403 200", post="L 403 403 403 403 403 403 403 200"),
    Row("documents:akses_saya", note="accounts linked to a pegawai record",
        get="L 200 200 403 403 403 403 403 403", post="L 200 200 403 403 403 403 403 403"),
    Row("documents:verifikasi_dokumen", args={"token": "token"},
        get="200 200 200 200 200 200 200 200 200", post="200 200 200 200 200 200 200 200 200"),
    # selfservice
    Row("selfservice:usulan_list",
        get="L 200 200 403 403 403 403 403 403", post="L 200 200 403 403 403 403 403 403"),
    Row("selfservice:usulan_pilih",
        get="L 200 200 403 403 403 403 403 403", post="L 200 200 403 403 403 403 403 403"),
    Row("selfservice:usulan_create", args={"kode": "jenis_usulan"},
        get="L 200 200 403 403 403 403 403 403", post="L 200 200 403 403 403 403 403 403"),
    Row("selfservice:antrian",
        get="L 403 403 200 200 200 403 403 200", post="L 403 403 200 200 200 403 403 200"),
    Row("selfservice:antrian_bulk",
        get="L 405 405 405 405 405 405 405 405", post="L 403 403 302 302 302 403 403 302"),
    Row("selfservice:usulan_detail", args={"pk": "usulan"},
        get="L 200 404 200 404 200 200 200 200", post="L 200 404 200 404 200 200 200 200"),
    Row("selfservice:usulan_edit", args={"pk": "usulan"},
        get="L 403 404 403 404 403 403 403 403", post="L 403 404 403 404 403 403 403 403"),
    Row("selfservice:usulan_step", args={"pk": "usulan"},
        get="L 405 405 405 405 405 405 405 405", post="L 302 404 302 404 302 302 302 302"),
    Row("selfservice:notifikasi",
        get="L 200 200 200 200 200 200 200 200", post="L 200 200 200 200 200 200 200 200"),
    Row("selfservice:notifikasi_open", args={"pk": "notifikasi"},
        get="L 405 405 405 405 405 405 405 405", post="L 302 404 404 404 404 404 404 404"),
    Row("selfservice:notifikasi_read_all",
        get="L 405 405 405 405 405 405 405 405", post="L 302 302 302 302 302 302 302 302"),
    # core: the one inbox (each persona sees what waits for them; nothing is an empty inbox)
    Row("core:kotak_masuk",
        get="L 200 200 200 200 200 200 200 200", post="L 200 200 200 200 200 200 200 200"),
    Row("core:kotak_masuk_berikutnya", note="to the oldest waiting item, or back to the inbox",
        get="L 302 302 302 302 302 302 302 302", post="L 302 302 302 302 302 302 302 302"),
    # ipasn
    Row("ipasn:index",
        get="L 302 302 302 302 302 302 302 302", post="L 302 302 302 302 302 302 302 302"),
    Row("ipasn:indicator_create",
        get="L 403 403 403 403 403 200 403 200", post="L 403 403 403 403 403 200 403 200"),
    Row("ipasn:indicator_edit", args={"pk": "ipasn_indicator"},
        get="L 403 403 403 403 403 200 403 200", post="L 403 403 403 403 403 200 403 200"),
    Row("ipasn:indicator_delete", args={"pk": "ipasn_indicator"},
        get="L 405 405 405 405 405 405 405 405", post="L 403 403 403 403 403 302 403 302"),
    Row("ipasn:year", args={"year": "tahun"},
        get="L 403 403 200 200 200 200 200 200", post="L 403 403 200 200 200 200 200 200"),
    Row("ipasn:per_opd", args={"year": "tahun"},
        get="L 403 403 200 200 200 200 200 200", post="L 403 403 200 200 200 200 200 200"),
    Row("ipasn:indicator", args={"year": "tahun", "pk": "ipasn_indicator"},
        get="L 403 403 200 200 200 200 200 200", post="L 403 403 200 200 200 200 200 200"),
    Row("ipasn:indicator_members",
        args={"year": "tahun", "pk": "ipasn_indicator", "name": "hitungan"},
        get="L 403 403 200 200 200 200 200 200", post="L 403 403 200 200 200 200 200 200"),
    Row("ipasn:members", args={"year": "tahun", "dimension": "dimension", "category": "category"},
        get="L 403 403 200 200 200 200 200 200", post="L 403 403 200 200 200 200 200 200"),
    # performance
    Row("performance:sakip_home",
        get="L 403 403 403 403 403 302 302 302", post="L 403 403 403 403 403 302 302 302"),
    Row("performance:sakip_import",
        get="L 403 403 403 403 403 200 403 200", post="L 403 403 403 403 403 200 403 200"),
    Row("performance:sakip_pengaturan",
        get="L 403 403 403 403 403 200 403 200", post="L 403 403 403 403 403 200 403 200"),
    Row("performance:sakip_tahun", args={"tahun": "tahun"},
        get="L 403 403 403 403 403 200 200 200", post="L 403 403 403 403 403 200 200 200"),
    Row("performance:sakip_dasbor", args={"tahun": "tahun"},
        get="L 403 403 403 403 403 200 200 200", post="L 403 403 403 403 403 200 200 200"),
    Row("performance:sakip_periksa", args={"tahun": "tahun"},
        get="L 403 403 403 403 403 200 200 200", post="L 403 403 403 403 403 200 200 200"),
    Row("performance:sakip_perjanjian", args={"tahun": "tahun"},
        get="L 403 403 403 403 403 200 200 200", post="L 403 403 403 403 403 200 403 200"),
    Row("performance:sakip_indikator", args={"pk": "indikator_renja"},
        get="L 403 403 403 403 403 200 200 200", post="L 403 403 403 403 403 200 200 200"),
    Row("performance:sakip_iku", args={"pk": "iku"},
        get="L 403 403 403 403 403 200 403 200", post="L 403 403 403 403 403 200 403 200"),
    Row("performance:sakip_realisasi_simpan", args={"pk": "realisasi"},
        get="L 405 405 405 405 405 405 405 405", post="L 403 403 403 403 403 302 403 302"),
    Row("performance:sakip_realisasi_langkah", args={"pk": "realisasi"},
        get="L 405 405 405 405 405 405 405 405", post="L 403 403 403 403 403 302 403 302"),
    Row("performance:sakip_realisasi_bukti", args={"pk": "realisasi"},
        get="L 403 403 403 403 403 404 404 404", post="L 403 403 403 403 403 404 404 404"),
    Row("performance:sakip_koreksi_baru", args={"pk": "realisasi"},
        get="L 403 403 403 403 403 200 403 200", post="L 403 403 403 403 403 200 403 200"),
    Row("performance:sakip_koreksi", args={"pk": "koreksi"},
        get="L 403 403 403 403 403 200 200 200", post="L 403 403 403 403 403 200 403 200"),
    Row("performance:sakip_koreksi_langkah", args={"pk": "koreksi"},
        get="L 405 405 405 405 405 405 405 405", post="L 403 403 403 403 403 302 403 302"),
    Row("performance:sakip_koreksi_bukti", args={"pk": "koreksi"},
        get="L 403 403 403 403 403 404 404 404", post="L 403 403 403 403 403 404 404 404"),
    # lkj
    Row("lkj:lkj_home",
        get="L 403 403 403 403 403 302 302 302", post="L 403 403 403 403 403 302 302 302"),
    Row("lkj:lkj_tahun", args={"tahun": "tahun"},
        get="L 403 403 403 403 403 200 200 200", post="L 403 403 403 403 403 200 403 200"),
    Row("lkj:lkj_pdf", args={"tahun": "tahun"},
        get="L 403 403 403 403 403 200 200 200", post="L 403 403 403 403 403 200 200 200"),
    Row("lkj:lkj_docx", args={"tahun": "tahun"},
        get="L 403 403 403 403 403 200 200 200", post="L 403 403 403 403 403 200 200 200"),
    Row("lkj:lkj_terbitkan", args={"tahun": "tahun"},
        get="L 405 405 405 405 405 405 405 405", post="L 403 403 403 403 403 403 403 403"),
    Row("lkj:lkj_konfirmasi", args={"tahun": "tahun"},
        get="L 405 405 405 405 405 405 405 405", post="L 403 403 403 403 403 403 403 302"),
    Row("lkj:lkj_analisis", args={"tahun": "tahun"},
        get="L 405 405 405 405 405 405 405 405", post="L 403 403 403 403 403 302 403 302"),
    # salary (e-Berkala)
    # competency results (SIJI KOMANDO): the pegawai's own scored attempt
    Row("competency:hasil", args={"pk": "percobaan_selesai"},
        get="L 200 404 200 404 404 404 404 200", post="L 405 405 405 405 405 405 405 405"),
    Row("competency:hasil_pdf", args={"pk": "percobaan_selesai"},
        get="L 200 404 200 404 404 404 404 200", post="L 405 405 405 405 405 405 405 405"),
    Row("competency:catat", args={"pk": "percobaan_selesai"}, note="records a self-assessment",
        get="L 405 405 405 405 405 405 405 405", post="L 302 404 403 404 404 404 404 403"),
    Row("api-v1:hasil_kompetensi", args={"pk": "percobaan_selesai"}, note="JSON errors",
        get="401 200 404 200 404 404 404 404 200", post="405 405 405 405 405 405 405 405 405"),
    Row("competency:rekap",
        get="L 403 403 200 200 403 403 403 200", post="L 405 405 405 405 405 405 405 405"),
    Row("competency:rekap_xlsx",
        get="L 403 403 200 200 403 403 403 200", post="L 405 405 405 405 405 405 405 405"),
    Row("salary:daftar",
        get="L 403 403 200 200 200 200 200 200", post="L 405 405 405 405 405 405 405 405"),
    Row("salary:verifikasi",
        get="L 405 405 405 405 405 405 405 405", post="L 403 403 403 403 302 403 403 302"),
    Row("salary:tandatangani",
        get="L 405 405 405 405 405 405 405 405", post="L 403 403 403 403 403 403 403 403",
        note="only an account configured as KGB signer (none in this world)"),
    Row("salary:kalkulator",
        get="L 403 403 200 200 200 200 200 200", post="L 405 405 405 405 405 405 405 405"),
    Row("salary:saya",
        get="L 200 200 200 200 200 200 200 200", post="L 405 405 405 405 405 405 405 405"),
    Row("salary:detail", args={"pk": "kgb"},
        get="L 404 404 200 404 200 200 200 200", post="L 405 405 405 405 405 405 405 405",
        note="a drafted letter; its pegawai sees it once published"),
    Row("salary:kembalikan", args={"pk": "kgb"},
        get="L 405 405 405 405 405 405 405 405", post="L 404 404 403 404 302 403 403 302"),
    Row("salary:surat", args={"pk": "kgb"},
        get="L 404 404 200 404 200 200 200 200", post="L 405 405 405 405 405 405 405 405"),
    Row("salary:surat_docx", args={"pk": "kgb"},
        get="L 404 404 200 404 200 200 200 200", post="L 405 405 405 405 405 405 405 405"),
    # attendance
    Row("attendance:presensi", note="for accounts tied to a pegawai record",
        get="L 200 200 403 403 403 403 403 403", post="L 405 405 405 405 405 405 405 405"),
    Row("attendance:service_worker", note="public static script",
        get="200 200 200 200 200 200 200 200 200", post="405 405 405 405 405 405 405 405 405"),
    Row("attendance:pantau", note="a pegawai without subordinates: 403",
        get="L 403 200 200 200 200 200 200 200", post="L 405 405 405 405 405 405 405 405"),
    Row("attendance:rekap", note="a pegawai sees their own",
        get="L 200 200 200 200 200 200 200 200", post="L 405 405 405 405 405 405 405 405"),
    Row("attendance:aktivitas", note="one's own activities; staff accounts have none",
        get="L 200 200 403 403 403 403 403 403", post="L 200 200 403 403 403 403 403 403"),
    Row("attendance:aktivitas_persetujuan", note="lists only one's subordinates' activities",
        get="L 200 200 200 200 200 200 200 200", post="L 302 302 302 302 302 302 302 302"),
    Row("attendance:cuti_list", note="one's own requests; staff accounts have none",
        get="L 200 200 403 403 403 403 403 403", post="L 200 200 403 403 403 403 403 403"),
    Row("attendance:cuti_detail", args={"pk": "pengajuan"}, note="the pegawai's own request",
        get="L 200 200 200 404 200 200 200 200", post="L 405 405 405 405 405 405 405 405"),
    Row("attendance:cuti_langkah", args={"pk": "pengajuan"}, note="no step named: a message",
        get="L 405 405 405 405 405 405 405 405", post="L 302 302 302 404 302 302 302 302"),
    # competency (SIJI KOMANDO): the pegawai has a running attempt ("percobaan")
    Row("competency:ujian_saya", note="accounts tied to a pegawai record",
        get="L 200 200 403 403 403 403 403 403", post="L 405 405 405 405 405 405 405 405"),
    Row("competency:mulai", args={"ujian_id": "ujian"}, note="the pegawai resumes; atasan starts",
        get="L 405 405 405 405 405 405 405 405", post="L 302 302 403 403 403 403 403 403"),
    Row("competency:kerjakan", args={"pk": "percobaan"},
        note="only its taker; readers of the attempt (admin OPD, admin BKD): 403",
        get="L 200 404 403 404 404 404 404 403", post="L 302 404 403 404 404 404 404 403"),
    Row("competency:serahkan", args={"pk": "percobaan"},
        get="L 405 405 405 405 405 405 405 405", post="L 302 404 403 404 404 404 404 403"),
    Row("competency:selesai", args={"pk": "percobaan"}, note="running: back to the attempt",
        get="L 302 404 403 404 404 404 404 403", post="L 405 405 405 405 405 405 405 405"),
    Row("competency:gambar", args={"pk": "percobaan", "urutan": "nol"}, note="no image: 404",
        get="L 404 404 404 404 404 404 404 404", post="L 405 405 405 405 405 405 405 405"),
    Row("api-v1:kompetensi_ujian",
        get="401 200 200 200 200 200 200 200 200", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:kompetensi_mulai", args={"ujian_id": "ujian"},
        get="405 405 405 405 405 405 405 405 405", post="401 200 200 403 403 403 403 403 403"),
    Row("api-v1:kompetensi_percobaan", args={"pk": "percobaan"},
        get="401 200 404 403 404 404 404 404 403", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:kompetensi_semua_soal", args={"pk": "percobaan"},
        get="401 200 404 403 404 404 404 404 403", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:kompetensi_soal", args={"pk": "percobaan", "urutan": "nol"},
        get="401 200 404 403 404 404 404 404 403", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:kompetensi_soal_kini", args={"pk": "percobaan"},
        get="401 200 404 403 404 404 404 404 403", post="405 405 405 405 405 405 405 405 405"),
    Row("api-v1:kompetensi_jawaban", args={"pk": "percobaan"}, note="an empty body is invalid",
        get="405 405 405 405 405 405 405 405 405", post="401 400 400 400 400 400 400 400 400"),
    Row("api-v1:kompetensi_posisi", args={"pk": "percobaan"}, note="an empty body is invalid",
        get="405 405 405 405 405 405 405 405 405", post="401 400 400 400 400 400 400 400 400"),
    Row("api-v1:kompetensi_fokus", args={"pk": "percobaan"}, note="an empty body is invalid",
        get="405 405 405 405 405 405 405 405 405", post="401 400 400 400 400 400 400 400 400"),
    Row("api-v1:kompetensi_serahkan", args={"pk": "percobaan"},
        get="405 405 405 405 405 405 405 405 405", post="401 200 404 403 404 404 404 404 403"),
]
# fmt: on

# /kelola/ models that perencana manage (SAKIP plans); admin BKD manages every model.
KELOLA_PLAN_MODELS = {
    "performance.renstra",
    "performance.tujuan",
    "performance.indikator",
    "performance.renja",
    "performance.program",
    "performance.kegiatan",
    "performance.indikatorrenja",
}
# The index sends an anonymous visitor to the admin's log-in, which sends them to /masuk/.
# fmt: off
KELOLA_INDEX = "302 302 302 302 302 302 200 302 200"
KELOLA_PLAN = "L 302 302 302 302 302 200 302 200"
KELOLA_OTHER = "L 302 302 302 302 302 403 302 200"
# fmt: on


def markdown() -> str:
    head = "| URL | " + " | ".join(PERSONAS) + " |"
    rule = "|" + "---|" * (len(PERSONAS) + 1)
    lines = [
        "# Who may open what",
        "",
        "Generated from `tests/security/url_matrix.py` (do not edit by hand; run",
        "`python -m tests.security.url_matrix > docs/access.md`). `test_url_matrix` requests",
        "every URL of the URLconf as each persona and compares the answer with this table.",
        "The rules themselves live in `sikap/accounts/access.py`.",
        "",
        "Codes: 200 shown · L sent to log-in · 302 redirected elsewhere · 403 refused ·",
        "404 not found (the user may not see the record) · 405 method not allowed.",
        "An empty POST that a persona may not make changes nothing (checked).",
        "",
        "Personas: " + "; ".join(f"**{p}**: {n}" for p, n in PERSONA_NOTES.items()) + ".",
        "",
        "## GET",
        "",
        head,
        rule,
    ]
    for row in ROWS:
        lines.append(f"| `{row.url}` | " + " | ".join(row.get.split()) + " |")
    lines += ["", "## POST with an empty body", "", head, rule]
    for row in ROWS:
        lines.append(f"| `{row.url}` | " + " | ".join(row.post.split()) + " |")
    lines += [
        "",
        "## /kelola/ (Django's admin, GET)",
        "",
        head,
        rule,
        "| index | " + " | ".join(KELOLA_INDEX.split()) + " |",
        "| SAKIP plan models | " + " | ".join(KELOLA_PLAN.split()) + " |",
        "| every other model | " + " | ".join(KELOLA_OTHER.split()) + " |",
        "",
        "SAKIP plan models: " + ", ".join(sorted(KELOLA_PLAN_MODELS)) + ".",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(), end="")
