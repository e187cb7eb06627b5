"""Settings from defaults and ``QUOTES_*`` variables, checked at start-up."""

from __future__ import annotations

import pytest

from service.config import ConfigError, Settings


def test_defaults_without_environment() -> None:
    settings = Settings.from_env({})
    assert settings.max_chars == 100_000
    assert settings.spacy_model == ""
    assert settings.load_async is True


def test_environment_overrides_defaults() -> None:
    settings = Settings.from_env(
        {"QUOTES_MAX_CHARS": "2_000", "QUOTES_SPACY_MODEL": "en_core_web_md", "QUOTES_LOAD_ASYNC": "off"}
    )
    assert (settings.max_chars, settings.spacy_model, settings.load_async) == (2000, "en_core_web_md", False)


@pytest.mark.parametrize(
    "environ, names",
    [
        ({"QUOTES_MAX_CHARS": "lots"}, "QUOTES_MAX_CHARS"),
        ({"QUOTES_MAX_CHARS": "0"}, "QUOTES_MAX_CHARS"),
        ({"QUOTES_LOAD_ASYNC": "maybe"}, "QUOTES_LOAD_ASYNC"),
        ({"QUOTES_LOG_LEVEL": "chatty"}, "QUOTES_LOG_LEVEL"),
    ],
)
def test_bad_values_fail_naming_the_variable(environ: dict[str, str], names: str) -> None:
    with pytest.raises(ConfigError, match=names):
        Settings.from_env(environ)


def test_unknown_override_is_an_error() -> None:
    with pytest.raises(ConfigError, match="max_chars"):
        Settings().with_overrides({"max_char": 5})
