"""The account's own pages: the devices linked to the API ("Perangkat tertaut")."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sikap.accounts.models import Token
from sikap.accounts.tokens import revoke_token


def perangkat(request):
    tokens = Token.objects.filter(user=request.user)
    return render(request, "accounts/perangkat.html", {"tokens": tokens, "now": timezone.now()})


@require_POST
def perangkat_cabut(request, pk):
    token = get_object_or_404(Token, pk=pk, user=request.user)
    revoke_token(token, actor=request.user)
    messages.success(request, f"Perangkat {token.perangkat} tidak lagi tertaut.")
    return redirect("accounts:perangkat")
