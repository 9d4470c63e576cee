"""The package root: every public name, imported lazily."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import nomad_typed
from nomad_typed import _SOURCES, _exceptions

# Modules whose whole public surface the root re-exports.
FULLY_EXPORTED = ("nomad_typed.models", "nomad_typed.models.requests", "nomad_typed.models.responses")


def test_every_root_name_resolves_to_its_module_object() -> None:
    for module_name, names in _SOURCES.items():
        module = importlib.import_module(module_name, "nomad_typed")
        for name in names.split():
            assert name in module.__all__, f"{module_name}.{name}"
            assert getattr(nomad_typed, name) is getattr(module, name), name


def test_model_packages_are_exported_whole() -> None:
    for module_name in FULLY_EXPORTED:
        module = importlib.import_module(module_name)
        missing = sorted(set(module.__all__) - set(nomad_typed.__all__))
        assert missing == [], module_name


def test_every_exception_is_exported() -> None:
    # Callers catch what the client raises without reaching into private modules.
    raised = {
        name
        for name in _exceptions.__all__
        if isinstance(getattr(_exceptions, name), type)
        and issubclass(getattr(_exceptions, name), BaseException)
    }
    assert sorted(raised - set(nomad_typed.__all__)) == []
    assert nomad_typed.JobValidationError is _exceptions.JobValidationError
    assert nomad_typed.JobValidationError.__mro__[1:3] == (nomad_typed.NomadError, ValueError)


def test_unknown_name_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match=r"^module 'nomad_typed' has no attribute 'NoSuchThing'$"):
        nomad_typed.NoSuchThing  # noqa: B018


def test_importing_the_package_loads_nothing_heavy() -> None:
    probe = "import sys, nomad_typed; print(sorted(m for m in ('pydantic', 'requests') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_python_nomad_style_entry_points() -> None:
    assert nomad_typed.Nomad.__name__ == "Nomad"
    assert nomad_typed.api.exceptions.URLNotFoundNomadException is nomad_typed.NotFoundError
    assert nomad_typed.api.exceptions.BaseNomadException is nomad_typed.NomadError
