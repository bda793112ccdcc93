"""The words every importer reads by: dates, the publisher's vocabulary, and series'
names with the one slug a series' name makes."""
