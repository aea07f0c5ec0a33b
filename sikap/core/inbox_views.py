"""The one inbox page (`/kotak-masuk/`) and the step that opens the next waiting item.

What is listed comes from the sources the modules register (`sikap.core.inbox`); each item is
decided on its own page. Opened from here, an item's link carries the inbox's filters
(`?kotak=`); the decision form sends them back as `next`, so that after a decision the oldest
remaining item of the same filters opens.
"""

from urllib.parse import quote, urlencode

from django import forms
from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from sikap.accounts import access
from sikap.core import inbox
from sikap.org.models import Opd

# The page shows the oldest PER_PAGE items of all kinds (each source gives at most that many):
# a verifier with 180 waiting reads one screen, not 18,000 px on a phone.
PER_PAGE = 50
UMUR = [("", "Semua umur"), ("3", "≥ 3 hari"), ("7", "≥ 7 hari"), ("14", "≥ 14 hari"),
        ("30", "≥ 30 hari")]  # fmt: skip


class InboxFilterForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis", required=False)
    opd = forms.ModelChoiceField(
        label="OPD", queryset=Opd.objects.none(), required=False, empty_label="Semua OPD"
    )
    umur = forms.ChoiceField(label="Menunggu", choices=UMUR, required=False)

    def __init__(self, data, *, user):
        super().__init__(data)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"
        self.fields["jenis"].choices = [("", "Semua jenis")] + [
            (s.kind, s.label) for s in inbox.sources()
        ]
        self.fields["opd"].queryset = access.opds_to_filter_by(user)

    def filters(self) -> tuple[str, inbox.Filters]:
        """(kind or "", the filters); nothing filtered when the input is not valid."""
        if not self.is_valid():
            return "", inbox.Filters()
        opd = self.cleaned_data["opd"]
        umur = self.cleaned_data["umur"]
        return self.cleaned_data["jenis"], inbox.Filters(
            opd_id=opd.pk if opd else None, older_than_days=int(umur) if umur else None
        )

    def querystring(self) -> str:
        if not self.is_valid():
            return ""
        values = {k: self.data.get(k, "") for k in ("jenis", "opd", "umur")}
        return urlencode({k: v for k, v in values.items() if v})


def with_inbox(url: str, querystring: str) -> str:
    """`url` opened from the inbox filtered by `querystring` (before any #fragment)."""
    path, hash_, fragment = url.partition("#")
    sep = "&" if "?" in path else "?"
    return f"{path}{sep}kotak={quote(querystring, safe='')}{hash_}{fragment}"


def kotak_masuk(request):
    user = request.user
    form = InboxFilterForm(request.GET or None, user=user)
    kind, filters = form.filters()
    # The page lists the items themselves: each source's oldest is not needed apart.
    waiting = inbox.waiting(user, filters, oldest=False)
    chosen = [w for w in waiting if w.count and (not kind or w.source.kind == kind)]
    items = sorted(
        (item for w in chosen for item in w.source.items(user, filters, PER_PAGE)),
        key=lambda i: i.waiting_since,
    )[:PER_PAGE]
    now = timezone.now()
    querystring = form.querystring()
    labels = {w.source.kind: w.source.label for w in waiting}
    rows = [
        {
            "item": item,
            "label": labels[item.kind],
            "url": with_inbox(item.url, querystring),
            "umur": (now - item.waiting_since).days,
        }
        for item in items
    ]
    context = {
        "form": form,
        "waiting": waiting,
        "kind": kind,
        "rows": rows,
        "total": sum(w.count for w in chosen),
        "querystring": querystring,
        "first": rows[0]["url"] if rows else "",
    }
    return render(request, "core/kotak_masuk.html", context)


def berikutnya(request):
    """The oldest item still waiting under the inbox's filters; the inbox when none is left."""
    user = request.user
    form = InboxFilterForm(request.GET or None, user=user)
    kind, filters = form.filters()
    querystring = form.querystring()
    item = inbox.oldest_item(user, filters, kind)
    if item is None:
        messages.success(request, "Semua yang menunggu keputusan Anda sudah selesai.")
        url = reverse("core:kotak_masuk")
        return redirect(f"{url}?{querystring}" if querystring else url)
    return redirect(with_inbox(item.url, querystring))


def next_url(request) -> str:
    """Where a decision page opened from the inbox sends the verifier afterwards ("" if not
    opened from the inbox)."""
    if "kotak" not in request.GET:
        return ""
    querystring = QueryDict(request.GET["kotak"]).urlencode()
    url = reverse("core:kotak_masuk_berikutnya")
    return f"{url}?{querystring}" if querystring else url


def after_decision(request, fallback: str, *, ok: bool = True):
    """Where a decision page's POST goes: after a decision taken from the inbox, the next item;
    after a refused one, back to the same item (still in the inbox's flow); else `fallback`."""
    target = request.POST.get("next", "")
    path, _, querystring = target.partition("?")
    ours = path == reverse("core:kotak_masuk_berikutnya") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not ours:
        return redirect(fallback)
    return redirect(target if ok else with_inbox(fallback, querystring))
