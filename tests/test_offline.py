import socket
import urllib.request

import pytest

from conftest import NetworkBlocked


def test_network_is_blocked_in_tests():
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises((NetworkBlocked, OSError)):
        urllib.request.urlopen("http://192.0.2.1/", timeout=1)
