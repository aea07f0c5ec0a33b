"""Device tokens: log in once with NIP and password, then list and revoke your devices."""

from django.contrib.auth import authenticate, user_logged_in
from django.shortcuts import get_object_or_404
from ninja import Router

from sikap.accounts.models import Token
from sikap.accounts.tokens import issue_token, may_hold_token, revoke_token
from sikap.api.errors import galat, responses
from sikap.api.schemas import MintaToken, TokenBaru, TokenOut

router = Router(tags=["akun"])


@router.post(
    "/token",
    auth=None,
    throttle=[],
    response={201: TokenBaru, **responses(400, 401)},
    summary="Masuk dengan NIP dan kata sandi; mendapat token untuk satu perangkat",
)
def minta_token(request, data: MintaToken):
    if request.content_type != "application/json":
        # django-axes reads a failed log-in's form data; only JSON is accepted here.
        return galat(400, "Kirim data sebagai JSON (Content-Type: application/json).")
    # The same credentials and the same django-axes throttle as the web log-in form.
    nip = "".join(data.nip.split())
    user = authenticate(request, username=nip, password=data.password)
    if getattr(request, "axes_locked_out", False):
        return galat(429)
    if user is None or not may_hold_token(user):
        return galat(401, "NIP atau kata sandi salah, atau akun ini tidak dapat memakai aplikasi.")
    user_logged_in.send(sender=type(user), request=request, user=user)
    token, raw = issue_token(user, data.perangkat, actor=user)
    return 201, {**TokenOut.from_orm(token).model_dump(), "token": raw}


@router.get(
    "/tokens", response={200: list[TokenOut], **responses(401)}, summary="Perangkat tertaut"
)
def daftar_token(request):
    return Token.objects.filter(user=request.user)


@router.delete(
    "/tokens/{int:token_id}",
    response={204: None, **responses(401, 404)},
    summary="Cabut token sebuah perangkat",
)
def cabut_token(request, token_id: int):
    revoke_token(get_object_or_404(Token, pk=token_id, user=request.user), actor=request.user)
    return 204, None
