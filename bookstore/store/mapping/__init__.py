"""What a catalog entry becomes in the library: the issue, its authors, the facts a downloaded file gives, and where an unplaced book goes."""
