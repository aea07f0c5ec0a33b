"""IP ASN pages: the index of a year with its formulas and per-OPD table, the pegawai behind
every count, and user-defined indicators.

Pimpinan, perencana, verifikator and admin BKD see every OPD; an admin OPD sees what
`Pegawai.objects.visible_to` gives them (their OPD); a pegawai is refused. An OPD the user can
see nothing of answers 404, like any record they may not see.
"""

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from sikap.accounts import access
from sikap.core.errors import SikapError
from sikap.core.forms import show_error
from sikap.core.views import refuse
from sikap.ipasn import display, engine, indicators, services, years
from sikap.ipasn.forms import IndicatorForm
from sikap.ipasn.models import Indicator
from sikap.people.models import Pegawai
from sikap.rules.indices import ROUNDING

PER_PAGE = 50
YEARS = range(2000, 2101)
ONLY_MANAGERS = "Indeks Profesionalitas ASN hanya untuk pimpinan, perencana dan admin."
ONLY_AUTHORS = "Hanya admin BKD dan perencana yang dapat menyusun indikator."


def _year(year: int) -> int:
    if year not in YEARS:
        raise Http404
    return year


def _opd(request):
    """The ?opd= the user asked for, if they can see anyone in it."""
    kode = request.GET.get("opd") or None
    if kode is None:
        return None
    try:
        opd = engine.resolve_opd(kode)
    except SikapError:
        raise Http404 from None
    if not Pegawai.objects.visible_to(request.user).filter(opd=opd).exists():
        raise Http404
    return opd


def _page(request, queryset):
    return Paginator(
        queryset.select_related("opd", "jabatan").order_by("nama", "nip"), PER_PAGE
    ).get_page(request.GET.get("page"))


def index(request):
    """The latest year with complete data (ipasn/years.py): the current year's SKP are not in
    until it is over, and a year with partial SKP or no trainings would mislead."""
    if not access.manages_opd_data(request.user):
        return refuse(request, ONLY_MANAGERS)
    return redirect("ipasn:year", year=years.latest_complete().year or timezone.localdate().year)


def _rounding(request) -> str | None:
    return request.GET.get("pembulatan") if request.GET.get("pembulatan") in ROUNDING else None


def year_view(request, year: int):
    user = request.user
    if not access.manages_opd_data(user):
        return refuse(request, ONLY_MANAGERS)
    year, opd, rounding = _year(year), _opd(request), _rounding(request)
    context = {"year": year, "opd": opd, "rounding": rounding}
    try:
        found = engine.compute_ip_asn_per_status(year, opd=opd, rounding=rounding, user=user)
        bands = engine.config_in_force(year, rounding)[1].bands
    except SikapError as e:
        context["error"] = e.message
        return render(request, "ipasn/year.html", context)
    # The headline is the IP ASN the configuration names (one index or the weighted roll-up);
    # the dimensions below are those of all ASN.
    result = found.as_result()
    context["result"] = result
    context["rank"] = display.band_rank(result.kategori, bands)
    context["per_status"] = display.status_rows(found, bands)
    context["weighted"] = found.weighted
    context["missing"] = display.missing_parts(result)
    if context["missing"]:
        context["latest"] = years.latest_complete().year
    context["indicators"] = indicators.compute_indicators(
        Indicator.objects.all(), year, opd=opd, user=user
    )
    context["may_define"] = access.may_define_indicators(user)
    return render(request, "ipasn/year.html", context)


def per_opd_view(request, year: int):
    """Every OPD the user can see side by side: a chart and a table, best first, each OPD
    leading to its own page and its counted pegawai."""
    user = request.user
    if not access.manages_opd_data(user):
        return refuse(request, ONLY_MANAGERS)
    year, rounding = _year(year), _rounding(request)
    context = {"year": year, "rounding": rounding}
    try:
        bands = engine.config_in_force(year, rounding)[1].bands
        found = engine.compute_ip_asn_per_status_per_opd(year, rounding=rounding, user=user)
    except SikapError as e:
        context["error"] = e.message
        return render(request, "ipasn/per_opd.html", context)
    # Each OPD by the IP ASN the configuration names, with its PNS and PPPK figures beside.
    results = [(f.as_result(), {s.code: s for s in f.per_status}) for f in found]
    rows = [
        (r, display.band_rank(r.kategori, bands), statuses)
        for r, statuses in results
        if r.total is not None
    ]
    rows.sort(key=lambda row: (-row[0].total, row[0].opd.nama))
    context["rows"] = rows
    context["weighted"] = bool(found) and found[0].weighted
    context["without"] = [r for r, _ in results if r.total is None]
    context["chart"] = display.comparison_chart([(r, rank) for r, rank, _ in rows], bands)
    if not rows:
        context["latest"] = years.latest_complete().year
    return render(request, "ipasn/per_opd.html", context)


