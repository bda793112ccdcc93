"""The access log without secrets: a signed download link works for an hour for
whoever has it, so its signature is left out of the logged address."""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from uvicorn.config import LOGGING_CONFIG

from bookstore.logs import ROOT_LOGGER, RotatingLog, log_file

_SIGNATURE = re.compile(r"((?:^|[?&])signature=)[^&#\s]*", re.IGNORECASE)


class HideSignatures(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) >= 3:
            args = list(record.args)
            if isinstance(args[2], str) and "signature=" in args[2].lower():
                args[2] = _SIGNATURE.sub(r"\1[hidden]", args[2])
                record.args = tuple(args)
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's logging configuration with signatures left out of the access log, and
    the server's own records on stderr and in the log file (``bookstore.logs``)."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["hide_signatures"] = {"()": HideSignatures}
    config["handlers"]["access"]["filters"] = ["hide_signatures"]
    config["handlers"]["log_file"] = {"()": RotatingLog, "path": log_file()}
    config["loggers"][ROOT_LOGGER] = {"handlers": ["default", "log_file"], "level": "INFO"}
    return config
