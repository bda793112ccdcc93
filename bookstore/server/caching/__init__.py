"""What the server keeps made: documents per library generation and issue files."""