def members_view(request, year: int, dimension: str, category: str):
    user = request.user
    if not access.manages_opd_data(user):
        return refuse(request, ONLY_MANAGERS)
    year, opd = _year(year), _opd(request)
    try:
        _, config = engine.config_in_force(year)
        dim, cat = engine.find_category(config, dimension, category)
    except SikapError:
        raise Http404 from None
    queryset = engine.members(year, dimension, category, opd=opd, user=user, config=config)
    page = _page(request, queryset)
    scores = engine.dimension_scores(list(page.object_list), year, dimension, config)
    rows = [(p, scores[p.pk]) for p in page.object_list]
    context = {
        "year": year,
        "opd": opd,
        "dimension": dim,
        "category": cat,
        "page": page,
        "rows": rows,
        "back": _back(year, opd),
    }
    return render(request, "ipasn/members.html", context)


def _back(year: int, opd) -> str:
    url = reverse("ipasn:year", args=[year])
    return f"{url}?opd={opd.kode}" if opd else url


def indicator_view(request, year: int, pk: int):
    user = request.user
    if not access.manages_opd_data(user):
        return refuse(request, ONLY_MANAGERS)
    year, opd = _year(year), _opd(request)
    indicator = get_object_or_404(Indicator, pk=pk)
    result = indicators.compute_indicator(indicator, year, opd=opd, user=user)
    counts = [
        (name, json.dumps(spec, ensure_ascii=False), result.counts[name])
        for name, spec in indicator.hitungan.items()
    ]
    context = {
        "year": year,
        "opd": opd,
        "result": result,
        "counts": counts,
        "back": _back(year, opd),
        "may_define": access.may_define_indicators(user),
    }
    return render(request, "ipasn/indicator.html", context)


def indicator_members_view(request, year: int, pk: int, name: str):
    user = request.user
    if not access.manages_opd_data(user):
        return refuse(request, ONLY_MANAGERS)
    year, opd = _year(year), _opd(request)
    indicator = get_object_or_404(Indicator, pk=pk)
    try:
        queryset = indicators.indicator_members(indicator, year, name, opd=opd, user=user)
    except SikapError:
        raise Http404 from None
    page = _page(request, queryset)
    context = {
        "year": year,
        "opd": opd,
        "indicator": indicator,
        "name": name,
        "page": page,
        "rows": [(p, None) for p in page.object_list],
        "back": reverse("ipasn:indicator", args=[year, pk]) + (f"?opd={opd.kode}" if opd else ""),
    }
    return render(request, "ipasn/members.html", context)


def indicator_edit(request, pk: int | None = None):
    user = request.user
    if not access.may_define_indicators(user):
        return refuse(request, ONLY_AUTHORS)
    indicator = get_object_or_404(Indicator, pk=pk) if pk else Indicator()
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_indicator(form.instance, actor=user)
        except SikapError as e:
            show_error(e, form)
        else:
            messages.success(request, f"Indikator “{indicator.nama}” disimpan.")
            return redirect("ipasn:index")
    return render(request, "ipasn/indicator_form.html", {"form": form, "indicator": indicator})


@require_POST
def indicator_delete(request, pk: int):
    user = request.user
    if not access.may_define_indicators(user):
        return refuse(request, ONLY_AUTHORS)
    indicator = get_object_or_404(Indicator, pk=pk)
    services.delete_indicator(indicator, actor=user)
    messages.success(request, f"Indikator “{indicator.nama}” dihapus.")
    return redirect("ipasn:index")
