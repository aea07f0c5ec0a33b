"""Tags for the navigation around a page (`{% load navigasi %}`): the menu's current page and
the way back into the inbox after a decision."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from sikap.core import inbox_views

register = template.Library()


@register.simple_tag(takes_context=True)
def current(context, url: str, exact: bool = False, **kwargs):
    """` aria-current="page"` on the menu link of the page being shown: the link whose URL is
    the page's, or (unless `exact`) the start of it — except under `except`, another link's."""
    request = context.get("request")
    if request is None:
        return ""
    path, other = request.path, kwargs.get("except") or None
    if other and path.startswith(other):
        return ""
    if path == url or (not exact and url != "/" and path.startswith(url)):
        return mark_safe(' aria-current="page"')
    return ""


@register.simple_tag(takes_context=True)
def inbox_next(context):
    """The hidden `next` field of a decision form opened from the inbox (nothing otherwise)."""
    request = context.get("request")
    url = inbox_views.next_url(request) if request is not None else ""
    return format_html('<input type="hidden" name="next" value="{}">', url) if url else ""
