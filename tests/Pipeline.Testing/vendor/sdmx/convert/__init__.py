from .common import Converter

__all__ = ["Converter"]
