"""What a server is started with; passed to worker processes as JSON in the environment."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from bookstore.server.caching.cache_budget import DEFAULT_LIMIT
from bookstore.server.db.database import default_url

ENVIRONMENT_VARIABLE = "BOOKSTORE_SERVER_CONFIG"
MAX_BODY = 64 * 1024


@dataclass(frozen=True)
class ServerConfig:
    library: Path
    database_url: str = ""  # default: SQLite in the library folder
    cache: Path | None = None  # default: store-cache/ in the library folder
    cache_limit: int = DEFAULT_LIMIT  # bytes of made files kept (least recently used go)
    seller_name: str = "Polish Institute of International Affairs"
    seller_address: str = "ul. Warecka 1a, 00-950 Warsaw, Poland"
    page_size: int = 30  # entries per acquisition feed page
    public_url: str = ""  # where readers reach the store (https://store.example.org)
    checkout_lease: int = 120  # seconds after which an unfinished checkout was cut off
    test_payment_delay: float = 0.0  # seconds the test provider takes per charge

    @property
    def database(self) -> str:
        return self.database_url or default_url(self.library)

    @property
    def cache_folder(self) -> Path:
        return self.cache or self.library / "store-cache"

    def to_environment(self) -> None:
        data = asdict(self)
        data["library"] = str(self.library)
        data["cache"] = str(self.cache) if self.cache else None
        os.environ[ENVIRONMENT_VARIABLE] = json.dumps(data)

    @classmethod
    def from_environment(cls) -> ServerConfig:
        data = json.loads(os.environ[ENVIRONMENT_VARIABLE])
        data["library"] = Path(data["library"])
        data["cache"] = Path(data["cache"]) if data.get("cache") else None
        return cls(**data)
