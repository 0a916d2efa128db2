"""Behind the proxy, the login lockout reads the visitor's address from X-Forwarded-For.

Every form a proxy may write (a port, IPv6 in brackets, spaces, "unknown") gives a stable
address that both databases store, and the entries the visitor wrote are never read.
"""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User

from mutuelles_site.axes_hooks import client_ip, parse_address
from tests.test_production_settings import manage, settings_in

PASSWORD = "un-mot-de-passe-solide"
PROXY = "10.0.0.1"


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXY_COUNT = 1
    return settings


@pytest.fixture
def staff(db):
    return User.objects.create_user("edith", password=PASSWORD, is_staff=True)


def log_in(client, password, forwarded_for, username="edith"):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        **headers,
    )


# The header as the proxy sent it, the address the lockout is kept under, and the same
# visitor written another way (another port, another spelling, other invented entries).
HEADER_FORMS = [
    pytest.param("198.51.100.7:51234", "198.51.100.7", "198.51.100.7:40000", id="ipv4-port"),
    pytest.param("[2001:db8::1]:443", "2001:db8::1", "[2001:db8:0::1]:8443", id="ipv6-port"),
    pytest.param("[2001:db8::1]", "2001:db8::1", "2001:DB8::1", id="ipv6-brackets"),
    pytest.param("2001:db8::1", "2001:db8::1", "[2001:db8::1]:443", id="ipv6-bare"),
    pytest.param(" 198.51.100.7 ", "198.51.100.7", "198.51.100.7", id="spaces"),
    pytest.param(
        "203.0.113.9, 198.51.100.7",
        "198.51.100.7",
        "192.0.2.55, 198.51.100.7:1234",
        id="client-chosen-entry",
    ),
    pytest.param("::ffff:198.51.100.7", "198.51.100.7", "198.51.100.7", id="ipv4-mapped"),
    pytest.param("unknown", PROXY, "pas-une-adresse", id="unknown"),
    pytest.param("198.51.100.7, unknown", PROXY, "unknown", id="unknown-after-client-entry"),
    pytest.param(None, PROXY, "", id="no-header"),
]


@pytest.mark.parametrize(("header", "address", "same_visitor"), HEADER_FORMS)
def test_five_failures_lock_the_editor_at_the_address_the_proxy_saw(
    client, behind_proxy, staff, header, address, same_visitor
):
    for _ in range(behind_proxy.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "devine", header).status_code == 200
    assert log_in(client, "devine", header).status_code == 429
    assert log_in(client, PASSWORD, header).status_code == 429
    assert log_in(client, PASSWORD, same_visitor).status_code == 429
    assert AccessAttempt.objects.get().ip_address == address


@pytest.mark.parametrize(("header", "address", "same_visitor"), HEADER_FORMS)
def test_five_failures_behind_the_proxy_leave_the_editor_free_elsewhere(
    client, behind_proxy, staff, header, address, same_visitor
):
    for _ in range(behind_proxy.AXES_FAILURE_LIMIT):
        log_in(client, "devine", header)
    assert log_in(client, PASSWORD, "192.0.2.200").status_code == 302


@pytest.mark.parametrize(("header", "address", "same_visitor"), HEADER_FORMS)
def test_another_editor_at_the_same_address_can_still_log_in(
    client, behind_proxy, staff, header, address, same_visitor
):
    User.objects.create_user("marc", password=PASSWORD, is_staff=True)
    for _ in range(behind_proxy.AXES_FAILURE_LIMIT):
        log_in(client, "devine", header)
    assert log_in(client, PASSWORD, same_visitor, username="marc").status_code == 302


def test_inventing_entries_does_not_escape_the_lockout(client, behind_proxy, staff):
    for n in range(behind_proxy.AXES_FAILURE_LIMIT):
        log_in(client, "devine", f"192.0.2.{n}, 198.51.100.7")
    assert log_in(client, PASSWORD, "192.0.2.99, 198.51.100.7").status_code == 429


