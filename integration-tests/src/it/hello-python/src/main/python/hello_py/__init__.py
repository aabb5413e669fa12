"""A small greeter used to test publishing Python packages from Maven."""

from importlib.metadata import version

__version__ = version("hello-py")


def greet(name: str) -> str:
    return f"Hello, {name}!"
