"""The catalog address ``bookstore serve`` prints (issue 17, point 9): numeric, as
reading apps such as Thorium want it; for every network, this machine's addresses."""

from __future__ import annotations

import ipaddress

import psutil

from bookstore.server.run import catalog_addresses


def test_loopback_is_printed_as_a_number():
    assert catalog_addresses("127.0.0.1", 8080) == ["http://127.0.0.1:8080/opds"]
    assert catalog_addresses("localhost", 8080) == ["http://127.0.0.1:8080/opds"]
    assert catalog_addresses("::1", 9000) == ["http://[::1]:9000/opds"]


def test_every_network_prints_the_machines_addresses_too():
    shown = catalog_addresses("0.0.0.0", 8080)
    assert shown[0] == "http://127.0.0.1:8080/opds"
    hosts = [address.split("//")[1].rsplit(":", 1)[0] for address in shown[1:]]
    assert all(not ipaddress.ip_address(host).is_loopback for host in hosts)
    expected = {
        address.address
        for addresses in psutil.net_if_addrs().values()
        for address in addresses
        if address.family.name == "AF_INET"
        and not address.address.startswith("127.")
        and not ipaddress.ip_address(address.address).is_link_local
    }
    assert set(hosts) == expected
