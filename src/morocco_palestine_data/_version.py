"""Version of the package and of the data it ships (one number for both)."""

__version__ = "0.1.0"
# The date this version of the data was released; stamped as `created` in datapackage.json
# so that rebuilding does not change the descriptor.
RELEASE_DATE = "2026-11-28"
