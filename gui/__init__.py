"""PixelPost: a desktop client for the Model Studio (DashScope) image APIs."""

__version__ = "0.1.0"