def test_with_two_proxies_the_visitor_is_the_second_entry_from_the_right(
    client, behind_proxy, staff
):
    behind_proxy.TRUSTED_PROXY_COUNT = 2
    for n in range(behind_proxy.AXES_FAILURE_LIMIT):
        log_in(client, "devine", f"192.0.2.{n}, 198.51.100.7:5{n}, 10.0.0.2")
    assert log_in(client, PASSWORD, "198.51.100.7, 10.0.0.3").status_code == 429
    assert log_in(client, PASSWORD, "198.51.100.8, 10.0.0.2").status_code == 302
    assert AccessAttempt.objects.get().ip_address == "198.51.100.7"


def test_without_the_proxy_setting_the_header_is_ignored(client, settings, staff):
    settings.BEHIND_PROXY = False
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "devine", f"198.51.100.{n}")
    assert log_in(client, PASSWORD, "198.51.100.99").status_code == 429
    assert AccessAttempt.objects.get().ip_address == PROXY


@pytest.mark.parametrize(
    ("entry", "address"),
    [
        ("198.51.100.7", "198.51.100.7"),
        ("198.51.100.7:51234", "198.51.100.7"),
        ("  198.51.100.7\t", "198.51.100.7"),
        ("2001:db8::1", "2001:db8::1"),
        ("2001:0DB8:0000::0001", "2001:db8::1"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        (" [2001:db8::1]:443 ", "2001:db8::1"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
        ("[::ffff:198.51.100.7]:80", "198.51.100.7"),
        ("fe80::1%eth0", "fe80::1"),
        ("::1", "::1"),
        ("unknown", None),
        ("_hidden", None),
        ("", None),
        ("   ", None),
        ("proxy.example.org", None),
        ("proxy.example.org:443", None),
        ("198.51.100.7:", None),
        ("198.51.100.7:port", None),
        ("198.51.100.256", None),
        ("010.0.0.1", None),
        ("[198.51.100.7", None),
        ("[2001:db8::1]443", None),
        ("[2001:db8::1]:", None),
        ("2001:db8::1:443:", None),
        ('"[2001:db8::1]:443"', None),
    ],
)
def test_parse_address_keeps_the_address_alone_or_nothing(entry, address):
    assert parse_address(entry) == address


def request_from(rf, forwarded_for=None, remote_addr=PROXY):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return rf.post("/admin/login/", REMOTE_ADDR=remote_addr, **headers)


@pytest.mark.parametrize(
    ("count", "header", "address"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "203.0.113.9, 198.51.100.7", "198.51.100.7"),
        (1, "203.0.113.9,198.51.100.7:51234", "198.51.100.7"),
        (1, "198.51.100.7, unknown", PROXY),
        (1, "198.51.100.7,", PROXY),
        (1, "", PROXY),
        (1, None, PROXY),
        (2, "203.0.113.9, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (2, "203.0.113.9, unknown, 10.0.0.2", "10.0.0.2"),
        (2, "203.0.113.9, unknown, garbage", PROXY),
        (2, "198.51.100.7", "198.51.100.7"),
        (3, "203.0.113.9, [2001:db8::1]:443, 10.0.0.2, 10.0.0.3", "2001:db8::1"),
    ],
)
def test_the_visitor_is_the_entry_the_first_trusted_proxy_wrote(
    rf, settings, count, header, address
):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request_from(rf, header)) == address


def test_without_the_proxy_setting_the_address_is_remote_addr(rf, settings):
    settings.BEHIND_PROXY = False
    assert client_ip(request_from(rf, "198.51.100.7")) == PROXY


def test_an_unreadable_remote_addr_gives_no_address(rf, settings):
    settings.BEHIND_PROXY = True
    assert client_ip(request_from(rf, "unknown", remote_addr="")) is None


def test_trusted_proxy_count_is_one_by_default_behind_a_proxy():
    assert settings_in({"BEHIND_PROXY": "true"}, "s.TRUSTED_PROXY_COUNT") == ["1"]


@pytest.mark.parametrize("value", ["0", "-1", "deux"])
def test_a_trusted_proxy_count_below_one_or_not_a_number_refuses_to_start(value):
    result = manage("check", BEHIND_PROXY="true", TRUSTED_PROXY_COUNT=value)
    assert result.returncode != 0
    assert "ImproperlyConfigured: TRUSTED_PROXY_COUNT must be" in result.stderr


def test_trusted_proxy_count_is_not_read_without_a_proxy():
    result = manage("check", BEHIND_PROXY="false", TRUSTED_PROXY_COUNT="deux")
    assert result.returncode == 0, result.stderr
