"""Fetching one URL the user asked for, within the limits of the batch.

clew makes no network call the user did not ask for: this module is reached only from a URL
target, a feed's entries or a CSV's url column. A hostile or broken server must not stall a batch,
so the body is streamed and dropped as soon as it passes ``limits.max_bytes``, and the whole fetch,
not just each read, must finish within ``limits.fetch_timeout``: a server that trickles a byte at
a time never trips a per-read timeout.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from clew.ingest.base import Limits
from clew.ingest.readers.contract import over_limit
from clew.model import Failure

if TYPE_CHECKING:
    import ssl

MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Page:
    """A fetched body and what the server said about it."""

    url: str  # after redirects
    content_type: str  # the media type alone, lower case: "text/html"; "" when none was sent
    charset: str | None  # the charset the server declared, if any
    body: bytes


def fetch(url: str, limits: Limits) -> Page | Failure:
    """GET ``url`` following up to five redirects; any problem is a Failure, never an exception."""
    import httpx

    deadline = time.monotonic() + limits.fetch_timeout
    try:
        with (
            httpx.Client(
                headers={"User-Agent": limits.user_agent},
                verify=_tls(),
                timeout=limits.fetch_timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if not response.is_success:
                return Failure(
                    url,
                    f"the server answered {response.status_code} {response.reason_phrase}: "
                    "check the URL in a browser",
                )
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limits.max_bytes:
                return over_limit(url, "the response", int(declared), limits)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limits.max_bytes:
                    return over_limit(url, "the response", None, limits)
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("the whole response took too long")
            media_type, _, _ = response.headers.get("Content-Type", "").partition(";")
            return Page(
                url=str(response.url),
                content_type=media_type.strip().lower(),
                charset=response.charset_encoding,
                body=bytes(body),
            )
    except httpx.TimeoutException:
        return Failure(
            url,
            f"no complete answer within {limits.fetch_timeout:g} s: "
            "the server is slow or unreachable; try again later",
        )
    except httpx.TooManyRedirects:
        return Failure(url, f"more than {MAX_REDIRECTS} redirects: open the URL in a browser")
    except httpx.InvalidURL as exc:
        return Failure(url, f"not a valid URL ({exc}): check it")
    except httpx.HTTPError as exc:
        return Failure(url, f"cannot fetch ({type(exc).__name__}: {exc}): check the URL")


@cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every fetch: building it (loading the CA bundle) costs more than a
    small page, and a feed fetches one page per entry."""
    import httpx

    return httpx.create_ssl_context()
