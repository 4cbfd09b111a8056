"""NN Studio: build, train and step through small neural networks by hand."""

__version__ = "0.1.0"
