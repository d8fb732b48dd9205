"""Settings for every MRQ program, from four sources in rising precedence:
defaults < config file (``--config`` / ``MRQ_CONFIG``) < ``MRQ_*`` env vars < command-line flags.

A program declares its settings as a pydantic model subclassing :class:`Settings`. Each field
``foo_bar`` becomes the flag ``--foo-bar``, the env var ``<env_prefix>FOO_BAR`` and the config-file
name ``FOO_BAR`` (the env var without ``MRQ_``). A field can pin its env var with
``Field(json_schema_extra={"env": "MRQ_SOMETHING"})`` when several programs share it.

The config file is Python, as in the original MRQ, because some settings hold callables (raw
queue job factories). Names that are not a field of the program reading it are ignored: one file
configures every service.
"""

from __future__ import annotations

import argparse
import difflib
import os
import runpy
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, TypeVar

import orjson
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from mrq.errors import ConfigError
from mrq.security import ACCESS_ENV

S = TypeVar("S", bound="Settings")

#: SecretStr is a string whose repr (in --help, logs, errors) hides the value, for tokens.
_SCALARS = (str, int, float, bool, SecretStr)


class Settings(BaseModel):
    """Base class of a program's settings."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    env_prefix: ClassVar[str] = "MRQ_"

    @classmethod
    def env_name(cls, field: str) -> str:
        extra = cls.model_fields[field].json_schema_extra
        if isinstance(extra, dict) and isinstance(extra.get("env"), str):
            return str(extra["env"])
        return cls.env_prefix + field.upper()

    @classmethod
    def file_name(cls, field: str) -> str:
        return cls.env_name(field).removeprefix("MRQ_")


class BrokerAccessSettings(Settings):
    """The access settings, as flags, env vars and config-file names, for programs to inherit."""

    auth_token: SecretStr = Field(
        SecretStr(""),
        json_schema_extra={"env": ACCESS_ENV["auth_token"]},
        description="the broker's shared token; prefer --auth-token-file, which keeps it out of ps and env dumps",
    )
    auth_token_file: str = Field(
        "",
        json_schema_extra={"env": ACCESS_ENV["auth_token_file"]},
        description="file holding the broker's shared token",
    )
    broker_tls_ca_file: str = Field(
        "",
        json_schema_extra={"env": ACCESS_ENV["broker_tls_ca_file"]},
        description="PEM CA that signed the broker's certificate; set = TLS",
    )
    broker_tls_cert_file: str = Field(
        "",
        json_schema_extra={"env": ACCESS_ENV["broker_tls_cert_file"]},
        description="PEM client certificate, for a broker that requires one (mTLS)",
    )
    broker_tls_key_file: str = Field(
        "",
        json_schema_extra={"env": ACCESS_ENV["broker_tls_key_file"]},
        description="PEM key of the client certificate",
    )


def load_config_file(path: str) -> dict[str, Any]:
    """Runs a Python config file and returns its UPPERCASE names."""
    try:
        namespace = runpy.run_path(path)
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except Exception as exc:  # any error in user config is reported as such
        raise ConfigError(f"config file {path} failed: {exc!r}") from exc
    return {k: v for k, v in namespace.items() if k.isupper() and not isinstance(v, types.ModuleType)}


def _flag_kind(annotation: Any) -> str | None:
    """'scalar', 'list' or None (settable from the config file or env as JSON only)."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if annotation in _SCALARS or (
        typing.get_origin(annotation) in (types.UnionType, typing.Union) and len(args) == 1 and args[0] in _SCALARS
    ):
        return "scalar"
    if typing.get_origin(annotation) is list and typing.get_args(annotation)[0] is str:
        return "list"
    return None


def _split_list(raw: str) -> list[str]:
    """Items of a comma-separated list value, e.g. ``"a, b"`` → ``["a", "b"]``."""
    return [item.strip() for item in raw.split(",") if item.strip()]


def _env_value(annotation: Any, raw: str) -> Any:
    kind = _flag_kind(annotation)
    if kind == "scalar":
        return raw
    if kind == "list":
        return _split_list(raw)
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ConfigError(f"env var must be JSON: {exc}") from exc


#: Every key a ``TASKS`` entry may hold. The broker reads the routing and defaults (queue,
#: timeout_s, max_retries, retry_delay_s, result_ttl_s, priority, abort_ttl_s, final_ttl_s) and
#: the limits; the worker, the automatic retries (retry_on, retry_backoff). Both check entries
#: against this one list, so that a typo such as ``max_retires`` stops either at start instead of
#: doing nothing. The names are the contract's (``JobOptions.timeout_s``): a duration's unit is
#: in its name, as in the broker's flags (``--default-timeout-s``, ``--final-ttl-s``).
TASK_KEYS = frozenset(
    {
        "queue",
        "timeout_s",
        "max_retries",
        "retry_delay_s",
        "result_ttl_s",
        "priority",
        "abort_ttl_s",
        "final_ttl_s",
        "max_concurrency",
        "rate_limit",
        "rate_limit_per_s",
        "limit_key",
        "on_limit",
        "unique",
        "retry_on",
        "retry_backoff",
    }
)

#: The ``TASKS`` and ``QUEUES_CONFIG`` keys renamed to the rule above (old name -> new name). The
#: old names are still read, with a deprecation warning in the broker's log.
RENAMED_KEYS = {
    "timeout": "timeout_s",
    "retry_delay": "retry_delay_s",
    "result_ttl": "result_ttl_s",
    "abort_ttl": "abort_ttl_s",
    "final_ttl": "final_ttl_s",
}


