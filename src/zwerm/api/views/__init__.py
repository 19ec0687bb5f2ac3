"""The API's views: thin, each calls the apps' selectors and services."""
