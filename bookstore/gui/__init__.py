"""The Qt window: the only package that imports Qt."""
