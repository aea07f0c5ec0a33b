"""`akses` in every template: the user's role predicates from `sikap.accounts.access`, so a
template asks `{% if akses.may_read_sakip %}` instead of naming roles."""

from django.utils.functional import SimpleLazyObject

from sikap.accounts import access


class Akses:
    """Each attribute is the one-argument predicate of that name, asked for this user."""

    def __init__(self, user):
        self._user = user

    def __getattr__(self, name):
        predicate = getattr(access, name, None)
        if name.startswith("_") or not callable(predicate):
            raise AttributeError(name)
        return predicate(self._user)


def akses(request):
    user = getattr(request, "user", None)
    return {"akses": SimpleLazyObject(lambda: Akses(user))} if user is not None else {}
