package mrq

// Version is the MRQ release this client belongs to: the project's one version (Python's
// mrq.__version__; tests/unit/test_versions.py fails when a copy differs).
const Version = "0.1.0"
