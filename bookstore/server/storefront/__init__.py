"""The storefront: the store's web pages, where a reader app's Buy button lands and a
browser buys. Server-rendered HTML (Jinja2), no JavaScript, English, Polish and
Russian (gettext catalogs through babel), over the same accounts, carts, orders and
entitlements as the JSON API and the OPDS shelf."""
