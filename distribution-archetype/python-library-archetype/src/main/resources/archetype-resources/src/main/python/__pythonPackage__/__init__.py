"""${artifactId}: greetings as a library."""


def greet(name: str = "world") -> str:
    """Return the greeting for one name."""
    return f"Hello, {name}!"
