"""SAKIP plans edited by hand at /kelola/ by perencana and admin BKD: the Renstra tree
(tujuan → sasaran → indikator with yearly targets) and the Renja tree (program → kegiatan →
sub kegiatan with their indicator rows). Imports fill the same tables; saves are audited."""

from django.contrib import admin

from sikap.accounts import access
from sikap.core.admin_site import AuditedAdmin, RoleInline, site
from sikap.performance import services
from sikap.performance.models import (
    Indikator,
    IndikatorRenja,
    IndikatorTarget,
    Kegiatan,
    Program,
    RealisasiTerbit,
    Renja,
    Renstra,
    Sasaran,
    SubKegiatan,
    Tujuan,
)


class PlanAdmin(AuditedAdmin):
    allowed = staticmethod(access.may_plan)
    save_service = services.save_plan_object
    delete_service = services.delete_plan_object


class PlanInline(RoleInline):
    allowed = staticmethod(access.may_plan)


class TujuanInline(PlanInline):
    model = Tujuan
    fields = ("urutan", "nomor", "nama")
    show_change_link = True


class SasaranInline(PlanInline):
    model = Sasaran
    fields = ("urutan", "nomor", "nama")
    show_change_link = True


class TargetInline(PlanInline):
    model = IndikatorTarget


class RealisasiTerbitInline(PlanInline):
    model = RealisasiTerbit
    fields = ("tahun", "realisasi", "sumber")


class KegiatanInline(PlanInline):
    model = Kegiatan
    fields = ("urutan", "kode", "nomor", "nama")
    show_change_link = True


class SubKegiatanInline(PlanInline):
    model = SubKegiatan
    fields = ("urutan", "kode", "nomor", "nama")


@admin.register(Renstra, site=site)
class RenstraAdmin(PlanAdmin):
    list_display = ("tahun_awal", "tahun_akhir", "nama")
    inlines = (TujuanInline,)


@admin.register(Tujuan, site=site)
class TujuanAdmin(PlanAdmin):
    list_display = ("nama", "renstra")
    list_filter = ("renstra",)
    inlines = (SasaranInline,)


@admin.register(Indikator, site=site)
class IndikatorAdmin(PlanAdmin):
    list_display = ("nama", "satuan", "arah", "agregasi", "sumber", "formula")
    list_filter = ("tujuan__renstra", "sumber")
    inlines = (TargetInline, RealisasiTerbitInline)


@admin.register(Renja, site=site)
class RenjaAdmin(PlanAdmin):
    list_display = ("tahun", "renstra")


@admin.register(Program, site=site)
class ProgramAdmin(PlanAdmin):
    list_display = ("kode", "nama", "renja")
    list_filter = ("renja",)
    inlines = (KegiatanInline,)


@admin.register(Kegiatan, site=site)
class KegiatanAdmin(PlanAdmin):
    list_display = ("kode", "nama", "program")
    list_filter = ("program__renja",)
    inlines = (SubKegiatanInline,)


@admin.register(IndikatorRenja, site=site)
class IndikatorRenjaAdmin(PlanAdmin):
    list_display = ("kode", "indikator", "tingkat", "target", "satuan", "anggaran")
    list_filter = ("renja", "tingkat")
    search_fields = ("kode", "indikator")
    fields = (
        "renja",
        "tingkat",
        "program",
        "kegiatan",
        "sub_kegiatan",
        "kode",
        "urutan",
        "indikator",
        "satuan",
        "target",
        "anggaran",
        "arah",
        "agregasi",
    )
    raw_id_fields = ("program", "kegiatan", "sub_kegiatan")
