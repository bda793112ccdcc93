"""What the store sells, read from the catalog library, and the words it shows."""
