"""The engine and the data model: NumPy only, never Qt."""