def rename_keys(table: Mapping[str, Mapping[str, Any]], name: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """``table`` (``TASKS`` or ``QUEUES_CONFIG``, called ``name``) with every old key name of
    :data:`RENAMED_KEYS` replaced by its new one, and a note per replaced key for the log.

    Raises:
        ValueError: an entry gives both names of one key.
    """
    renamed: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    for entry_name, entry in table.items():
        if not isinstance(entry, Mapping):  # left for the settings' own check to refuse
            renamed[entry_name] = entry
            continue
        new_entry = dict(entry)
        for old, new in RENAMED_KEYS.items():
            if old not in new_entry:
                continue
            if new in new_entry:
                raise ValueError(f"{name}[{entry_name!r}]: give {new!r} only ({old!r} is its old name)")
            new_entry[new] = new_entry.pop(old)
            notes.append(f"{name}[{entry_name!r}]: {old!r} is deprecated, name it {new!r}")
        renamed[entry_name] = new_entry
    return renamed, notes


def check_task_keys(tasks: Mapping[str, Mapping[str, Any]]) -> None:
    """Raises ValueError naming the first ``TASKS`` entry with a key neither in :data:`TASK_KEYS`
    nor an old name of one (:data:`RENAMED_KEYS`)."""
    known = TASK_KEYS | RENAMED_KEYS.keys()
    for task, entry in tasks.items():
        for key in entry:
            if key not in known:
                close = difflib.get_close_matches(key, TASK_KEYS, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise ValueError(
                    f"TASKS[{task!r}]: unknown key {key!r}{hint}; the keys are {', '.join(sorted(TASK_KEYS))}"
                )


#: How every program takes a list setting, in --help.
LIST_FLAGS_HELP = (
    "A list setting takes one comma-separated value, as its env var does: --task-packages tasks,reports (given once)."
)


def program_version(prog: str) -> str:
    """``mrq-worker 0.1.0``: the program (the first word of ``prog``) and the project's version,
    which every package carries (see tests/unit/test_versions.py)."""
    import mrq

    return f"{prog.split()[0]} {mrq.__version__}"


class _ListFlag(argparse.Action):
    """A list setting's flag: one comma-separated value, so that the words after it stay
    positional (``--task-packages a,b high default``); given twice, it is a usage error rather
    than the last one silently winning."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if hasattr(namespace, self.dest):
            parser.error(f"{option_string} given twice: give its items once, comma-separated ({option_string} a,b)")
        setattr(namespace, self.dest, _split_list(values))


def build_parser(
    model: type[Settings], *, prog: str, description: str, positional: str | None = None
) -> argparse.ArgumentParser:
    """An argparse parser with one flag per settable field of ``model``, and ``--version``."""
    parser = argparse.ArgumentParser(
        prog=prog, description=description, epilog=LIST_FLAGS_HELP, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=program_version(prog))
    parser.add_argument("--config", metavar="FILE", help="Python config file with UPPERCASE settings (env: MRQ_CONFIG)")
    for name, field in model.model_fields.items():
        kind = _flag_kind(field.annotation)
        value = field.get_default(call_default_factory=True)
        if isinstance(value, SecretStr):  # shown as what a user types, never the value
            value = "***" if value.get_secret_value() else ""
        default = "" if field.is_required() else f" (default: {value!r})"
        help_text = f"{field.description or ''}{default} [env: {model.env_name(name)}]"
        if name == positional:
            parser.add_argument(name, nargs="*", default=argparse.SUPPRESS, help=help_text)
        elif kind == "scalar" and field.annotation is bool:
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                action=argparse.BooleanOptionalAction,
                default=argparse.SUPPRESS,
                help=help_text,
            )
        elif kind == "list":
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                default=argparse.SUPPRESS,
                action=_ListFlag,
                metavar="A,B",
                help=help_text,
            )
        elif kind is not None:
            parser.add_argument(f"--{name.replace('_', '-')}", default=argparse.SUPPRESS, help=help_text)
    return parser


def parse_settings(
    model: type[S], argv: Sequence[str] | None = None, *, prog: str, description: str, positional: str | None = None
) -> S:
    """Parses ``argv`` (default ``sys.argv[1:]``) into ``model``; exits with a usage error on bad input."""
    parser = build_parser(model, prog=prog, description=description, positional=positional)
    # Intermixed: queues may come before, between and after the flags.
    args = vars(parser.parse_intermixed_args(argv))
    if positional in args:  # positional words may hold comma-separated items too: "high,low"
        args[positional] = [item for word in args[positional] for item in _split_list(word)]
    try:
        return settings_from(model, config_path=args.pop("config", None), flags=args)
    except ConfigError as exc:
        parser.error(str(exc))
        raise  # unreachable: parser.error exits


def settings_from(
    model: type[S],
    *,
    config_path: str | None = None,
    flags: dict[str, Any] | None = None,
    environ: typing.Mapping[str, str] | None = None,
) -> S:
    """Merges defaults, config file, env and flags into ``model``."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config_path or environ.get("MRQ_CONFIG")
    if path:
        file_values = load_config_file(path)
        values.update(
            {
                name: file_values[model.file_name(name)]
                for name in model.model_fields
                if model.file_name(name) in file_values
            }
        )
    for name, field in model.model_fields.items():
        raw = environ.get(model.env_name(name))
        if raw is not None:
            try:
                values[name] = _env_value(field.annotation, raw)
            except ConfigError as exc:
                raise ConfigError(f"{model.env_name(name)}: {exc}") from exc
    values.update({k: v for k, v in (flags or {}).items() if v != []})
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        location = ".".join(str(p) for p in first["loc"])
        if first["loc"] and first["loc"][0] in model.model_fields:  # say where it is set, too
            location += f" ({model.env_name(str(first['loc'][0]))})"
        raise ConfigError(f"{location}: {first['msg']}") from exc
