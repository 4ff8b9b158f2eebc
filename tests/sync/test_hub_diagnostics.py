"""A hub that cannot be used is refused in the reader's words: what PostgreSQL or its
driver said (connection refused, a wrong password, no such database, no answer, SSL) is
said in Chinese too, and the driver's own English goes to the log file; only a diagnostic
not known here is shown as it came, after the words that say it is the database's."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc

from hisconsole.cli import main
from hisconsole.i18n import render
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.sync import hub as hub_service
from hisconsole.sync import hub
from hisconsole.sync.errors import HubError
from tests.sync import pgcluster
from tests.sync.mesh_support import free_port

Laptops = Callable[..., Console]


@pytest.fixture
def silent_server() -> Iterator[Callable[[bytes], int]]:
    """A TCP port that takes connections and then answers ``reply`` to the first bytes
    (b"": says nothing at all); returns the port."""
    servers: list[socket.socket] = []
    held: list[socket.socket] = []

    def start(reply: bytes) -> int:
        server = socket.create_server(("127.0.0.1", 0))
        servers.append(server)

        def serve() -> None:
            while True:
                try:
                    conn, _ = server.accept()
                except OSError:
                    return
                held.append(conn)
                if reply:
                    conn.recv(8)  # PostgreSQL's SSLRequest
                    conn.sendall(reply)

        threading.Thread(target=serve, daemon=True).start()
        return int(server.getsockname()[1])

    yield start
    for sock in servers + held:
        sock.close()


def refusal(console: Console, url: str) -> ServiceError:
    with pytest.raises(ServiceError) as refused:
        hub_service.sync_hub(console, url)
    return refused.value


def test_no_server_at_the_address_is_said_in_chinese_and_the_driver_text_is_logged(
    laptops: Laptops, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    a = laptops("A")
    port = free_port("127.0.0.1")
    caplog.set_level(logging.WARNING, logger="hisconsole")
    for url in (
        f"postgresql+psycopg://nobody@127.0.0.1:{port}/his",
        f"postgresql+psycopg://nobody@/his?host={tmp_path}/no-server",
    ):
        error = refusal(a, url)
        zh = render(error, "zh")
        assert "没有 PostgreSQL 服务器应答" in zh and "离线" in zh, zh
        assert "refused" not in zh and "No such file" not in zh and "Is the" not in zh, zh
        assert "no PostgreSQL server answers" in render(error, "en")
    logged = caplog.text
    assert "Connection refused" in logged and "No such file or directory" in logged, logged
    assert not (a.data_dir / "hub.json").exists()


def test_a_hub_that_does_not_answer_or_speak_ssl_is_said_in_chinese(
    laptops: Laptops, silent_server: Callable[[bytes], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptops("A")
    monkeypatch.setattr(hub, "CONNECT_TIMEOUT_S", 2)  # libpq's least
    mute = silent_server(b"")
    zh = render(refusal(a, f"postgresql+psycopg://nobody@127.0.0.1:{mute}/his"), "zh")
    assert "2 秒内没有应答" in zh and "timeout" not in zh, zh
    plain = silent_server(b"N")  # "no SSL here"
    url = f"postgresql+psycopg://nobody@127.0.0.1:{plain}/his?sslmode=require"
    zh = render(refusal(a, url), "zh")
    assert "加密连接（SSL）" in zh and "does not support" not in zh, zh


def test_an_unknown_host_name_is_said_in_chinese(laptops: Laptops) -> None:
    a = laptops("A")
    zh = render(refusal(a, "postgresql+psycopg://nobody@no-such-hub.invalid/his"), "zh")
    assert "找不到中心库的主机名" in zh and "resolve" not in zh, zh


@pytest.mark.postgres
def test_a_missing_database_or_user_is_said_in_chinese(
    laptops: Laptops, pg_cluster: pgcluster.Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    a = laptops("A")
    zh = render(refusal(a, pg_cluster.url("nothing_here")), "zh")
    assert "中心库上没有数据库 nothing_here" in zh and "does not exist" not in zh, zh
    stranger = pg_cluster.url().replace(f"//{pg_cluster.user}@", "//nobody@")
    zh = render(refusal(a, stranger), "zh")
    assert "用户名或密码" in zh and "role" not in zh, zh
    # As the command line says it.
    a.close()
    code = main(["--lang", "zh", "--data-dir", str(a.data_dir), "sync", "--hub", stranger])
    err = capsys.readouterr().err
    assert code == 1 and "用户名或密码" in err and "FATAL" not in err, err


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ('FATAL:  password authentication failed for user "his"', "用户名或密码"),
        ("fe_sendauth: no password supplied", "用户名或密码"),
        ('FATAL:  no pg_hba.conf entry for host "10.0.0.7", user "his"', "用户名或密码"),
        ("SSL error: certificate verify failed", "加密连接（SSL）"),
        ("server closed the connection unexpectedly", "与中心库的连接中断"),
        ("SSL SYSCALL error: EOF detected", "与中心库的连接中断"),
        ("connection timeout expired", "10 秒内没有应答"),
    ],
)
def test_what_the_driver_says_is_known_by_its_words(said: str, words: str) -> None:
    error = hub.diagnosis(said, hub.parse_url("postgresql://his@hub.example/his"))
    zh = render(HubError(hub.CANNOT_BE_USED, describe="x", reason=error[0], **error[1]), "zh")
    assert words in zh and said not in zh, zh


def test_a_diagnostic_not_known_here_is_shown_after_the_words_that_say_whose_it_is() -> None:
    reason, params = hub.diagnosis("XX000 something odd", hub.parse_url("postgresql://h/d"))
    zh = render(HubError(hub.CANNOT_BE_USED, describe="h/d", reason=reason, **params), "zh")
    assert "数据库服务器回应：XX000 something odd" in zh, zh


def test_a_failure_not_the_drivers_is_said_in_chinese_and_its_text_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """SQLAlchemy's own failure (its pool exhausted, say) is no diagnostic of PostgreSQL's:
    its English goes to the log file, the reader gets the catalogue's words."""
    said = "QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00"
    url = hub.parse_url("postgresql+psycopg://his:secret@hub.example/his")
    with caplog.at_level(logging.WARNING), pytest.raises(HubError) as caught, hub.errors(url):
        raise sa_exc.TimeoutError(said)
    zh = render(caught.value, "zh")
    assert "中心库 hub.example/his 暂时无法使用" in zh and "离线" in zh, zh
    assert "详情见程序日志文件" in zh and "software" not in zh, zh
    assert "QueuePool" not in zh and "TimeoutError" not in zh and "secret" not in zh, zh
    assert said in caplog.text and "secret" not in caplog.text
