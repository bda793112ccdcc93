"""HTML and XML as the importers and the store read them: parsed completely or not
at all, walked without recursion into lines or plain text, class names read as words."""
