from sikap.dukcapil.contract import NikTidakDitemukan


def test_a_not_found_message_never_carries_the_whole_nik():
    nik = "3508011204680001"
    message = NikTidakDitemukan(nik).message
    assert nik not in message and "0001" in message
