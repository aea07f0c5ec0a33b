"""At /kelola/ nobody changes or deletes their own account (role, OPD scope, pegawai link):
another admin does, so that no one grants themself a role."""

from sikap.accounts.models import Peran, User


def test_admin_bkd_sees_their_own_account_read_only_and_cannot_change_it(world):
    admin_bkd = world.users["admin_bkd"]
    client = world.client("admin_bkd")
    url = f"/kelola/accounts/user/{admin_bkd.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    response = client.post(url, {"username": admin_bkd.username, "peran": Peran.PIMPINAN})
    assert response.status_code == 403
    assert User.objects.get(pk=admin_bkd.pk).peran == Peran.ADMIN_BKD
    delete = client.post(f"/kelola/accounts/user/{admin_bkd.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403 and User.objects.filter(pk=admin_bkd.pk).exists()


def test_admin_bkd_still_changes_another_account(world):
    other = world.users["verifikator"]
    page = world.client("admin_bkd").get(f"/kelola/accounts/user/{other.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' in page.content.decode()
