"""Data files shipped with NN Studio (installed as the package ``nnstudio.resources``)."""
