"""Publisher pages, saved as HTML or as text: the page's markup and metadata read
first (``html``, ``markup``, ``metadata``), then its lines read as an issue (``layout``)."""
