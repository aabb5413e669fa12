import sys

from hello_py import __version__, greet


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "world"
    print(f"{greet(name)} (hello-py {__version__})")
