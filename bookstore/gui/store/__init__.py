"""The Store and Feeds views of the window (catalog, entry page, cart, checkout,
downloads, account; feed subscriptions). Work runs on the window's workers through
the Qt-free functions of ``tasks``."""
