/**
 * The MRQ release this client belongs to: the project's one version (Python's mrq.__version__;
 * tests/unit/test_versions.py fails when a copy differs).
 */
export const VERSION = '0.1.0';
