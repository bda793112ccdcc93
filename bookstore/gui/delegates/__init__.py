"""How the list paints its cells."""
