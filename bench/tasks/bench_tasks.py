"""The trivial task every benchmark runs."""


def add(params):
    return params["a"] + params["b"]
