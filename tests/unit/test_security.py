"""Redaction of URLs and command lines, and reading the token."""

from __future__ import annotations

from pathlib import Path

import pytest

from mrq.config import build_parser, settings_from
from mrq.errors import ConfigError
from mrq.security import BrokerAccess, read_token, redact_argv, redact_url
from mrq_broker.settings import BrokerSettings


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("redis://:pw@host:6379/0", "redis://:***@host:6379/0"),
        ("redis://user:pw@host:6379/0", "redis://user:***@host:6379/0"),
        ("mongodb://u:p%40ss@h1:1,h2:2/db?authSource=admin", "mongodb://u:***@h1:1,h2:2/db?authSource=admin"),
        ("mongodb://h/db?password=pw&tls=true", "mongodb://h/db?password=***&tls=true"),
        ("redis://host:6379/0", "redis://host:6379/0"),
        ("mongodb://user@host/db", "mongodb://user@host/db"),
    ],
)
def test_redact_url_hides_passwords_only(url: str, shown: str) -> None:
    assert redact_url(url) == shown


def test_redact_argv_hides_tokens_and_url_passwords() -> None:
    argv = ["mrq-broker", "--auth-token", "tok", "--auth-token=tok2", "--redis-url", "redis://:pw@h/0"]
    assert redact_argv(argv) == [
        "mrq-broker",
        "--auth-token",
        "***",
        "--auth-token=***",
        "--redis-url",
        "redis://:***@h/0",
    ]


def test_the_token_comes_from_its_file_and_never_from_both(tmp_path: Path) -> None:
    (tmp_path / "token").write_text("from-file\n")
    assert read_token("", str(tmp_path / "token")) == "from-file"
    assert BrokerAccess(auth_token_file=str(tmp_path / "token")).token() == "from-file"
    with pytest.raises(ConfigError, match="not both"):
        read_token("direct", str(tmp_path / "token"))
    with pytest.raises(ConfigError, match="cannot read the auth token file"):
        read_token("", str(tmp_path / "missing"))


def test_the_broker_token_is_hidden_in_its_settings_and_help() -> None:
    settings = settings_from(BrokerSettings, environ={"MRQ_AUTH_TOKEN": "tok-123"})
    assert settings.auth_token.get_secret_value() == "tok-123"
    assert "tok-123" not in repr(settings) and "tok-123" not in str(settings.model_dump())
    assert "--auth-token" in build_parser(BrokerSettings, prog="mrq-broker", description="").format_help()


def test_a_client_certificate_without_a_ca_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="CA file"):
        BrokerAccess(broker_tls_cert_file="c.pem").channel_credentials()
