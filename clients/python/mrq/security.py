"""How programs prove themselves to the broker, and how secrets stay out of what they print.

The broker can require a shared token (``authorization: Bearer <token>`` metadata on every call)
and TLS, optionally with client certificates (mTLS). Every program that calls the broker (the
client, ``mrq`` CLI, worker, scheduler, dashboard) takes the same five settings
(:class:`mrq.config.BrokerAccessSettings` for the services), read once into a
:class:`BrokerAccess`; :func:`mrq.rpc.open_channel` is the one place that turns it into a channel.

Tokens and URL passwords must never reach logs, reports, metrics or error messages:
:func:`redact_url` is the one way a URL is shown.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from mrq.errors import ConfigError

if TYPE_CHECKING:
    import grpc

#: The env var of each BrokerAccess setting, the same for every program. The TLS files are the
#: caller's side (CA that signed the broker's certificate, the client's own certificate and
#: key), hence BROKER_ in their names: the broker's own certificate is MRQ_TLS_CERT_FILE.
ACCESS_ENV = {
    "auth_token": "MRQ_AUTH_TOKEN",
    "auth_token_file": "MRQ_AUTH_TOKEN_FILE",
    "broker_tls_ca_file": "MRQ_BROKER_TLS_CA_FILE",
    "broker_tls_cert_file": "MRQ_BROKER_TLS_CERT_FILE",
    "broker_tls_key_file": "MRQ_BROKER_TLS_KEY_FILE",
}
AUTH_METADATA_KEY = "authorization"
REDACTED = "***"
#: Query parameters of a URL whose value is a secret.
_SECRET_QUERY_KEYS = ("password", "secret", "token")


def read_token(token: str, token_file: str) -> str:
    """The token given directly, or the first line of ``token_file`` (so it stays out of ``ps``
    output and env dumps); "" when neither is set.

    Raises:
        ConfigError: both are set, or the file can't be read (the message names the file only).
    """
    if token and token_file:
        raise ConfigError("set the auth token or the auth token file, not both")
    if not token_file:
        return token
    try:
        return Path(token_file).read_text().strip()
    except OSError as exc:
        raise ConfigError(f"cannot read the auth token file {token_file}: {exc.strerror}") from None


def _read_file(path: str, what: str) -> bytes | None:
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the {what} {path}: {exc.strerror}") from None


@dataclass(frozen=True)
class BrokerAccess:
    """A caller's credentials for the broker: the token, and TLS files (all optional).

    TLS is on when ``broker_tls_ca_file`` is set; the certificate and key are the client's, for
    a broker that requires client certificates.
    """

    auth_token: str = field(default="", repr=False)
    auth_token_file: str = ""
    broker_tls_ca_file: str = ""
    broker_tls_cert_file: str = ""
    broker_tls_key_file: str = ""

    @classmethod
    def of(cls, settings: object) -> BrokerAccess:
        """The access settings of a program's settings (which have the same field names)."""

        def value(name: str) -> str:
            raw = getattr(settings, name, "")
            secret = getattr(raw, "get_secret_value", None)  # a pydantic SecretStr
            return str(secret() if callable(secret) else raw or "")

        return cls(**{f.name: value(f.name) for f in fields(cls)})

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> BrokerAccess:
        return cls(**{name: environ.get(env, "") for name, env in ACCESS_ENV.items()})

    def env(self) -> dict[str, str]:
        """The env vars that give a child process the same access."""
        return {ACCESS_ENV[f.name]: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def token(self) -> str:
        return read_token(self.auth_token, self.auth_token_file)

    def channel_credentials(self) -> grpc.ChannelCredentials | None:
        """TLS credentials, or None for a plaintext channel."""
        import grpc  # not at the top: `mrq run` loads this module and must not load gRPC

        if not self.broker_tls_ca_file:
            if self.broker_tls_cert_file or self.broker_tls_key_file:
                raise ConfigError("a TLS client certificate needs the broker's CA file (broker_tls_ca_file)")
            return None
        return grpc.ssl_channel_credentials(
            root_certificates=_read_file(self.broker_tls_ca_file, "broker TLS CA file"),
            private_key=_read_file(self.broker_tls_key_file, "broker TLS key file"),
            certificate_chain=_read_file(self.broker_tls_cert_file, "broker TLS certificate file"),
        )


def redact_url(url: str) -> str:
    """``url`` with the password of its user info and secret query values replaced by ``***``:
    ``redis://:pw@host:6379/0`` → ``redis://:***@host:6379/0``."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return REDACTED  # unparseable: show nothing rather than risk the secret
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hosts = netloc.rpartition("@")
        user, has_password, _ = userinfo.partition(":")
        netloc = f"{user}:{REDACTED}@{hosts}" if has_password else netloc
    query = "&".join(
        f"{key}={REDACTED}" if any(s in key.lower() for s in _SECRET_QUERY_KEYS) else f"{key}={value}"
        for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    )
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc, query=query if parts.query else ""))


def redact_argv(argv: Sequence[str]) -> list[str]:
    """A command line fit to show: URLs redacted, the value of ``--auth-token`` hidden."""
    shown: list[str] = []
    for arg in argv:
        if shown and shown[-1] == "--auth-token":
            arg = REDACTED
        elif arg.startswith("--auth-token="):
            arg = f"--auth-token={REDACTED}"
        elif "://" in arg:
            arg = redact_url(arg)
        shown.append(arg)
    return shown
